import { Box, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { RiskHeatmap } from '../../hooks/useRisks';
import { levelColor } from '../../labels';

export interface Cell {
  likelihood: number;
  impact: number;
}

interface Props {
  title: string;
  heatmap: RiskHeatmap;
  which: 'inherent' | 'residual';
  selected: Cell | null;
  onSelect: (cell: Cell | null) => void;
}

/**
 * Risks per likelihood (rows, highest on top) and impact (columns), each cell
 * coloured by the method's level; a click filters the list to the cell, a
 * second click clears it.
 */
export function Heatmap({ title, heatmap, which, selected, onSelect }: Props) {
  const map = heatmap[which];
  const count = (l: number, i: number) => map.cells.find((c) => c.likelihood === l && c.impact === i);
  const levelName = (id: string) => heatmap.levels.find((l) => l.id === id)?.name ?? id;
  const rows = [...heatmap.likelihood].reverse();
  const id = `heatmap-${which}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} fz="md" id={id}>
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {map.total} risk{map.total === 1 ? '' : 's'}
            {'notAssessed' in heatmap.residual && which === 'residual' ? `, ${heatmap.residual.notAssessed} not assessed` : ''}
          </Text>
        </Group>
        <Box style={{ overflowX: 'auto' }}>
          <table style={{ borderCollapse: 'separate', borderSpacing: 3 }} aria-label={title}>
            <thead>
              <tr>
                <th scope="col">
                  <Text size="xs" c="dimmed" fw={400}>
                    Likelihood ↓ / impact →
                  </Text>
                </th>
                {heatmap.impact.map((p) => (
                  <th key={p.value} scope="col" style={{ minWidth: 56 }}>
                    <Text size="xs" fw={600} title={p.label}>
                      {p.value} {p.label}
                    </Text>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.value}>
                  <th scope="row" style={{ textAlign: 'right', paddingRight: 6 }}>
                    <Text size="xs" fw={600}>
                      {l.value} {l.label}
                    </Text>
                  </th>
                  {heatmap.impact.map((i) => {
                    const c = count(l.value, i.value);
                    const on = selected?.likelihood === l.value && selected.impact === i.value;
                    const color = levelColor(c?.level, heatmap.levels);
                    const n = c?.count ?? 0;
                    return (
                      <td key={i.value} style={{ padding: 0 }}>
                        <UnstyledButton
                          onClick={() => onSelect(on ? null : { likelihood: l.value, impact: i.value })}
                          aria-pressed={on}
                          aria-label={`Likelihood ${l.value} ${l.label}, impact ${i.value} ${i.label}: ${n} risk${n === 1 ? '' : 's'}, level ${levelName(c?.level ?? '')}`}
                          style={{
                            display: 'block',
                            width: '100%',
                            minWidth: 56,
                            height: 40,
                            borderRadius: 4,
                            textAlign: 'center',
                            background: `var(--mantine-color-${color}-${n > 0 ? 3 : 1})`,
                            outline: on ? '3px solid var(--mantine-color-dark-6)' : undefined,
                            outlineOffset: -3,
                          }}
                        >
                          <Text size="sm" fw={n > 0 ? 700 : 400} c={n > 0 ? 'dark.8' : 'dimmed'}>
                            {n}
                          </Text>
                        </UnstyledButton>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
        <Group gap="xs">
          {heatmap.levels.map((lv) => (
            <Group key={lv.id} gap={4}>
              <Box
                w={12}
                h={12}
                style={{ borderRadius: 2, background: `var(--mantine-color-${levelColor(lv.id, heatmap.levels)}-3)` }}
              />
              <Text size="xs">
                {lv.name}
                {lv.id === heatmap.maxAcceptableLevel ? ' (acceptance threshold)' : ''}
              </Text>
            </Group>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
