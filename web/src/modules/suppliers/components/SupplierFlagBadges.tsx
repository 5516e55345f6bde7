import { Badge, Group, Text } from '@mantine/core';
import { formatDatesIn } from '../../../shared/ui/format';
import { SUPPLIER_FLAG_LABELS } from '../labels';

export function SupplierFlagBadges({ flags }: { flags: { code: string; message: string }[] }) {
  if (flags.length === 0) {
    return (
      <Text size="xs" c="teal.8" fw={600}>
        Reviewed
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {flags.map((f) => (
        <Badge
          key={f.code}
          size="sm"
          variant="light"
          color={f.code === 'review-overdue' ? 'red' : 'orange'}
          radius="sm"
          tt="none"
          title={formatDatesIn(f.message)}
        >
          {SUPPLIER_FLAG_LABELS[f.code] ?? f.code}
        </Badge>
      ))}
    </Group>
  );
}
