import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDateTime } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { CheckCard } from '../components/CheckCard';
import { HistoryChart } from '../components/HistoryChart';
import { SampleTable } from '../components/SampleTable';
import { StepStrip } from '../components/StepStrip';
import { type ReadinessCheck, useReadiness } from '../hooks/useReadiness';

function summary(checks: ReadinessCheck[]): string {
  const n = (s: ReadinessCheck['status']) => checks.filter((c) => c.status === s).length;
  return `${n('pass')} pass · ${n('warn')} warn · ${n('fail')} fail`;
}

/**
 * The audit rehearsal (steps 10 and 11): Stage 1 and Stage 2 judged from the
 * organization's own data, each check with the records behind it and the fix,
 * the evidence an auditor would sample today, and the trend.
 */
export function ReadinessPage() {
  const { org, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const seed = params.get('seed') ?? undefined;
  const query = useReadiness(org.id, seed);
  const canWrite = can('write');

  const redraw = () => {
    const next = new URLSearchParams(params);
    next.set('seed', Math.random().toString(36).slice(2, 10));
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        eyebrow="Steps 10 and 11"
        title="Audit readiness"
        description="A rehearsal of the Stage 1 and Stage 2 audits from what your registers hold today. Each check says why it passes or fails and where to fix it."
      />
      <QueryState query={query}>
        {(r) => (
          <Stack gap="lg" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
            <SectionCard
              title="Certification journey"
              aside={
                <Text size="sm" c="dimmed">
                  {r.steps.filter((s) => s.status === 'done').length} of {r.steps.length} done
                </Text>
              }
            >
              <StepStrip orgId={org.id} steps={r.steps} />
            </SectionCard>

            <SectionCard
              title="Stage 1: readiness and documentation"
              description="What the auditor reviews to decide whether you are ready for Stage 2."
              aside={
                <Text size="sm" c="dimmed">
                  {summary(r.stage1.checks)}
                </Text>
              }
            >
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                {r.stage1.checks.map((c) => (
                  <CheckCard key={c.id} check={c} canWrite={canWrite} />
                ))}
              </SimpleGrid>
            </SectionCard>

            <SectionCard
              title="Stage 2: implementation and effectiveness"
              description="The evidence the auditor samples to see the management system at work."
              aside={
                <Text size="sm" c="dimmed">
                  {summary(r.stage2.checks)}
                </Text>
              }
            >
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                {r.stage2.checks.map((c) => (
                  <CheckCard key={c.id} check={c} canWrite={canWrite} />
                ))}
              </SimpleGrid>
            </SectionCard>

            <SectionCard
              title="Evidence sample"
              description="Up to three evidence items per applicable control, drawn at random as an auditor would; the same all day unless you redraw. A control fails the sample with no evidence or an expired item: none passes, up to a fifth of the controls warns, more fails."
              aside={
                <Button size="xs" variant="light" onClick={redraw} loading={query.isFetching}>
                  Redraw sample
                </Button>
              }
            >
              <SampleTable orgId={org.id} rows={r.sample.rows} />
            </SectionCard>

            <SectionCard title="Readiness over time">
              <HistoryChart orgId={org.id} total={r.stage1.checks.length + r.stage2.checks.length} />
            </SectionCard>

            <Group justify="flex-end">
              <Text size="xs" c="dimmed">
                Evaluated {formatDateTime(r.evaluatedAt)}
              </Text>
            </Group>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
