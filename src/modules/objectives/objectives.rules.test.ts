import { describe, expect, it } from 'vitest';
import {
  type ObjectiveFacts,
  objectiveFlags,
  objectiveTracking,
  type ProgressPoint,
  progressFraction,
  targetErrors,
  timeGone,
} from './objectives.rules.js';

const base: ObjectiveFacts = {
  status: 'open',
  dueDate: '2026-12-31',
  targetValue: 90,
  targetDirection: 'at-least',
  baselineValue: 50,
  startDate: '2026-01-01',
  hasOwner: true,
  evaluation: 'Quarterly review of the inventory by the AI lead',
};
const p = (date: string, value: number | null, createdAt = `${date}T12:00:00Z`): ProgressPoint => ({ date, value, createdAt });

describe('objective tracking', () => {
  it('is on track when progress keeps pace with the time gone', () => {
    // half the year gone (2026-07-02), 60% of the way from 50 to 90
    const t = objectiveTracking(base, [p('2026-06-30', 74)], '2026-07-02');
    expect(t.state).toBe('on-track');
    expect(t.fraction).toBeCloseTo(0.6);
    expect(t.expectedFraction).toBeCloseTo(0.5, 1);
    expect(t.reason).toBe('60% of the way to the target with 50% of the time gone.');
  });

  it('is at risk when progress trails the time gone by more than the tolerance', () => {
    // 75% of the year gone, 25% of the way
    const t = objectiveTracking(base, [p('2026-09-30', 60)], '2026-10-01');
    expect(t.state).toBe('at-risk');
    expect(objectiveFlags(base, t, '2026-10-01').map((f) => f.code)).toContain('at-risk');
    // within the tolerance is still on track: 68% of the way at 75% of the time
    expect(objectiveTracking(base, [p('2026-09-30', 77.2)], '2026-10-01').state).toBe('on-track');
  });

  it('is overdue past the due date while open, and closed states win', () => {
    const t = objectiveTracking(base, [p('2026-12-01', 84)], '2027-01-01');
    expect(t.state).toBe('overdue');
    expect(objectiveFlags(base, t, '2027-01-01').map((f) => f.code)).toEqual(['overdue']);
    const achieved = objectiveTracking({ ...base, status: 'achieved' }, [], '2027-01-01');
    expect(achieved.state).toBe('achieved');
    expect(objectiveFlags({ ...base, status: 'achieved' }, achieved, '2027-01-01')).toEqual([]);
    expect(objectiveTracking({ ...base, status: 'missed' }, [], '2027-01-01').state).toBe('missed');
  });

  it('reads the latest entry by date, not by the order recorded', () => {
    const points = [p('2026-08-01', 88, '2026-08-01T00:00:00Z'), p('2026-03-01', 55, '2026-09-01T00:00:00Z')];
    const t = objectiveTracking(base, points, '2026-08-02');
    expect(t.latestValue).toBe(88);
    expect(t.latestDate).toBe('2026-08-01');
  });

  it('meets an at-most target from above, and flags a met target still open', () => {
    const o: ObjectiveFacts = { ...base, targetValue: 2, targetDirection: 'at-most', baselineValue: 10 };
    const t = objectiveTracking(o, [p('2026-04-01', 2)], '2026-04-02');
    expect(t).toMatchObject({ state: 'on-track', targetMet: true, fraction: 1 });
    expect(objectiveFlags(o, t, '2026-04-02').map((f) => f.code)).toEqual(['target-met']);
    // going the wrong way counts as no progress
    expect(objectiveTracking(o, [p('2026-10-01', 12)], '2026-10-02')).toMatchObject({ state: 'at-risk', fraction: 0 });
  });

  it('uses the first measured value as baseline when none is recorded; one value alone tells nothing', () => {
    const o = { ...base, baselineValue: null };
    expect(objectiveTracking(o, [p('2026-02-01', 40)], '2026-02-02')).toMatchObject({
      state: 'not-measured',
      fraction: null,
    });
    const t = objectiveTracking(o, [p('2026-02-01', 40), p('2026-06-01', 65)], '2026-06-02');
    expect(t.fraction).toBeCloseTo(0.5);
    expect(t.state).toBe('on-track');
  });

  it('is at risk with nothing recorded once half the time is gone', () => {
    expect(objectiveTracking(base, [], '2026-03-01').state).toBe('not-measured');
    const late = objectiveTracking(base, [], '2026-08-01');
    expect(late.state).toBe('at-risk');
    expect(late.reason).toMatch(/^No measured value recorded with 58% of the time gone/);
    // a note-only objective (no numeric target) with notes is not at risk for lack of numbers
    const words = { ...base, targetValue: null, targetDirection: null, baselineValue: null };
    expect(objectiveTracking(words, [p('2026-07-01', null)], '2026-08-01').state).toBe('not-measured');
    expect(objectiveTracking(words, [], '2026-08-01').state).toBe('at-risk');
  });

  it('counts the time from the first entry when it is earlier than the objective', () => {
    expect(timeGone('2026-01-01', '2026-12-31', '2026-07-02')).toBeCloseTo(0.5, 2);
    expect(timeGone('2026-01-01', null, '2026-07-02')).toBeNull();
    expect(timeGone('2026-05-01', '2026-05-01', '2026-05-01')).toBe(1);
    const backdated = objectiveTracking({ ...base, startDate: '2026-07-01' }, [p('2026-01-01', 50)], '2026-07-02');
    expect(backdated.expectedFraction).toBeCloseTo(0.5, 1);
  });

  it('does not measure from a baseline already on the target side', () => {
    expect(progressFraction({ ...base, baselineValue: 95 }, [p('2026-05-01', 80)])).toBeNull();
  });
});

describe('objective flags', () => {
  it('flags what an auditor would ask about', () => {
    const o: ObjectiveFacts = { ...base, dueDate: null, hasOwner: false, evaluation: '  ' };
    const t = objectiveTracking(o, [], '2026-06-01');
    expect(objectiveFlags(o, t, '2026-06-01').map((f) => f.code)).toEqual([
      'no-due-date',
      'no-owner',
      'no-evaluation',
      'no-recent-progress',
    ]);
    // recent progress clears the stale flag
    const fresh = objectiveTracking(o, [p('2026-05-01', 60)], '2026-06-01');
    expect(objectiveFlags(o, fresh, '2026-06-01').map((f) => f.code)).not.toContain('no-recent-progress');
  });
});

describe('target fields', () => {
  it('needs a direction with a number, and a number with a direction, unit or baseline', () => {
    const none = { targetValue: null, targetDirection: null, targetUnit: null, baselineValue: null };
    expect(targetErrors(none)).toEqual([]);
    expect(targetErrors({ ...none, targetValue: 5 }).map((e) => e.field)).toEqual(['targetDirection']);
    expect(targetErrors({ ...none, targetUnit: '%' }).map((e) => e.field)).toEqual(['targetValue']);
    expect(targetErrors({ ...none, baselineValue: 0 }).map((e) => e.field)).toEqual(['targetValue']);
    expect(targetErrors({ ...none, targetValue: 0, targetDirection: 'at-most' })).toEqual([]);
  });
});
