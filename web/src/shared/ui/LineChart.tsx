import { Button, Group, ScrollArea, Table, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId, useMemo, useState } from 'react';
import { formatDate, formatDateTime } from './format';

// A small line chart drawn in SVG, without a charting library: values over
// time, a threshold with the side that breaches it shaded, time windows to
// highlight (breaches), and the points beyond the threshold marked. It sizes
// itself to its container, so it reads the same at phone width, and every
// value is also in a table (hidden unless asked for) for screen readers.

export interface LinePoint {
  /** ISO 8601 timestamp */
  t: string;
  v: number;
}

export interface ChartWindow {
  from: string;
  /** null while the window is still open: it runs to the right edge */
  to: string | null;
}

export interface ChartThreshold {
  value: number;
  /** which side is the breach: 'below' for a value that should stay high */
  breachSide: 'below' | 'above';
  label?: string;
}

interface Props {
  /** the accessible name of the chart */
  title: string;
  /** a sentence describing what it shows, for screen readers */
  description?: string;
  points: LinePoint[];
  threshold?: ChartThreshold | null;
  windows?: ChartWindow[];
  /** the time span shown; default the points' own */
  from?: string;
  to?: string;
  /** how a value reads ("12 %", "0.93") */
  formatValue?: (v: number) => string;
  /** how a y-axis tick reads; default formatValue. With `unit`, a plain number */
  formatTick?: (v: number) => string;
  /** the values' unit, written once above the y axis */
  unit?: string | null;
  height?: number;
  /** the column headings of the table alternative */
  valueLabel?: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const TIME_STEPS = [
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  3 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  91 * DAY,
  182 * DAY,
  365 * DAY,
];
const COLORS = { line: '#1c7ed6', breach: '#e03131', grid: '#e9ecef', axis: '#868e96', threshold: '#c92a2a' };

export function isBeyond(v: number, t: ChartThreshold | null | undefined): boolean {
  if (!t) return false;
  return t.breachSide === 'below' ? v < t.value : v > t.value;
}

/** Round steps (1, 2, 2.5, 5 × 10^n) so the y ticks read as plain numbers. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Time ticks on whole hours or UTC days, about `count` of them. */
export function timeTicks(from: number, to: number, count: number): { ticks: number[]; daily: boolean } {
  const raw = (to - from) / Math.max(1, count);
  let i = TIME_STEPS.findIndex((s) => s >= raw);
  if (i < 0) i = TIME_STEPS.length - 1;
  const at = (step: number) => {
    const ticks: number[] = [];
    for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
    return ticks;
  };
  // at least two ticks, so a narrow chart still shows where its time runs
  while (i > 0 && at(TIME_STEPS[i]).length < 2) i--;
  return { ticks: at(TIME_STEPS[i]), daily: TIME_STEPS[i] >= DAY };
}

const defaultFormat = (v: number) => v.toLocaleString(undefined, { maximumFractionDigits: 3 });

/** Values over time with a threshold; see the file's comment. */
export function LineChart({
  title,
  description,
  points,
  threshold,
  windows = [],
  from,
  to,
  formatValue = defaultFormat,
  formatTick,
  unit,
  height = 260,
  valueLabel = 'Value',
}: Props) {
  const { ref, width: measured } = useElementSize();
  const width = Math.max(260, Math.round(measured) || 600);
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const descId = useId();
  // useId's characters (":", "«") do not all survive in url(#...)
  const clipId = `clip${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const sorted = useMemo(() => points.map((p) => ({ ...p, ms: Date.parse(p.t) })).sort((a, b) => a.ms - b.ms), [points]);

  // x: the asked span, else the points' own (a single point gets a day either side)
  let x0 = from ? Date.parse(from) : (sorted[0]?.ms ?? Date.now() - 7 * DAY);
  let x1 = to ? Date.parse(to) : (sorted[sorted.length - 1]?.ms ?? Date.now());
  if (!(x1 > x0)) {
    x0 -= DAY;
    x1 += DAY;
  }
  // y: the values and the threshold, with some room above and below
  const values = sorted.map((p) => p.v);
  if (threshold) values.push(threshold.value);
  let y0 = values.length ? Math.min(...values) : 0;
  let y1 = values.length ? Math.max(...values) : 1;
  const pad = y1 > y0 ? (y1 - y0) * 0.1 : Math.abs(y1) * 0.1 || 1;
  y0 -= pad;
  y1 += pad;
  const yTicks = niceTicks(y0, y1, Math.max(3, Math.floor(height / 55)));
  y0 = Math.min(y0, yTicks[0]);
  y1 = Math.max(y1, yTicks[yTicks.length - 1]);

  const yLabels = yTicks.map(formatTick ?? (unit ? defaultFormat : formatValue));
  const left = Math.min(90, 12 + Math.max(...yLabels.map((l) => l.length)) * 7);
  const margin = { top: unit ? 26 : 16, right: 14, bottom: 30, left };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const sx = (ms: number) => margin.left + ((ms - x0) / (x1 - x0)) * plotW;
  const sy = (v: number) => margin.top + (1 - (v - y0) / (y1 - y0)) * plotH;
  const clampX = (ms: number) => Math.min(margin.left + plotW, Math.max(margin.left, sx(ms)));

  // as many date labels as fit side by side (about 6.6 px a character at 11 px)
  const labelW = (long: boolean) => (long ? 16 : 10) * 6.6 + 14;
  const { ticks: xTicks, daily } = timeTicks(x0, x1, Math.max(2, Math.floor(plotW / labelW(x1 - x0 < 3 * DAY))));
  const xLabel = (ms: number) => {
    const iso = new Date(ms).toISOString();
    return daily ? formatDate(iso.slice(0, 10)) : formatDateTime(iso);
  };
  const xLabelHalf = labelW(!daily) / 2 - 7;
  const inSpan = useMemo(() => sorted.filter((p) => p.ms >= x0 && p.ms <= x1), [sorted, x0, x1]);
  const path = inSpan.map((p, i) => `${i ? 'L' : 'M'}${sx(p.ms).toFixed(1)},${sy(p.v).toFixed(1)}`).join(' ');
  const beyond = inSpan.filter((p) => isBeyond(p.v, threshold)).length;
  // a dense series gets small marks, so the line and the red of the breaches still read
  const dense = inSpan.length > plotW / 10;
  // The table does not change with the width: kept across the re-renders a resize causes (thousands of rows).
  // biome-ignore lint/correctness/useExhaustiveDependencies: formatValue is a new function on every render of the caller; the values it formats are the deps
  const table = useMemo(
    () => <ValuesTable title={title} points={inSpan} threshold={threshold} formatValue={formatValue} valueLabel={valueLabel} />,
    [title, inSpan, threshold?.value, threshold?.breachSide, valueLabel],
  );
  const thresholdText = threshold ? (threshold.label ?? `Threshold ${formatValue(threshold.value)}`) : '';
  const summary =
    description ??
    `${inSpan.length} values from ${xLabel(x0)} to ${xLabel(x1)}${threshold ? `; ${thresholdText}; ${beyond} beyond it` : ''}.`;

  return (
    <div>
      <div ref={ref} style={{ width: '100%', minWidth: 0 }}>
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          style={{ display: 'block', maxWidth: '100%', fontFamily: 'inherit' }}
          data-testid="line-chart"
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{summary}</desc>
          <defs>
            <clipPath id={clipId}>
              <rect x={margin.left} y={margin.top} width={plotW} height={plotH} />
            </clipPath>
          </defs>
          {threshold && (
            <rect
              data-testid="breach-side"
              x={margin.left}
              width={plotW}
              y={threshold.breachSide === 'below' ? sy(threshold.value) : margin.top}
              height={
                threshold.breachSide === 'below' ? margin.top + plotH - sy(threshold.value) : sy(threshold.value) - margin.top
              }
              fill={COLORS.breach}
              fillOpacity={0.05}
              clipPath={`url(#${clipId})`}
            />
          )}
          {windows.map((w) => {
            const a = clampX(Date.parse(w.from));
            const b = clampX(w.to ? Date.parse(w.to) : x1);
            return (
              <rect
                key={`${w.from}-${w.to}`}
                data-testid="breach-window"
                x={a}
                width={Math.max(2, b - a)}
                y={margin.top}
                height={plotH}
                fill={COLORS.breach}
                fillOpacity={0.12}
              />
            );
          })}
          {unit && (
            <text x={4} y={12} fontSize={11} fill={COLORS.axis} data-testid="unit">
              {unit}
            </text>
          )}
          {yTicks.map((v, i) => (
            <g key={v}>
              <line x1={margin.left} x2={margin.left + plotW} y1={sy(v)} y2={sy(v)} stroke={COLORS.grid} />
              <text x={margin.left - 6} y={sy(v)} dy="0.32em" textAnchor="end" fontSize={11} fill={COLORS.axis}>
                {yLabels[i]}
              </text>
            </g>
          ))}
          {xTicks.map((ms) => {
            const x = sx(ms);
            // a label that would leave the picture is left out; its tick stays
            const fits = x - xLabelHalf >= 0 && x + xLabelHalf <= width;
            return (
              <g key={ms}>
                <line x1={x} x2={x} y1={margin.top + plotH} y2={margin.top + plotH + 4} stroke={COLORS.axis} />
                {fits && (
                  <text x={x} y={height - 8} textAnchor="middle" fontSize={11} fill={COLORS.axis}>
                    {xLabel(ms)}
                  </text>
                )}
              </g>
            );
          })}
          <line x1={margin.left} x2={margin.left + plotW} y1={margin.top + plotH} y2={margin.top + plotH} stroke={COLORS.axis} />
          {threshold && (
            <g data-testid="threshold-line">
              <line
                x1={margin.left}
                x2={margin.left + plotW}
                y1={sy(threshold.value)}
                y2={sy(threshold.value)}
                stroke={COLORS.threshold}
                strokeWidth={1.5}
                strokeDasharray="6 4"
              />
              <text
                x={margin.left + 4}
                y={sy(threshold.value)}
                dy={threshold.breachSide === 'below' ? '-0.45em' : '1.1em'}
                textAnchor="start"
                fontSize={11}
                fontWeight={600}
                fill={COLORS.threshold}
                paintOrder="stroke"
                stroke="#fff"
                strokeWidth={3}
              >
                {thresholdText}
              </text>
            </g>
          )}
          {path && <path d={path} fill="none" stroke={COLORS.line} strokeWidth={dense ? 1 : 2} strokeLinejoin="round" />}
          {inSpan.map((p) => {
            const out = isBeyond(p.v, threshold);
            // a dense series is its line; only the values beyond the threshold get marks
            if (dense && !out) return null;
            return (
              <circle
                key={`${p.t}-${p.v}`}
                cx={sx(p.ms)}
                cy={sy(p.v)}
                r={out ? (dense ? 2.5 : 4.5) : dense ? 1.5 : 3}
                fill={out ? COLORS.breach : COLORS.line}
                stroke="#fff"
                strokeWidth={out && !dense ? 1.5 : 0.5}
                data-beyond={out ? 'true' : undefined}
              >
                <title>{`${formatDateTime(p.t)}: ${formatValue(p.v)}${out ? ' (beyond the threshold)' : ''}`}</title>
              </circle>
            );
          })}
          {inSpan.length === 0 && (
            <text
              x={margin.left + plotW / 2}
              // on the side of the threshold that is not shaded, clear of its line
              y={threshold?.breachSide === 'above' ? margin.top + plotH * 0.8 : margin.top + plotH * 0.25}
              textAnchor="middle"
              fontSize={13}
              fill={COLORS.axis}
            >
              No values in this period
            </text>
          )}
        </svg>
      </div>
      <Group justify="flex-end" mt={4}>
        <Button variant="subtle" size="compact-xs" onClick={() => setAsTable((v) => !v)} aria-expanded={asTable}>
          {asTable ? 'Hide the table' : 'Show as table'}
        </Button>
      </Group>
      {asTable ? (
        <ScrollArea.Autosize mah={320} type="auto">
          {table}
        </ScrollArea.Autosize>
      ) : (
        <VisuallyHidden>{table}</VisuallyHidden>
      )}
    </div>
  );
}

const CELL = { padding: '4px 10px', borderBottom: '1px solid #e9ecef' } as const;

function ValuesTable({
  title,
  points,
  threshold,
  formatValue,
  valueLabel,
}: {
  title: string;
  points: LinePoint[];
  threshold: ChartThreshold | null | undefined;
  formatValue: (v: number) => string;
  valueLabel: string;
}) {
  if (points.length === 0) return <Text size="sm">No values in this period.</Text>;
  return (
    <Table verticalSpacing={4} fz="sm">
      <caption style={{ captionSide: 'top', textAlign: 'left' }}>{title}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Observed</Table.Th>
          <Table.Th>{valueLabel}</Table.Th>
          {threshold && <Table.Th>Threshold</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      {/* plain rows: a period may hold thousands of values */}
      <tbody>
        {[...points].reverse().map((p) => (
          <tr key={`${p.t}-${p.v}`}>
            <td style={CELL}>{formatDateTime(p.t)}</td>
            <td style={CELL}>{formatValue(p.v)}</td>
            {threshold && <td style={CELL}>{isBeyond(p.v, threshold) ? 'Beyond' : 'Within'}</td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
