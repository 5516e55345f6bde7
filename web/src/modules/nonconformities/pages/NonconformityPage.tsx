import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import type { AuditEntry, EntryDescription } from '../../../shared/ui/ChangeHistory';
import { BackLink } from '../../../shared/ui/BackLink';
import { Fields } from '../../../shared/ui/Fields';
import { FlagBadges } from '../../../shared/ui/FlagBadges';
import { formatDate } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { GradeBadge, StatusBadge } from '../components/GradeBadge';
import { NcTimeline } from '../components/NcTimeline';
import { ActionsStep, CloseStep, CorrectionStep, EffectivenessStep, RootCauseStep } from '../components/Steps';
import { type Nonconformity, useNcHistory, useNonconformity } from '../hooks/useNonconformities';
import { FIELD_LABELS, FLAG_LABELS, type NcStatus, SOURCE_LABELS, STATUS_LABELS } from '../labels';

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Raised', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  'action-create': { title: 'Corrective action added', color: 'blue' },
  'action-update': { title: 'Corrective action changed', color: 'blue' },
  'action-delete': { title: 'Corrective action removed', color: 'gray' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: 'Changed' };
// statuses in words; structured fields summarised
const formatValue = (field: string, value: unknown): string | null => {
  if (field === 'status' && typeof value === 'string') return STATUS_LABELS[value as NcStatus] ?? null;
  if (field === 'owner') return (value as { name?: string } | null)?.name ?? 'No one';
  if ((field === 'correction' || field === 'containment') && value && typeof value === 'object')
    return (value as { text: string }).text || 'Not recorded';
  if (field === 'rootCause' && value && typeof value === 'object')
    return (value as { summary: string }).summary || 'Not summarised';
  if (field === 'effectiveness' && value && typeof value === 'object') {
    const v = value as { result: string | null; checkedOn: string | null };
    return v.result
      ? `${v.result === 'effective' ? 'Effective' : 'Not effective'}${v.checkedOn ? ` (${v.checkedOn})` : ''}`
      : 'Not checked';
  }
  if (field === 'source' && value && typeof value === 'object') {
    const v = value as { kind: keyof typeof SOURCE_LABELS; label?: string };
    return `${SOURCE_LABELS[v.kind] ?? v.kind}${v.label ? ` ${v.label}` : ''}`;
  }
  if (field === 'evidenceIds' && Array.isArray(value)) return value.length ? `${value.length} linked` : 'None';
  return null;
};

function NonconformityView({ n }: { n: Nonconformity }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const archived = n.archivedAt !== null;
  const closed = n.status === 'closed';
  const page = `/orgs/${org.id}/nonconformities/${n.id}`;
  const readOnly = !canWrite || archived || closed;
  const history = useNcHistory(org.id, n.id);
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/nonconformities`}>Nonconformities</BackLink>
      <PageHeader
        eyebrow={`Nonconformity ${n.number}`}
        title={n.title}
        badge={
          <Group gap="xs">
            <GradeBadge grade={n.grade} label={n.gradeLabel} />
            <StatusBadge status={n.status} />
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        actions={
          <Group gap="sm">
            {canWrite && (
              <ArchiveAction
                orgId={org.id}
                register="nonconformities"
                record={{ ...n, name: `${n.number} ${n.title}` }}
                archiveText="Archive a nonconformity raised by mistake. It leaves the register and the counts; its history is kept and it can be restored."
              />
            )}
            {canWrite && !archived && (
              <Button component={Link} to={`${page}/edit`} variant="default">
                Edit
              </Button>
            )}
          </Group>
        }
      />
      {n.flags.length > 0 && (
        <Alert color="red" variant="light" title="Needs attention">
          <Stack gap={4}>
            <FlagBadges flags={n.flags} labels={FLAG_LABELS} colorOf={(c) => (c === 'recurrence' ? 'grape' : 'red')} />
            {n.recurrenceOf && (
              <Text size="sm">
                Recurs after{' '}
                <Anchor component={Link} to={`/orgs/${org.id}/nonconformities/${n.recurrenceOf.id}`} size="sm">
                  {n.recurrenceOf.number} {n.recurrenceOf.title}
                </Anchor>
                .
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <SectionCard
              title="1. What did not conform"
              aside={
                canWrite && !archived ? (
                  <Anchor component={Link} to={`${page}/edit`} size="sm">
                    Edit
                  </Anchor>
                ) : undefined
              }
            >
              <Fields
                labelWidth={160}
                items={[
                  { label: 'Description', value: n.description || null },
                  {
                    label: 'Source',
                    value: `${SOURCE_LABELS[n.source.kind]}${n.source.label ? ` ${n.source.label}` : ''}`,
                  },
                  { label: 'Requirement', value: n.requirement?.label ?? null },
                  { label: 'Objective evidence', value: n.objectiveEvidence || null },
                  {
                    label: 'Evidence items',
                    value: n.evidence.length ? n.evidence.map((e) => e.name).join(', ') : null,
                  },
                  { label: 'Owner', value: n.owner?.name ?? null },
                  { label: 'Raised on', value: formatDate(n.raisedAt) },
                  { label: 'Plan due', value: formatDate(n.planDueDate) },
                  { label: 'Evidence due', value: formatDate(n.evidenceDueDate) },
                ]}
              />
            </SectionCard>
            <CorrectionStep n={n} readOnly={readOnly} />
            <RootCauseStep n={n} readOnly={readOnly} />
            <ActionsStep n={n} readOnly={readOnly} />
            <EffectivenessStep n={n} readOnly={readOnly} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <CloseStep n={n} readOnly={!canWrite || archived} />
            <NcTimeline orgId={org.id} id={n.id} />
            <RecordHistoryCard
              id="nc-history-title"
              history={history}
              record={n}
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

/** One nonconformity: the workflow as steps (describe, correct, root cause, actions, effectiveness), closing and timeline. */
export function NonconformityPage() {
  const { org } = useOrg();
  const { nonconformityId = '' } = useParams();
  return (
    <RecordLoader query={useNonconformity(org.id, nonconformityId)} what="nonconformity">
      {(data) => <NonconformityView n={data} />}
    </RecordLoader>
  );
}
