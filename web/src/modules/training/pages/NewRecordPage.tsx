import { Paper, Stack } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { useMembers } from '../../../shared/org/orgData';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { RecordForm } from '../components/RecordForm';

/** Record a completion; ?userId= and ?topicId= prefill the person and topic. */
export function NewRecordPage() {
  const { org } = useOrg();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const members = useMembers(org.id);
  const base = `/orgs/${org.id}/training`;
  return (
    <Stack gap="lg">
      <BackLink to={base}>Training matrix</BackLink>
      <PageHeader eyebrow="Training" title="Record a training completion" />
      <Paper withBorder p="lg">
        <QueryState query={members}>
          {({ items }) => {
            const member = items.find((m) => m.userId === params.get('userId'));
            return (
              <RecordForm
                record={null}
                prefill={{
                  ...(member ? { person: { userId: member.userId, name: member.name } } : {}),
                  ...(params.get('topicId') ? { topicId: params.get('topicId') as string } : {}),
                }}
                onSaved={() => navigate(`${base}/records`)}
              />
            );
          }}
        </QueryState>
      </Paper>
    </Stack>
  );
}
