import { describe, expect, it } from 'vitest';
import { ANNEX_A, CLAUSES } from '../../catalogue/index.js';
import {
  type AuditColumn,
  computeCoverage,
  coverageRequirements,
  defaultCycleEnd,
  programmeChecks,
  programmeErrors,
} from './audit-programme.rules.js';

const catalogue = [...CLAUSES, ...ANNEX_A];
const cycle = { start: '2026-01-01', end: '2028-12-31' };
const audit = (id: string, requirementIds: string[], dates: Partial<AuditColumn> = {}): AuditColumn => ({
  id,
  number: `IA-${id}`,
  title: `Audit ${id}`,
  status: 'planned',
  plannedStart: '2026-06-01',
  actualEnd: null,
  requirementIds,
  ...dates,
});

describe('coverageRequirements', () => {
  it('lists every clause 4 to 10 and all 38 Annex A controls when there is no SoA', () => {
    const rows = coverageRequirements(catalogue, null);
    const clauses = rows.filter((r) => r.kind === 'clause');
    expect(clauses.map((r) => r.id)).toEqual(CLAUSES.map((c) => c.id));
    expect(clauses[0].id).toBe('4.1');
    expect(clauses.at(-1)?.id).toBe('10.2');
    expect(rows.filter((r) => r.kind === 'annex-a')).toHaveLength(38);
    expect(rows).toHaveLength(CLAUSES.length + 38);
  });

  it('leaves out controls the SoA excludes', () => {
    const applicable = new Set(ANNEX_A.map((a) => a.id).filter((id) => id !== 'A.6.2.6' && id !== 'A.10.4'));
    const ids = coverageRequirements(catalogue, applicable).map((r) => r.id);
    expect(ids).not.toContain('A.6.2.6');
    expect(ids).not.toContain('A.10.4');
    expect(ids).toContain('A.2.2');
    expect(ids).toHaveLength(CLAUSES.length + 36);
  });
});

describe('computeCoverage', () => {
  const rows = coverageRequirements(catalogue, null);

  it('marks the requirements each audit of the cycle covers and counts the gaps', () => {
    const c = computeCoverage(
      rows,
      [audit('2', ['9.2.2', 'A.6.2.6'], { plannedStart: '2027-03-01' }), audit('1', ['4.1', '9.2.2'])],
      cycle,
    );
    expect(c.audits.map((a) => a.id)).toEqual(['1', '2']);
    const row = (id: string) => c.requirements.find((r) => r.id === id);
    expect(row('4.1')).toMatchObject({ auditIds: ['1'], covered: true });
    expect(row('9.2.2')).toMatchObject({ auditIds: ['1', '2'], covered: true });
    expect(row('A.6.2.6')).toMatchObject({ auditIds: ['2'], covered: true });
    expect(row('5.1')).toMatchObject({ auditIds: [], covered: false });
    expect(c.total).toBe(rows.length);
    expect(c.gaps).toBe(rows.length - 3);
  });

  it('ignores audits outside the cycle or without a date', () => {
    const c = computeCoverage(
      rows,
      [
        audit('before', ['4.1'], { plannedStart: '2025-12-31' }),
        audit('after', ['4.2'], { plannedStart: '2029-01-01' }),
        audit('undated', ['4.3'], { plannedStart: null }),
        // done: dated by its end, which falls in the cycle although it was planned before
        audit('done', ['4.4'], { plannedStart: '2025-12-15', actualEnd: '2026-01-10', status: 'reported' }),
        audit('last-day', ['5.1'], { plannedStart: '2028-12-31' }),
      ],
      cycle,
    );
    expect(c.audits.map((a) => a.id)).toEqual(['done', 'last-day']);
    expect(c.requirements.filter((r) => r.covered).map((r) => r.id)).toEqual(['4.4', '5.1']);
    expect(c.gaps).toBe(rows.length - 2);
  });

  it('counts an audit of a whole clause or control objective as covering each requirement in it', () => {
    const c = computeCoverage(rows, [audit('1', ['8', 'A.6.2', '1'])], cycle);
    const covered = c.requirements.filter((r) => r.covered).map((r) => r.id);
    expect(covered).toEqual([
      ...CLAUSES.filter((r) => r.group === '8').map((r) => r.id),
      ...ANNEX_A.filter((r) => r.subgroup === 'A.6.2').map((r) => r.id),
    ]);
    expect(covered).not.toContain('A.6.1.2');
    // "1" is no prefix of 10.1
    expect(covered).not.toContain('10.1');
    expect(
      computeCoverage(rows, [audit('1', ['9.2'])], cycle)
        .requirements.filter((r) => r.covered)
        .map((r) => r.id),
    ).toEqual(['9.2.1', '9.2.2']);
  });

  it('does not count a requirement the audit names when the SoA excludes it', () => {
    const applicable = new Set(ANNEX_A.map((a) => a.id).filter((id) => id !== 'A.6.2.6'));
    const c = computeCoverage(coverageRequirements(catalogue, applicable), [audit('1', ['A.6.2.6'])], cycle);
    expect(c.requirements.some((r) => r.id === 'A.6.2.6')).toBe(false);
    expect(c.gaps).toBe(c.total);
  });
});

describe('programme rules', () => {
  it('defaults the cycle to three years', () => {
    expect(defaultCycleEnd('2026-01-01')).toBe('2028-12-31');
    expect(defaultCycleEnd('2026-07-15')).toBe('2029-07-14');
  });
  it('refuses an end before the start and warns of what an auditor would miss', () => {
    expect(programmeErrors({ cycleStart: '2026-01-01', cycleEnd: '2025-12-31' })).toEqual([
      expect.objectContaining({ field: 'cycleEnd' }),
    ]);
    const codes = programmeChecks({
      cycleStart: '2026-01-01',
      cycleEnd: null,
      frequency: { text: '', auditsPerYear: 0 },
      methods: [],
      responsibilities: '',
      owner: null,
      reporting: '',
      independence: ' ',
    }).map((c) => c.code);
    expect(codes).toEqual(['no-owner', 'less-than-yearly', 'no-methods', 'no-reporting', 'no-independence']);
  });
});
