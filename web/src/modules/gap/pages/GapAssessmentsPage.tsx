import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDate } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { CompareForm } from '../components/CompareForm';
import { NewAssessmentModal } from '../components/NewAssessmentModal';
import { AnsweredProgress, ScoreText } from '../components/ScoreText';
import { useAssessments } from '../hooks/useGap';

/** Step 2 of the journey: gap assessments against ISO/IEC 42001, newest first. */
export function GapAssessmentsPage() {
  const { org, can } = useOrg();
  const list = useAssessments(org.id);
  const [creating, setCreating] = useState(false);
  const base = `/orgs/${org.id}/gap-assessment`;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Step 2 of 14 · Clauses 4 to 10 and Annex A"
        title="Gap assessment"
        description="Compare how the organization governs AI today with each ISO/IEC 42001 requirement and Annex A control, checked against the scope, AI systems and suppliers OpenAIMS already holds. The result is a gap report and a prioritized action plan."
        actions={
          <>
            <Button component={Link} to={`${base}/catalogue`} variant="default">
              ISO/IEC 42001 catalogue and crosswalks
            </Button>
            {can('write') && <Button onClick={() => setCreating(true)}>New assessment</Button>}
          </>
        }
      />
      <QueryState query={list}>
        {({ items }) =>
          items.length === 0 ? (
            <Paper withBorder p="xl">
              <Stack align="center" gap={6}>
                <Text fw={600}>No gap assessment yet</Text>
                <Text size="sm" c="dimmed" ta="center" maw={560}>
                  An assessment walks the 32 management-system requirements and 38 Annex A controls, one at a time, beside what
                  OpenAIMS already knows about your scope, AI systems and suppliers.
                </Text>
                {can('write') && (
                  <Button mt="sm" onClick={() => setCreating(true)}>
                    Start the first assessment
                  </Button>
                )}
              </Stack>
            </Paper>
          ) : (
            <>
              <Paper withBorder p="lg">
                <Table.ScrollContainer minWidth={900}>
                  <Table verticalSpacing="sm" highlightOnHover aria-label="Gap assessments">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Assessment</Table.Th>
                        <Table.Th>Date</Table.Th>
                        <Table.Th>Assessor</Table.Th>
                        <Table.Th w={200}>Progress</Table.Th>
                        <Table.Th ta="right">Overall score</Table.Th>
                        <Table.Th>Open</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((a) => (
                        <Table.Tr key={a.id}>
                          <Table.Td>
                            <Group gap={6} wrap="nowrap">
                              <Anchor component={Link} to={`${base}/${a.id}`} fw={600} size="sm">
                                {a.title}
                              </Anchor>
                              {a.status === 'completed' && (
                                <Badge size="xs" color="teal" variant="light" radius="sm">
                                  completed
                                </Badge>
                              )}
                            </Group>
                            <Text size="xs" c="dimmed">
                              Catalogue {a.catalogueVersion}
                              {a.reusedIsmsProcesses.length > 0 &&
                                ` · reuses ${a.reusedIsmsProcesses.length} ISO/IEC 27001 process${a.reusedIsmsProcesses.length === 1 ? '' : 'es'}`}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{formatDate(a.assessmentDate)}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{a.assessor}</Text>
                          </Table.Td>
                          <Table.Td>
                            <AnsweredProgress answered={a.answered} total={a.total} label={`${a.title}: answered`} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <ScoreText score={a.overall.score} />
                          </Table.Td>
                          <Table.Td>
                            <Group gap="sm" wrap="nowrap">
                              <Anchor component={Link} to={`${base}/${a.id}/answer`} size="sm" aria-label={`Answer ${a.title}`}>
                                Answer
                              </Anchor>
                              <Anchor
                                component={Link}
                                to={`${base}/${a.id}/actions`}
                                size="sm"
                                aria-label={`Action plan of ${a.title}`}
                              >
                                Action plan
                              </Anchor>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
              {items.length >= 2 && (
                <Paper withBorder p="lg" component="section" aria-labelledby="compare-title">
                  <Title order={2} fz="md" mb={4} id="compare-title">
                    Compare two assessments
                  </Title>
                  <Text size="sm" c="dimmed" mb="md">
                    What improved and what slipped between an earlier and a later assessment.
                  </Text>
                  <CompareForm orgId={org.id} assessments={items} />
                </Paper>
              )}
            </>
          )
        }
      </QueryState>
      <NewAssessmentModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
