import { Box, Group, Text } from '@mantine/core';
import { formatDate } from '../../../shared/ui/format';
import type { Objective, ProgressEntry } from '../hooks/useObjectives';
import { formatNumber } from '../labels';

// A small SVG chart of the measured values over time, with the target, the
// baseline, the due date and the straight path from baseline to target that
// "on track" is judged against. No chart library: a few lines and dots.

const W = 640;
const H = 220;
const PAD = { left: 48, right: 16, top: 16, bottom: 28 };

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

export function ProgressChart({ objective, entries, today }: { objective: Objective; entries: ProgressEntry[]; today: string }) {
  const points = entries.filter((e): e is ProgressEntry & { value: number } => e.value !== null);
  if (points.length === 0) return null;
  const start = [objective.createdAt.slice(0, 10), points[0].date].sort()[0];
  const baseline = objective.baselineValue ?? (points.length > 1 ? points[0].value : null);
  const dates = [start, today, ...points.map((p) => p.date), ...(objective.dueDate ? [objective.dueDate] : [])];
  const x0 = Math.min(...dates.map(dayNumber));
  const x1 = Math.max(x0 + 1, ...dates.map(dayNumber));
  const values = [
    ...points.map((p) => p.value),
    ...(objective.targetValue !== null ? [objective.targetValue] : []),
    ...(baseline !== null ? [baseline] : []),
  ];
  let y0 = Math.min(...values);
  let y1 = Math.max(...values);
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const margin = (y1 - y0) * 0.08;
  y0 -= margin;
  y1 += margin;
  const x = (d: string) => PAD.left + ((dayNumber(d) - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const unit = objective.targetUnit ? ` ${objective.targetUnit}` : '';
  const line = points.map((p) => `${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const latest = points[points.length - 1];
  const summary = `Measured values from ${formatDate(points[0].date)} to ${formatDate(latest.date)}, latest ${formatNumber(
    latest.value,
  )}${unit}${objective.targetValue !== null ? `, target ${formatNumber(objective.targetValue)}${unit}` : ''}.`;

  return (
    <Box>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary} style={{ maxHeight: 260, display: 'block' }}>
        <title>{summary}</title>
        {[y0 + margin, (y0 + y1) / 2, y1 - margin].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="var(--mantine-color-gray-2)" />
            <text x={PAD.left - 6} y={y(v) + 4} fontSize="11" textAnchor="end" fill="var(--mantine-color-gray-7)">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        {objective.targetValue !== null && (
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(objective.targetValue)}
            y2={y(objective.targetValue)}
            stroke="var(--mantine-color-teal-6)"
            strokeDasharray="6 4"
          />
        )}
        {objective.dueDate && (
          <line
            x1={x(objective.dueDate)}
            x2={x(objective.dueDate)}
            y1={PAD.top}
            y2={H - PAD.bottom}
            stroke="var(--mantine-color-red-4)"
            strokeDasharray="3 3"
          />
        )}
        {objective.dueDate && objective.targetValue !== null && baseline !== null && (
          <line
            x1={x(start)}
            y1={y(baseline)}
            x2={x(objective.dueDate)}
            y2={y(objective.targetValue)}
            stroke="var(--mantine-color-gray-5)"
            strokeDasharray="2 4"
          />
        )}
        <line x1={x(today)} x2={x(today)} y1={PAD.top} y2={H - PAD.bottom} stroke="var(--mantine-color-blue-2)" />
        <polyline points={line} fill="none" stroke="var(--mantine-color-blue-7)" strokeWidth="2" />
        {points.map((p) => (
          <circle key={p.id} cx={x(p.date)} cy={y(p.value)} r="4" fill="var(--mantine-color-blue-7)">
            <title>{`${formatDate(p.date)}: ${formatNumber(p.value)}${unit}`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={H - 8} fontSize="11" fill="var(--mantine-color-gray-7)">
          {formatDate(new Date(x0 * 86_400_000).toISOString().slice(0, 10))}
        </text>
        <text x={W - PAD.right} y={H - 8} fontSize="11" textAnchor="end" fill="var(--mantine-color-gray-7)">
          {formatDate(new Date(x1 * 86_400_000).toISOString().slice(0, 10))}
        </text>
      </svg>
      <Group gap="lg" mt={4} aria-hidden>
        <Legend color="blue.7" label="Measured" />
        {objective.targetValue !== null && <Legend color="teal.6" label="Target" dashed />}
        {objective.dueDate && <Legend color="red.4" label="Due date" dashed />}
        {objective.dueDate && objective.targetValue !== null && baseline !== null && (
          <Legend color="gray.5" label="Path to target" dashed />
        )}
        <Legend color="blue.2" label="Today" />
      </Group>
    </Box>
  );
}

function Legend({ color, label, dashed }: { color: string; label: string; dashed?: boolean }) {
  const [c, shade] = color.split('.');
  return (
    <Group gap={6}>
      <Box w={18} style={{ borderTop: `2px ${dashed ? 'dashed' : 'solid'} var(--mantine-color-${c}-${shade})` }} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
