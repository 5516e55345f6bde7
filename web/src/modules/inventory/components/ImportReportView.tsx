import { Badge, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportError, ImportReport } from '../hooks/useImport';
import { FIELD_LABELS } from '../labels';

function MappingTable({ mapping }: { mapping: ImportReport['mapping'] }) {
  return (
    <Table verticalSpacing={6} aria-labelledby="mapping-title">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Column in the file</Table.Th>
          <Table.Th>Becomes</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {mapping.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a column name
          <Table.Tr key={i}>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {m.column || '(no header)'}
              </Text>
            </Table.Td>
            <Table.Td>
              {m.field ? (
                <Text size="sm">{FIELD_LABELS[m.field as keyof typeof FIELD_LABELS] ?? m.field}</Text>
              ) : (
                <Badge color="red" variant="light" radius="sm" tt="none" className="wrap-badge">
                  not a known column
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Stat({ value, label, alarm }: { value: number; label: string; alarm?: boolean }) {
  return (
    <div>
      <Text fz={24} fw={700} lh={1.2} c={alarm ? 'red.8' : undefined}>
        {value.toLocaleString()}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}

export function ErrorsTable({ errors, label }: { errors: ImportError[]; label: string }) {
  return (
    <ScrollArea.Autosize mah={480} type="auto">
      <Table verticalSpacing={6} striped aria-label={label} stickyHeader className="wrap-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>Row</Table.Th>
            <Table.Th w="28%">Field</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several errors on one field
            <Table.Tr key={i}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {e.row ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {e.field}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.message}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

const errorsIn = (n: number) => (n === 1 ? '1 error' : `${n} errors`);

/** "5 errors to fix: 4 in 2 rows, 1 in the header row": the parts add up to the list below. */
export function errorsHeading(report: ImportReport): string {
  const total = report.errors.length;
  const inRows = report.rowErrors ?? total;
  const other = total - inRows;
  const parts: string[] = [];
  if (report.rejected) parts.push(`${inRows} in ${report.rejected === 1 ? '1 row' : `${report.rejected} rows`}`);
  if (other) parts.push(`${other} in the ${report.errors.some((e) => e.row === null) ? 'file' : 'header row'}`);
  return `${errorsIn(total)} to fix${parts.length > 1 || report.rejected ? `: ${parts.join(', ')}` : ''}`;
}

/** The dry run's verdict: how the columns map, and every error with its row and field. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <Stack gap="lg">
      <Group gap="xl">
        {report.rows !== undefined && (
          <Stat value={report.rows} label={report.format === 'cyclonedx' ? 'models read' : 'rows read'} />
        )}
        {report.errors.length > 0 ? (
          <Stat value={report.rejected} label="rows with errors" alarm={report.rejected > 0} />
        ) : (
          <>
            <Stat value={report.created} label={report.dryRun === false ? 'created' : 'would be created'} />
            <Stat value={report.updated} label={report.dryRun === false ? 'updated' : 'would be updated (same external id)'} />
            {!!report.unchanged && <Stat value={report.unchanged} label="unchanged" />}
          </>
        )}
      </Group>
      {report.newSuppliers && report.newSuppliers.length > 0 && (
        <Text size="sm">
          New suppliers to add to the register: <strong>{report.newSuppliers.join(', ')}</strong>
        </Text>
      )}
      {report.errors.length > 0 && (
        <Paper
          withBorder
          p="md"
          style={{ borderColor: 'var(--mantine-color-red-4)' }}
          component="section"
          aria-labelledby="errors-title"
        >
          <Title order={3} fz="sm" id="errors-title" mb={4} c="red.9">
            {errorsHeading(report)}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {report.detail || 'Nothing has been written.'} Correct the file, then choose it again.
          </Text>
          <ErrorsTable errors={report.errors} label="Import errors" />
        </Paper>
      )}
      {report.mapping.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="mapping-title">
          <Title order={3} fz="sm" id="mapping-title" mb={4}>
            Column mapping
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Headers are matched by name, ignoring case, spaces, hyphens and underscores; the template lists every column.
          </Text>
          <MappingTable mapping={report.mapping} />
        </Paper>
      )}
    </Stack>
  );
}
