import { Alert, Anchor, Button, FileButton, Group, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { errorMessage } from '../../../shared/problem';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type ImportReport, reportOf, templateUrl, useImportRecords } from '../hooks/useTraining';

function Problems({ report }: { report: ImportReport }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped aria-label="Problems found">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Row</Table.Th>
            <Table.Th w={140}>Column</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.errors.map((e) => (
            <Table.Tr key={`${e.row}-${e.field}-${e.message}`}>
              <Table.Td>{e.row ?? '—'}</Table.Td>
              <Table.Td>{e.field}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Import completions from CSV: paste or choose a file, check it (a dry run
 * that lists every problem by row and column), then import all rows or none.
 */
export function ImportRecordsPage() {
  const { org } = useOrg();
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<{ csv: string; report: ImportReport } | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const run = useImportRecords(org.id);
  const base = `/orgs/${org.id}/training`;
  const report = done ?? (checked?.csv === csv ? checked.report : null) ?? reportOf(run.error);
  const ready = checked?.csv === csv && checked.report.errors.length === 0 && checked.report.rows > 0;

  const check = async () => {
    setDone(null);
    try {
      const r = await run.mutateAsync({ csv, dryRun: true });
      setChecked({ csv, report: r });
    } catch {
      setChecked(null);
    }
  };
  const importAll = async () => {
    try {
      setDone(await run.mutateAsync({ csv, dryRun: false }));
      setChecked(null);
    } catch {
      setChecked(null);
    }
  };
  const onFile = async (file: File | null) => {
    if (!file) return;
    setCsv(await file.text());
    setDone(null);
  };

  return (
    <Stack gap="lg">
      <BackLink to={`${base}/records`}>Training records</BackLink>
      <PageHeader
        eyebrow="Training"
        title="Import training records"
        description="One row per completion: email (a member's), topic (TRN-001 or its title), completed_on (YYYY-MM-DD), and optionally expires_on, evidence_url and notes. Every row is checked first; the import writes all rows or none."
      />
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Group gap="sm">
            <FileButton onChange={onFile} accept=".csv,text/csv">
              {(props) => (
                <Button variant="default" {...props}>
                  Choose a CSV file
                </Button>
              )}
            </FileButton>
            <Anchor href={templateUrl(org.id)} size="sm">
              Download the template
            </Anchor>
          </Group>
          <Textarea
            label="CSV"
            description="Or paste the rows here, with the header line."
            value={csv}
            onChange={(e) => {
              setCsv(e.currentTarget.value);
              setDone(null);
            }}
            autosize
            minRows={6}
            maxRows={20}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Group>
            <Button variant="default" onClick={check} loading={run.isPending && !ready} disabled={!csv.trim()}>
              Check
            </Button>
            <Button onClick={importAll} disabled={!ready} loading={run.isPending && ready}>
              {ready ? `Import ${checked?.report.rows} ${checked?.report.rows === 1 ? 'record' : 'records'}` : 'Import'}
            </Button>
          </Group>
          {run.error && !reportOf(run.error) && (
            <Alert color="red" title="Not imported" role="alert">
              {errorMessage(run.error)}
            </Alert>
          )}
          {report && (
            <Alert
              color={report.errors.length ? 'red' : 'green'}
              title={report.errors.length ? 'Nothing was imported' : done ? 'Imported' : 'Ready to import'}
              role="status"
            >
              {report.detail}
              {done && (
                <>
                  {' '}
                  <Anchor component={Link} to={base}>
                    See the matrix
                  </Anchor>
                </>
              )}
            </Alert>
          )}
          {report && report.errors.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Problems to fix ({report.errors.length})
              </Text>
              <Problems report={report} />
            </Stack>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
