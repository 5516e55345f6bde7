import { describe, expect, it } from 'vitest';
import {
  AI_RISK_SOURCES,
  DEFAULT_RISK_METHOD,
  genericCriteriaWarnings,
  isAboveThreshold,
  levelRank,
  mayAccept,
  methodErrors,
  type RiskMethodContent,
  riskLevel,
  riskMethodContentSchema,
  scaleError,
} from './risk-method.rules.js';

const method = (patch: Partial<RiskMethodContent> = {}): RiskMethodContent => ({
  ...structuredClone(DEFAULT_RISK_METHOD),
  ...patch,
});
const codes = (m: RiskMethodContent) => genericCriteriaWarnings(m).map((w) => w.code);
const fields = (m: RiskMethodContent) => methodErrors(m).map((e) => e.field);

describe('the default method', () => {
  it('is valid by its own schema, has no structural error and no generic-criteria warning', () => {
    expect(riskMethodContentSchema.safeParse(DEFAULT_RISK_METHOD).success).toBe(true);
    expect(methodErrors(DEFAULT_RISK_METHOD)).toEqual([]);
    expect(genericCriteriaWarnings(DEFAULT_RISK_METHOD)).toEqual([]);
  });

  it('is 5 by 5 with a descriptor for every impact dimension and every AI risk source in use', () => {
    expect(DEFAULT_RISK_METHOD.likelihood.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
    expect(DEFAULT_RISK_METHOD.matrix).toHaveLength(5);
    for (const row of DEFAULT_RISK_METHOD.matrix) expect(row).toHaveLength(5);
    for (const p of DEFAULT_RISK_METHOD.impact) {
      expect(Object.keys(p.dimensions).sort()).toEqual(['groups', 'individuals', 'organization', 'society']);
    }
    expect(DEFAULT_RISK_METHOD.riskSources.map((s) => s.id)).toEqual(AI_RISK_SOURCES.map((s) => s.id));
  });
});

describe('riskLevel', () => {
  it('reads the matrix: likelihood picks the row, impact the column', () => {
    expect(riskLevel(DEFAULT_RISK_METHOD, 1, 1).id).toBe('low');
    expect(riskLevel(DEFAULT_RISK_METHOD, 1, 5).id).toBe('medium'); // 5
    expect(riskLevel(DEFAULT_RISK_METHOD, 2, 2).id).toBe('low'); // 4
    expect(riskLevel(DEFAULT_RISK_METHOD, 3, 3).id).toBe('medium'); // 9
    expect(riskLevel(DEFAULT_RISK_METHOD, 2, 5).id).toBe('high'); // 10
    expect(riskLevel(DEFAULT_RISK_METHOD, 4, 4).id).toBe('high'); // 16
    expect(riskLevel(DEFAULT_RISK_METHOD, 4, 5).id).toBe('critical'); // 20
    expect(riskLevel(DEFAULT_RISK_METHOD, 5, 5)).toEqual({ id: 'critical', name: 'Critical' });
  });

  it('follows an edited cell, and is not symmetric when the matrix is not', () => {
    const m = method();
    m.matrix[4][0] = 'high'; // almost certain, negligible
    expect(riskLevel(m, 5, 1).id).toBe('high');
    expect(riskLevel(m, 1, 5).id).toBe('medium');
  });

  it('throws outside the scales', () => {
    expect(() => riskLevel(DEFAULT_RISK_METHOD, 0, 3)).toThrow(RangeError);
    expect(() => riskLevel(DEFAULT_RISK_METHOD, 3, 6)).toThrow(/outside/);
  });
});

describe('scaleError', () => {
  it('accepts whole numbers on the scale and names the range otherwise', () => {
    expect(scaleError(DEFAULT_RISK_METHOD, 'likelihood', 1)).toBeNull();
    expect(scaleError(DEFAULT_RISK_METHOD, 'impact', 5)).toBeNull();
    expect(scaleError(DEFAULT_RISK_METHOD, 'impact', 6)).toMatch(/1 to 5.*impact/);
    expect(scaleError(DEFAULT_RISK_METHOD, 'likelihood', 0)).toMatch(/1 to 5.*likelihood/);
    expect(scaleError(DEFAULT_RISK_METHOD, 'likelihood', 2.5)).not.toBeNull();
    expect(scaleError(DEFAULT_RISK_METHOD, 'likelihood', Number.NaN)).not.toBeNull();
  });

  it('follows the size of the scale', () => {
    const m = method({ likelihood: DEFAULT_RISK_METHOD.likelihood.slice(0, 3) });
    expect(scaleError(m, 'likelihood', 3)).toBeNull();
    expect(scaleError(m, 'likelihood', 4)).toMatch(/1 to 3/);
  });
});

describe('thresholds and acceptance', () => {
  it('ranks levels in their order', () => {
    expect(['low', 'medium', 'high', 'critical', 'nope'].map((l) => levelRank(DEFAULT_RISK_METHOD, l))).toEqual([0, 1, 2, 3, -1]);
  });

  it('is above the threshold only past the highest acceptable level', () => {
    expect(isAboveThreshold(DEFAULT_RISK_METHOD, 'low')).toBe(false);
    expect(isAboveThreshold(DEFAULT_RISK_METHOD, 'medium')).toBe(false);
    expect(isAboveThreshold(DEFAULT_RISK_METHOD, 'high')).toBe(true);
    expect(isAboveThreshold(DEFAULT_RISK_METHOD, 'critical')).toBe(true);
    const strict = method({ acceptance: { ...DEFAULT_RISK_METHOD.acceptance, maxAcceptableLevel: 'low' } });
    expect(isAboveThreshold(strict, 'medium')).toBe(true);
  });

  it('lets anyone accept at or below the threshold, and only the named roles above it', () => {
    expect(mayAccept(DEFAULT_RISK_METHOD, 'medium', 'contributor')).toBe(true);
    expect(mayAccept(DEFAULT_RISK_METHOD, 'high', 'owner')).toBe(true);
    expect(mayAccept(DEFAULT_RISK_METHOD, 'high', 'admin')).toBe(false);
    expect(mayAccept(DEFAULT_RISK_METHOD, 'critical', 'editor')).toBe(false);
    const board = method({ acceptance: { ...DEFAULT_RISK_METHOD.acceptance, acceptAboveBy: ['owner', 'admin'] } });
    expect(mayAccept(board, 'critical', 'admin')).toBe(true);
    expect(mayAccept(board, 'critical', 'viewer')).toBe(false);
  });
});

describe('methodErrors', () => {
  it('names a missing matrix row and a short row', () => {
    const m = method({ matrix: DEFAULT_RISK_METHOD.matrix.slice(0, 4).map((r) => [...r]) });
    expect(fields(m)).toEqual(['matrix']);
    const short = method();
    short.matrix[2] = short.matrix[2].slice(0, 4);
    expect(fields(short)).toEqual(['matrix.2']);
  });

  it('names each cell holding an unknown level, and an unknown acceptance level', () => {
    const m = method();
    m.matrix[0][1] = 'extreme';
    m.matrix[3][4] = '';
    m.acceptance.maxAcceptableLevel = 'moderate';
    expect(fields(m)).toEqual(['matrix.0.1', 'matrix.3.4', 'acceptance.maxAcceptableLevel']);
    expect(methodErrors(m)[0].message).toMatch(/"extreme" is not one of the levels/);
  });

  it('refuses duplicate level ids, scale values out of order and unknown impact dimensions', () => {
    const dup = method({ levels: [...DEFAULT_RISK_METHOD.levels, { id: 'low', name: 'Also low' }] });
    expect(fields(dup)).toEqual(['levels']);
    const order = method();
    order.likelihood[1].value = 3;
    expect(fields(order)).toEqual(['likelihood.1.value']);
    const dims = method();
    dims.impact[0].dimensions.planet = 'Emissions';
    expect(fields(dims)).toEqual(['impact.0.dimensions.planet']);
  });

  it('checks a smaller method against its own size', () => {
    const m = method({
      likelihood: DEFAULT_RISK_METHOD.likelihood.slice(0, 3),
      impact: DEFAULT_RISK_METHOD.impact.slice(0, 3),
      matrix: DEFAULT_RISK_METHOD.matrix.slice(0, 3).map((r) => r.slice(0, 3)),
    });
    expect(methodErrors(m)).toEqual([]);
  });
});

describe('genericCriteriaWarnings', () => {
  it('flags a method with no AI risk source in use', () => {
    const m = method({ riskSources: DEFAULT_RISK_METHOD.riskSources.map((s) => ({ ...s, inUse: false })) });
    expect(codes(m)).toEqual(['no-ai-risk-source']);
    expect(codes(method({ riskSources: [] }))).toEqual(['no-ai-risk-source']);
    // one source in use is enough
    const one = method({ riskSources: DEFAULT_RISK_METHOD.riskSources.map((s, i) => ({ ...s, inUse: i === 0 })) });
    expect(codes(one)).toEqual([]);
  });

  it('flags descriptors left as a generic template: a bare word, the label again, or nothing', () => {
    const m = method();
    m.likelihood[0].descriptor = 'Rare';
    m.likelihood[3].descriptor = 'likely.';
    m.impact[1].descriptor = '';
    m.impact[2].descriptor = m.impact[2].label;
    const [w, ...rest] = genericCriteriaWarnings(m);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ code: 'generic-descriptors', field: 'descriptors' });
    expect(w.message).toMatch(/likelihood 1, likelihood 4, impact 2, impact 3\)/);
  });

  it('flags an impact dimension filled with a bare word, not one left empty', () => {
    const m = method();
    m.impact[1].dimensions.organization = '';
    expect(codes(m)).toEqual([]);
    m.impact[1].dimensions.society = 'Minor';
    expect(genericCriteriaWarnings(m)[0].message).toMatch(/impact 2 for society/);
  });

  it('flags a method with no dimension about people, or people dimensions left empty', () => {
    const noPeople = method({ impactDimensions: DEFAULT_RISK_METHOD.impactDimensions.filter((d) => !d.aboutPeople) });
    noPeople.impact = noPeople.impact.map((p) => ({ ...p, dimensions: { organization: p.dimensions.organization } }));
    expect(codes(noPeople)).toEqual(['no-people-dimension']);
    const flagged = method({ impactDimensions: DEFAULT_RISK_METHOD.impactDimensions.map((d) => ({ ...d, aboutPeople: false })) });
    expect(codes(flagged)).toEqual(['no-people-dimension']);

    const empty = method();
    for (const id of ['individuals', 'groups', 'society']) empty.impact[0].dimensions[id] = ' ';
    empty.impact[4].dimensions = { organization: empty.impact[4].dimensions.organization };
    const w = genericCriteriaWarnings(empty);
    expect(w.map((x) => x.code)).toEqual(['no-people-descriptors']);
    expect(w[0].message).toMatch(/Impact points 1, 5 /);
  });

  it('reports each kind once, all together', () => {
    const m = method({
      riskSources: [],
      impactDimensions: [{ id: 'organization', name: 'Us', aboutPeople: false }],
    });
    m.likelihood[2].descriptor = 'Possible';
    m.impact = m.impact.map((p) => ({ ...p, dimensions: { organization: p.dimensions.organization } }));
    expect(codes(m)).toEqual(['no-ai-risk-source', 'generic-descriptors', 'no-people-dimension']);
  });
});
