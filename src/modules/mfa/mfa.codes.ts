import { randomInt } from 'node:crypto';
import { sha256 } from '../../platform/auth/secrets.js';
import { importPackage } from '../../platform/packages.js';

// TOTP as authenticator apps expect it (SHA-1, 6 digits, 30 s) and the
// recovery codes that stand in for a lost device. otplib is loaded by the
// first enrolment or code check, not at server start.

export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'OpenAIMS';

const otplib = () => importPackage<typeof import('otplib')>('otplib');

export async function newTotpSecret(): Promise<string> {
  return (await otplib()).generateSecret();
}

export async function otpauthUri(email: string, secret: string): Promise<string> {
  return (await otplib()).generateURI({ issuer: ISSUER, label: email, secret });
}

/**
 * The time step a code belongs to when it is right now, one step early or
 * one step late (clock drift), and later than `afterStep`; otherwise null.
 * A code of a step already used is a replay and gets null too.
 */
export async function acceptedStep(secret: string, code: string, afterStep: number, epochSeconds?: number) {
  const { verify } = await otplib();
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(afterStep > 0 ? { afterTimeStep: afterStep } : {}),
    ...(epochSeconds !== undefined ? { epoch: epochSeconds } : {}),
  });
  // The TOTP result names its step (the HOTP variant of the union does not).
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

// No 0/o, 1/l/i: read off a printout and typed, in lower case.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** xxxx-xxxx-xxxx: 12 characters of 31, about 59 bits; guesses are throttled. */
export function newRecoveryCode(): string {
  const group = () => Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return [group(), group(), group()].join('-');
}

/** Case, spaces and hyphens do not matter when a code is typed back. */
export function recoveryCodeHash(code: string): string {
  return sha256(`mfa-recovery:${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`);
}
