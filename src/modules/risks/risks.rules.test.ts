import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_METHOD as M, type RiskMethodContent } from './risk-method.rules.js';
import {
  acceptanceRoleError,
  defaultReviewDate,
  heatmapCells,
  parseRiskNumber,
  riskFlags,
  riskNumber,
  scoreRisk,
  statusErrors,
  systemsWithoutRisk,
  thresholdRank,
} from './risks.rules.js';

const scores = (l: number, i: number, rl: number | null = null, ri: number | null = null) => ({
  inherentLikelihood: l,
  inherentImpact: i,
  residualLikelihood: rl,
  residualImpact: ri,
});

describe('scoring a risk with the method', () => {
  it('takes levels and ranks from the matrix, the residual one deciding the current rank', () => {
    expect(scoreRisk(M, scores(4, 4, 2, 2)).value).toEqual({
      inherentLevel: 'high',
      inherentRank: 3,
      residualLevel: 'low',
      residualRank: 1,
      currentRank: 1,
    });
    expect(scoreRisk(M, scores(5, 5)).value).toMatchObject({
      inherentLevel: 'critical',
      residualLevel: null,
      residualRank: 0,
      currentRank: 4,
    });
    expect(scoreRisk(M, scores(1, 5)).value?.inherentLevel).toBe('medium');
  });

  it('names each value off the scale, and a residual pair given by half', () => {
    const { value, errors } = scoreRisk(M, scores(0, 6, 3, null));
    expect(value).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['body.inherentLikelihood', 'body.inherentImpact', 'body.residualImpact']);
    expect(errors[0].message).toContain('1 to 5');
  });

  it('follows a method with other scales and levels', () => {
    const three: RiskMethodContent = {
      ...M,
      likelihood: M.likelihood.slice(0, 3),
      impact: M.impact.slice(0, 3),
      levels: [
        { id: 'ok', name: 'OK' },
        { id: 'bad', name: 'Bad' },
      ],
      matrix: [
        ['ok', 'ok', 'bad'],
        ['ok', 'bad', 'bad'],
        ['bad', 'bad', 'bad'],
      ],
      acceptance: { ...M.acceptance, maxAcceptableLevel: 'ok', acceptAboveBy: ['owner', 'admin'] },
    };
    expect(scoreRisk(three, scores(2, 2)).value?.inherentLevel).toBe('bad');
    expect(scoreRisk(three, scores(4, 1)).errors.map((e) => e.message)).toEqual([
      "must be a whole number from 1 to 3 (the method's likelihood scale)",
    ]);
    expect(thresholdRank(three)).toBe(1);
    expect(acceptanceRoleError(three, 'bad', 'admin')).toBeNull();
    expect(acceptanceRoleError(three, 'bad', 'editor')).toMatch(/only the roles owner, admin/);
  });
});

describe('acceptance', () => {
  it('lets anyone accept at or below the threshold and only the method’s roles above it', () => {
    expect(thresholdRank(M)).toBe(2);
    expect(acceptanceRoleError(M, 'medium', 'contributor')).toBeNull();
    expect(acceptanceRoleError(M, 'high', 'owner')).toBeNull();
    expect(acceptanceRoleError(M, 'high', 'admin')).toBe(
      "may not accept this risk: its level (High) is above the acceptance threshold (Medium), and the risk method lets only the role owner accept above it; this member's role is admin",
    );
    expect(acceptanceRoleError(M, 'low', null)).toBe('is not a member of this organization');
  });

  it('keeps the status "accepted" for risks with an acceptance', () => {
    expect(statusErrors({ status: 'accepted', acceptance: null })).toEqual([
      { field: 'body.status', message: expect.any(String) },
    ]);
    expect(statusErrors({ status: 'accepted', acceptance: {} })).toEqual([]);
    expect(statusErrors({ status: 'open', acceptance: null })).toEqual([]);
  });
});

describe('flags', () => {
  const facts = {
    inherentLevel: 'high',
    residualLevel: null as string | null,
    accepted: false,
    actionCount: 0,
    nextReviewDate: '2026-06-01',
    status: 'open',
  };
  const codes = (f: Partial<typeof facts>, today = '2026-05-01') => riskFlags(M, { ...facts, ...f }, today).map((x) => x.code);

  it('flags a risk above the threshold with neither treatment nor acceptance', () => {
    expect(codes({})).toEqual(['above-threshold-untreated']);
    expect(codes({ actionCount: 1 })).toEqual([]);
    expect(codes({ accepted: true })).toEqual([]);
    expect(codes({ inherentLevel: 'medium' })).toEqual([]);
    // the residual level decides once assessed
    expect(codes({ residualLevel: 'low' })).toEqual([]);
    expect(codes({ inherentLevel: 'low', residualLevel: 'critical' })).toEqual(['above-threshold-untreated']);
  });

  it('flags an overdue review, and nothing on a closed risk', () => {
    expect(codes({ actionCount: 1 }, '2026-06-02')).toEqual(['review-overdue']);
    expect(codes({ actionCount: 1 }, '2026-06-01')).toEqual([]);
    expect(codes({ status: 'closed' }, '2027-01-01')).toEqual([]);
  });

  it('flags each AI system in scope that no risk names, by name', () => {
    const flags = systemsWithoutRisk([
      { id: 'b', name: 'Scoring' },
      { id: 'a', name: 'Chat' },
    ]);
    expect(flags).toEqual([
      { code: 'ai-system-without-risk', aiSystemId: 'a', name: 'Chat', message: expect.stringContaining('Chat') },
      { code: 'ai-system-without-risk', aiSystemId: 'b', name: 'Scoring', message: expect.stringContaining('Scoring') },
    ]);
  });
});

describe('numbers, dates and heatmap cells', () => {
  it('writes and reads risk numbers', () => {
    expect(riskNumber(7)).toBe('R-007');
    expect(riskNumber(1234)).toBe('R-1234');
    expect(parseRiskNumber('R-012')).toBe(12);
    expect(parseRiskNumber('r12')).toBe(12);
    expect(parseRiskNumber('bias')).toBeNull();
  });

  it('sets the default review date months ahead, clamped to the month’s end', () => {
    expect(defaultReviewDate('2026-03-15', 12)).toBe('2027-03-15');
    expect(defaultReviewDate('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('gives every cell of the matrix with its level, counting points off the scale apart', () => {
    const map = heatmapCells(M, [
      { likelihood: 4, impact: 4, count: 3 },
      { likelihood: 7, impact: 1, count: 2 },
    ]);
    expect(map.cells).toHaveLength(25);
    expect(map.cells.find((c) => c.likelihood === 4 && c.impact === 4)).toEqual({
      likelihood: 4,
      impact: 4,
      level: 'high',
      count: 3,
    });
    expect(map.cells.find((c) => c.likelihood === 1 && c.impact === 1)).toEqual({
      likelihood: 1,
      impact: 1,
      level: 'low',
      count: 0,
    });
    expect(map).toMatchObject({ total: 5, outsideScale: 2 });
  });
});
