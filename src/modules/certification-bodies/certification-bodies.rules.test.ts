import { describe, expect, it } from 'vitest';
import {
  acceptWarnings,
  bodyWarnings,
  ESTIMATE_CAVEAT,
  estimateAuditDays,
  type WarningInput,
} from './certification-bodies.rules.js';

const sound: WarningInput = {
  partyKind: 'certification-body',
  accreditedForIso42001: 'yes',
  iafMlaSignatory: 'yes',
  verificationRoute: 'https://www.iafcertsearch.org',
  surveillanceTermsClear: true,
  choiceReasons: ['accredited-scope', 'price'],
};
const codes = (b: Partial<WarningInput>) => bodyWarnings({ ...sound, ...b }).map((w) => w.code);

describe('certification body warnings', () => {
  it('a body with accreditation, MLA, a route, clear terms and a sound reason carries none', () => {
    expect(codes({})).toEqual([]);
  });

  it('flags accreditation not recorded or not covering ISO/IEC 42001', () => {
    expect(codes({ accreditedForIso42001: 'unknown' })).toEqual(['no-iso42001-accreditation']);
    expect(codes({ accreditedForIso42001: 'no' })).toEqual(['no-iso42001-accreditation']);
  });

  it('flags an accreditation body outside the IAF MLA or not recorded', () => {
    expect(codes({ iafMlaSignatory: 'no' })).toEqual(['not-iaf-mla']);
    expect(codes({ iafMlaSignatory: 'unknown' })).toEqual(['not-iaf-mla']);
  });

  it('flags a choice made only on price and an international-sounding name', () => {
    expect(codes({ choiceReasons: ['price'] })).toEqual(['price-only-choice']);
    expect(codes({ choiceReasons: ['international-name'] })).toEqual(['price-only-choice']);
    expect(codes({ choiceReasons: ['price', 'international-name'] })).toEqual(['price-only-choice']);
    expect(codes({ choiceReasons: ['price', 'buyer-recognition'] })).toEqual([]);
    expect(codes({ choiceReasons: [] })).toEqual([]);
  });

  it('flags a partner, consultant or other party recorded as the issuer', () => {
    for (const partyKind of ['partner', 'consultant', 'other'] as const)
      expect(codes({ partyKind })).toEqual(['issuer-not-certification-body']);
  });

  it('flags a missing verification route and unclear surveillance terms', () => {
    expect(codes({ verificationRoute: '  ' })).toEqual(['no-verification-route']);
    expect(codes({ surveillanceTermsClear: false })).toEqual(['surveillance-unclear']);
  });

  it('an empty candidate carries every warning but the price one, in checklist order', () => {
    expect(
      codes({
        partyKind: 'consultant',
        accreditedForIso42001: 'unknown',
        iafMlaSignatory: 'unknown',
        verificationRoute: '',
        surveillanceTermsClear: false,
        choiceReasons: [],
      }),
    ).toEqual([
      'no-iso42001-accreditation',
      'not-iaf-mla',
      'issuer-not-certification-body',
      'no-verification-route',
      'surveillance-unclear',
    ]);
  });

  it('choosing needs a non-blank reason per warning, named body.reasons.<code>', () => {
    const warnings = bodyWarnings({ ...sound, partyKind: 'partner', surveillanceTermsClear: false });
    const { accepted, errors } = acceptWarnings(warnings, {
      'issuer-not-certification-body': ' The partner resells an accredited body; we record that body next ',
      'surveillance-unclear': '   ',
      'not-iaf-mla': 'not carried, dropped',
    });
    expect(accepted).toEqual([
      expect.objectContaining({
        code: 'issuer-not-certification-body',
        reason: 'The partner resells an accredited body; we record that body next',
      }),
    ]);
    expect(errors.map((e) => e.field)).toEqual(['body.reasons.surveillance-unclear']);
  });
});

describe('estimateAuditDays', () => {
  const base = { employeeCount: 8, aiRoles: ['provider'] as const, siteCount: 1 };

  it('starts from the published example for 1-10 people: one role 3.5, producer 5, several 6.5', () => {
    expect(estimateAuditDays({ ...base }).initialDays).toBe(3.5);
    expect(estimateAuditDays({ ...base, aiRoles: ['customer'] }).initialDays).toBe(3.5);
    expect(estimateAuditDays({ ...base, aiRoles: ['producer'] }).initialDays).toBe(5);
    expect(estimateAuditDays({ ...base, aiRoles: ['provider', 'producer'] }).initialDays).toBe(6.5);
  });

  it('grows by headcount band, rounded up to half days', () => {
    const days = (employeeCount: number) => estimateAuditDays({ ...base, employeeCount }).initialDays;
    expect(days(10)).toBe(3.5);
    expect(days(11)).toBe(4.5); // 3.5 x 1.25 = 4.375
    expect(days(50)).toBe(5.5); // x 1.5 = 5.25
    expect(days(100)).toBe(7);
    expect(days(250)).toBe(9); // 8.75
    expect(days(5000)).toBe(14);
    // larger organizations never get less time
    const bands = [1, 10, 11, 25, 26, 50, 51, 100, 101, 250, 251, 500, 501, 1000, 1001, 100000].map(days);
    expect(bands).toEqual([...bands].sort((a, b) => a - b));
  });

  it('adds a tenth per extra site, at most half again', () => {
    const days = (siteCount: number) => estimateAuditDays({ ...base, aiRoles: ['producer'], siteCount }).initialDays;
    expect(days(1)).toBe(5);
    expect(days(3)).toBe(6); // 5 x 1.2
    expect(days(6)).toBe(7.5); // 5 x 1.5
    expect(days(40)).toBe(7.5); // capped
  });

  it('splits Stage 1 and Stage 2, surveillance about a third and recertification about two thirds', () => {
    const e = estimateAuditDays({ employeeCount: 80, aiRoles: ['provider', 'customer'], siteCount: 2 });
    expect(e.initialDays).toBe(14.5); // 6.5 x 2 x 1.1 = 14.3
    expect(e.stage1Days + e.stage2Days).toBe(e.initialDays);
    expect(e.stage1Days).toBe(4.5);
    expect(e.surveillanceDays).toBe(5); // 14.5 / 3 = 4.83
    expect(e.recertificationDays).toBe(10); // 9.67
    expect(e.basis.join(' ')).toMatch(/Several AI roles.*band 51-100.*2 sites/);
    expect(e.assumptions).toEqual([]);
  });

  it('states its assumptions when the profile is empty, and always carries the caveat', () => {
    const e = estimateAuditDays({ employeeCount: null, aiRoles: [], siteCount: 0 });
    expect(e.initialDays).toBe(3.5);
    expect(e.stage1Days).toBe(1.5);
    expect(e.assumptions).toHaveLength(3);
    for (const input of [base, { employeeCount: 3000, aiRoles: ['producer' as const], siteCount: 12 }])
      expect(estimateAuditDays(input).caveat).toBe(ESTIMATE_CAVEAT);
    expect(ESTIMATE_CAVEAT).toMatch(/planning estimate.*certification body decides the audit time/i);
  });
});
