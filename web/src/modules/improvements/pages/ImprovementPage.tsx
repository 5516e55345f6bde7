import { Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import type { EntryDescription } from '../../../shared/ui/ChangeHistory';
import { Fields } from '../../../shared/ui/Fields';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SectionCard } from '../../../shared/ui/SectionCard';
import type { AuditEntry } from '../../audit-log';
import { StatusBadge } from '../components/StatusBadge';
import { type Improvement, useImprovement, useImprovementHistory } from '../hooks/useImprovements';
import {
  FIELD_LABELS,
  type ImprovementSource,
  type ImprovementStatus,
  SOURCE_LABELS,
  STATUS_LABELS,
  sourceHref,
} from '../labels';

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Logged', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: 'Changed' };

function formatValue(field: string, value: unknown): string | null {
  if (field === 'dueDate' && typeof value === 'string') return formatDate(value);
  if (field === 'closedAt' && typeof value === 'string') return formatDateTime(value);
  if (field === 'status' && typeof value === 'string') return STATUS_LABELS[value as ImprovementStatus] ?? value;
  if (field === 'source' && value && typeof value === 'object') {
    const s = value as { kind: ImprovementSource; label?: string };
    return `${SOURCE_LABELS[s.kind] ?? s.kind}${s.label ? `: ${s.label}` : ''}`;
  }
  return null;
}

function ImprovementView({ improvement: i }: { improvement: Improvement }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const history = useImprovementHistory(org.id, i.id);
  const archived = i.archivedAt !== null;
  const page = `/orgs/${org.id}/improvements/${i.id}`;
  const href = sourceHref(org.id, i.source.kind, i.source.id);
  const sourceText = `${SOURCE_LABELS[i.source.kind]}${i.source.label ? `: ${i.source.label}` : ''}`;

  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/improvements`}>Continual improvement</BackLink>
      <PageHeader
        eyebrow={`${i.number} · Clause 10.1`}
        title={i.title}
        badge={
          <Group gap="xs">
            <StatusBadge status={i.status} />
            {i.overdue && (
              <Badge color="red" variant="light" radius="sm">
                Overdue
              </Badge>
            )}
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        description={i.description || undefined}
        actions={
          canWrite && (
            <>
              <ArchiveAction
                orgId={org.id}
                register="improvements"
                record={{ ...i, name: `${i.number} ${i.title}` }}
                archiveText="An archived improvement leaves the log. Its history is kept, and it can be restored."
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
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <SectionCard title="Details">
              <Fields
                labelWidth={150}
                items={[
                  {
                    label: 'Source',
                    value: href ? (
                      <Anchor component={Link} to={href} size="sm">
                        {sourceText}
                      </Anchor>
                    ) : (
                      sourceText
                    ),
                  },
                  { label: 'Owner', value: i.owner?.name },
                  { label: 'Due date', value: formatDate(i.dueDate) },
                  { label: 'Status', value: STATUS_LABELS[i.status] },
                  { label: 'Expected benefit', value: i.benefit },
                ]}
              />
            </SectionCard>
            <SectionCard title="Outcome">
              {i.outcome ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {i.outcome}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  Not recorded yet: it is required once the improvement is done or rejected.
                </Text>
              )}
              {i.closedAt && (
                <Text size="xs" c="dimmed">
                  {STATUS_LABELS[i.status]} on {formatDateTime(i.closedAt)}
                </Text>
              )}
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <RecordHistoryCard
            id="improvement-history-title"
            history={history}
            record={i}
            fieldLabels={FIELD_LABELS}
            describe={describe}
            formatValue={formatValue}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ImprovementPage() {
  const { org } = useOrg();
  const { improvementId = '' } = useParams();
  return (
    <RecordLoader query={useImprovement(org.id, improvementId)} what="improvement">
      {(data) => <ImprovementView key={data.id} improvement={data} />}
    </RecordLoader>
  );
}
