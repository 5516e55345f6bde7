import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { ConcernStatusBadge } from '../components/labels';
import { TriageForm } from '../components/TriageForm';
import { type AuditEntry, ChangeHistory } from '../../../shared/ui/ChangeHistory';
import { type Concern, useConcern, useConcernHistory, useStartTriage } from '../hooks/useConcerns';

const FIELD_LABELS = {
  status: 'Status',
  incidentNumber: 'Incident',
  riskNumber: 'Risk',
  closeReason: 'Reason for closing',
};
const STATUS_WORDS: Record<string, string> = {
  new: 'New',
  'in-triage': 'Being looked at',
  incident: 'Handled as an incident',
  risk: 'Added to the risk register',
  closed: 'Closed',
};
const ACTIONS: Record<string, string> = { create: 'Raised', update: 'Taken up for triage', triage: 'Triaged' };

function describeEntry(e: AuditEntry) {
  return { title: `${ACTIONS[e.action] ?? 'Changed'} by ${e.actor}` };
}
const formatValue = (field: string, value: unknown) =>
  field === 'status' && typeof value === 'string' ? (STATUS_WORDS[value] ?? null) : null;

function Outcome({ orgId, c }: { orgId: string; c: Concern }) {
  return (
    <Stack gap={4}>
      <Text size="sm">{c.outcomeText}</Text>
      {c.incident && (
        <Anchor component={Link} to={`/orgs/${orgId}/incidents/${c.incident.id}`} size="sm">
          Open incident {c.incident.number}
        </Anchor>
      )}
      {c.risk && (
        <Anchor component={Link} to={`/orgs/${orgId}/risks/${c.risk.id}`} size="sm">
          Open risk {c.risk.number}
        </Anchor>
      )}
      {c.triagedBy && c.triagedAt && (
        <Text size="xs" c="dimmed">
          Decided by {c.triagedBy.name} on {formatDateTime(c.triagedAt)}
        </Text>
      )}
    </Stack>
  );
}

/** One concern: what was raised, and the triage (reviewers) or its outcome. */
export function ConcernPage() {
  const { org, can } = useOrg();
  const { concernId = '' } = useParams();
  const concern = useConcern(org.id, concernId);
  const start = useStartTriage(org.id, concernId);
  const reviewer = can('approve');
  const history = useConcernHistory(org.id, concernId, reviewer);
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/concerns`}>Concerns</BackLink>
      <QueryState query={concern}>
        {(c) => (
          <>
            <PageHeader
              eyebrow={`Concern · ${c.number}`}
              title={c.aiSystem ? `About ${c.aiSystem.name}` : 'Concern'}
              badge={<ConcernStatusBadge concern={c} />}
              actions={
                reviewer && c.status === 'new' ? (
                  <Button variant="default" loading={start.isPending} onClick={() => !start.isPending && start.mutate()}>
                    I'm looking at it
                  </Button>
                ) : undefined
              }
            />
            <Paper withBorder p="lg">
              <Stack gap="sm">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {c.description}
                </Text>
                <Text size="xs" c="dimmed">
                  {[
                    c.yours
                      ? c.anonymous
                        ? 'Raised by you, anonymously: reviewers see “Anonymous”'
                        : 'Raised by you'
                      : `Raised by ${c.raisedByLabel}`,
                    formatDateTime(c.raisedAt),
                    c.noticedOn ? `noticed ${formatDate(c.noticedOn)}` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {c.aiSystem && (
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      AI system:
                    </Text>
                    <Anchor component={Link} to={`/orgs/${org.id}/inventory/${c.aiSystem.id}`} size="sm">
                      {c.aiSystem.name}
                    </Anchor>
                  </Group>
                )}
              </Stack>
            </Paper>
            {c.outcome || !reviewer ? (
              <SectionCard title="Outcome">
                <Outcome orgId={org.id} c={c} />
              </SectionCard>
            ) : (
              <SectionCard
                title="Triage"
                description="Decide once: open an incident, add a risk to the register, or close it with a reason. The person who raised it is told."
              >
                <TriageForm orgId={org.id} concern={c} />
              </SectionCard>
            )}
            {reviewer && (
              <SectionCard title="Change history">
                <QueryState query={history}>
                  {({ items }) => (
                    <ChangeHistory
                      entries={items}
                      fieldLabels={FIELD_LABELS}
                      describe={describeEntry}
                      formatValue={formatValue}
                    />
                  )}
                </QueryState>
              </SectionCard>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
