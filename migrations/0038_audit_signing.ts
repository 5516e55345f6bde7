import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The signed head and checkpoints of the audit log (platform/audit-log), and
// triggers that refuse to change or delete its rows. The head starts at the
// log's current last row, unsigned: the first write after the upgrade signs it.
interface Tables {
  audit_log: { seq: number; hash: string };
  audit_head: { id: number; seq: number; hash: string; at: string };
}

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Tables>;
  const signed = (t: ReturnType<typeof db.schema.createTable>) =>
    t
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('signature', 'text')
      .addColumn('key_id', 'text')
      .addColumn('public_key', 'text');
  await signed(
    db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('seq', 'integer', (c) => c.notNull()),
  ).execute();
  await signed(db.schema.createTable('audit_checkpoints').addColumn('seq', 'integer', (c) => c.primaryKey())).execute();

  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  await db
    .insertInto('audit_head')
    .values({ id: 1, seq: last?.seq ?? 0, hash: last?.hash ?? '0'.repeat(64), at: new Date().toISOString() })
    .execute();

  // Guards against a bug or a stray statement, not against someone who owns
  // the database: they can drop a trigger, which is why the head is signed.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create function audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name using errcode = 'P0001';
      end $$`.execute(db);
    for (const table of ['audit_log', 'audit_checkpoints']) {
      await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function audit_append_only()`.execute(db);
      await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
        for each statement execute function audit_append_only()`.execute(db);
    }
    await sql`create trigger audit_head_kept before delete on audit_head for each row execute function audit_append_only()`.execute(
      db,
    );
    await sql`create trigger audit_head_no_truncate before truncate on audit_head for each statement execute function audit_append_only()`.execute(
      db,
    );
    return;
  }
  for (const [table, ops] of [
    ['audit_log', ['update', 'delete']],
    ['audit_checkpoints', ['update', 'delete']],
    ['audit_head', ['delete']],
  ] as const) {
    for (const op of ops) {
      await sql`create trigger ${sql.id(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(`the audit log is append-only: ${op} on ${table} refused`)}); end`.execute(db);
    }
  }
}
