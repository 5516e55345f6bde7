import { sql } from 'kysely';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { genericCriteriaWarnings } from './risk-method.rules.js';
import { effectiveRiskMethod } from './risk-method.service.js';
import { thresholdRank } from './risks.rules.js';
import { countInScopeAiSystems } from '../inventory/index.js';
import { namedByCurrentRisk } from './risks.repository.js';
import { RISK_STATUSES } from './risks.schemas.js';

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
  // One row of conditional sums, not GROUP BY status: without grouping SQLite
  // reads the covering index (0047) alone; grouping made it walk the status
  // index and fetch every row (20,000 risks: 7.7 ms, now 4.5 ms).
  const [row, inScope] = await Promise.all([
    db
      .selectFrom('risks')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        ...RISK_STATUSES.map((s) => sql<number>`sum(case when status = ${s} then 1 else 0 end)`.as(s)),
        sql<number>`sum(case when residual_level is not null then 1 else 0 end)`.as('residual'),
        sql<number>`sum(case when ${open} and current_rank > ${threshold} and accepted_at is null and action_count = 0 then 1 else 0 end)`.as(
          'untreated',
        ),
        sql<number>`sum(case when ${open} and next_review_date < ${today} then 1 else 0 end)`.as('overdue'),
      ])
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow(),
    // counted, not listed: the register's flag lists the systems (orgRiskFlags)
    countInScopeAiSystems(db, orgId, namedByCurrentRisk(db, orgId)),
  ]);
  const counts = row as unknown as Record<string, number | string | null>;
  const byStatus: Record<string, number> = {};
  for (const s of RISK_STATUSES) if (Number(counts[s] ?? 0) > 0) byStatus[s] = Number(counts[s]);
  const total = Number(row.n);
  const residualAssessed = Number(row.residual ?? 0);
  const aboveThresholdUntreated = Number(row.untreated ?? 0);
  const reviewOverdue = Number(row.overdue ?? 0);
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
