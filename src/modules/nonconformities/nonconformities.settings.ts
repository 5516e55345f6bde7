import type { z } from 'zod';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { forUpdate, nowIso } from '../../platform/db/db.js';
import { queryTemplate } from '../../platform/db/statement-cache.js';
import { DEFAULT_GRADES, type Grade } from './nonconformities.rules.js';
import { settingsSchema } from './nonconformities.schemas.js';

// The organization's grade scale: its own grades with their deadlines, or the
// default scale (major, minor, observation, opportunity) until it saves one.

// Every nonconformity page and list reads the scale: compiled once.
const gradesOf = queryTemplate(['orgId'], (db, p) =>
  db.selectFrom('nonconformity_settings').select('grades').where('org_id', '=', p.orgId),
);

export async function gradeScale(db: Executor, orgId: string): Promise<Grade[]> {
  const [row] = await gradesOf.run(db, { orgId });
  return row ? settingsSchema.shape.grades.parse(JSON.parse(row.grades)) : DEFAULT_GRADES.map((g) => ({ ...g }));
}

export async function saveSettings(db: Db, actor: Actor, orgId: string, input: z.infer<typeof settingsSchema>) {
  await db.transaction().execute(async (tx) => {
    const stored = await forUpdate(
      tx,
      tx.selectFrom('nonconformity_settings').select('grades').where('org_id', '=', orgId),
    ).executeTakeFirst();
    const before = await gradeScale(tx, orgId);
    const now = nowIso();
    const grades = JSON.stringify(input.grades);
    if (stored)
      await tx.updateTable('nonconformity_settings').set({ grades, updated_at: now }).where('org_id', '=', orgId).execute();
    else
      await tx
        .insertInto('nonconformity_settings')
        .values({ org_id: orgId, grades, updated_at: now })
        .onConflict((oc) => oc.column('org_id').doUpdateSet({ grades, updated_at: now }))
        .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'nonconformity_settings',
      entityId: orgId,
      action: 'update',
      before: { grades: before },
      after: { grades: input.grades },
    });
  });
  return { grades: await gradeScale(db, orgId) };
}
