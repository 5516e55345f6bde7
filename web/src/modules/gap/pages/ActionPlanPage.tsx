import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { errorMessage } from '../../../shared/problem';
import { plural } from '../../../shared/ui/format';
import { QueryState } from '../../../shared/ui/QueryState';
import { useMembers } from '../../../shared/org/orgData';
import { ActionRow } from '../components/ActionRow';
import { AssessmentLoader } from '../components/AssessmentLoader';
import { CompareForm } from '../components/CompareForm';
import { type Assessment, useActions, useAssessments, useGenerateActionPlan } from '../hooks/useGap';
import { isGap, PRIORITY_LABELS } from '../labels';

type Show = 'open' | 'done' | 'all';

/** The action plan: every gap as an action with owner, due date and effort, tracked to done. */
export function ActionPlanPage() {
  return <AssessmentLoader view="actions">{(a) => <ActionPlan assessment={a} />}</AssessmentLoader>;
}

function ActionPlan({ assessment: a }: { assessment: Assessment }) {
  const { org, can } = useOrg();
  const actions = useActions(org.id, a.id);
  const members = useMembers(org.id);
  const generate = useGenerateActionPlan(org.id, a.id);
  const assessments = useAssessments(org.id);
  const [show, setShow] = useState<Show>('open');
  const [added, setAdded] = useState<number | null>(null);
  const base = `/orgs/${org.id}/gap-assessment/${a.id}`;
  const items = actions.data?.items ?? [];
  const covered = new Set(items.map((x) => x.requirementId));
  const newGaps = a.answers.filter((x) => isGap(x) && !covered.has(x.requirementId)).length;
  const others = (assessments.data?.items ?? []).filter((x) => x.id !== a.id);

  const run = () => {
    const before = items.length;
    generate.mutate(undefined, { onSuccess: (r) => setAdded(r.items.length - before) });
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={4} maw={720}>
            <Title order={2} fz="md">
              Generate from the gaps
            </Title>
            <Text size="sm" c="dimmed">
              Each requirement not started, partially implemented or not answered yet becomes an action. Management-system clauses
              an auditor checks at Stage 1 come first; due dates follow priority from the assessment date. Running it again adds
              actions only for new gaps.
            </Text>
            <Text size="sm" role="status">
              {newGaps > 0 ? `${plural(newGaps, 'gap')} without an action.` : 'Every gap has an action.'}
              {added !== null && ` Added ${plural(added, 'action')}.`}
            </Text>
          </Stack>
          {can('write') && (
            <Button onClick={run} loading={generate.isPending} disabled={newGaps === 0}>
              {items.length ? 'Add actions for new gaps' : 'Generate action plan'}
            </Button>
          )}
        </Group>
        {generate.error && (
          <Alert color="red" variant="light" mt="md" role="alert" title="Not generated">
            {errorMessage(generate.error)}
          </Alert>
        )}
      </Paper>

      <QueryState query={actions}>
        {() => {
          const visible = items.filter((x) =>
            show === 'all' ? true : show === 'done' ? x.status === 'done' : x.status !== 'done',
          );
          const byPriority = [1, 2, 3].map((p) => ({
            p,
            n: items.filter((x) => x.priority === p && x.status !== 'done').length,
          }));
          return items.length === 0 ? (
            <Paper withBorder p="xl">
              <Text ta="center" c="dimmed">
                No actions yet. Answer the requirements, then generate the action plan.
              </Text>
            </Paper>
          ) : (
            <Paper withBorder p="lg" component="section" aria-labelledby="actions-title">
              <Group justify="space-between" mb="md" wrap="wrap">
                <Stack gap={2}>
                  <Title order={2} fz="md" id="actions-title">
                    Actions by priority
                  </Title>
                  <Text size="xs" c="dimmed">
                    Open: {byPriority.map(({ p, n }) => `${n} at priority ${p}`).join(' · ')}
                  </Text>
                </Stack>
                <SegmentedControl
                  aria-label="Show actions"
                  size="xs"
                  value={show}
                  onChange={(v) => setShow(v as Show)}
                  data={[
                    { value: 'open', label: 'Open' },
                    { value: 'done', label: 'Done' },
                    { value: 'all', label: 'All' },
                  ]}
                />
              </Group>
              <Table.ScrollContainer minWidth={1000}>
                <Table verticalSpacing="xs" aria-label="Action plan">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>Priority</Table.Th>
                      <Table.Th w={80}>Requirement</Table.Th>
                      <Table.Th>Action</Table.Th>
                      <Table.Th w={180}>Owner</Table.Th>
                      <Table.Th w={150}>Due date</Table.Th>
                      <Table.Th w={80}>Effort</Table.Th>
                      <Table.Th w={130}>Status</Table.Th>
                      <Table.Th w={60}>
                        <VisuallyHidden>Edit</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {visible.map((x, i) => (
                      <PriorityBreak key={x.id} show={i === 0 || visible[i - 1].priority !== x.priority} priority={x.priority}>
                        <ActionRow
                          orgId={org.id}
                          action={x}
                          members={members.data?.items ?? []}
                          requirementHref={`${base}/answer?req=${encodeURIComponent(x.requirementId)}`}
                          canEdit={can('write')}
                        />
                      </PriorityBreak>
                    ))}
                    {visible.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={8}>
                          <Text size="sm" c="dimmed" ta="center">
                            {show === 'done' ? 'No action is done yet.' : 'Every action is done.'}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          );
        }}
      </QueryState>

      {others.length > 0 && (
        <Paper withBorder p="lg" component="section" aria-labelledby="compare-title">
          <Title order={2} fz="md" mb={4} id="compare-title">
            Compare with another assessment
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            What improved and what slipped since an earlier assessment.
          </Text>
          <CompareForm orgId={org.id} assessments={assessments.data?.items ?? []} from={others[0].id} to={a.id} />
        </Paper>
      )}
    </Stack>
  );
}

/** A sub-heading row where the next priority starts. */
function PriorityBreak({ show, priority, children }: { show: boolean; priority: number; children: ReactNode }) {
  return (
    <>
      {show && (
        <Table.Tr bg="gray.0">
          <Table.Th colSpan={8} scope="colgroup">
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              {PRIORITY_LABELS[priority] ?? `Priority ${priority}`}
            </Text>
          </Table.Th>
        </Table.Tr>
      )}
      {children}
    </>
  );
}
