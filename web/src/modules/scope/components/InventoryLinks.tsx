import { Anchor, Badge, Divider, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ScopeContent } from '../hooks/useScope';

/**
 * Which of the AI systems a scope version covers are linked to inventory
 * records. The statement names the systems only; this says which of them the
 * inventory holds, from the same saved content.
 */
export function InventoryLinks({ orgId, aiSystems }: { orgId: string; aiSystems: ScopeContent['aiSystems'] }) {
  if (aiSystems.length === 0) return null;
  const linked = aiSystems.filter((a): a is typeof a & { aiSystemId: string } => !!a.aiSystemId);
  return (
    <div>
      {/* set apart: this is about the records, not part of the statement's text */}
      <Divider mb="sm" />
      <Text size="sm" fw={600}>
        Inventory records
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {linked.length === aiSystems.length
          ? `All ${aiSystems.length === 1 ? 'the AI system' : `${aiSystems.length} AI systems`} covered ${aiSystems.length === 1 ? 'is' : 'are'} in the inventory.`
          : `${linked.length} of ${aiSystems.length} AI systems covered ${linked.length === 1 ? 'is' : 'are'} linked to the inventory.`}
      </Text>
      {linked.length > 0 && (
        <List size="sm" spacing={2} aria-label="AI systems covered that are in the inventory">
          {linked.map((a) => (
            <List.Item key={`${a.aiSystemId}:${a.name}`}>
              <Group gap={6} wrap="nowrap">
                <Anchor component={Link} to={`/orgs/${orgId}/inventory/${a.aiSystemId}`} size="sm">
                  {a.name}
                </Anchor>
                <Badge size="xs" variant="light" color="teal" radius="sm">
                  in inventory
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
