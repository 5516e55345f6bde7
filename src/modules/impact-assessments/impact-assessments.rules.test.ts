import { describe, expect, it } from 'vitest';
import {
  approvalGaps,
  basisOf,
  highestResidual,
  type LevelScale,
  rate,
  reassessmentReasons,
  type SystemFacts,
} from './impact-assessments.rules.js';

const system: SystemFacts = {
  lifecycleStage: 'development',
  purpose: 'Scores loan applications',
  intendedUse: 'Decision support for loan officers',
  userImpact: ['decision-support', 'internal'],
  dataCategories: ['Postcode', 'Income'],
  dataSource: 'Core banking',
  dataSensitivity: 'personal',
  riskLevel: 'high',
  suppliers: [{ supplierId: 's1', name: 'OpenAI', dependency: 'model' }],
};

// score = l x s: 1-4 low, 5-9 medium, 10-16 high, 20-25 critical; above "medium" is above the threshold
const LEVELS = ['low', 'medium', 'high', 'critical'];
const scale: LevelScale = {
  level(l, s) {
    if (l < 1 || l > 5 || s < 1 || s > 5) return null;
    const score = l * s;
    const id = score >= 20 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low';
    return { id, name: id[0].toUpperCase() + id.slice(1) };
  },
  rank: (id) => LEVELS.indexOf(id),
  above: (id) => LEVELS.indexOf(id) > 1,
};

describe('reassessment detection', () => {
  const basis = basisOf(system);

  it('finds nothing while the system is as assessed, whatever the order of its lists', () => {
    const same = {
      ...system,
      dataCategories: ['Income', 'Postcode'],
      userImpact: ['internal', 'decision-support'],
      purpose: ' Scores loan applications ',
    };
    expect(reassessmentReasons(basis, same, '2099-01-01', '2026-12-01')).toEqual([]);
  });

  it('names each material change', () => {
    const changed: SystemFacts = {
      ...system,
      lifecycleStage: 'operation-and-monitoring',
      purpose: 'Scores loan and mortgage applications',
      dataCategories: ['Income', 'Age'],
      dataSensitivity: 'special-category',
      riskLevel: 'High',
      suppliers: [{ supplierId: 's2', name: 'Mistral', dependency: 'model' }],
    };
    expect(reassessmentReasons(basis, changed, null, '2026-12-01')).toEqual([
      'Life-cycle stage changed from development to operation and monitoring',
      'Purpose changed',
      'Data categories changed (added Age; removed Postcode)',
      'Data sensitivity changed from personal to special category',
      'Suppliers or models changed (added Mistral (model); removed OpenAI (model))',
    ]);
  });

  it('treats a changed dependency on the same supplier as a change, and a passed review date as a reason', () => {
    const swapped = { ...system, suppliers: [{ supplierId: 's1', name: 'OpenAI', dependency: 'api' }] };
    expect(reassessmentReasons(basis, swapped, '2026-11-30', '2026-12-01')).toEqual([
      'Suppliers or models changed (added OpenAI (api); removed OpenAI (model))',
      'Review was due on 2026-11-30',
    ]);
    expect(reassessmentReasons(basis, system, '2026-12-01', '2026-12-01')).toEqual([]);
  });

  it('reports a stage set for the first time and a system that is gone only by its review date', () => {
    const unset = basisOf({ ...system, lifecycleStage: null });
    expect(reassessmentReasons(unset, system, null, '2026-12-01')).toEqual([
      'Life-cycle stage changed from not set to development',
    ]);
    expect(reassessmentReasons(basis, null, null, '2026-12-01')).toEqual([]);
  });
});

describe('highest residual impact', () => {
  it('is the highest residual level and the impacts that reach it', () => {
    const top = highestResidual(
      [
        { residualLikelihood: 2, residualSeverity: 2 },
        { residualLikelihood: 4, residualSeverity: 3 },
        { residualLikelihood: null, residualSeverity: 5 },
        { residualLikelihood: 3, residualSeverity: 4 },
      ],
      scale,
    );
    expect(top).toEqual({ id: 'high', name: 'High', aboveThreshold: true, impactIndexes: [1, 3] });
  });

  it('is null while nothing is rated, and ignores ratings off the scale', () => {
    expect(highestResidual([], scale)).toBeNull();
    expect(highestResidual([{ residualLikelihood: null, residualSeverity: null }], scale)).toBeNull();
    expect(
      highestResidual(
        [
          { residualLikelihood: 9, residualSeverity: 1 },
          { residualLikelihood: 1, residualSeverity: 1 },
        ],
        scale,
      ),
    ).toMatchObject({
      id: 'low',
      aboveThreshold: false,
    });
  });

  it('rates a pair only when both are set', () => {
    expect(rate(scale, 5, 4)).toEqual({ id: 'critical', name: 'Critical', aboveThreshold: true });
    expect(rate(scale, 5, null)).toBeNull();
  });
});

describe('approval gaps', () => {
  it('names every field an approval still needs', () => {
    expect(
      approvalGaps({
        intendedPurpose: ' ',
        assessor: null,
        impacts: [{ likelihood: 3, severity: null, residualLikelihood: 2, residualSeverity: null }],
        affectedIndividuals: [],
        affectedGroups: [],
        affectedSocieties: [],
        nextReviewDate: null,
      }).map((e) => e.field),
    ).toEqual([
      'intendedPurpose',
      'affectedIndividuals',
      'impacts.0.severity',
      'impacts.0.residualSeverity',
      'assessor',
      'nextReviewDate',
    ]);
  });
});
