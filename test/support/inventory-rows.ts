import { randomUUID } from 'node:crypto';
import { EMPTY_AI_SYSTEM } from '../../src/modules/inventory/inventory.schemas.js';
import { insertAiSystems } from '../../src/modules/inventory/inventory.write.js';
import type { Executor } from '../../src/platform/db/db.js';

/**
 * An organization written straight into the database with AI systems of
 * these names (no owner, no audit trail): for tests of queries and plans.
 */
export async function orgWithSystems(db: Executor, names: string[]) {
  const id = randomUUID();
  const now = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('organizations')
    .values({ id, slug: id, name: id, created_at: now, updated_at: now, archived_at: null })
    .execute();
  const rows = names.map((name) => ({ ...EMPTY_AI_SYSTEM, name, purpose: 'Scores leads' }));
  const { ids } = await db.transaction().execute((tx) => insertAiSystems(tx, id, rows));
  return { id, ids };
}
