import { DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FieldItem {
  label: string;
  value: ReactNode;
}

const isEmpty = (v: ReactNode) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A record's fields as a description list; an empty field says so instead of leaving a gap. */
export function Fields({ items, labelWidth = 200 }: { items: FieldItem[]; labelWidth?: number }) {
  return (
    <DataList withDivider labelWidth={labelWidth} gap="xs">
      {items.map((item) => (
        <DataList.Item key={item.label}>
          <DataList.ItemLabel>
            <Text size="sm" c="dimmed" fw={500}>
              {item.label}
            </Text>
          </DataList.ItemLabel>
          <DataList.ItemValue>
            {isEmpty(item.value) ? (
              <Text size="sm" c="dimmed" fs="italic">
                Not recorded
              </Text>
            ) : typeof item.value === 'string' ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {item.value}
              </Text>
            ) : (
              item.value
            )}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
