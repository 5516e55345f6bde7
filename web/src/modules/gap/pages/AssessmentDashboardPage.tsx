import { Alert, Button, Grid, Group, Paper, RingProgress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { FormError } from '../../../shared/ui/FormError';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { groupLabel, groupRequirements } from '../../catalogue';
import { type Catalogue, useCatalogue, useCrosswalk } from '../../catalogue';
import { AssessmentLoader } from '../components/AssessmentLoader';
import { ProgressFigures } from '../components/ProgressFigures';
import { ScoreBars } from '../components/ScoreBars';
import { ScoreText } from '../components/ScoreText';
import { StatusHeatmap, StatusLegend } from '../components/StatusHeatmap';
import { type Assessment, useActions, useUpdateAssessment } from '../hooks/useGap';
import { type CellStatus, formatScore, scoreColor } from '../labels';

/** One assessment at a glance: overall score, the heatmap of every requirement, the twelve review areas. */
export function AssessmentDashboardPage() {
  const catalogue = useCatalogue();
  return (
    <AssessmentLoader view="dashboard">
      {(a) => <QueryState query={catalogue}>{(c) => <Dashboard assessment={a} catalogue={c} />}</QueryState>}
    </AssessmentLoader>
  );
}

function Dashboard({ assessment: a, catalogue }: { assessment: Assessment; catalogue: Catalogue }) {
  const { org, can } = useOrg();
  const actions = useActions(org.id, a.id);
  const update = useUpdateAssessment(org.id, a.id);
  const base = `/orgs/${org.id}/gap-assessment/${a.id}`;
  const c = a.overall.counts;
  const counts: Record<CellStatus, number> = { ...c };
  const groups = groupRequirements(catalogue.requirements);
  const byId = new Map(a.answers.map((x) => [x.requirementId, x]));
  const clauses = groups.filter((g) => g.kind === 'clause');
  const controls = groups.filter((g) => g.kind === 'annex-a');
  const openActions = actions.data?.items.filter((x) => x.status !== 'done').length ?? 0;
  const score = a.overall.score;
  const crosswalk = useCrosswalk(a.reusedIsmsProcesses.length ? 'iso27001-2022' : null);
  const processTitle = new Map(crosswalk.data?.processes?.map((p) => [p.id as string, p.title]));

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Paper withBorder p="lg">
          <Group gap="lg" wrap="nowrap">
            <RingProgress
              size={108}
              thickness={11}
              roundCaps
              role="img"
              aria-label={`Overall score: ${formatScore(score)}`}
              sections={[{ value: score ?? 0, color: `${scoreColor(score)}.6` }]}
              label={
                <Text ta="center" fw={800} fz={22} aria-hidden>
                  {formatScore(score)}
                </Text>
              }
            />
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                Overall score
              </Text>
              <Text size="xs" c="dimmed">
                Implemented counts 100, partial 50, not started and unanswered 0; not applicable is left out.
              </Text>
            </Stack>
          </Group>
        </Paper>
        <Paper withBorder p="lg">
          <Text size="sm" fw={600} mb={6}>
            Answers
          </Text>
          <Text fz={28} fw={800} lh={1.1}>
            {a.answered}
            <Text span c="dimmed" fz="md" fw={500}>
              {' '}
              of {a.total}
            </Text>
          </Text>
          <Text size="xs" c="dimmed" mb="sm">
            {c.implemented} implemented · {c.partial} partial · {c['not-started']} not started · {c['not-applicable']} not
            applicable
          </Text>
          {can('write') && a.status === 'in-progress' && (
            <Button component={Link} to={`${base}/answer${c.unanswered ? '?filter=unanswered' : ''}`} size="xs" variant="light">
              {c.unanswered ? `Answer the ${c.unanswered} left` : 'Review answers'}
            </Button>
          )}
        </Paper>
        <Paper withBorder p="lg">
          <Text size="sm" fw={600} mb={6}>
            Action plan
          </Text>
          <Text fz={28} fw={800} lh={1.1}>
            {actions.data ? openActions : '…'}
            <Text span c="dimmed" fz="md" fw={500}>
              {' '}
              open action{openActions === 1 ? '' : 's'}
            </Text>
          </Text>
          <Text size="xs" c="dimmed" mb="sm">
            {actions.data?.items.length
              ? `${actions.data.items.length - openActions} done`
              : 'Generate it from the gaps once the answers are in.'}
          </Text>
          <Group gap="xs">
            <Button component={Link} to={`${base}/actions`} size="xs" variant="light">
              Open the action plan
            </Button>
            {can('approve') && (
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                loading={update.isPending}
                onClick={() => update.mutate({ status: a.status === 'completed' ? 'in-progress' : 'completed' })}
              >
                {a.status === 'completed' ? 'Reopen assessment' : 'Mark completed'}
              </Button>
            )}
          </Group>
          <FormError error={update.error} />
        </Paper>
      </SimpleGrid>

      <ProgressFigures progress={a.progress} />

      {a.reusedIsmsProcesses.length > 0 && (
        <Alert color="blue" variant="light" title="Reuses ISO/IEC 27001 processes">
          {a.reusedIsmsProcesses.map((id) => processTitle.get(id) ?? id).join(', ')}: the requirements they cover started as
          partially implemented, with the AI-specific part still to do in their notes. They count as reused from the ISMS, not as
          AI-specific work, until someone changes them.
        </Alert>
      )}

      <SectionCard
        title="Heatmap of clauses and controls"
        description="Each cell is one requirement or Annex A control, coloured by its status. Select a cell to answer it."
      >
        <StatusLegend counts={counts} />
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="xs">
          Management-system requirements (clauses 4 to 10)
        </Text>
        <StatusHeatmap groups={clauses} answers={byId} linkTo={(id) => `${base}/answer?req=${encodeURIComponent(id)}`} />
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="xs">
          Annex A controls (A.2 to A.10)
        </Text>
        <StatusHeatmap groups={controls} answers={byId} linkTo={(id) => `${base}/answer?req=${encodeURIComponent(id)}`} />
      </SectionCard>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <SectionCard
            title="Scores of the twelve review areas"
            description="Each area rolls up the requirements that bear on it; the dashed line marks 50%."
          >
            <ScoreBars items={a.byReviewArea} label="Scores by review area" />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <SectionCard title="Scores by clause and control objective">
            <Table verticalSpacing={4} layout="fixed" aria-label="Scores by clause and control objective">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Clause or objective</Table.Th>
                  <Table.Th ta="right" w={56}>
                    Gaps
                  </Table.Th>
                  <Table.Th ta="right" w={64}>
                    Score
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.byClause.map((r) => {
                  const g = groups.find((x) => x.id === r.key);
                  return (
                    <Table.Tr key={r.key}>
                      <Table.Td>
                        <Text size="sm" truncate title={`${g ? groupLabel(g) : r.key} ${r.title}`}>
                          <Text span fw={700} size="sm">
                            {g ? groupLabel(g) : r.key}
                          </Text>{' '}
                          {r.title}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">{r.counts['not-started'] + r.counts.partial + r.counts.unanswered}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <ScoreText score={r.score} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </SectionCard>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
