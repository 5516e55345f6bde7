import { Alert, Anchor, Badge, Button, Grid, Group, Progress, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import type { EntryDescription } from '../../../shared/ui/ChangeHistory';
import { Fields } from '../../../shared/ui/Fields';
import { formatDate, formatDatesIn } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SectionCard } from '../../../shared/ui/SectionCard';
import type { AuditEntry } from '../../audit-log';
import { ProgressSection } from '../components/ProgressSection';
import { StateBadge } from '../components/StateBadge';
import { type Objective, useObjective, useObjectiveHistory } from '../hooks/useObjectives';
import {
  DIRECTION_LABELS,
  FIELD_LABELS,
  FLAG_LABELS,
  formatNumber,
  formatTarget,
  STATUS_LABELS,
  type ObjectiveStatus,
  type TargetDirection,
} from '../labels';

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Set', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: e.action };
const formatValue = (field: string, value: unknown) =>
  field === 'dueDate' && typeof value === 'string'
    ? formatDate(value)
    : field === 'status' && typeof value === 'string'
      ? (STATUS_LABELS[value as ObjectiveStatus] ?? value)
      : field === 'targetDirection' && typeof value === 'string'
        ? (DIRECTION_LABELS[value as TargetDirection] ?? value)
        : null;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function Standing({ objective: o }: { objective: Objective }) {
  const { fraction, expectedFraction } = o.progress;
  return (
    <SectionCard title="Where it stands" aside={<StateBadge state={o.state} />}>
      <Text size="sm">{o.stateReason}</Text>
      {fraction !== null && (
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Progress to target: {pct(fraction)}
            </Text>
            {expectedFraction !== null && (
              <Text size="xs" c="dimmed">
                Time gone: {pct(expectedFraction)}
              </Text>
            )}
          </Group>
          <Progress value={fraction * 100} color={o.state === 'at-risk' || o.state === 'overdue' ? 'orange' : 'teal'} />
          {expectedFraction !== null && <Progress value={expectedFraction * 100} color="gray.4" size="xs" />}
        </Stack>
      )}
    </SectionCard>
  );
}

function ObjectiveView({ objective: o }: { objective: Objective }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const history = useObjectiveHistory(org.id, o.id);
  const archived = o.archivedAt !== null;
  const page = `/orgs/${org.id}/objectives/${o.id}`;
  const unit = o.targetUnit ? ` ${o.targetUnit}` : '';

  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/objectives`}>AI objectives</BackLink>
      <PageHeader
        eyebrow="AI objective · Clause 6.2"
        title={o.title}
        badge={
          <Group gap="xs">
            <StateBadge state={o.state} reason={o.stateReason} />
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        description={o.description || undefined}
        actions={
          canWrite && (
            <>
              <ArchiveAction
                orgId={org.id}
                register="objectives"
                record={{ ...o, name: o.title }}
                archiveText="An archived objective leaves the list. Its progress entries and history are kept, and it can be restored."
              />
              {!archived && (
                <Button component={Link} to={`${page}/edit`} variant="default">
                  Edit
                </Button>
              )}
            </>
          )
        }
      />
      {o.flags.length > 0 && !archived && (
        <Alert
          color={o.flags.some((f) => f.code === 'overdue' || f.code === 'at-risk') ? 'red' : 'orange'}
          variant="light"
          title="What an auditor would ask about"
        >
          <Stack gap={2} component="ul" m={0} pl="md">
            {o.flags.map((f) => (
              <li key={f.code}>
                <Text size="sm">
                  <strong>{FLAG_LABELS[f.code] ?? f.code}:</strong> {formatDatesIn(f.message)}
                </Text>
              </li>
            ))}
          </Stack>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Standing objective={o} />
            <ProgressSection objective={o} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <SectionCard title="Details">
              <Fields
                labelWidth={150}
                items={[
                  { label: 'Measure', value: o.measure },
                  { label: 'Target', value: o.target },
                  { label: 'Numeric target', value: formatTarget(o) },
                  { label: 'Baseline', value: o.baselineValue === null ? null : `${formatNumber(o.baselineValue)}${unit}` },
                  { label: 'Owner', value: o.owner?.name },
                  { label: 'Due date', value: formatDate(o.dueDate) },
                  { label: 'Resources', value: o.resources },
                  { label: 'Evaluation', value: o.evaluation },
                  { label: 'Status', value: STATUS_LABELS[o.status] },
                  {
                    label: 'AI systems',
                    value: o.aiSystems.length ? (
                      <Stack gap={2}>
                        {o.aiSystems.map((s) => (
                          <Anchor key={s.id} component={Link} to={`/orgs/${org.id}/inventory/${s.id}`} size="sm">
                            {s.name}
                            {s.archived ? ' (archived)' : ''}
                          </Anchor>
                        ))}
                      </Stack>
                    ) : null,
                  },
                ]}
              />
            </SectionCard>
            <RecordHistoryCard
              id="objective-history-title"
              history={history}
              record={o}
              fieldLabels={FIELD_LABELS}
              describe={describe}
              formatValue={formatValue}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ObjectivePage() {
  const { org } = useOrg();
  const { objectiveId = '' } = useParams();
  return (
    <RecordLoader query={useObjective(org.id, objectiveId)} what="AI objective">
      {(data) => <ObjectiveView key={data.id} objective={data} />}
    </RecordLoader>
  );
}
