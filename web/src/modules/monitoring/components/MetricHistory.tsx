import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useOrg } from '../../../app/orgs/OrgContext';
import { api, unwrap } from '../../../shared/api';
import { RecordHistoryCard } from '../../../shared/register';
import type { AuditEntry, EntryDescription } from '../../../shared/ui/ChangeHistory';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type Metric, metricsKey, useMetricHistory } from '../hooks/useMonitoring';
import { DIRECTION_LABELS, KIND_LABELS } from '../labels';

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  kind: 'Kind',
  unit: 'Unit',
  direction: 'Which way is good',
  threshold: 'Threshold',
  reviewEveryDays: 'Review every (days)',
  owner: 'Owner',
  openIncidentOnBreach: 'Open an incident on a breach',
  lastReviewedAt: 'Last reviewed',
  nextReviewDue: 'Next review due',
  notes: 'Notes',
};

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Added', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
  review: { title: 'Reviewed', color: 'teal' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: 'Changed' };

const formatValue = (field: string, value: unknown): string | null => {
  if (field === 'kind' && typeof value === 'string') return KIND_LABELS[value as keyof typeof KIND_LABELS] ?? value;
  if (field === 'direction' && typeof value === 'string')
    return DIRECTION_LABELS[value as keyof typeof DIRECTION_LABELS] ?? value;
  if (field === 'owner' && value === null) return 'the AI system’s owner';
  if ((field === 'lastReviewedAt' || field === 'nextReviewDue') && typeof value === 'string') return formatDateTime(value);
  return null;
};

/** The metric's reviews, latest first: who looked, when, and what they found. */
export function ReviewsCard({ metric }: { metric: Metric }) {
  const { org } = useOrg();
  const reviews = useQuery({
    queryKey: [...metricsKey(org.id), 'reviews', metric.id],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/monitoring-metrics/{metricId}/reviews', {
          params: { path: { orgId: org.id, metricId: metric.id } },
        }),
      ),
  });
  return (
    <SectionCard
      title="Reviews"
      description={`Every ${metric.reviewEveryDays} days someone looks at the values and breaches; next by ${formatDate(metric.nextReviewDue)}.`}
    >
      <QueryState query={reviews}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No review recorded yet.
            </Text>
          ) : (
            <Stack gap="sm" component="ul" aria-label="Reviews" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.slice(0, 5).map((r) => (
                <Stack key={r.id} gap={0} component="li">
                  <Text size="xs" c="dimmed">
                    {formatDateTime(r.reviewedAt)}
                    {r.reviewedBy ? ` · ${r.reviewedBy.name}` : ''}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {r.note}
                  </Text>
                </Stack>
              ))}
              {items.length > 5 && (
                <Text size="xs" c="dimmed">
                  and {items.length - 5} earlier
                </Text>
              )}
            </Stack>
          )
        }
      </QueryState>
    </SectionCard>
  );
}

/** The metric's change history from the audit log. */
export function MetricHistoryCard({ metric }: { metric: Metric }) {
  const { org } = useOrg();
  const history = useMetricHistory(org.id, metric.id);
  return (
    <RecordHistoryCard
      id="metric-history-title"
      history={history}
      record={metric}
      fieldLabels={FIELD_LABELS}
      describe={describe}
      formatValue={formatValue}
    />
  );
}
