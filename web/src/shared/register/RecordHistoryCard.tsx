import { Box, Paper, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { type AuditEntry, ChangeHistory, type EntryDescription } from '../ui/ChangeHistory';
import { QueryState } from '../ui/QueryState';
import { RecordFooter } from './RecordFooter';

interface Props {
  /** the heading's id, unique on the page */
  id: string;
  /** the record's history query (its `/history` route) */
  history: UseQueryResult<{ items: AuditEntry[] }>;
  record: { createdAt: string; updatedAt: string };
  fieldLabels: Record<string, string>;
  describe: (entry: AuditEntry) => EntryDescription;
  formatValue?: (field: string, value: unknown) => string | null;
}

/** A record's "Change history" card: every change from the audit log, then who added and last changed it. */
export function RecordHistoryCard({ id, history, record, fieldLabels, describe, formatValue }: Props) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="md" id={id} mb="md">
        Change history
      </Title>
      <QueryState query={history}>
        {({ items }) => <ChangeHistory entries={items} fieldLabels={fieldLabels} describe={describe} formatValue={formatValue} />}
      </QueryState>
      <Box mt="md">
        <RecordFooter record={record} history={history.data?.items} />
      </Box>
    </Paper>
  );
}
