import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAims } from '../support/aims-cli.js';
import { buildApp } from '../../src/app.js';
import { verifyAuditLog } from '../../src/platform/audit-log/audit-log.js';
import { auditSigningFor } from '../../src/platform/audit-log/audit-log.signing.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { openDatabase } from '../../src/platform/db/db.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { createBlobStore } from '../../src/platform/storage/create.js';
import { type Client, createTestApp, setupOwner } from '../support/app.js';

// Issue 16 item 10: a backup restored is the same database, and its audit
// chain, signed head, checkpoints and stored files still verify.

const _root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const aims = (...args: string[]) => runAims(args);

function upload(client: Client, app: Awaited<ReturnType<typeof buildApp>>, orgId: string, name: string, content: Buffer) {
  const boundary = `----aims${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`;
  return app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/files`,
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: client.cookie ?? '',
      'x-csrf-token': client.csrf ?? '',
    },
  });
}

/** Every table's rows (sorted) and the schema, triggers included: equal dumps, equal databases. */
function dumpSqlite(file: string) {
  const conn = new SQLite(file, { readonly: true });
  try {
    const schema = conn
      .prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by type, name")
      .all();
    const tables = (schema as { type: string; name: string }[]).filter((s) => s.type === 'table').map((s) => s.name);
    const rows = Object.fromEntries(
      tables.map((t) => [
        t,
        conn
          .prepare(`select * from "${t}"`)
          .all()
          .map((r) => JSON.stringify(r))
          .sort(),
      ]),
    );
    return { schema, rows };
  } finally {
    conn.close();
  }
}

describe('aims backup and restore (SQLite)', { timeout: 300_000 }, () => {
  let tmp: string;
  let keyId: string;
  let sha256s: string[];
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-backup-'));
    const dataDir = path.join(tmp, 'a');
    const database = openDatabase({ dataDir });
    await migrateToLatest(database);
    const app = await buildApp(
      database,
      loadConfig({ logLevel: 'silent', dataDir, webDir: '/nonexistent', auditCheckpointEvery: 7 }, {}),
    );
    try {
      keyId = auditSigningFor(database.db).signer?.keyId ?? '';
      const { client, orgId } = await setupOwner(app);
      for (const name of ['Screening model', 'Chat assistant'])
        expect((await client.post(`/api/v1/orgs/${orgId}/ai-systems`, { name, inScope: true })).status).toBe(201);
      const files = await Promise.all(
        ['policy.txt', 'minutes.txt'].map((n) =>
          upload(client, app, orgId, n, Buffer.from(`${n} ${randomBytes(8).toString('hex')}`)),
        ),
      );
      expect(files.map((f) => f.statusCode)).toEqual([201, 201]);
      sha256s = files.map((f) => f.json().sha256);
    } finally {
      await app.close();
      await database.close();
    }
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('restores an identical database whose chain, signed head, checkpoints and files verify', async () => {
    const [dataA, dataB, file] = [path.join(tmp, 'a'), path.join(tmp, 'b'), path.join(tmp, 'backup.sqlite')];
    const backup = await aims('--data', dataA, 'backup', '--out', file, '--json');
    expect(backup.stderr).toBe('');
    expect(JSON.parse(backup.stdout).auditLog).toMatchObject({ ok: true, head: { signed: true, keyId } });

    const restored = await aims('--data', dataB, 'restore', file, '--json');
    expect(restored.stderr).toBe('');
    // dataB has a key of its own; restoring is the decision to trust the key that signed the backup
    expect(JSON.parse(restored.stdout)).toMatchObject({ replaced: false, trustedKeys: [keyId] });
    expect(dumpSqlite(path.join(dataB, 'openaims.sqlite'))).toEqual(dumpSqlite(path.join(dataA, 'openaims.sqlite')));

    const verify = await aims('--data', dataB, 'audit-log', 'verify', '--json');
    const result = JSON.parse(verify.stdout);
    expect(result).toMatchObject({ ok: true, head: { keyId, signed: true } });
    expect(result.checkpoints).toBe(Math.floor(result.rows / 7));

    // files live beside the database (<data>/blobs): copied with it, each still matches its recorded hash
    fs.cpSync(path.join(dataA, 'blobs'), path.join(dataB, 'blobs'), { recursive: true });
    const restoredDb = openDatabase({ dataDir: dataB });
    try {
      const recorded = (await restoredDb.db.selectFrom('stored_files').select('sha256').execute()).map((r) => r.sha256);
      expect(recorded.sort()).toEqual([...sha256s].sort());
      const store = createBlobStore(loadConfig({ dataDir: dataB }, {}));
      expect(await Promise.all(recorded.map((h) => store.verify(h)))).toEqual([true, true]);
    } finally {
      await restoredDb.close();
    }
  });

  it('refuses to restore a backup whose log was cut', async () => {
    const cut = path.join(tmp, 'cut.sqlite');
    fs.copyFileSync(path.join(tmp, 'backup.sqlite'), cut);
    const conn = new SQLite(cut);
    conn.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
    conn.close();
    const refused = await aims('--data', path.join(tmp, 'c'), 'restore', cut);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /refusing to restore .*: its audit log is broken at seq (\d+): row \1 is missing: (the signed head is at|a signed checkpoint holds) row \1/,
    );
  });
});

const PG = process.env.PG_TEST_URL;
const run = promisify(execFile);

describe.skipIf(!PG)('pg_dump and pg_restore (PostgreSQL)', { timeout: 180_000 }, () => {
  it('restores into a fresh database whose chain, signed head and checkpoints verify, row for row', async () => {
    const t = await createTestApp('postgres');
    const target = `aims_restore_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    const dump = path.join(os.tmpdir(), `${target}.dump`);
    let restored: ReturnType<typeof openDatabase> | undefined;
    try {
      const keyId = auditSigningFor(t.database.db).signer?.keyId;
      const { client, orgId } = await setupOwner(t.app);
      for (const name of ['Screening model', 'Chat assistant'])
        expect((await client.post(`/api/v1/orgs/${orgId}/ai-systems`, { name, inScope: true })).status).toBe(201);
      const schema = t.database.schema ?? 'public';

      // what README documents, limited to this test's schema
      await run('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${dump}`, PG ?? '']);
      await admin.query(`create database ${target}`);
      const url = new URL(PG ?? '');
      url.pathname = `/${target}`;
      await run('pg_restore', ['--no-owner', `--dbname=${url}`, dump]);

      restored = openDatabase({ dataDir: '/tmp', databaseUrl: url.toString(), pgSchema: schema });
      const result = await verifyAuditLog(restored.db, { trustedKeyIds: keyId ? [keyId] : [], requireSigned: true });
      expect(result).toMatchObject({ ok: true, head: { signed: true, keyId } });
      expect(result.rows).toBeGreaterThan(10);

      const tables = (
        await sql<{
          table_name: string;
        }>`select table_name from information_schema.tables where table_schema = ${schema} order by 1`.execute(t.database.db)
      ).rows.map((r) => r.table_name);
      expect(tables).toContain('audit_head');
      for (const table of tables) {
        const rows = async (db: typeof t.database.db) =>
          (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows
            .map((r) => JSON.stringify(r))
            .sort();
        expect(await rows(restored.db), table).toEqual(await rows(t.database.db));
      }
      // the triggers came back too
      await expect(sql`delete from audit_log`.execute(restored.db)).rejects.toThrow(/append-only/);
    } finally {
      await restored?.close();
      await admin.query(`drop database if exists ${target}`);
      await admin.end();
      fs.rmSync(dump, { force: true });
      await t.close();
    }
  });
});
