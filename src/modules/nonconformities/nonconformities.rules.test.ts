import { describe, expect, it } from 'vitest';
import {
  actionStatusAfter,
  addDays,
  type ClosingFacts,
  closingErrors,
  DEFAULT_GRADES,
  deadlines,
  gradeError,
  isRecurrence,
  monthsBefore,
  nonconformityFlags,
  nonconformityNumber,
  parseNonconformityNumber,
} from './nonconformities.rules.js';

describe('deadlines from the grade scale', () => {
  it('gives 30 days to plan and 90 to close on the default scale', () => {
    expect(deadlines(DEFAULT_GRADES, 'major', '2026-01-15')).toEqual({
      planDueDate: '2026-02-14',
      evidenceDueDate: '2026-04-15',
    });
  });
  it("follows the organization's own day counts, across a leap day", () => {
    const scale = [{ key: 'critical', label: 'Critical', planDays: 7, evidenceDays: 14, isNonconformity: true }];
    expect(deadlines(scale, 'critical', '2028-02-25')).toEqual({ planDueDate: '2028-03-03', evidenceDueDate: '2028-03-10' });
    expect(deadlines(scale, 'major', '2028-02-25')).toBeNull();
  });
  it('names the allowed keys for a grade outside the scale', () => {
    expect(gradeError(DEFAULT_GRADES, 'minor')).toBeNull();
    expect(gradeError(DEFAULT_GRADES, 'huge')).toEqual({
      field: 'body.grade',
      message: "must be one of the organization's grades: major, minor, observation, opportunity",
    });
  });
  it('adds days and steps back whole months to the last day that exists', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
  });
});

describe('closing rule', () => {
  const ready: ClosingFacts = {
    status: 'closed',
    rootCause: { summary: 'No owner for model cards' },
    effectiveness: { result: 'effective', checkedOn: '2026-05-01', checkedBy: { userId: 'u1' } },
    actions: [{ status: 'done' }],
    needsAction: true,
  };
  it('allows closing with a root cause, done actions and an effective, dated, attributed check', () => {
    expect(closingErrors(ready)).toEqual([]);
  });
  it('names each missing field', () => {
    const errors = closingErrors({
      ...ready,
      rootCause: { summary: '  ' },
      effectiveness: { result: null, checkedOn: null, checkedBy: null },
      actions: [{ status: 'done' }, { status: 'in-progress' }, { status: 'planned' }],
    });
    expect(errors.map((e) => e.field)).toEqual([
      'body.rootCause.summary',
      'body.effectiveness.result',
      'body.effectiveness.checkedOn',
      'body.effectiveness.checkedBy',
      'actions',
    ]);
    expect(errors[4].message).toContain('2 not done');
  });
  it('refuses a check found not effective', () => {
    expect(
      closingErrors({ ...ready, effectiveness: { ...ready.effectiveness, result: 'not-effective' } }).map((e) => e.field),
    ).toEqual(['body.effectiveness.result']);
  });
  it('needs a corrective action for a nonconformity, not for an observation', () => {
    expect(closingErrors({ ...ready, actions: [] }).map((e) => e.field)).toEqual(['actions']);
    expect(closingErrors({ ...ready, actions: [], needsAction: false })).toEqual([]);
  });
});

describe('recurrence rule', () => {
  it('counts one closed within the 12 months before this was raised', () => {
    expect(isRecurrence('2026-06-10', '2026-06-10T08:00:00.000Z')).toBe(true);
    expect(isRecurrence('2026-06-10', '2025-06-10T23:00:00.000Z')).toBe(true);
    expect(isRecurrence('2026-06-10', '2025-06-09T23:00:00.000Z')).toBe(false);
  });
  it('does not count one closed after this was raised, or not closed', () => {
    expect(isRecurrence('2026-06-10', '2026-06-11T00:00:00.000Z')).toBe(false);
    expect(isRecurrence('2026-06-10', null)).toBe(false);
  });
});

describe('flags and numbers', () => {
  const base = {
    status: 'open' as const,
    planDueDate: '2026-02-01',
    evidenceDueDate: '2026-04-01',
    actionCount: 0,
    recurrenceOf: null,
    notEffectiveOn: null,
    effectivenessResult: null,
  };
  it('flags plan and evidence overdue only while not closed', () => {
    expect(nonconformityFlags(base, '2026-02-01')).toEqual([]);
    expect(nonconformityFlags(base, '2026-02-02')).toEqual(['plan-overdue']);
    expect(nonconformityFlags({ ...base, actionCount: 1 }, '2026-04-02')).toEqual(['evidence-overdue']);
    expect(nonconformityFlags({ ...base, status: 'closed' }, '2026-04-02')).toEqual([]);
  });
  it('flags a failed check until a later check is effective', () => {
    const failed = { ...base, actionCount: 1, notEffectiveOn: '2026-01-20', effectivenessResult: 'not-effective' as const };
    expect(nonconformityFlags(failed, '2026-01-21')).toEqual(['effectiveness-not-effective']);
    expect(nonconformityFlags({ ...failed, effectivenessResult: 'effective' }, '2026-01-21')).toEqual([]);
    expect(nonconformityFlags({ ...base, recurrenceOf: 'x', status: 'closed' }, '2026-01-01')).toEqual(['recurrence']);
  });
  it('numbers NC-001 and reads it back', () => {
    expect(nonconformityNumber(7)).toBe('NC-007');
    expect(parseNonconformityNumber('nc-007')).toBe(7);
    expect(parseNonconformityNumber('model')).toBeNull();
  });
});

describe('status following the corrective actions', () => {
  it('moves open → actions planned → actions done, and back', () => {
    expect(actionStatusAfter('open', 1, 1)).toBe('action-planned');
    expect(actionStatusAfter('action-planned', 2, 0)).toBe('actions-done');
    expect(actionStatusAfter('actions-done', 2, 1)).toBe('action-planned');
    expect(actionStatusAfter('action-planned', 0, 0)).toBe('open');
  });
  it('leaves the effectiveness check and closed to the user', () => {
    expect(actionStatusAfter('effectiveness-check', 2, 1)).toBe('effectiveness-check');
    expect(actionStatusAfter('closed', 1, 0)).toBe('closed');
  });
});
