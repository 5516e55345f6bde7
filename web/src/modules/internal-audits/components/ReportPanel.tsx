import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { versionTag } from '../../../shared/register';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { FormError } from '../../../shared/ui/FormError';
import { type AuditItem, type InternalAudit, useReportAudit, useUpdateAudit } from '../hooks/useInternalAudits';
import { type ItemResult, RESULT_LABELS } from '../labels';

/** The report tab: the results counted, the conclusions, issuing, closing, and the report as PDF or DOCX. */
export function ReportPanel({
  orgId,
  audit,
  items,
  canWrite,
}: {
  orgId: string;
  audit: InternalAudit;
  items: AuditItem[];
  canWrite: boolean;
}) {
  const [conclusions, setConclusions] = useState(audit.conclusions);
  const report = useReportAudit(orgId, audit.id);
  const move = useUpdateAudit(orgId, audit.id, undefined, 'Audit updated');
  const href = `/api/v1/orgs/${orgId}/internal-audits/${audit.id}/report`;
  const open = items.filter((i) => !i.result).length;
  const writable = canWrite && !audit.archivedAt;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (report.isPending) return;
    try {
      await report.mutateAsync({ conclusions });
    } catch {
      // shown below
    }
  };
  const setStatus = (status: 'closed' | 'in-progress') =>
    !move.isPending && move.mutate({ body: { status }, ifMatch: versionTag(audit.updatedAt) });
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
        {(Object.keys(RESULT_LABELS) as ItemResult[]).map((r) => (
          <Paper key={r} withBorder p="sm">
            <Text size="xl" fw={700}>
              {items.filter((i) => i.result === r).length}
            </Text>
            <Text size="xs" c="dimmed">
              {RESULT_LABELS[r]}
            </Text>
          </Paper>
        ))}
        <Paper withBorder p="sm">
          <Text size="xl" fw={700}>
            {open}
          </Text>
          <Text size="xs" c="dimmed">
            No result yet
          </Text>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="lg" component="form" onSubmit={submit} aria-label="Audit report">
        <Stack gap="md">
          <Title order={2} fz="md">
            Conclusions
          </Title>
          {audit.status === 'in-progress' && writable ? (
            <>
              <Textarea
                label="Conclusions"
                description="Whether the AIMS conforms and works, in a few sentences, with the main findings."
                value={conclusions}
                onChange={(e) => setConclusions(e.currentTarget.value)}
                autosize
                minRows={4}
                error={report.errorFor('conclusions')}
              />
              {open > 0 && (
                <Text size="sm" c="dimmed">
                  {open} item{open === 1 ? ' has' : 's have'} no result yet; the report shows them as such.
                </Text>
              )}
              <FormError error={report.error} placed={['conclusions']} />
              <Group>
                <Button type="submit" loading={report.isPending} disabled={!conclusions.trim()}>
                  Issue report
                </Button>
              </Group>
            </>
          ) : (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={audit.conclusions ? undefined : 'dimmed'}>
              {audit.conclusions ||
                (audit.status === 'planned'
                  ? 'Start the audit, work through the checklist, then write the conclusions here.'
                  : 'None written.')}
            </Text>
          )}
          {audit.status === 'reported' && writable && (
            <Group>
              <Button variant="default" onClick={() => setStatus('closed')} loading={move.isPending}>
                Close audit
              </Button>
              <Button variant="subtle" onClick={() => setStatus('in-progress')} loading={move.isPending}>
                Reopen to change results
              </Button>
            </Group>
          )}
          <FormError error={move.error} />
        </Stack>
      </Paper>
      <Group gap="sm">
        <DownloadButton variant="default" href={`${href}?format=pdf`}>
          Report (PDF)
        </DownloadButton>
        <DownloadButton variant="default" href={`${href}?format=docx`}>
          Report (DOCX)
        </DownloadButton>
      </Group>
    </Stack>
  );
}
