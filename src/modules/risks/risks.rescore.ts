import { sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { levelRank, type RiskMethodContent } from './risk-method.rules.js';

type Scale = 'inherent' | 'residual';

/**
 * Stored levels and ranks recomputed from a method, for when the method in
 * force changes (a new approved version, or the draft while none is
 * approved). Levels are derived values: the risks' updated_at and history
 * stay as they are. One grouped read finds the matrix cells whose stored
 * level differs from the method's; only those are written, so a method save
 * that changes no scoring (descriptors, sources) costs one query. Runs inside
 * the transaction that changes the method (the versioned kit's afterWrite).
 */
export async function rescoreRisks(tx: Executor, orgId: string, m: RiskMethodContent): Promise<number> {
  let changed = 0;
  for (const scale of ['inherent', 'residual'] as const) changed += await rescoreScale(tx, orgId, m, scale);
  if (changed > 0) {
    await tx
      .updateTable('risks')
      .set((eb) => ({
        current_rank: eb.case().when('residual_rank', '>', 0).then(eb.ref('residual_rank')).else(eb.ref('inherent_rank')).end(),
      }))
      .where('org_id', '=', orgId)
      .execute();
  }
  return changed;
}

async function rescoreScale(tx: Executor, orgId: string, m: RiskMethodContent, scale: Scale): Promise<number> {
  const l = sql.ref<number | null>(`${scale}_likelihood`);
  const i = sql.ref<number | null>(`${scale}_impact`);
  const level = sql.ref<string | null>(`${scale}_level`);
  const cells = await tx
    .selectFrom('risks')
    .select([l.as('l'), i.as('i'), level.as('level'), sql<number>`count(*)`.as('n')])
    .where('org_id', '=', orgId)
    .where(l, 'is not', null)
    .groupBy([l, i, level])
    .execute();
  let changed = 0;
  for (const c of cells) {
    const want = m.matrix[Number(c.l) - 1]?.[Number(c.i) - 1];
    // scores off a shrunk scale keep their level; the method's checks name them
    if (!want || want === c.level) continue;
    await tx
      .updateTable('risks')
      .set({ [`${scale}_level`]: want, [`${scale}_rank`]: levelRank(m, want) + 1 })
      .where('org_id', '=', orgId)
      .where(l, '=', Number(c.l))
      .where(i, '=', Number(c.i))
      .execute();
    changed += Number(c.n);
  }
  return changed;
}
