import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { documentSummary } from '../documents/index.js';
import { journeyStepStates } from '../home/index.js';
import { gatherReadiness, readShared } from './readiness.gather.js';
import { allStage2Checks, stage1Checks, tally } from './readiness.rules.js';
import { sampleStatus } from './readiness.sample.rules.js';
import type { Readiness } from './readiness.schemas.js';

// The rehearsal: gather the facts, judge them, and keep the day's counts for
// the chart. The snapshot is derived data (recomputed from the registers at
// any time), so it is written without an audit-log row, as evidence_counts is.

export async function evaluateReadiness(
  db: Executor,
  orgId: string,
  opts: { seed?: string; now?: Date } = {},
): Promise<Readiness> {
  const now = opts.now ?? new Date();
  const today = todayUtc(now);
  const seed = opts.seed ?? today;
  // the core document set, the SoA and the inventory summary are read once and handed to both the steps and the checks
  const shared = await readShared(db, orgId);
  const documents = await documentSummary(db, orgId, today, shared.core);
  const [steps, facts] = await Promise.all([
    journeyStepStates(db, orgId, { documents, soa: shared.soa, inventory: shared.inventory.summary }),
    gatherReadiness(db, orgId, { today, now, seed, shared }),
  ]);
  const stage1 = stage1Checks(facts);
  const stage2 = allStage2Checks(facts);
  const base = `/orgs/${orgId}`;
  const result: Readiness = {
    steps,
    stage1: { checks: stage1 },
    stage2: { checks: stage2 },
    sample: {
      seed,
      rows: (facts.sample?.controls ?? []).map((c) => ({
        controlId: c.controlId,
        title: c.title,
        status: sampleStatus(c),
        linked: c.linked,
        items: c.items.map((i) => ({
          id: i.id,
          number: i.number,
          title: i.title,
          validUntil: i.validUntil,
          status: i.stale ? ('stale' as const) : ('ok' as const),
          href: `${base}/evidence/${i.id}`,
        })),
      })),
    },
    evaluatedAt: now.toISOString(),
  };
  await saveSnapshot(db, orgId, today, result);
  return result;
}

/**
 * Today's row, inserted or replaced in one statement: ON CONFLICT on the
 * (org_id, day) key, so concurrent evaluations on several app processes leave
 * one row holding the latest counts.
 */
export async function saveSnapshot(db: Executor, orgId: string, day: string, r: Readiness): Promise<void> {
  const s1 = tally(r.stage1.checks);
  const s2 = tally(r.stage2.checks);
  const values = {
    stage1_pass: s1.pass,
    stage1_warn: s1.warn,
    stage1_fail: s1.fail,
    stage1_na: s1['not-available'],
    stage2_pass: s2.pass,
    stage2_warn: s2.warn,
    stage2_fail: s2.fail,
    stage2_na: s2['not-available'],
    steps_done: r.steps.filter((s) => s.status === 'done').length,
    evaluated_at: r.evaluatedAt,
  };
  await db
    .insertInto('readiness_snapshots')
    .values({ org_id: orgId, day, ...values })
    .onConflict((oc) => oc.columns(['org_id', 'day']).doUpdateSet(values))
    .execute();
}

/** The daily rows of the last `days` days up to today, oldest first (days nobody evaluated are absent). */
export async function readinessHistory(db: Executor, orgId: string, days: number, now = new Date()) {
  const from = new Date(now);
  from.setUTCDate(from.getUTCDate() - (days - 1));
  const rows = await db
    .selectFrom('readiness_snapshots')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('day', '>=', todayUtc(from))
    .orderBy('day')
    .execute();
  return {
    items: rows.map((r) => ({
      day: r.day,
      stage1: { pass: r.stage1_pass, warn: r.stage1_warn, fail: r.stage1_fail, notAvailable: r.stage1_na },
      stage2: { pass: r.stage2_pass, warn: r.stage2_warn, fail: r.stage2_fail, notAvailable: r.stage2_na },
      stepsDone: r.steps_done,
    })),
  };
}

/** Organizations (not archived) with no snapshot for the day: the daily job evaluates them. */
export async function organizationsWithoutSnapshot(db: Executor, orgIds: string[], day: string): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const seen = await db.selectFrom('readiness_snapshots').select('org_id').where('day', '=', day).execute();
  const done = new Set(seen.map((r) => r.org_id));
  return orgIds.filter((id) => !done.has(id));
}
