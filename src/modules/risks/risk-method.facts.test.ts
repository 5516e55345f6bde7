import { describe, expect, it } from 'vitest';
import { riskScoreChecks } from './risk-method.facts.js';
import { DEFAULT_RISK_METHOD, type RiskMethodContent } from './risk-method.rules.js';

const method = (): RiskMethodContent => structuredClone(DEFAULT_RISK_METHOD);
const codes = (m: RiskMethodContent, facts: Parameters<typeof riskScoreChecks>[1]) =>
  riskScoreChecks(m, facts).map((c) => c.code);

describe('riskScoreChecks', () => {
  const facts = {
    cells: [
      { likelihood: 5, impact: 1, level: 'medium', n: 3 },
      { likelihood: 4, impact: 4, level: 'high', n: 2 },
      { likelihood: 1, impact: 1, level: 'low', n: 7 },
    ],
    sources: [
      { source: 'fairness', n: 4 },
      { source: 'privacy', n: 8 },
    ],
  };

  it('says nothing when the method scores the register as it stands', () => {
    expect(riskScoreChecks(method(), facts)).toEqual([]);
    expect(riskScoreChecks(method(), { cells: [], sources: [] })).toEqual([]);
  });

  it('counts the scores whose level this matrix changes, with an example', () => {
    const m = method();
    m.matrix[4][0] = 'critical';
    const [c, ...rest] = riskScoreChecks(m, facts);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ code: 'risks-level-changes', severity: 'info', field: 'matrix' });
    expect(c.message).toMatch(/^3 risk scores .* likelihood 5 and impact 1: Medium, here Critical/);
  });

  it('counts scores off a shrunk scale, not also as level changes', () => {
    const m = method();
    m.likelihood = m.likelihood.slice(0, 4);
    m.matrix = m.matrix.slice(0, 4);
    const [c, ...rest] = riskScoreChecks(m, facts);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ code: 'risks-off-scale', severity: 'info' });
    expect(c.message).toMatch(/^3 risk scores .*likelihood 1 to 4, impact 1 to 5/);
  });

  it('names the sources risks use that are no longer in use or no longer listed', () => {
    const m = method();
    m.riskSources = m.riskSources
      .filter((s) => s.id !== 'privacy')
      .map((s) => (s.id === 'fairness' ? { ...s, inUse: false } : s));
    const [c] = riskScoreChecks(m, facts);
    expect(c).toMatchObject({ code: 'risks-source-not-in-use', field: 'riskSources' });
    expect(c.message).toBe('12 risks name a risk source this method does not have in use (Fairness and bias, privacy).');
  });

  it('reports each kind once, all together, and only as information', () => {
    const m = method();
    m.impact = m.impact.slice(0, 4);
    m.matrix = m.matrix.map((r) => r.slice(0, 4));
    m.matrix[0][0] = 'medium';
    m.riskSources = m.riskSources.map((s) => ({ ...s, inUse: false }));
    const f = { ...facts, cells: [...facts.cells, { likelihood: 2, impact: 5, level: 'high', n: 1 }] };
    expect(codes(m, f)).toEqual(['risks-off-scale', 'risks-level-changes', 'risks-source-not-in-use']);
    expect(riskScoreChecks(m, f).every((c) => c.severity === 'info')).toBe(true);
  });
});
