import { Text } from '@mantine/core';
import { LineChart } from '../../../shared/ui/LineChart';
import { QueryState } from '../../../shared/ui/QueryState';
import { useReadinessHistory } from '../hooks/useReadiness';

/** Checks passing per day over the last 90 days (each evaluation and the daily job record the day). */
export function HistoryChart({ orgId, total }: { orgId: string; total: number }) {
  const history = useReadinessHistory(orgId);
  return (
    <QueryState query={history}>
      {(h) =>
        h.items.length < 2 ? (
          <Text size="sm" c="dimmed">
            The chart fills in as days go by: each day the rehearsal runs (or the nightly job runs it) adds a point.
          </Text>
        ) : (
          <LineChart
            title="Checks passing over the last 90 days"
            description={`How many of the ${total} Stage 1 and Stage 2 checks passed each day`}
            points={h.items.map((d) => ({ t: `${d.day}T12:00:00Z`, v: d.stage1.pass + d.stage2.pass }))}
            formatValue={(v) => `${v} of ${total}`}
            formatTick={(v) => String(v)}
            valueLabel="Checks passing"
            height={200}
          />
        )
      }
    </QueryState>
  );
}
