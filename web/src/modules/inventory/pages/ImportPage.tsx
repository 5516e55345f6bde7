import { Alert, Anchor, Button, FileInput, Group, List, Paper, Stack, Stepper, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { plural } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ImportColumnsGuide } from '../components/ImportColumnsGuide';
import { ImportReportView } from '../components/ImportReportView';
import {
  ACCEPT,
  FORMAT_LABELS,
  formatOf,
  type ImportFormat,
  type ImportReport,
  reportOf,
  templateUrl,
  useImport,
} from '../hooks/useImport';

/** Choose a file → dry run (mapping and every error, nothing written) → import, all rows or none. */
export function ImportPage() {
  const { org, can } = useOrg();
  const base = `/orgs/${org.id}/inventory`;
  const dryRun = useImport(org.id);
  const run = useImport(org.id);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const step = result ? 2 : report ? 1 : 0;
  const importable =
    report !== null && report.errors.length === 0 && report.rejected === 0 && report.created + report.updated > 0;

  const restart = () => {
    setFile(null);
    setFormat(null);
    setReport(null);
    setResult(null);
    dryRun.reset();
    run.reset();
  };
  const choose = (f: File | null) => {
    setFile(f);
    setReport(null);
    dryRun.reset();
    const fmt = f ? formatOf(f) : null;
    setFormat(fmt);
    setFileError(f && !fmt ? 'Choose a .csv, .xlsx or CycloneDX .json file.' : null);
  };
  const check = (e: FormEvent) => {
    e.preventDefault();
    if (!file || !format) {
      setFileError(file ? 'Choose a .csv, .xlsx or CycloneDX .json file.' : 'Choose a file to check.');
      return;
    }
    dryRun.mutate({ file, format, dryRun: true }, { onSuccess: setReport });
  };
  const importNow = () => {
    if (!file || !format) return;
    run.mutate(
      { file, format, dryRun: false },
      {
        onSuccess: setResult,
        // the file changed since the check, or the inventory did: show the new errors as a check does
        onError: (error) => {
          const rejected = reportOf(error);
          if (rejected) setReport(rejected);
        },
      },
    );
  };

  if (!can('write')) {
    return (
      <Stack gap="lg" maw={960}>
        <BackLink to={base}>AI system inventory</BackLink>
        <PageHeader eyebrow="Step 3 of 14 · AI system inventory" title="Import AI systems" />
        <Alert color="gray" variant="light">
          Your role can read the inventory but not import into it.
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={base}>AI system inventory</BackLink>
      <PageHeader
        eyebrow="Step 3 of 14 · AI system inventory"
        title="Import AI systems"
        description="From a spreadsheet (CSV or Excel) or a CycloneDX 1.5/1.6 bill of materials. The file is checked first and nothing is written until every row is valid; a row whose external id is already in the inventory updates that record instead of adding a duplicate."
      />
      <Paper withBorder p="lg">
        <Stepper active={step} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label="Choose a file" description="CSV, XLSX or CycloneDX">
            <form onSubmit={check} noValidate>
              <Stack gap="md" mt="md">
                <FileInput
                  label="File to import"
                  description="The first row of a spreadsheet holds the column headers."
                  placeholder="Choose a file"
                  accept={ACCEPT}
                  value={file}
                  onChange={choose}
                  error={fileError}
                  clearable
                  maw={480}
                />
                {file && format && (
                  <Text size="sm" c="dimmed">
                    Read as {FORMAT_LABELS[format]}.
                  </Text>
                )}
                <Paper bg="var(--mantine-color-gray-0)" p="md">
                  <Text size="sm" fw={600} mb={4}>
                    Start from the template
                  </Text>
                  <Text size="sm" c="dimmed" mb="xs">
                    Its first columns are the inventory fields in order: Name, Business owner, Technical owner, Purpose, User
                    impact, Data used, Supplier dependency, Risk level, Monitoring method.
                  </Text>
                  <Group gap="md">
                    <Anchor href={templateUrl(org.id, 'csv')} download size="sm" fw={500}>
                      Download CSV template
                    </Anchor>
                    <Anchor href={templateUrl(org.id, 'xlsx')} download size="sm" fw={500}>
                      Download Excel template
                    </Anchor>
                  </Group>
                </Paper>
                <ImportColumnsGuide orgId={org.id} />
                <FormError error={dryRun.error} title="The file could not be checked" />
                <Group>
                  <Button type="submit" loading={dryRun.isPending} disabled={!file}>
                    Check file
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>
          <Stepper.Step label="Check" description="Mapping and errors">
            {report && (
              <Stack gap="md" mt="md">
                <Text size="sm">
                  Checked <strong>{file?.name}</strong>. Nothing has been written yet.
                </Text>
                {importable && (
                  <Alert color="teal" variant="light" title="Ready to import">
                    Every row is valid: {plural(report.created, 'AI system')} will be created and {report.updated} updated.
                  </Alert>
                )}
                {!importable && report.errors.length === 0 && (
                  <Alert color="gray" variant="light">
                    The file has no rows to import.
                  </Alert>
                )}
                <ImportReportView report={report} />
                {run.error && !reportOf(run.error) && <FormError error={run.error} title="Not imported" />}
                <Group justify="space-between">
                  <Button variant="default" onClick={restart}>
                    Choose another file
                  </Button>
                  <Button onClick={importNow} disabled={!importable} loading={run.isPending}>
                    {importable ? `Import ${plural(report.created + report.updated, 'AI system')}` : 'Import'}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Step label="Import" description="All rows or none">
            {result && (
              <Stack gap="md" mt="md">
                <Alert color="teal" variant="light" title="Imported" role="status">
                  <List size="sm">
                    <List.Item>{plural(result.created, 'AI system')} created</List.Item>
                    <List.Item>{plural(result.updated, 'AI system')} updated</List.Item>
                  </List>
                </Alert>
                <Group>
                  <Button component={Link} to={base}>
                    Open the inventory
                  </Button>
                  <Button variant="default" onClick={restart}>
                    Import another file
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
        </Stepper>
      </Paper>
    </Stack>
  );
}
