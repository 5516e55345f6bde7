import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditLog } from '../../src/platform/audit-log/audit-log.js';
import { rowHash } from '../../src/platform/audit-log/audit-log.rules.js';
import {
  type AuditSigner,
  attachAuditSigner,
  auditSigningFor,
  checkpointMessage,
  headMessage,
  signerFromKey,
} from '../../src/platform/audit-log/audit-log.signing.js';
import type { ExportedHead } from '../../src/platform/audit-log/audit-log.verify.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { unguardAuditLog } from '../support/audit-tamper.js';
import { createTestDatabase, testDialects } from '../support/db.js';

// Issue 16 item 5: deleting the last rows, or editing a row and recomputing
// the chain after it, passed verification. Every write now stores a signed
// head and a signed checkpoint every N rows (10 here), and verify holds the
// chain against them.
describe.each(testDialects())('signed audit log (%s)', (dialect) => {
  let t: TestApp;
  let signer: AuditSigner;
  let client: Client;
  const db = () => t.database.db;
  const verify = (extra: { exportedHead?: ExportedHead } = {}) =>
    verifyAuditLog(db(), { trustedKeyIds: [signer.keyId], requireSigned: true, ...extra });
  const lastSeq = async () =>
    (await db().selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()).seq;
  const head = () => db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();

  beforeEach(async () => {
    t = await createTestApp(dialect);
    const attached = auditSigningFor(t.database.db).signer;
    if (!attached) throw new Error('buildApp attached no signer');
    signer = attached;
    attachAuditSigner(t.database.db, signer, 10);
    ({ client } = await setupOwner(t.app));
    for (const name of ['Second', 'Third']) expect((await client.post('/api/v1/orgs', { name })).status).toBe(201);
  });
  afterEach(() => t.close());

  /** What an attacker who can write the database does: edit row `from`, recompute every hash after it. */
  async function rewriteFrom(from: number, resignWith?: AuditSigner) {
    await unguardAuditLog(t.database);
    const rows = await db().selectFrom('audit_log').selectAll().where('seq', '>=', from).orderBy('seq').execute();
    let prev = rows[0].prev_hash;
    const hashes = new Map<number, string>();
    for (const [i, row] of rows.entries()) {
      const fields = { ...row, ...(i === 0 ? { actor: 'mallory@example.com' } : {}), prev_hash: prev };
      prev = rowHash(fields);
      hashes.set(row.seq, prev);
      await db()
        .updateTable('audit_log')
        .set({ actor: fields.actor, prev_hash: fields.prev_hash, hash: prev })
        .where('seq', '=', row.seq)
        .execute();
    }
    const h = await head();
    const sig = (message: string) =>
      resignWith ? { signature: resignWith.sign(message), key_id: resignWith.keyId, public_key: resignWith.publicKey } : {};
    await db()
      .updateTable('audit_head')
      .set({ hash: prev, ...sig(headMessage(h.seq, prev, h.at)) })
      .execute();
    if (!resignWith) return;
    for (const [seq, hash] of hashes) {
      if (seq % 10 === 0)
        await db()
          .updateTable('audit_checkpoints')
          .set({ hash, ...sig(checkpointMessage(seq, hash)) })
          .where('seq', '=', seq)
          .execute();
    }
  }

  it('signs the head on every write and a checkpoint every 10 rows; verify passes', async () => {
    const last = await lastSeq();
    expect(last).toBeGreaterThan(30);
    const h = await head();
    expect(h).toMatchObject({ seq: last, key_id: signer.keyId, public_key: signer.publicKey });
    expect(h.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const checkpoints = await db().selectFrom('audit_checkpoints').select(['seq', 'key_id']).orderBy('seq').execute();
    expect(checkpoints.map((c) => c.seq)).toEqual(Array.from({ length: Math.floor(last / 10) }, (_, i) => (i + 1) * 10));
    expect(new Set(checkpoints.map((c) => c.key_id))).toEqual(new Set([signer.keyId]));
    const result = await verify();
    expect(result).toMatchObject({
      ok: true,
      rows: last,
      checkpoints: checkpoints.length,
      head: { seq: last, signed: true, keyId: signer.keyId },
    });
    expect(result.warnings).toBeUndefined();
  });

  it('refuses to update or delete audit rows, checkpoints or the head (triggers)', async () => {
    await expect(db().updateTable('audit_log').set({ actor: 'x' }).where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('audit_log').where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('audit_checkpoints').execute()).rejects.toThrow(/append-only/);
    await expect(db().updateTable('audit_checkpoints').set({ hash: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('audit_head').execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres') await expect(sql`truncate audit_log`.execute(db())).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it('reports the last rows deleted, and a later write keeps the hole visible', async () => {
    // the deleted tail stays short of the last checkpoint, so only the head can tell
    if ((await lastSeq()) % 10 === 0) expect((await client.post('/api/v1/orgs', { name: 'Fourth' })).status).toBe(201);
    const last = await lastSeq();
    const from = Math.max(last - 2, Math.floor(last / 10) * 10 + 1);
    await unguardAuditLog(t.database);
    await db().deleteFrom('audit_log').where('seq', '>=', from).execute();
    const missing = from === last ? `row ${last} is missing` : `rows ${from} to ${last} are missing`;
    expect(await verify()).toMatchObject({
      ok: false,
      break: { seq: from, reason: `${missing}: the signed head is at row ${last}` },
    });

    // the next write continues from the signed head, not from the truncated end
    expect((await client.post('/api/v1/orgs', { name: 'After the truncation' })).status).toBe(201);
    expect(await verify()).toMatchObject({ ok: false, break: { seq: from, reason: missing } });
  });

  it('reports deleted rows past a signed checkpoint by the checkpoint', async () => {
    await unguardAuditLog(t.database);
    await db().deleteFrom('audit_log').where('seq', '>', 15).execute();
    await db().updateTable('audit_head').set({ seq: 15 }).execute();
    expect(await verify()).toMatchObject({
      ok: false,
      break: { seq: 16, reason: 'rows 16 to 20 are missing: a signed checkpoint holds row 20' },
    });
  });

  it('names a deleted middle row by its own sequence number', async () => {
    await unguardAuditLog(t.database);
    await db().deleteFrom('audit_log').where('seq', '=', 7).execute();
    expect(await verify()).toMatchObject({ ok: false, break: { seq: 7, reason: 'row 7 is missing' } });
  });

  it('catches a row edited and the chain recomputed after it, at the next signed checkpoint', async () => {
    await rewriteFrom(3);
    expect(await verifyAuditLog(db())).toMatchObject({
      ok: false,
      break: { seq: 10, reason: 'row 10 differs from its signed checkpoint: rewritten at or before it' },
    });
  });

  it('catches a rewrite after the last checkpoint by the head signature', async () => {
    const last = await lastSeq();
    await rewriteFrom(last);
    expect(await verifyAuditLog(db())).toMatchObject({
      ok: false,
      break: { seq: last, reason: 'head: signature does not verify' },
    });
  });

  it('catches a rewrite re-signed with another key: not trusted, and the exported head no longer matches', async () => {
    const h = await head();
    const exported: ExportedHead = {
      seq: h.seq,
      hash: h.hash,
      at: h.at,
      keyId: h.key_id ?? '',
      publicKey: h.public_key ?? '',
      signature: h.signature ?? '',
    };
    expect(await verify({ exportedHead: exported })).toMatchObject({ ok: true });

    const mallory = signerFromKey(generateKeyPairSync('ed25519').privateKey);
    await rewriteFrom(3, mallory);
    // every signature verifies against the key stored beside it...
    expect((await verifyAuditLog(db())).ok).toBe(true);
    // ...but it is not this instance's key
    expect(await verify()).toMatchObject({
      ok: false,
      break: { seq: 10, reason: `checkpoint at row 10 signed by key ${mallory.keyId}, which this instance does not trust` },
    });
    // and with the key stolen too, the head kept outside still shows it
    expect(await verifyAuditLog(db(), { exportedHead: exported })).toMatchObject({
      ok: false,
      break: { seq: h.seq, reason: `row ${h.seq} differs from the exported head: rewritten at or before it` },
    });
    expect(await verifyAuditLog(db(), { exportedHead: { ...exported, hash: 'f'.repeat(64) } })).toMatchObject({
      ok: false,
      break: { reason: 'the exported head: signature does not verify' },
    });
  });
});

describe.each(testDialects())('audit log without a signer (%s)', (dialect) => {
  it('stores an unsigned head: a warning, or a failure when signatures are required', async () => {
    const database = await createTestDatabase(dialect);
    try {
      for (let i = 0; i < 3; i++) {
        await database.db
          .transaction()
          .execute((tx) =>
            appendAudit(
              tx,
              { userId: null, label: 'test' },
              { orgId: null, entityType: 'thing', entityId: `t${i}`, action: 'create' },
            ),
          );
      }
      expect(await verifyAuditLog(database.db)).toMatchObject({
        ok: true,
        rows: 3,
        head: { seq: 3, signed: false },
        warnings: ['head not signed'],
      });
      expect(await verifyAuditLog(database.db, { requireSigned: true })).toMatchObject({
        ok: false,
        break: { seq: 3, reason: 'head not signed' },
      });
    } finally {
      await database.destroy();
    }
  });
});
