import { describe, expect, it } from 'vitest';
import {
  auditsToClear,
  cycleTimeline,
  decisionCycle,
  nextDueItem,
  numberKey,
  openMajors,
  reminderWindow,
  ruleCWarning,
  shownStatus,
} from './certificates.rules.js';

const audit = (id: string, type: string, startDate: string, endDate: string, status = 'completed') => ({
  id,
  type,
  status,
  startDate,
  endDate,
});
const major = (auditId: string, number: string, closed: boolean, closedOn: string | null = null) => ({
  auditId,
  grade: 'major',
  nonconformity: { number, closed, closedOn },
});

describe('certificate rules', () => {
  it('derives expired from the expiry date, except for a withdrawn certificate', () => {
    expect(shownStatus('valid', '2027-03-31', '2027-03-31')).toBe('valid');
    expect(shownStatus('valid', '2027-03-31', '2027-04-01')).toBe('expired');
    expect(shownStatus('suspended', '2027-03-31', '2027-04-01')).toBe('expired');
    expect(shownStatus('withdrawn', '2027-03-31', '2027-04-01')).toBe('withdrawn');
  });

  it('compares certificate numbers trimmed and case-insensitive', () => {
    expect(numberKey('  AIMS-0042-x ')).toBe('aims-0042-x');
  });

  it('clears the Stage 1 of the same cycle with an initial Stage 2, only the audit itself otherwise', () => {
    const all = [
      audit('s1-old', 'stage-1', '2024-01-10', '2024-01-11'),
      audit('s1', 'stage-1', '2026-01-10', '2026-01-11'),
      audit('s2', 'stage-2', '2026-03-01', '2026-03-03'),
      audit('s1-later', 'stage-1', '2027-01-01', '2027-01-02'),
    ];
    expect(auditsToClear(all[2], all)).toEqual(['s2', 's1']);
    expect(auditsToClear(audit('r', 'recertification', '2028-01-01', '2028-01-02'), all)).toEqual(['r']);
  });

  it('lists the open majors by nonconformity number; minors and closed majors do not block', () => {
    expect(
      openMajors([
        major('a', 'NC-001', false),
        major('a', 'NC-002', true, '2026-03-10'),
        { auditId: 'a', grade: 'minor', nonconformity: { number: 'NC-003', closed: false, closedOn: null } },
      ]),
    ).toEqual(['NC-001']);
  });

  it('warns when a Stage 2 major was verified later than six months after Stage 2 ended (rule C)', () => {
    expect(ruleCWarning('2026-03-03', [major('s2', 'NC-001', true, '2026-09-03')], '2026-09-10')).toBeNull();
    const late = ruleCWarning('2026-03-03', [major('s2', 'NC-001', true, '2026-09-04')], '2026-09-10');
    expect(late).toContain('NC-001');
    expect(late).toContain('another Stage 2 is required before certification');
    // still open at the decision, after the deadline
    expect(ruleCWarning('2026-03-03', [major('s2', 'NC-002', false)], '2026-09-04')).toContain('NC-002');
  });

  it('starts an initial cycle from the decision and renews from the previous expiry', () => {
    const first = decisionCycle('2026-04-15', '2026-03-03', null);
    expect(first).toMatchObject({
      outcome: 'initial',
      validFrom: '2026-04-15',
      expiry: '2029-04-14',
      surveillance: [
        { number: 1, dueBy: '2027-04-15' },
        { number: 2, dueBy: '2028-04-15' },
      ],
      majorNonconformityVerifyBy: '2026-09-03',
    });
    const renewed = decisionCycle('2029-03-01', null, '2029-04-14');
    expect(renewed).toMatchObject({ outcome: 'renewed', expiry: '2032-04-14' });
    expect(renewed.surveillance[0].dueBy).toBe('2030-04-15');
    const restored = decisionCycle('2029-06-01', null, '2029-04-14');
    expect(restored).toMatchObject({ outcome: 'restored', uncertified: { from: '2029-04-15', to: '2029-05-31' } });
  });

  it('marks the cycle done, due or overdue from the surveillance audits held', () => {
    const items = cycleTimeline(
      {
        decidedOn: '2026-04-15',
        expiryDate: '2029-04-14',
        audits: [
          audit('sv1', 'surveillance', '2027-03-01', '2027-03-02'),
          audit('sv-cancelled', 'surveillance', '2027-09-01', '2027-09-02', 'cancelled'),
        ],
        renewals: [],
      },
      '2028-05-01',
    );
    expect(items.map((i) => [i.kind, i.number, i.date, i.state])).toEqual([
      ['decision', null, '2026-04-15', 'done'],
      ['surveillance', 1, '2027-04-15', 'done'],
      ['surveillance', 2, '2028-04-15', 'overdue'],
      ['recertification', null, '2029-04-14', 'due'],
      ['expiry', null, '2029-04-14', 'due'],
    ]);
    expect(items[1].doneBy).toEqual({ auditId: 'sv1', date: '2027-03-02' });
    expect(nextDueItem(items)).toMatchObject({ kind: 'surveillance', number: 2 });
  });

  it('reminds 90 and 30 days ahead, and not after the due date', () => {
    expect(reminderWindow('2027-04-15', '2027-01-14')).toBeNull();
    expect(reminderWindow('2027-04-15', '2027-01-15')).toBe('90d');
    expect(reminderWindow('2027-04-15', '2027-03-16')).toBe('30d');
    expect(reminderWindow('2027-04-15', '2027-04-15')).toBe('30d');
    expect(reminderWindow('2027-04-15', '2027-04-16')).toBeNull();
  });
});
