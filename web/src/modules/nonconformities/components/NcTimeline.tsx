import { Text, Timeline } from '@mantine/core';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type TimelineEvent, useTimeline } from '../hooks/useNonconformities';

const COLORS: Partial<Record<TimelineEvent['kind'], string>> = {
  raised: 'red',
  'root-cause': 'orange',
  'action-done': 'teal',
  'effectiveness-checked': 'teal',
  status: 'blue',
  'action-removed': 'gray',
};

const when = (at: string) => (at.length === 10 ? formatDate(at) : formatDateTime(at));

/** What happened to the nonconformity, oldest first, each with when, who and what. */
export function NcTimeline({ orgId, id }: { orgId: string; id: string }) {
  const timeline = useTimeline(orgId, id);
  return (
    <SectionCard title="Timeline" description="Oldest first; the latest event is at the bottom.">
      <QueryState query={timeline}>
        {(data) => (
          <Timeline bulletSize={14} lineWidth={2} active={data.items.length} aria-label="Nonconformity timeline">
            {data.items.map((e, i) => (
              <Timeline.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; the server fixes their order
                key={`${e.at}-${e.kind}-${i}`}
                color={COLORS[e.kind] ?? 'blue'}
                title={
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {e.what}
                  </Text>
                }
                data-kind={e.kind}
              >
                <Text size="xs" c="dimmed">
                  <time dateTime={e.at}>{when(e.at)}</time>
                  {e.who ? ` · ${e.who}` : ''}
                </Text>
                {e.detail && (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {e.detail}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </QueryState>
    </SectionCard>
  );
}
