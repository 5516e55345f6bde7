import { Text, Timeline } from '@mantine/core';
import { formatDateTime } from '../../../shared/ui/format';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type TimelineEvent, useIncidentTimeline } from '../hooks/useIncidents';

const COLORS: Partial<Record<TimelineEvent['kind'], string>> = {
  detected: 'red',
  escalated: 'orange',
  communication: 'blue',
  status: 'teal',
  update: 'gray',
};

/** What happened to the incident, oldest first and newest last, each with when, who and what. */
export function IncidentTimeline({ orgId, incidentId }: { orgId: string; incidentId: string }) {
  const timeline = useIncidentTimeline(orgId, incidentId);
  return (
    <SectionCard title="Timeline" description="Oldest first; the latest event is at the bottom.">
      <QueryState query={timeline}>
        {(data) => (
          <Timeline bulletSize={14} lineWidth={2} active={data.items.length} aria-label="Incident timeline">
            {data.items.map((e, i) => (
              <Timeline.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; the server fixes their order
                key={`${e.at}-${e.kind}-${i}`}
                color={COLORS[e.kind] ?? 'blue'}
                title={
                  <Text size="sm" fw={600}>
                    {e.what}
                  </Text>
                }
                data-kind={e.kind}
              >
                <Text size="xs" c="dimmed">
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
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
