import { Alert, Anchor, Badge, Button, Grid, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { LineChart } from '../../../shared/ui/LineChart';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { BreachesCard } from '../components/BreachesCard';
import { MetricHistoryCard, ReviewsCard } from '../components/MetricHistory';
import { NoteModal } from '../components/NoteModal';
import { ObservationForm } from '../components/ObservationForm';
import { PushHelp } from '../components/PushHelp';
import { type Metric, useMetric, useObservations, useRecordReview } from '../hooks/useMonitoring';
import { formatMetricValue, KIND_LABELS, MetricStateBadge } from '../labels';

const RANGES = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: 'all', label: 'All' },
];
const HOUR = 3_600_000;

/** The chart of a metric's values over the chosen period, its threshold and breaches drawn in. */
function ChartCard({ metric }: { metric: Metric }) {
  const { org } = useOrg();
  const [params, setParams] = useSearchParams();
  const range = RANGES.some((r) => r.value === params.get('range')) ? (params.get('range') as string) : '30';
  // whole hours, so the period (and its cached answer) holds still while the page is open
  const { from, to } = useMemo(() => {
    const now = Math.ceil(Date.now() / HOUR) * HOUR;
    return {
      from: range === 'all' ? undefined : new Date(now - Number(range) * 24 * HOUR).toISOString(),
      to: new Date(now).toISOString(),
    };
  }, [range]);
  const data = useObservations(org.id, metric.id, from);
  const obs = data.data;
  const format = (v: number) => formatMetricValue(v, metric.unit);
  return (
    <SectionCard
      title="Values"
      aside={
        <SegmentedControl
          size="xs"
          aria-label="Period"
          data={RANGES}
          value={range}
          onChange={(v) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                next.set('range', v);
                return next;
              },
              { replace: true },
            )
          }
        />
      }
    >
      {data.isError ? (
        <Alert color="red" variant="light" title="Could not load the values" role="alert">
          Try again in a moment.
        </Alert>
      ) : (
        <div style={{ opacity: data.isFetching && data.isPlaceholderData ? 0.6 : 1 }}>
          <LineChart
            title={`${metric.name} over ${range === 'all' ? 'all time' : `the last ${range} days`}`}
            points={obs?.points ?? []}
            threshold={{
              value: metric.threshold,
              breachSide: metric.direction === 'higher-is-better' ? 'below' : 'above',
              label: `Threshold ${format(metric.threshold)}`,
            }}
            windows={(obs?.breaches ?? []).map((b) => ({ from: b.startedAt, to: b.endedAt }))}
            from={from}
            to={range === 'all' && (obs?.points.length ?? 0) > 0 ? undefined : to}
            formatValue={format}
            unit={metric.unit}
            valueLabel={metric.unit ? `Value (${metric.unit})` : 'Value'}
          />
          {obs?.truncated && (
            <Text size="xs" c="dimmed">
              {obs.total.toLocaleString()} values in this period, drawn as {obs.points.length.toLocaleString()} (the lowest and
              highest of each stretch kept); choose a shorter period for every value.
            </Text>
          )}
        </div>
      )}
    </SectionCard>
  );
}

/** Latest value, state and review: what someone checking the metric wants first. */
function StatusCard({ metric, canWrite }: { metric: Metric; canWrite: boolean }) {
  const { org } = useOrg();
  const review = useRecordReview(org.id, metric.id);
  const [reviewing, setReviewing] = useState(false);
  const format = (v: number) => formatMetricValue(v, metric.unit);
  return (
    <SectionCard title="Status">
      <Stack gap={6}>
        <Text size="sm">
          Latest value:{' '}
          <Text span fw={700}>
            {metric.latest ? format(metric.latest.value) : 'none yet'}
          </Text>
          {metric.latest && (
            <Text span c="dimmed">
              {' '}
              ({formatDateTime(metric.latest.observedAt)})
            </Text>
          )}
        </Text>
        <Text size="sm">
          Threshold: {format(metric.threshold)}, {metric.direction === 'higher-is-better' ? 'breached below' : 'breached above'}
        </Text>
        <Text size="sm">
          {metric.lastReviewedAt ? `Last reviewed ${formatDateTime(metric.lastReviewedAt)}` : 'Not reviewed yet'}
          {metric.nextReviewDue ? ` · next review due ${formatDate(metric.nextReviewDue)}` : ''}
        </Text>
        <Text size="sm">Owner: {metric.owner?.name ?? 'the AI system’s owner'}</Text>
      </Stack>
      {canWrite && (
        <Button variant="light" onClick={() => setReviewing(true)} w="fit-content">
          Record review
        </Button>
      )}
      <NoteModal
        opened={reviewing}
        title="Record a review"
        intro="You looked at this metric's values and breaches. Say what you found; the next review falls due from today."
        label="What you found"
        confirmLabel="Record review"
        busy={review.isPending}
        error={review.error}
        onConfirm={(note) => review.mutateAsync(note)}
        onClose={() => {
          setReviewing(false);
          review.reset();
        }}
      />
    </SectionCard>
  );
}

function MetricView({ metric }: { metric: Metric }) {
  const { org, can } = useOrg();
  const canWrite = can('write') && !metric.archivedAt;
  const base = `/orgs/${org.id}/monitoring`;
  return (
    <Stack gap="lg">
      <BackLink to={base}>Monitoring</BackLink>
      <PageHeader
        eyebrow={`Monitoring · ${KIND_LABELS[metric.kind]}`}
        title={metric.name}
        badge={
          <Group gap="xs">
            <MetricStateBadge state={metric.state} />
            {metric.archivedAt && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        description={
          <>
            On{' '}
            <Anchor component={Link} to={`/orgs/${org.id}/inventory/${metric.aiSystemId}`} inherit>
              {metric.aiSystem.name}
            </Anchor>
            {metric.notes ? ` · ${metric.notes}` : ''}
          </>
        }
        actions={
          can('write') && (
            <Group gap="sm">
              <ArchiveAction
                orgId={org.id}
                register="monitoring-metrics"
                record={metric}
                archiveText="An archived metric takes no new values and leaves the monitoring list. Its values and breaches are kept, and it can be restored."
              />
              {!metric.archivedAt && (
                <Button component={Link} to={`${base}/metrics/${metric.id}/edit`}>
                  Edit
                </Button>
              )}
            </Group>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }} miw={0}>
          <Stack gap="lg">
            <ChartCard metric={metric} />
            <BreachesCard metricId={metric.id} canResolve={can('write')} />
            {canWrite && <PushHelp orgId={org.id} aiSystemId={metric.aiSystemId} metricId={metric.id} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} miw={0}>
          <Stack gap="lg">
            <StatusCard metric={metric} canWrite={can('write')} />
            {canWrite && <ObservationForm aiSystemId={metric.aiSystemId} metricId={metric.id} unit={metric.unit ?? ''} />}
            <ReviewsCard metric={metric} />
          </Stack>
        </Grid.Col>
        {/* last on a phone too, after the status and the forms */}
        <Grid.Col span={{ base: 12, lg: 8 }} miw={0}>
          <MetricHistoryCard metric={metric} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** One metric: its values over time against the threshold, its breaches, reviews and how to feed it. */
export function MetricPage() {
  const { org } = useOrg();
  const { metricId = '' } = useParams();
  return (
    <RecordLoader query={useMetric(org.id, metricId)} what="metric">
      {(m) => <MetricView key={m.id} metric={m} />}
    </RecordLoader>
  );
}
