import { sql } from 'kysely';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { genericCriteriaWarnings } from './risk-method.rules.js';
import { effectiveRiskMethod } from './risk-method.service.js';
import { thresholdRank } from './risks.rules.js';
import { countInScopeAiSystems } from '../inventory/index.js';
import { namedByCurrentRisk } from './risks.repository.js';

// Where the organization stands on AI risk, for facts shown elsewhere (the
// gap assessment beside 6.1.x, 8.2 and 8.3): the method in force and the
// register counted by status and by the register's own flags, in a fixed
// number of statements however many risks there are, each reading an index
// that covers it (migration 0044), not the rows.

export interface RiskRegisterSummary {
  method: { status: 'approved' | 'draft' | 'default'; version: number | null; genericWarnings: number };
  /** current (not archived) risks */
  total: number;
  byStatus: Record<string, number>;
  /** with a residual level assessed */
  residualAssessed: number;
  /** the register's flags, counted as its list filters count them */
  aboveThresholdUntreated: number;
  reviewOverdue: number;
  /** AI systems in scope that no current risk names */
  inScopeWithoutRisk: number;
}

export async function riskRegisterSummary(db: Executor, orgId: string): Promise<RiskRegisterSummary> {
  const today = todayUtc();
  const method = await effectiveRiskMethod(db, orgId);
  const threshold = thresholdRank(method.content);
  const open = sql<boolean>`status <> 'closed'`;
  const [rows, inScope] = await Promise.all([
    db
      .selectFrom('risks')
      .select((eb) => [
        'status',
        eb.fn.countAll<number>().as('n'),
        sql<number>`sum(case when residual_level is not null then 1 else 0 end)`.as('residual'),
        sql<number>`sum(case when ${open} and current_rank > ${threshold} and accepted_at is null and action_count = 0 then 1 else 0 end)`.as(
          'untreated',
        ),
        sql<number>`sum(case when ${open} and next_review_date < ${today} then 1 else 0 end)`.as('overdue'),
      ])
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .groupBy('status')
      .execute(),
    // counted, not listed: the register's flag lists the systems (orgRiskFlags)
    countInScopeAiSystems(db, orgId, namedByCurrentRisk(db, orgId)),
  ]);
  const byStatus: Record<string, number> = {};
  let total = 0;
  let residualAssessed = 0;
  let aboveThresholdUntreated = 0;
  let reviewOverdue = 0;
  for (const r of rows) {
    byStatus[r.status] = Number(r.n);
    total += Number(r.n);
    residualAssessed += Number(r.residual ?? 0);
    aboveThresholdUntreated += Number(r.untreated ?? 0);
    reviewOverdue += Number(r.overdue ?? 0);
  }
  return {
    method: { status: method.status, version: method.version, genericWarnings: genericCriteriaWarnings(method.content).length },
    total,
    byStatus,
    residualAssessed,
    aboveThresholdUntreated,
    reviewOverdue,
    inScopeWithoutRisk: inScope.inScope - inScope.matching,
  };
}
