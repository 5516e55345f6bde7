// A second process writing to the same SQLite file: used by the concurrency
// test to show that the server and the CLI can write at the same time.
import { appendAudit } from '../../src/platform/audit-log/audit-log.js';
import { openDatabase } from '../../src/platform/db/db.js';

const [file, count, label] = process.argv.slice(2);
const database = openDatabase({ dataDir: '/tmp', databaseUrl: `sqlite:${file}` });
for (let i = 0; i < Number(count); i++) {
  // Halfway, the checkpoint worker copies the log back while the other
  // process goes on writing; the worker then has to close with the database.
  if (i === Math.floor(Number(count) / 2)) await database.checkpointer?.settled();
  await database.db.transaction().execute(async (tx) => {
    const last = await tx.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    // Give the other process a chance to interleave between read and write.
    await new Promise((r) => setTimeout(r, 1));
    await appendAudit(
      tx,
      { userId: null, label },
      { orgId: null, entityType: 'test', entityId: String(last?.seq ?? 0), action: 'burst' },
    );
  });
}
await database.close();
