import { describe, expect, it } from 'vitest';
import {
  accessWindow,
  auditErrors,
  certificationAuditLabel,
  effectiveDates,
  mapGrade,
  parseCertificationAuditNumber,
} from './certification-audits.rules.js';

const audit = (extra: Partial<Parameters<typeof auditErrors>[0]> = {}): Parameters<typeof auditErrors>[0] => ({
  type: 'stage-2',
  surveillanceNumber: null,
  status: 'planned',
  outcome: 'pending',
  plannedStart: '2027-03-01',
  plannedEnd: '2027-03-03',
  actualStart: null,
  actualEnd: null,
  ...extra,
});
const fields = (a: Parameters<typeof auditErrors>[0]) => auditErrors(a).map((e) => e.field);

describe('certification audit rules', () => {
  it('completing needs the actual dates and an outcome', () => {
    expect(fields(audit({ status: 'completed' }))).toEqual(['body.actualStart', 'body.actualEnd', 'body.outcome']);
    expect(
      fields(audit({ status: 'completed', actualStart: '2027-03-01', actualEnd: '2027-03-02', outcome: 'recommended' })),
    ).toEqual([]);
    expect(fields(audit({ status: 'in-progress', actualStart: '2027-03-01' }))).toEqual([]);
  });

  it('dates run forward, an actual end needs an actual start', () => {
    expect(fields(audit({ plannedEnd: '2027-02-28' }))).toEqual(['body.plannedEnd']);
    expect(fields(audit({ plannedEnd: '2027-03-01' }))).toEqual([]);
    expect(fields(audit({ actualStart: '2027-03-02', actualEnd: '2027-03-01' }))).toEqual(['body.actualEnd']);
    expect(fields(audit({ actualEnd: '2027-03-01' }))).toEqual(['body.actualStart']);
  });

  it('outcomes fit the type; surveillance audits are numbered', () => {
    expect(fields(audit({ type: 'stage-1', outcome: 'recommended' }))).toEqual(['body.outcome']);
    expect(fields(audit({ type: 'stage-1', outcome: 'ready-for-stage-2' }))).toEqual([]);
    expect(fields(audit({ outcome: 'not-ready' }))).toEqual(['body.outcome']);
    expect(fields(audit({ type: 'surveillance' }))).toEqual(['body.surveillanceNumber']);
    expect(fields(audit({ surveillanceNumber: 2 }))).toEqual(['body.surveillanceNumber']);
    expect(fields(audit({ type: 'surveillance', surveillanceNumber: 2 }))).toEqual([]);
  });

  it('the actual days win over the planned ones', () => {
    expect(effectiveDates(audit())).toEqual({ startDate: '2027-03-01', endDate: '2027-03-03' });
    expect(effectiveDates(audit({ actualStart: '2027-03-04' }))).toEqual({ startDate: '2027-03-04', endDate: '2027-03-04' });
    expect(effectiveDates(audit({ actualStart: '2027-03-04', actualEnd: '2027-03-06' }))).toEqual({
      startDate: '2027-03-04',
      endDate: '2027-03-06',
    });
  });

  it("access runs from the first day's midnight to the midnight after the last day (UTC)", () => {
    expect(accessWindow('2027-02-27', '2027-02-28')).toEqual({
      startsAt: '2027-02-27T00:00:00.000Z',
      expiresAt: '2027-03-01T00:00:00.000Z',
    });
  });

  it("maps a grade onto the organization's scale, saying when it had to", () => {
    const scale = [
      { key: 'critical', label: 'Critical', isNonconformity: true },
      { key: 'moderate', label: 'Moderate', isNonconformity: true },
      { key: 'low', label: 'Low', isNonconformity: true },
      { key: 'obs', label: 'Observation', isNonconformity: false },
    ];
    expect(mapGrade('major', [{ key: 'major', label: 'Major', isNonconformity: true }])).toEqual({ key: 'major', note: null });
    expect(mapGrade('major', scale)?.key).toBe('critical');
    expect(mapGrade('minor', scale)?.key).toBe('low');
    expect(mapGrade('minor', scale)?.note).toContain('"Low"');
    expect(mapGrade('minor', [...scale, { key: 'nc-2', label: 'Minor NC', isNonconformity: true }])?.key).toBe('nc-2');
    expect(mapGrade('major', [{ key: 'obs', label: 'Observation', isNonconformity: false }])).toBeNull();
  });

  it('numbers and labels', () => {
    expect(certificationAuditLabel(1, 'stage-2', null)).toBe('CA-001 Stage 2');
    expect(certificationAuditLabel(12, 'surveillance', 1)).toBe('CA-012 Surveillance 1');
    expect(parseCertificationAuditNumber('ca-7')).toBe(7);
    expect(parseCertificationAuditNumber('Stage')).toBeNull();
  });
});
