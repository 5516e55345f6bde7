import { Button, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { ConcernList } from '../components/ConcernList';
import { RaiseConcernForm } from '../components/RaiseConcernForm';
import { useAllConcerns, useMyConcerns } from '../hooks/useConcerns';

/** Concerns: raise one, follow your own, and (reviewers) triage the queue. */
export function ConcernsPage() {
  const { org, can } = useOrg();
  const reviewer = can('approve');
  const member = can('concern');
  const [view, setView] = useState<'open' | 'all'>('open');
  const mine = useMyConcerns(org.id, member);
  const all = useAllConcerns(org.id, view === 'open', reviewer);
  if (!member)
    return (
      <Stack gap="lg">
        <PageHeader eyebrow="Operation" title="Concerns" />
        <Text size="sm">
          Concerns are raised and reviewed by the organization's own members; your role does not see them. What they lead to shows
          in the incidents and the risk register.
        </Text>
      </Stack>
    );
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Operation"
        title="Concerns"
        description="Anyone in the organization can raise a concern about an AI system, in their name or anonymously. Reviewers decide whether it is an incident, a risk, or can be closed, and you see what they decided."
      />
      {reviewer && (
        <SectionCard
          title={view === 'open' ? 'To triage' : 'All concerns'}
          description="Concerns raised anonymously show “Anonymous”: reviewers are not shown who raised them."
          aside={
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(v) => setView(v as 'open' | 'all')}
              data={[
                { value: 'open', label: 'To triage' },
                { value: 'all', label: 'All' },
              ]}
            />
          }
        >
          <QueryState query={all}>
            {(d) => (
              <Stack gap="sm">
                <ConcernList
                  orgId={org.id}
                  items={d.items}
                  label={view === 'open' ? 'Concerns to triage' : 'All concerns'}
                  empty={view === 'open' ? 'No concern is waiting for triage.' : 'No concern has been raised.'}
                />
                {d.more && (
                  <Button
                    variant="default"
                    loading={all.isFetchingNextPage}
                    onClick={() => !all.isFetchingNextPage && all.fetchNextPage()}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    Show more
                  </Button>
                )}
              </Stack>
            )}
          </QueryState>
        </SectionCard>
      )}
      <SectionCard title="Raise a concern">
        <RaiseConcernForm orgId={org.id} />
      </SectionCard>
      <SectionCard title="My concerns" description="Only you see this list, including the concerns you raised anonymously.">
        <QueryState query={mine}>
          {(d) => <ConcernList orgId={org.id} items={d.items} mine label="My concerns" empty="You have not raised a concern." />}
        </QueryState>
      </SectionCard>
    </Stack>
  );
}
