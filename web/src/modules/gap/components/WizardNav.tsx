import { Box, Group, NavLink, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { groupLabel, type RequirementGroup } from '../../catalogue';
import type { Answer } from '../hooks/useGap';
import { cellStatus, STATUS_COLORS, STATUS_GLYPHS, STATUS_LABELS } from '../labels';
import { FILTER_LABELS, WIZARD_FILTERS, type WizardFilter } from '../wizard';

interface Props {
  groups: RequirementGroup[];
  answers: Map<string, Answer>;
  currentId: string;
  filter: WizardFilter;
  shown: (a: Answer) => boolean;
  /** the location of a requirement in the wizard */
  linkTo: (requirementId: string) => string;
}

function StatusDot({ answer }: { answer: Answer }) {
  const s = cellStatus(answer);
  return (
    <Box
      component="span"
      aria-hidden
      w={20}
      h={20}
      fz={11}
      fw={700}
      bg={s === 'unanswered' ? 'white' : `${STATUS_COLORS[s]}.3`}
      c="dark.8"
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        borderRadius: 4,
        border: s === 'unanswered' ? '1px dashed var(--mantine-color-gray-5)' : undefined,
      }}
    >
      {STATUS_GLYPHS[s]}
    </Box>
  );
}

/** The wizard's side: progress per clause or objective and every requirement the filter shows. */
export function WizardNav({ groups, answers, currentId, filter, shown, linkTo }: Props) {
  const currentGroup = answers.get(currentId)?.group;
  return (
    <Stack gap="md">
      <Box component="nav" aria-label="Requirements by clause and control objective">
        {groups.map((g) => {
          const list = g.requirements.map((r) => answers.get(r.id)).filter((a): a is Answer => !!a);
          const done = list.filter((a) => a.answered).length;
          const visible = list.filter(shown);
          const expanded = filter === 'all' ? g.id === currentGroup : visible.length > 0;
          const first = visible[0] ?? list[0];
          return (
            <Box key={g.id} mb={4}>
              <NavLink
                component={Link}
                to={linkTo(first.requirementId)}
                active={g.id === currentGroup}
                variant="subtle"
                py={6}
                label={
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" fw={600} truncate>
                      {groupLabel(g)} · {g.title}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {done}/{list.length}
                    </Text>
                  </Group>
                }
                description={
                  <Progress
                    value={list.length ? (done / list.length) * 100 : 0}
                    size={4}
                    mt={4}
                    color={done === list.length ? 'teal' : 'brand'}
                    aria-label={`${groupLabel(g)}: ${done} of ${list.length} answered`}
                  />
                }
              />
              {expanded && (
                <Stack gap={0} pl="xs">
                  {visible.map((a) => {
                    const current = a.requirementId === currentId;
                    return (
                      <NavLink
                        key={a.requirementId}
                        component={Link}
                        to={linkTo(a.requirementId)}
                        active={current}
                        aria-current={current ? 'step' : undefined}
                        aria-label={`${a.requirementId} ${a.title}: ${STATUS_LABELS[cellStatus(a)]}`}
                        py={4}
                        leftSection={<StatusDot answer={a} />}
                        label={
                          <Text size="xs" truncate>
                            <Text span fw={700} size="xs" ff="monospace">
                              {a.requirementId}
                            </Text>{' '}
                            {a.title}
                          </Text>
                        }
                      />
                    );
                  })}
                  {visible.length === 0 && (
                    <Text size="xs" c="dimmed" px="sm" py={4}>
                      None shown by this filter
                    </Text>
                  )}
                </Stack>
              )}
            </Box>
          );
        })}
      </Box>
    </Stack>
  );
}

interface BarProps {
  filter: WizardFilter;
  onFilter: (f: WizardFilter) => void;
  answered: number;
  total: number;
}

/** Above the wizard: how far the assessment is, and which requirements to walk. */
export function WizardBar({ filter, onFilter, answered, total }: BarProps) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="lg">
      <Box w={{ base: '100%', sm: 360 }}>
        <Group justify="space-between" mb={4}>
          <Text size="sm" fw={600}>
            Progress
          </Text>
          <Text size="sm" c="dimmed">
            {answered} of {total} answered
          </Text>
        </Group>
        <Progress value={total ? (answered / total) * 100 : 0} aria-label="Requirements answered" />
      </Box>
      <Group gap="sm" align="center">
        <Text size="sm" fw={600} id="wizard-filter-label">
          Show
        </Text>
        <SegmentedControl
          aria-labelledby="wizard-filter-label"
          size="sm"
          value={filter}
          onChange={(v) => onFilter(v as WizardFilter)}
          data={WIZARD_FILTERS.map((f) => ({ value: f, label: FILTER_LABELS[f] }))}
        />
      </Group>
    </Group>
  );
}
