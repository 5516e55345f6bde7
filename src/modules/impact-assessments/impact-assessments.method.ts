import type { Executor } from '../../platform/db/db.js';
import type { FieldError } from '../../platform/http/errors.js';
import {
  effectiveRiskMethod,
  isAboveThreshold,
  levelRank,
  type RiskMethodContent,
  riskLevel,
  scaleError,
} from '../risks/index.js';
import type { LevelScale } from './impact-assessments.rules.js';
import type { ImpactInput } from './impact-assessments.schemas.js';

// Impacts are rated on the organization's risk method: likelihood on its
// likelihood scale, severity on its impact scale, levels from its matrix and
// "high" meaning above its acceptance threshold. One method, one answer.

export async function assessmentMethod(db: Executor, orgId: string): Promise<RiskMethodContent> {
  return (await effectiveRiskMethod(db, orgId)).content;
}

export function levelScale(m: RiskMethodContent): LevelScale {
  return {
    level(l, s) {
      try {
        return riskLevel(m, l, s);
      } catch {
        return null;
      }
    },
    rank: (id) => levelRank(m, id),
    above: (id) => isAboveThreshold(m, id),
  };
}

/** Field errors for ratings outside the method's scales (at: "body.impacts"). */
export function ratingErrors(m: RiskMethodContent, impacts: ImpactInput[], at: string): FieldError[] {
  const errors: FieldError[] = [];
  impacts.forEach((i, n) => {
    const check = (key: keyof ImpactInput, axis: 'likelihood' | 'impact') => {
      const v = i[key] as number | null;
      if (v === null) return;
      const message = scaleError(m, axis, v);
      if (message)
        errors.push({ field: `${at}.${n}.${key}`, message: message.replace("method's impact", "method's impact (severity)") });
    };
    check('likelihood', 'likelihood');
    check('severity', 'impact');
    check('residualLikelihood', 'likelihood');
    check('residualSeverity', 'impact');
  });
  return errors;
}

/** The method's scales and levels for the wizard's selects. */
export function scalesOf(m: RiskMethodContent) {
  return {
    likelihood: m.likelihood.map((p) => ({ value: p.value, label: p.label, descriptor: p.descriptor })),
    severity: m.impact.map((p) => ({ value: p.value, label: p.label, descriptor: p.descriptor, dimensions: p.dimensions })),
    dimensions: m.impactDimensions.map((d) => ({ id: d.id, name: d.name })),
    levels: m.levels.map((l) => ({ id: l.id, name: l.name, aboveThreshold: isAboveThreshold(m, l.id) })),
    matrix: m.matrix,
  };
}
