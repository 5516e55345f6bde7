import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Executor } from '../db/db.js';

// The instance's Ed25519 key signs the audit log's head and checkpoints, so
// someone who can write the database but does not hold the key cannot delete
// the last rows or rewrite the chain without it showing. The private key lives
// in the configuration or the data directory, never in the database; the
// public key is stored beside each signature (and exported with the head), and
// its id is what a verifier decides to trust.

export interface AuditSigner {
  /** first 16 hex digits of sha256 over the public key (SPKI DER) */
  keyId: string;
  /** base64 SPKI DER */
  publicKey: string;
  sign(message: string): string;
}

export const KEY_FILE = 'audit-signing-key.pem';
/** keys this instance accepts besides its own (e.g. the key of a restored backup), one "keyId publicKey" a line */
export const TRUSTED_KEYS_FILE = 'audit-trusted-keys';

export function keyIdOf(publicKeyDer: Buffer): string {
  return createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 16);
}

export function signerFromKey(privateKey: KeyObject): AuditSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`the audit signing key must be an Ed25519 key (got ${privateKey.asymmetricKeyType ?? 'a secret key'})`);
  }
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    keyId: keyIdOf(der),
    publicKey: der.toString('base64'),
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('base64'),
  };
}

/** OPENAIMS_AUDIT_SIGNING_KEY: a PEM, or the base64 of a PKCS#8 DER. */
export function parsePrivateKey(value: string): KeyObject {
  try {
    if (value.includes('-----BEGIN')) return createPrivateKey(value);
    return createPrivateKey({ key: Buffer.from(value.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  } catch (e) {
    throw new Error(`OPENAIMS_AUDIT_SIGNING_KEY is not a PKCS#8 private key (${(e as Error).message})`);
  }
}

/**
 * The key file in the data directory, made on first use. Written to a
 * temporary file and linked into place, so two processes starting at once
 * end up with the same key (the second link fails and it reads the first).
 */
export function keyFileSigner(dataDir: string): AuditSigner {
  const file = path.join(dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  return signerFromKey(createPrivateKey(fs.readFileSync(file, 'utf8')));
}

export function loadAuditSigner(config: { auditSigningKey?: string; dataDir: string }): AuditSigner {
  return config.auditSigningKey ? signerFromKey(parsePrivateKey(config.auditSigningKey)) : keyFileSigner(config.dataDir);
}

/** Key ids listed in the data directory's trusted-keys file (none when there is no file). */
export function trustedKeyIds(dataDir: string): string[] {
  const file = path.join(dataDir, TRUSTED_KEYS_FILE);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0])
    .filter((id) => /^[0-9a-f]{16}$/.test(id));
}

/** Adds keys to the trusted-keys file; returns the ids that were new. */
export function trustKeys(dataDir: string, keys: { keyId: string; publicKey: string }[]): string[] {
  const known = new Set(trustedKeyIds(dataDir));
  const added = keys.filter((k) => !known.has(k.keyId) && known.add(k.keyId));
  if (added.length) {
    fs.appendFileSync(path.join(dataDir, TRUSTED_KEYS_FILE), added.map((k) => `${k.keyId} ${k.publicKey}\n`).join(''), {
      mode: 0o600,
    });
  }
  return added.map((k) => k.keyId);
}

// ---------------------------------------------------------------- messages

export const headMessage = (seq: number, hash: string, at: string) => `openaims-audit-head\n${seq}\n${hash}\n${at}`;
export const checkpointMessage = (seq: number, hash: string) => `openaims-audit-checkpoint\n${seq}\n${hash}`;

const publicKeys = new Map<string, KeyObject>();

/** Checks a signature against the public key stored with it, and that the key id is that key's. */
export function signatureValid(message: string, s: { signature: string; keyId: string; publicKey: string }): boolean {
  try {
    let key = publicKeys.get(s.publicKey);
    const der = Buffer.from(s.publicKey, 'base64');
    if (keyIdOf(der) !== s.keyId) return false;
    if (!key) {
      key = createPublicKey({ key: der, format: 'der', type: 'spki' });
      publicKeys.set(s.publicKey, key);
    }
    return verify(null, Buffer.from(message), key, Buffer.from(s.signature, 'base64'));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- registry

export interface AuditSigning {
  signer: AuditSigner | null;
  checkpointEvery: number;
}

const UNSIGNED: AuditSigning = { signer: null, checkpointEvery: 1000 };

// appendAudit(tx, actor, entry) has some 300 callers, so the signer is found
// from the transaction rather than passed in. Kysely gives a database and
// every transaction opened on it the same dialect adapter object, so a
// WeakMap keyed by that adapter finds the signer of whichever database a
// transaction belongs to: several apps (and databases) in one test process
// each keep their own, and a database nobody attached a signer to (a raw test
// database, a migration) writes an unsigned head.
const registry = new WeakMap<object, AuditSigning>();

/** Called when the app (auditLogRoutes) or the CLI (withDatabase) opens a database. */
export function attachAuditSigner(db: Executor, signer: AuditSigner | null, checkpointEvery = UNSIGNED.checkpointEvery): void {
  registry.set(db.getExecutor().adapter, { signer, checkpointEvery });
}

export function auditSigningFor(tx: Executor): AuditSigning {
  return registry.get(tx.getExecutor().adapter) ?? UNSIGNED;
}
