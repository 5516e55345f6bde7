import { describe, expect, it } from 'vitest';
import { addMonths, anniversary, isCalendarDate } from '../../platform/dates.js';
import { initialCycle, majorVerifyBy, renewCycle } from './certificates.cycle.js';

// Organizations plan their audits on these dates, so every edge is pinned:
// month ends, 29 February, renewals before, on and after expiry, and the
// six-month edge of rules B and C.

describe('calendar arithmetic', () => {
  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'], // leap year target keeps the 29th
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-05-10', 0, '2026-05-10'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', 3, '2027-02-28'],
    ['2026-06-15', 3, '2029-06-15'],
    ['2026-12-31', 1, '2027-12-31'],
  ])('anniversary of %s after %i years is %s', (from, years, expected) => {
    expect(anniversary(from, years)).toBe(expected);
  });

  it.each([
    ['2026-02-30', false],
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-4-01', false],
    ['soon', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
  ])('%s is a calendar date: %s', (text, ok) => {
    expect(isCalendarDate(text)).toBe(ok);
  });
});

describe('rule A: initial certification', () => {
  it.each([
    // decision, expiry, surveillance 1, surveillance 2
    ['2026-06-15', '2029-06-14', '2027-06-15', '2028-06-15'],
    ['2026-01-01', '2028-12-31', '2027-01-01', '2028-01-01'],
    ['2024-02-29', '2027-02-27', '2025-02-28', '2026-02-28'],
    ['2025-03-01', '2028-02-29', '2026-03-01', '2027-03-01'], // the day before a leap-year 1 March is the 29th
    ['2026-12-31', '2029-12-30', '2027-12-31', '2028-12-31'],
  ])('decision %s: expiry %s, surveillance by %s and %s', (decision, expiry, s1, s2) => {
    const c = initialCycle(decision);
    expect(c).toEqual({
      expiry,
      surveillance: [
        { number: 1, dueBy: s1 },
        { number: 2, dueBy: s2 },
      ],
      recertificationDecisionBy: expiry,
      majorNonconformityVerifyBy: null,
    });
  });

  it('rule C: a major from Stage 2 must be verified within six months of its last day', () => {
    expect(initialCycle('2026-10-01', '2026-08-31').majorNonconformityVerifyBy).toBe('2027-02-28');
    expect(majorVerifyBy('2026-03-15')).toBe('2026-09-15');
    expect(majorVerifyBy('2027-08-31')).toBe('2028-02-29');
    expect(majorVerifyBy('2026-12-31')).toBe('2027-06-30');
  });
});

describe('rule B: renewal', () => {
  const E = '2029-06-14';
  it.each([
    // decision, outcome, validFrom, expiry
    ['2029-05-01', 'renewed', '2029-05-01', '2032-06-14'], // before expiry: the cycle continues from the old expiry
    ['2029-06-14', 'renewed', '2029-06-14', '2032-06-14'], // on expiry
    ['2029-06-15', 'restored', '2029-06-15', '2032-06-14'], // the day after
    ['2029-12-14', 'restored', '2029-12-14', '2032-06-14'], // exactly six months after
    ['2029-12-15', 'new-certification', '2029-12-15', '2032-12-14'], // one day past six months: rule A from R
  ])('previous expiry %s, decision %s: %s', (decision, outcome, validFrom, expiry) => {
    const r = renewCycle(E, decision);
    expect({ outcome: r.outcome, validFrom: r.validFrom, expiry: r.expiry }).toEqual({ outcome, validFrom, expiry });
  });

  it('a restored certificate shows the uncertified days between the old expiry and the decision', () => {
    expect(renewCycle(E, '2029-09-01').uncertified).toEqual({ from: '2029-06-15', to: '2029-08-31' });
    // decided the day after expiry: no whole day went uncertified
    expect(renewCycle(E, '2029-06-15').uncertified).toBeNull();
    expect(renewCycle(E, '2029-06-01').uncertified).toBeNull();
  });

  it('more than six months late is a new initial certification that needs at least a Stage 2', () => {
    expect(renewCycle(E, '2030-01-10').requiresStage2).toBe(true);
    expect(renewCycle(E, '2029-12-14').requiresStage2).toBe(false);
  });

  it('the six-month edge clamps at month ends: expiry 31 August, edge 28 February', () => {
    expect(renewCycle('2029-08-31', '2030-02-28').outcome).toBe('restored');
    expect(renewCycle('2029-08-31', '2030-03-01').outcome).toBe('new-certification');
    // renewed from a 29 February expiry lands on 28 February three years on
    expect(renewCycle('2028-02-29', '2028-01-15').expiry).toBe('2031-02-28');
  });
});
