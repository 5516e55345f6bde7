import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../platform/db/db.js';
import { effectiveRiskMethod, riskMethod } from './risk-method.service.js';
import { rescoreRisks } from './risks.service.js';

// The risk register stores each risk's levels as the method in force gave
// them (so lists sort and filter by level on an index). When a write changes
// the method in force (an approval; a draft save or discard while nothing is
// approved), the stored levels are recomputed from it, per matrix cell.
//
// The versioned kit has no hook inside its transactions, so this runs in a
// transaction of its own right after the write: for a moment readers may see
// the new method beside the old levels. It always rescores to the method in
// force as read under the method's own lock, so writers racing on several
// app processes end with the levels of the last method committed, and any
// later method write that changes the scoring repairs levels a crash in
// between left behind.

async function rescoreToMethodInForce(db: Db, orgId: string) {
  await db.transaction().execute(async (tx) => {
    if (tx.getExecutor().adapter instanceof PostgresAdapter) {
      // the lock the versioned kit takes for this record (table name, org id and an empty key)
      await sql`select pg_advisory_xact_lock(hashtext(${'risk_method_versions'}), hashtext(${`${orgId}:`}))`.execute(tx);
    }
    const { content } = await effectiveRiskMethod(tx, orgId);
    await rescoreRisks(tx, orgId, content);
  });
}

/** What the stored levels depend on: the matrix and the order of the levels. */
const scoring = (m: { matrix: string[][]; levels: { id: string }[] }) => JSON.stringify([m.matrix, m.levels.map((l) => l.id)]);

/**
 * Runs a method write, then rescores when the method in force scores
 * differently afterwards (a save that only edits descriptors costs nothing).
 */
async function keepingLevels<T>(db: Db, orgId: string, write: () => Promise<T>): Promise<T> {
  const before = scoring((await effectiveRiskMethod(db, orgId)).content);
  const result = await write();
  if (scoring((await effectiveRiskMethod(db, orgId)).content) !== before) await rescoreToMethodInForce(db, orgId);
  return result;
}

/** The risk method's versioned record, with the register's levels kept in step with the method in force. */
export const riskMethodWithRescore: typeof riskMethod = {
  ...riskMethod,
  saveDraft: (db, actor, ref, content, opts) =>
    keepingLevels(db, ref.orgId, () => riskMethod.saveDraft(db, actor, ref, content, opts)),
  approve: (db, actor, ref, opts) => keepingLevels(db, ref.orgId, () => riskMethod.approve(db, actor, ref, opts)),
  discardDraft: (db, actor, ref, opts) => keepingLevels(db, ref.orgId, () => riskMethod.discardDraft(db, actor, ref, opts)),
};
