import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';

// argon2id with OWASP's baseline parameters (19 MiB, 2 passes, 1 lane): about
// 80 ms a hash on this 2-core machine, slow for guessing, quick for sign-in.
// The parameters are stored in each hash, so raising them later is safe.
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A random secret for cookies and API tokens: 32 bytes, url-safe. */
export function randomSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Session cookies and API tokens are high-entropy, so a fast hash suffices. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export const PASSWORD_MIN_LENGTH = 12;

// No 0/O, 1/l/I: a temporary password is read off a screen and typed.
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password an administrator passes on: 4 groups of 5 (about 115 bits). */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 5 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
