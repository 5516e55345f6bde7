import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { QueryState } from '../../../shared/ui/QueryState';
import { useSystemMonitoring } from '../hooks/useMonitoring';
import { formatMetricValue, MetricStateBadge } from '../labels';

/** The AI system page's "Monitoring" card: the system's metrics, their latest values and states. */
export function AiSystemMonitoringCard({ aiSystemId, archived }: { aiSystemId: string; archived: boolean }) {
  const { org, can } = useOrg();
  const monitoring = useSystemMonitoring(org.id, aiSystemId);
  const base = `/orgs/${org.id}/monitoring`;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="monitoring-title">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} fz="md" id="monitoring-title">
          Monitoring
        </Title>
        <Anchor component={Link} to={`${base}?aiSystemId=${aiSystemId}`} size="sm">
          See all
        </Anchor>
      </Group>
      <QueryState query={monitoring}>
        {({ items }) => (
          <Stack gap="sm">
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing measured yet: add a metric such as accuracy, drift or complaints, with the threshold that calls for
                action.
              </Text>
            ) : (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((m) => (
                  <Stack key={m.id} gap={2} component="li">
                    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                      <Anchor component={Link} to={`${base}/metrics/${m.id}`} size="sm" fw={600} className="wrap-anywhere">
                        {m.name}
                      </Anchor>
                      <MetricStateBadge state={m.state} />
                    </Group>
                    <Text size="xs" c="dimmed">
                      Latest: {m.latest ? formatMetricValue(m.latest.value, m.unit) : 'none yet'}
                    </Text>
                  </Stack>
                ))}
              </Stack>
            )}
            {can('write') && !archived && (
              <Button
                component={Link}
                to={`${base}/metrics/new?aiSystemId=${aiSystemId}`}
                size="sm"
                variant="light"
                w="fit-content"
              >
                Add metric
              </Button>
            )}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
