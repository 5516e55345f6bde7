import { Alert, Badge, Group, Paper, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { describeEntry, formatRecordValue, RECORD_FIELDS } from '../components/history';
import { RecordStateBadge } from '../components/labels';
import { RecordForm } from '../components/RecordForm';
import { useRecordHistory, useTrainingRecord } from '../hooks/useTraining';

/** One completion record, editable; archived ones are read-only. */
export function EditRecordPage() {
  const { org, can } = useOrg();
  const { recordId = '' } = useParams();
  const navigate = useNavigate();
  const record = useTrainingRecord(org.id, recordId);
  const history = useRecordHistory(org.id, recordId);
  const base = `/orgs/${org.id}/training/records`;
  return (
    <RecordLoader query={record} what="training record">
      {(r) => {
        const readOnly = !!r.archivedAt || !can('write');
        return (
          <Stack gap="lg">
            <BackLink to={base}>Training records</BackLink>
            <PageHeader
              eyebrow={`Training · ${r.topic.number}`}
              title={`${r.person.name}: ${r.topic.title}`}
              badge={
                <Group gap={6}>
                  <RecordStateBadge state={r.state} />
                  {r.archivedAt && <Badge color="gray">Archived</Badge>}
                </Group>
              }
              actions={
                can('write') && (
                  <ArchiveAction
                    orgId={org.id}
                    register="training-records"
                    record={{ ...r, name: `${r.person.name}: ${r.topic.title}` }}
                    archiveText="An archived record no longer counts in the matrix. Its history is kept, and it can be restored."
                  />
                )
              }
            />
            {readOnly && (
              <Alert color="gray" title="Read-only">
                {r.archivedAt
                  ? 'This record is archived: restore it to change it.'
                  : 'You may view this record but not change it.'}
              </Alert>
            )}
            <Paper withBorder p="lg">
              <RecordForm key={r.id} record={r} readOnly={readOnly} onSaved={() => navigate(base)} />
            </Paper>
            <RecordHistoryCard
              id="record-history-title"
              history={history}
              record={r}
              fieldLabels={RECORD_FIELDS}
              describe={describeEntry}
              formatValue={formatRecordValue}
            />
          </Stack>
        );
      }}
    </RecordLoader>
  );
}
