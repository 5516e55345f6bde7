import { describe, expect, it } from 'vitest';
import { ANNEX_A, CLAUSES } from '../../catalogue/index.js';
import {
  areaOf,
  defaultArea,
  EVIDENCE_AREAS,
  evidenceFlags,
  evidenceNumber,
  evidenceState,
  expiringUntil,
  parseEvidenceNumber,
  urlError,
} from './evidence.rules.js';

describe('evidence areas', () => {
  it('maps clauses 4 to 10 to their areas', () => {
    expect(areaOf('4.1')).toBe('scope-context');
    expect(areaOf('5.2')).toBe('leadership');
    expect(areaOf('6.1.3')).toBe('planning');
    expect(areaOf('7.5.3')).toBe('support');
    expect(areaOf('8.4')).toBe('operation');
    expect(areaOf('9.2.1')).toBe('performance-evaluation');
    expect(areaOf('10.2')).toBe('improvement');
  });

  it('maps Annex A objectives to the clause area they evidence', () => {
    expect(areaOf('A.2.2')).toBe('leadership');
    expect(areaOf('A.3.3')).toBe('leadership');
    expect(areaOf('A.4.2')).toBe('support');
    expect(areaOf('A.5.4')).toBe('planning');
    for (const id of ['A.6.2.6', 'A.7.4', 'A.8.2', 'A.9.3', 'A.10.3']) expect(areaOf(id)).toBe('operation');
  });

  it('gives every catalogue id an area, and none to an own control', () => {
    for (const r of [...CLAUSES, ...ANNEX_A]) expect(EVIDENCE_AREAS).toContain(areaOf(r.id));
    expect(areaOf('OC-01')).toBeNull();
    expect(areaOf('A.11.1')).toBeNull();
  });

  it('defaults from the first requirement, then the first control with an area, else support', () => {
    expect(defaultArea(['9.1'], ['A.6.2.6'])).toBe('performance-evaluation');
    expect(defaultArea([], ['OC-01', 'A.2.2'])).toBe('leadership');
    expect(defaultArea([], ['OC-01'])).toBe('support');
  });
});

describe('evidence state and flags', () => {
  const today = '2026-12-01';
  it('is valid without an end or more than 30 days ahead, expiring within 30 days, expired after its last day', () => {
    expect(evidenceState(null, today)).toBe('valid');
    expect(evidenceState('2027-01-01', today)).toBe('valid');
    expect(evidenceState('2026-12-31', today)).toBe('expiring');
    expect(evidenceState(today, today)).toBe('expiring');
    expect(evidenceState('2026-11-30', today)).toBe('expired');
  });

  it('counts 30 days from whichever today it is asked about, one after another', () => {
    expect(expiringUntil('2026-12-01')).toBe('2026-12-31');
    expect(expiringUntil('2027-02-01')).toBe('2027-03-03');
    expect(expiringUntil('2026-12-01')).toBe('2026-12-31');
    expect(evidenceState('2027-01-15', '2026-12-20')).toBe('expiring');
    expect(evidenceState('2027-01-15', '2026-12-01')).toBe('valid');
  });

  it('flags expired, expiring and unlinked items', () => {
    const codes = (validUntil: string | null, linkCount: number) =>
      evidenceFlags({ validUntil, linkCount, fileMissing: false }, today).map((f) => f.code);
    expect(codes('2026-11-01', 1)).toEqual(['expired']);
    expect(codes('2026-12-10', 0)).toEqual(['expiring-soon', 'no-links']);
    expect(codes(null, 2)).toEqual([]);
  });
});

describe('numbers and addresses', () => {
  it('numbers EV-0001 and reads them back', () => {
    expect(evidenceNumber(1)).toBe('EV-0001');
    expect(evidenceNumber(12345)).toBe('EV-12345');
    expect(parseEvidenceNumber('ev-0012')).toBe(12);
    expect(parseEvidenceNumber('EV12')).toBe(12);
    expect(parseEvidenceNumber('policy')).toBeNull();
  });

  it('accepts only http and https addresses', () => {
    expect(urlError('https://example.com/x')).toBeNull();
    expect(urlError('javascript:alert(1)')).toMatch(/http/);
    expect(urlError('file:///etc/passwd')).toMatch(/http/);
    expect(urlError('not a url')).toMatch(/absolute/);
  });
});
