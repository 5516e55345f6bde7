import { describe, expect, it } from 'vitest';
import { type BreachWindow, downsample, evaluateWindows, isBeyond, metricState } from './monitoring.rules.js';

const t = (i: number) => `2026-12-01T10:00:${String(i).padStart(2, '0')}.000Z`;
const series = (values: number[], from = 0) => values.map((v, i) => ({ t: t(from + i), v }));

describe('monitoring rules', () => {
  it('is beyond below a higher-is-better threshold and above a lower-is-better one, never at it', () => {
    expect(isBeyond('higher-is-better', 0.8, 0.79)).toBe(true);
    expect(isBeyond('higher-is-better', 0.8, 0.8)).toBe(false);
    expect(isBeyond('lower-is-better', 0.2, 0.2)).toBe(false);
    expect(isBeyond('lower-is-better', 0.2, 0.21)).toBe(true);
  });

  it('forms one window per run beyond the threshold, ended by the first observation back within', () => {
    const w = evaluateWindows(series([0.9, 0.7, 0.6, 0.9, 0.5]), [], 'higher-is-better', 0.8);
    expect(w).toEqual([
      { id: null, startedAt: t(1), endedAt: t(3), worst: 0.6, count: 2 },
      { id: null, startedAt: t(4), endedAt: null, worst: 0.5, count: 1 },
    ]);
  });

  it('continues an open recorded window from its count and worst so far', () => {
    const open: BreachWindow = { id: 'b1', startedAt: t(0), endedAt: null, worst: 0.4, count: 3 };
    expect(evaluateWindows(series([0.5, 0.9], 5), [], 'higher-is-better', 0.8, open)).toEqual([
      { id: 'b1', startedAt: t(0), endedAt: t(6), worst: 0.4, count: 4 },
    ]);
  });

  it('never splits a closed recorded window; a late run just before it moves its start earlier', () => {
    const closed: BreachWindow = { id: 'b1', startedAt: t(2), endedAt: t(5), worst: 0.6, count: 2 };
    // t1 late beyond, t2 and t4 recorded beyond, t3 late within, t5 the recorded end
    const obs = [
      { t: t(1), v: 0.3 },
      { t: t(2), v: 0.6 },
      { t: t(3), v: 0.95 },
      { t: t(4), v: 0.7 },
      { t: t(5), v: 0.9 },
    ];
    expect(evaluateWindows(obs, [closed], 'higher-is-better', 0.8)).toEqual([
      { id: 'b1', startedAt: t(1), endedAt: t(5), worst: 0.3, count: 4 },
    ]);
  });

  it('gives a late run between two recorded windows a window of its own, and joins one reaching the next', () => {
    const a: BreachWindow = { id: 'a', startedAt: t(0), endedAt: t(1), worst: 5, count: 1 };
    const b: BreachWindow = { id: 'b', startedAt: t(4), endedAt: null, worst: 6, count: 1 };
    expect(evaluateWindows(series([5, 1, 7, 1, 6]), [a, b], 'lower-is-better', 2)).toEqual([
      { id: 'a', startedAt: t(0), endedAt: t(1), worst: 5, count: 1 },
      { id: null, startedAt: t(2), endedAt: t(3), worst: 7, count: 1 },
      { id: 'b', startedAt: t(4), endedAt: null, worst: 6, count: 1 },
    ]);
    expect(evaluateWindows(series([5, 1, 1, 7, 6]), [a, b], 'lower-is-better', 2)).toEqual([
      { id: 'a', startedAt: t(0), endedAt: t(1), worst: 5, count: 1 },
      { id: 'b', startedAt: t(3), endedAt: null, worst: 7, count: 2 },
    ]);
  });

  it('thins a series to at most the limit, keeping each run’s lowest and highest point in time order', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ t: t(0) + i, v: 1 + (i % 3) / 100 }));
    points[617].v = -50;
    points[201].v = 99;
    const out = downsample(points, 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out).toContain(points[617]);
    expect(out).toContain(points[201]);
    expect(out.map((p) => points.indexOf(p))).toEqual(out.map((p) => points.indexOf(p)).sort((x, y) => x - y));
    expect(downsample(points.slice(0, 10), 50)).toHaveLength(10);
  });

  it('orders states: beyond threshold, then review overdue, then no data', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const m = {
      openBreachId: null,
      latestValue: 0.9,
      direction: 'higher-is-better' as const,
      threshold: 0.8,
      nextReviewDue: '2026-12-02T00:00:00.000Z',
    };
    expect(metricState(m, now)).toBe('ok');
    expect(metricState({ ...m, latestValue: 0.7, nextReviewDue: '2026-11-01T00:00:00.000Z' }, now)).toBe('breached');
    expect(metricState({ ...m, openBreachId: 'b' }, now)).toBe('breached');
    expect(metricState({ ...m, latestValue: null, nextReviewDue: '2026-11-01T00:00:00.000Z' }, now)).toBe('review-overdue');
    expect(metricState({ ...m, latestValue: null }, now)).toBe('no-data');
  });
});
