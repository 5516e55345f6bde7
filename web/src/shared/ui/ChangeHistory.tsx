import { Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { formatDateTime } from './format';
import type { Schemas } from '../api';

export type AuditEntry = Schemas['AuditEntry'];

export interface EntryDescription {
  title: ReactNode;
  color?: string;
  /** shown under the title, e.g. which merged record an entry came from */
  note?: ReactNode;
}

interface Props {
  /** oldest first, as the history endpoints return them */
  entries: AuditEntry[];
  /** the fields to compare, with the words the form uses */
  fieldLabels: Record<string, string>;
  describe: (entry: AuditEntry) => EntryDescription;
  formatValue?: (field: string, value: unknown) => string | null;
  /** how many of the newest entries show before "Show all" */
  initial?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function defaultFormat(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map(defaultFormat).join(', ') : '—';
  if (isRecord(value)) return typeof value.name === 'string' && value.name ? value.name : JSON.stringify(value);
  const s = String(value);
  return s.length > 140 ? `${s.slice(0, 139)}…` : s;
}

/** The fields whose values differ between before and after, in the order of fieldLabels. */
function changes(entry: AuditEntry, fields: string[]) {
  if (!isRecord(entry.before) || !isRecord(entry.after)) return [];
  const before = entry.before;
  const after = entry.after;
  return fields.filter((f) => (f in before || f in after) && JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/** A record's change history from the audit log, newest first, each change as "field: old → new". */
export function ChangeHistory({ entries, fieldLabels, describe, formatValue, initial = 15 }: Props) {
  const [showAll, setShowAll] = useState(false);
  const newestFirst = [...entries].reverse();
  const shown = showAll ? newestFirst : newestFirst.slice(0, initial);
  const fields = Object.keys(fieldLabels);
  const format = (field: string, value: unknown) => formatValue?.(field, value) ?? defaultFormat(value);

  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No changes recorded.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Changes, newest first">
        {shown.map((entry, i) => {
          const d = describe(entry);
          const changed = entry.action === 'create' ? [] : changes(entry, fields);
          return (
            <Box
              component="li"
              key={entry.seq}
              pl="lg"
              pb={i === shown.length - 1 ? 0 : 'md'}
              style={{
                position: 'relative',
                borderLeft: i === shown.length - 1 ? '2px solid transparent' : '2px solid var(--mantine-color-gray-3)',
                marginLeft: 6,
              }}
            >
              <Box
                aria-hidden
                style={{
                  position: 'absolute',
                  left: -7,
                  top: 4,
                  width: 12,
                  height: 12,
                  borderRadius: 12,
                  background: `var(--mantine-color-${d.color ?? 'gray'}-6)`,
                  border: '2px solid var(--mantine-color-body)',
                }}
              />
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {d.title}
                </Text>
                <Badge size="xs" variant="light" color={d.color ?? 'gray'} radius="sm">
                  {actionWords(entry.action)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {entry.actor} · {formatDateTime(entry.at)}
              </Text>
              {d.note && (
                <Text size="xs" c="dimmed" mt={2}>
                  {d.note}
                </Text>
              )}
              {changed.length > 0 && (
                <Box component="ul" mt={6} mb={0} pl="md" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
                  {changed.map((f) => (
                    <li key={f}>
                      <Text span size="sm" fw={500}>
                        {fieldLabels[f]}:
                      </Text>{' '}
                      <Text span size="sm" c="dimmed" td="line-through">
                        {format(f, (entry.before as Record<string, unknown>)[f])}
                      </Text>{' '}
                      →{' '}
                      <Text span size="sm">
                        {format(f, (entry.after as Record<string, unknown>)[f])}
                      </Text>
                    </li>
                  ))}
                </Box>
              )}
            </Box>
          );
        })}
      </Box>
      {newestFirst.length > initial && (
        <div>
          <Button variant="subtle" size="compact-sm" onClick={() => setShowAll((v) => !v)}>
            {showAll ? 'Show fewer' : `Show all ${newestFirst.length} changes`}
          </Button>
        </div>
      )}
    </Stack>
  );
}

const ACTION_WORDS: Record<string, string> = {
  create: 'added',
  update: 'changed',
  delete: 'deleted',
  archive: 'archived',
  restore: 'restored',
  approve: 'approved',
};

/** The audit log's action in words ("approve-draft" reads "approve draft"), never the raw value. */
export function actionWords(action: string): string {
  return ACTION_WORDS[action] ?? action.replace(/[-_]/g, ' ');
}
