import { Box, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { groupLabel, type RequirementGroup } from '../../catalogue';
import type { Answer } from '../hooks/useGap';
import { CELL_STATUSES, type CellStatus, cellStatus, STATUS_COLORS, STATUS_GLYPHS, STATUS_LABELS } from '../labels';

interface Props {
  groups: RequirementGroup[];
  answers: Map<string, Answer>;
  /** where a cell leads: the requirement in the wizard */
  linkTo: (requirementId: string) => string;
}

function cellStyle(s: CellStatus) {
  return s === 'unanswered'
    ? { bg: 'white', border: '1px dashed var(--mantine-color-gray-5)' }
    : { bg: `${STATUS_COLORS[s]}.3`, border: `1px solid var(--mantine-color-${STATUS_COLORS[s]}-5)` };
}

export function Swatch({ status, size = 16 }: { status: CellStatus; size?: number }) {
  const { bg, border } = cellStyle(status);
  return (
    <Box
      component="span"
      aria-hidden
      w={size}
      h={size}
      bg={bg}
      fz={size * 0.6}
      fw={700}
      c="dark.8"
      style={{ border, borderRadius: 3, display: 'inline-flex', alignItems: 'center', justifyContent: 'center', flexShrink: 0 }}
    >
      {STATUS_GLYPHS[status]}
    </Box>
  );
}

/** The legend: every status with its colour, glyph and how many requirements have it. */
export function StatusLegend({ counts }: { counts: Record<CellStatus, number> }) {
  return (
    <Group component="ul" gap="lg" aria-label="Legend" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {CELL_STATUSES.map((s) => (
        <Group component="li" key={s} gap={6} wrap="nowrap">
          <Swatch status={s} size={18} />
          <Text size="sm">
            {STATUS_LABELS[s]}{' '}
            <Text span c="dimmed" size="sm">
              ({counts[s]})
            </Text>
          </Text>
        </Group>
      ))}
    </Group>
  );
}

/** Every clause requirement and Annex A control as a cell coloured by its status, one row per clause or objective. */
export function StatusHeatmap({ groups, answers, linkTo }: Props) {
  return (
    <Stack gap={6}>
      {groups.map((g) => {
        const list = g.requirements.map((r) => answers.get(r.id)).filter((a): a is Answer => !!a);
        const implemented = list.filter((a) => a.answered && a.status === 'implemented').length;
        return (
          <Box
            key={g.id}
            role="group"
            aria-label={`${groupLabel(g)} ${g.title}: ${implemented} of ${list.length} implemented`}
            className="heatmap-row"
          >
            <Text size="sm" truncate title={`${groupLabel(g)} · ${g.title}`}>
              <Text span fw={700} size="sm">
                {groupLabel(g)}
              </Text>{' '}
              <Text span c="dimmed" size="sm">
                {g.title}
              </Text>
            </Text>
            <Group gap={4}>
              {list.map((a) => {
                const s = cellStatus(a);
                const { bg, border } = cellStyle(s);
                return (
                  <Box
                    key={a.requirementId}
                    component={Link}
                    to={linkTo(a.requirementId)}
                    aria-label={`${a.requirementId} ${a.title}: ${STATUS_LABELS[s]}`}
                    title={`${a.requirementId} ${a.title}: ${STATUS_LABELS[s]}`}
                    bg={bg}
                    c="dark.8"
                    fz={12}
                    fw={600}
                    miw={72}
                    h={38}
                    px={6}
                    className="focus-ring"
                    style={{
                      border,
                      borderRadius: 4,
                      display: 'inline-flex',
                      alignItems: 'center',
                      justifyContent: 'center',
                      gap: 4,
                      textDecoration: 'none',
                      fontVariantNumeric: 'tabular-nums',
                    }}
                  >
                    <span>{a.requirementId}</span>
                    <span aria-hidden style={{ opacity: 0.75 }}>
                      {STATUS_GLYPHS[s]}
                    </span>
                  </Box>
                );
              })}
            </Group>
          </Box>
        );
      })}
    </Stack>
  );
}
