import { Anchor, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useOrg } from '../../../../app/orgs/OrgContext';
import { QueryState } from '../../../../shared/ui/QueryState';
import { useRiskHeatmap, useRisksOfAiSystem } from '../../hooks/useRisks';
import { FLAG_LABELS, STATUS_LABELS, type RiskStatus } from '../../labels';
import { LevelBadge } from './LevelBadge';
import { FlagBadges, overdueRed } from '../../../../shared/ui/FlagBadges';

/** The risks of one AI system, for its page in the inventory, with a way to add one on it. */
export function AiSystemRisks({ aiSystemId, archived = false }: { aiSystemId: string; archived?: boolean }) {
  const { org, can } = useOrg();
  const risks = useRisksOfAiSystem(org.id, aiSystemId);
  const levels = useRiskHeatmap(org.id).data?.levels ?? [];
  const base = `/orgs/${org.id}/risks`;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="system-risks-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md" id="system-risks-title">
          Risks{risks.data ? ` (${risks.data.items.length})` : ''}
        </Title>
        {can('write') && !archived && (
          <Button component={Link} to={`${base}/new?aiSystemId=${aiSystemId}`} size="xs" variant="light">
            Add risk
          </Button>
        )}
      </Group>
      <QueryState query={risks}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No risk assessed for this AI system yet.
            </Text>
          ) : (
            <Table verticalSpacing={6} aria-labelledby="system-risks-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Risk</Table.Th>
                  <Table.Th>Inherent</Table.Th>
                  <Table.Th>Residual</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Flags</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td maw={260}>
                      <Anchor component={Link} to={`${base}/${r.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {r.number} {r.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge level={r.inherentLevel} name={r.inherentLevelName} levels={levels} />
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge level={r.residualLevel} name={r.residualLevelName} levels={levels} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{STATUS_LABELS[r.status as RiskStatus] ?? r.status}</Text>
                    </Table.Td>
                    <Table.Td>
                      <FlagBadges flags={r.flags} labels={FLAG_LABELS} colorOf={overdueRed} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Paper>
  );
}
