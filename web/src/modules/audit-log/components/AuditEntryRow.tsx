import { Badge, Button, Code, Collapse, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { formatDateTime } from '../../../shared/ui/format';
import type { AuditEntry } from '../hooks/useAuditLog';

const ACTION_COLORS: Record<string, string> = { create: 'teal', update: 'blue', delete: 'red', approve: 'violet' };

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Code block fz="xs" style={{ maxHeight: 280, overflow: 'auto' }}>
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </Code>
    </Stack>
  );
}

export function AuditEntryRow({ entry }: { entry: AuditEntry }) {
  const [open, { toggle }] = useDisclosure(false);
  const detailsId = useId();
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(entry.at)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entry.actor}</Text>
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={ACTION_COLORS[entry.action] ?? 'gray'} radius="sm">
            {entry.action}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entry.entityType}</Text>
          <Text size="xs" c="dimmed" ff="monospace" title={entry.entityId}>
            {entry.entityId.length > 13 ? `${entry.entityId.slice(0, 8)}…${entry.entityId.slice(-4)}` : entry.entityId}
          </Text>
        </Table.Td>
        <Table.Td ta="right">
          <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={open} aria-controls={detailsId}>
            {open ? 'Hide' : 'Details'}
            <VisuallyHidden> of change #{entry.seq}</VisuallyHidden>
          </Button>
        </Table.Td>
      </Table.Tr>
      <Table.Tr id={detailsId} hidden={!open}>
        <Table.Td colSpan={5} p={0} style={{ borderTop: open ? undefined : 'none' }}>
          <Collapse expanded={open}>
            <SimpleGrid cols={{ base: 1, md: 2 }} p="md" bg="var(--mantine-color-gray-0)">
              <Json label="Before" value={entry.before} />
              <Json label="After" value={entry.after} />
            </SimpleGrid>
            <Text size="xs" c="dimmed" px="md" pb="sm">
              Entry #{entry.seq}
            </Text>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </>
  );
}
