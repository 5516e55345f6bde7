import { Alert, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader, versionTag } from '../../../shared/register';
import type { AuditEntry, EntryDescription } from '../../../shared/ui/ChangeHistory';
import { BackLink } from '../../../shared/ui/BackLink';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { Fields } from '../../../shared/ui/Fields';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { ActionsCard } from '../components/ActionsCard';
import { ApprovalCard } from '../components/ApprovalCard';
import { InputsCard } from '../components/InputsCard';
import { MinutesCard } from '../components/MinutesCard';
import { type ManagementReview, useReview, useReviewHistory, useUpdateReview } from '../hooks/useManagementReviews';
import { DECISION_KIND_LABELS, REVIEW_FIELD_LABELS, type ReviewStatus, STATUS_LABELS } from '../labels';
import { ReviewStatusBadge } from './ManagementReviewsPage';

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Planned', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  'prepare-inputs': { title: 'Inputs prepared', color: 'blue' },
  're-prepare-inputs': { title: 'Inputs prepared again', color: 'blue' },
  'add-action': { title: 'Action added', color: 'gray' },
  'update-action': { title: 'Action changed', color: 'gray' },
  approve: { title: 'Approved', color: 'teal' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: 'Changed' };
// statuses and kinds in words; people, lists and the snapshot summarised
const formatValue = (field: string, value: unknown): string | null => {
  if (field === 'status' && typeof value === 'string')
    return STATUS_LABELS[value as ReviewStatus] ?? (value === 'done' ? 'Done' : value === 'open' ? 'Open' : null);
  if ((field === 'chair' || field === 'owner' || field === 'approvedBy') && value && typeof value === 'object')
    return (value as { name?: string }).name ?? null;
  if (field === 'attendees' && Array.isArray(value)) return value.map((a) => (a as { name?: string }).name).join(', ') || 'None';
  if (field === 'decisions' && Array.isArray(value))
    return (
      value
        .map((d) => {
          const x = d as { text: string; kind: keyof typeof DECISION_KIND_LABELS };
          return `${DECISION_KIND_LABELS[x.kind] ?? x.kind}: ${x.text}`;
        })
        .join('; ') || 'None'
    );
  if (field === 'inputs')
    return value && typeof value === 'object'
      ? `Snapshot of ${formatDateTime((value as { preparedAt?: string }).preparedAt ?? null)}`
      : 'Not prepared';
  if (field === 'approvedAt' && typeof value === 'string') return formatDateTime(value);
  if (field === 'improvements' && Array.isArray(value))
    return value.map((i) => (i as { number?: string }).number).join(', ') || 'None';
  return null;
};

function Meeting({ review, canWrite }: { review: ManagementReview; canWrite: boolean }) {
  const { org } = useOrg();
  const noTop = review.flags.find((f) => f.code === 'no-top-management');
  const update = useUpdateReview(org.id, review.id, undefined, 'Marked as held');
  const canMarkHeld = canWrite && !review.archivedAt && (review.status === 'planned' || review.status === 'prepared');
  return (
    <SectionCard title="The meeting">
      <Stack gap="sm">
        {noTop && (
          <Alert color="orange" variant="light" title="No top management attends">
            {noTop.message}
          </Alert>
        )}
        <Fields
          labelWidth={130}
          items={[
            { label: 'Date', value: formatDate(review.meetingDate) },
            { label: 'Chair', value: review.chair?.name ?? null },
            {
              label: 'Attendees',
              value: review.attendees.length ? (
                <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Attendees">
                  {review.attendees.map((a) => (
                    <Group key={`${a.userId ?? ''}${a.name}`} gap="xs" component="li">
                      <Text size="sm">{a.name}</Text>
                      {a.topManagement && (
                        <Badge size="sm" variant="light" color="violet">
                          Top management
                        </Badge>
                      )}
                    </Group>
                  ))}
                </Stack>
              ) : null,
            },
          ]}
        />
        {canMarkHeld && (
          <Group gap="sm">
            <Button
              variant="default"
              w="fit-content"
              loading={update.isPending}
              onClick={() => {
                if (update.isPending) return;
                update.mutate({ body: { status: 'held' }, ifMatch: versionTag(review.updatedAt) });
              }}
            >
              Mark as held
            </Button>
            <Text size="xs" c="dimmed">
              Once the meeting took place.
            </Text>
          </Group>
        )}
        <FormError error={update.error} />
      </Stack>
    </SectionCard>
  );
}

function ReviewView({ review }: { review: ManagementReview }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const archived = review.archivedAt !== null;
  const approved = review.status === 'approved';
  const page = `/orgs/${org.id}/management-reviews/${review.id}`;
  const minutes = `/api/v1/orgs/${org.id}/management-reviews/${review.id}/minutes`;
  const history = useReviewHistory(org.id, review.id);
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/management-reviews`}>Management reviews</BackLink>
      <PageHeader
        eyebrow={`Management review ${review.number}`}
        title={review.title}
        badge={
          <Group gap="xs">
            <ReviewStatusBadge status={review.status} />
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        actions={
          <Group gap="sm">
            <DownloadButton variant="default" href={`${minutes}?format=pdf`}>
              Minutes (PDF)
            </DownloadButton>
            <DownloadButton variant="default" href={`${minutes}?format=docx`}>
              Minutes (DOCX)
            </DownloadButton>
            {canWrite && !approved && (
              <ArchiveAction
                orgId={org.id}
                register="management-reviews"
                record={{ ...review, name: `${review.number} ${review.title}` }}
                archiveText="Archive a review planned by mistake. It leaves the list and the counts; it is kept with its history and can be restored."
              />
            )}
            {canWrite && !archived && !approved && (
              <Button component={Link} to={`${page}/edit`} variant="default">
                Edit meeting
              </Button>
            )}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Meeting review={review} canWrite={canWrite} />
            <InputsCard key={`inputs-${review.id}`} orgId={org.id} review={review} canWrite={canWrite} />
            <MinutesCard key={`minutes-${review.id}`} orgId={org.id} review={review} canWrite={canWrite} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <ApprovalCard orgId={org.id} review={review} canApprove={can('approve')} />
            <ActionsCard orgId={org.id} review={review} canWrite={canWrite} />
            <RecordHistoryCard
              id="review-history-title"
              history={history}
              record={review}
              fieldLabels={REVIEW_FIELD_LABELS}
              describe={describe}
              formatValue={formatValue}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** One management review: the meeting, its inputs, minutes and decisions, actions and approval. */
export function ManagementReviewPage() {
  const { org } = useOrg();
  const { reviewId = '' } = useParams();
  return (
    <RecordLoader query={useReview(org.id, reviewId)} what="management review">
      {(r) => <ReviewView review={r} />}
    </RecordLoader>
  );
}
