// The certification cycle as most certification bodies apply ISO/IEC 17021-1.
// Exact and pure, because organizations plan their audits on these dates: the
// API, the web app and `aims cycle` all call these functions.
//
// A. Initial certification decided on D: expiry is the day before the third
//    anniversary of D; surveillance 1 and 2 are due by the first and second
//    anniversaries; the recertification decision is due by the expiry.
// B. Renewal decided on R with previous expiry E: on or before E the cycle
//    continues from E (renewed); up to six months after E the certificate is
//    restored (valid from R, the days between shown as uncertified); later it
//    is a new initial certification from R (at least a Stage 2).
// C. A major nonconformity from Stage 2 must be verified within six months of
//    the last day of Stage 2, or Stage 2 is repeated.
import { addDays, addMonths, anniversary } from '../../platform/dates.js';

export interface InitialCycle {
  expiry: string;
  surveillance: { number: 1 | 2; dueBy: string }[];
  recertificationDecisionBy: string;
  majorNonconformityVerifyBy: string | null;
}

/** Rule A (and C when the last day of Stage 2 is known). */
export function initialCycle(decision: string, stage2End?: string | null): InitialCycle {
  const expiry = addDays(anniversary(decision, 3), -1);
  return {
    expiry,
    surveillance: [
      { number: 1, dueBy: anniversary(decision, 1) },
      { number: 2, dueBy: anniversary(decision, 2) },
    ],
    recertificationDecisionBy: expiry,
    majorNonconformityVerifyBy: stage2End ? majorVerifyBy(stage2End) : null,
  };
}

/** Rule C: the last day a major nonconformity from Stage 2 can be verified without repeating Stage 2. */
export function majorVerifyBy(stage2End: string): string {
  return addMonths(stage2End, 6);
}

export type RenewalOutcome = 'renewed' | 'restored' | 'new-certification';

export interface Renewal {
  outcome: RenewalOutcome;
  validFrom: string;
  expiry: string;
  /** restored only: the days between the old expiry and the decision, when no certificate was valid */
  uncertified: { from: string; to: string } | null;
  /** new-certification only: a Stage 2 (at least) is needed before the decision */
  requiresStage2: boolean;
}

/** Rule B. */
export function renewCycle(previousExpiry: string, decision: string): Renewal {
  if (decision <= previousExpiry) {
    return {
      outcome: 'renewed',
      validFrom: decision,
      expiry: anniversary(previousExpiry, 3),
      uncertified: null,
      requiresStage2: false,
    };
  }
  if (decision <= addMonths(previousExpiry, 6)) {
    const from = addDays(previousExpiry, 1);
    const to = addDays(decision, -1);
    return {
      outcome: 'restored',
      validFrom: decision,
      expiry: anniversary(previousExpiry, 3),
      uncertified: from <= to ? { from, to } : null,
      requiresStage2: false,
    };
  }
  return {
    outcome: 'new-certification',
    validFrom: decision,
    expiry: initialCycle(decision).expiry,
    uncertified: null,
    requiresStage2: true,
  };
}
