import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../ui/format';

interface Props {
  record: { createdAt: string; updatedAt: string };
  /** the record's history (oldest first): names who added and who last changed it */
  history?: { action: string; actor: string }[];
  extra?: ReactNode;
}

/** "Added <date> by … · last changed <date> by …" under a record. */
export function RecordFooter({ record, history, extra }: Props) {
  const creator = history?.find((e) => e.action === 'create')?.actor;
  const changed = record.updatedAt !== record.createdAt;
  const lastActor = changed && history && history.length > 0 ? history[history.length - 1].actor : undefined;
  return (
    <Text size="xs" c="dimmed">
      Added {formatDateTime(record.createdAt)}
      {creator ? ` by ${creator}` : ''}
      {` · last changed ${formatDateTime(record.updatedAt)}${lastActor ? ` by ${lastActor}` : ''}`}
      {extra}
    </Text>
  );
}
