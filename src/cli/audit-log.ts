import fs from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { type VerifyResult, verifyAuditLog } from '../platform/audit-log/audit-log.js';
import { auditSigningFor, trustedKeyIds } from '../platform/audit-log/audit-log.signing.js';
import type { ExportedHead } from '../platform/audit-log/audit-log.verify.js';
import type { Config } from '../platform/config/config.js';
import type { Db } from '../platform/db/db.js';
import { CliError, cliConfig, EXIT_FAILURE, EXIT_USAGE, printJson, println, usageError, withDatabase } from './context.js';

const exportedHeadSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string().min(1),
  signature: z.string().min(1),
});

function readExportedHead(file: string): ExportedHead {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(
      `--head ${file}: not a JSON file from \`aims audit-log export-head --json\` (${(e as Error).message})`,
      EXIT_USAGE,
    );
  }
  const parsed = exportedHeadSchema.safeParse(raw);
  if (!parsed.success)
    throw usageError(`--head ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Verifies as this instance: its own key, the keys of backups it restored
 * (the data directory's trusted-keys file) and any --trust-key are trusted;
 * an unsigned head or checkpoint fails, since every write here is signed.
 */
export async function verifyAsInstance(
  db: Db,
  config: Config,
  extra: { trustKeys?: string[]; exportedHead?: ExportedHead } = {},
): Promise<VerifyResult> {
  const own = auditSigningFor(db).signer;
  const trusted = [...(own ? [own.keyId] : []), ...trustedKeyIds(config.dataDir), ...(extra.trustKeys ?? [])];
  return verifyAuditLog(db, { trustedKeyIds: trusted, requireSigned: true, exportedHead: extra.exportedHead });
}

export function registerAuditLog(program: Command): void {
  const auditLog = program
    .command('audit-log')
    .summary('check the hash-chained, signed audit log')
    .description('Work with the append-only, hash-chained audit log and its signed head.');

  auditLog
    .command('verify')
    .description(
      'Recompute the hash chain over every row and hold it against the signed checkpoints and the signed ' +
        'head. Prints "ok" and the row count, or the first problem ("broken at seq N: reason") and exits 1: ' +
        'a row edited, deleted (named by its own number) or reordered, the last rows deleted, the chain ' +
        'rewritten, a signature that does not verify or is by a key this instance does not trust.',
    )
    .option('--json', 'print {"ok","rows","break":{"seq","reason"}?,"head","checkpoints","rowsPerSecond","seconds"}')
    .option('--head <file>', 'also check the log against a head saved earlier with `aims audit-log export-head --json`')
    .option('--trust-key <keyId...>', 'also trust signatures by these key ids (e.g. a previous key)')
    .action(async (opts: { json?: boolean; head?: string; trustKey?: string[] }, cmd: Command) => {
      const config = cliConfig(cmd);
      const exportedHead = opts.head ? readExportedHead(opts.head) : undefined;
      for (const id of opts.trustKey ?? [])
        if (!/^[0-9a-f]{16}$/.test(id)) throw usageError(`--trust-key: ${id} is not a key id (16 hex digits)`);
      await withDatabase(config, 'existing', async ({ db }) => {
        const started = performance.now();
        const result = await verifyAsInstance(db, config, { trustKeys: opts.trustKey, exportedHead });
        const seconds = (performance.now() - started) / 1000;
        const rowsPerSecond = Math.round(result.rows / Math.max(seconds, 1e-6));
        if (opts.json) printJson({ ...result, rowsPerSecond, seconds });
        else if (result.ok) {
          println(
            `ok\n${result.rows} rows, ${result.checkpoints} checkpoints, head at row ${result.head?.seq} signed by key ${result.head?.keyId}`,
          );
          if (exportedHead) println(`the exported head (row ${exportedHead.seq}) matches`);
          // last, so a script reading the first line ("ok") keeps working
          println(`${result.rows} rows checked in ${seconds.toFixed(2)} s: ${rowsPerSecond} rows per second`);
        } else println(`broken at seq ${result.break?.seq}: ${result.break?.reason}`);
        if (!result.ok) process.exitCode = EXIT_FAILURE;
      });
    });

  auditLog
    .command('export-head')
    .description(
      'Print the signed head of the audit log (row, hash, time, key id, public key, signature). Keep it ' +
        'outside OpenAIMS, or give it to your auditor: `aims audit-log verify --head FILE` later shows ' +
        'whether the log still holds that row unchanged, even if the whole log and the key were replaced.',
    )
    .option('--json', 'print the head as JSON (the file `verify --head` reads)')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withDatabase(cliConfig(cmd), 'existing', async ({ db }) => {
        const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
        if (!head?.signature || !head.key_id || !head.public_key)
          throw new CliError(
            'The audit log head is not signed yet: it is signed by the next change (any write through the app or the CLI).',
          );
        const out: ExportedHead = {
          seq: head.seq,
          hash: head.hash,
          at: head.at,
          keyId: head.key_id,
          publicKey: head.public_key,
          signature: head.signature,
        };
        if (opts.json) printJson(out);
        else for (const [k, v] of Object.entries(out)) println(`${k}: ${v}`);
      });
    });
}
