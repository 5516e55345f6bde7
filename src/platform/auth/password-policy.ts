import { createRequire } from 'node:module';
import type { ZxcvbnFactory as ZxcvbnFactoryType, ZxcvbnResult } from '@zxcvbn-ts/core';

// Password strength: zxcvbn-ts with its common-password and English
// dictionaries. The dictionaries are a few megabytes of JSON, so they are
// loaded on the first check (a sign-up, a password change, an accepted
// invitation), never at server start: every `aims` command and every cold
// start of the server would otherwise pay for them.
//
// We refuse a score below 3 ("safely unguessable: moderate protection from an
// offline slow-hash scenario", about 10^8 guesses and up). Score 2 still lets
// through things like "Summer2024!" that are the first guesses of any cracking
// list; our hashes are argon2, so 10^8 guesses is days of work per account,
// which is the floor we want. The minimum length (12) stays as a separate rule
// in the request schema so the message is the simple one when it applies.
export const MIN_PASSWORD_SCORE = 3;

const MAX_JUDGED_LENGTH = 64;

type Estimator = Pick<ZxcvbnFactoryType, 'check'>;

let estimator: Estimator | undefined;

/** Loads zxcvbn and its dictionaries once; synchronous so the check can run inside a zod refinement. */
function loadEstimator(): Estimator {
  if (estimator) return estimator;
  const require = createRequire(import.meta.url);
  const core = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  const en = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
  // No translations: zxcvbn then reports its warning keys, which we word ourselves.
  estimator = new core.ZxcvbnFactory({
    // The matchers' work grows steeply with length and with l33t
    // substitutions (a 256-character password took 8 s with the defaults):
    // these are what any anonymous request may send, so judge the first 64
    // characters (a longer password is at least as strong as its start) and
    // try at most 6 substitutions (P@ssw0rd needs 3).
    maxLength: MAX_JUDGED_LENGTH,
    l33tMaxSubstitutions: 6,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  return estimator;
}

/** Control characters (and NUL) in a password: invisible, often mangled by forms and terminals, never typed on purpose. */
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/;

export function hasControlCharacters(password: string): boolean {
  return CONTROL_CHARS.test(password);
}

/**
 * Judges a new password. `userInputs` are words the person's own data make
 * easy to guess (their email, name, the organization's name): zxcvbn counts
 * a password built from them as weak.
 */
export function checkPasswordStrength(password: string, userInputs: string[]): { ok: true } | { ok: false; message: string } {
  if (hasControlCharacters(password)) return { ok: false, message: 'must not contain control characters' };
  const inputs = userInputs.flatMap(splitUserInput);
  const result = loadEstimator().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  return { ok: false, message: weaknessMessage(result) };
}

/** "ada.lovelace@example.com" also yields "ada", "lovelace", "example": people build passwords from the parts. */
function splitUserInput(value: string): string[] {
  const v = value.trim().toLowerCase();
  if (!v) return [];
  const parts = v.split(/[^\p{L}\p{N}]+/u).filter((p) => p.length >= 3);
  return [v, ...parts];
}

// zxcvbn's warnings in our words, keyed by its warning keys; anything else
// falls back to a general message.
const WARNINGS: Record<string, string> = {
  straightRow: 'it is a straight row of keys',
  keyPattern: 'it is a short keyboard pattern',
  simpleRepeat: 'it repeats characters',
  extendedRepeat: 'it repeats a pattern',
  sequences: 'it is a sequence such as abc or 6543',
  recentYears: 'it contains a recent year',
  dates: 'it contains a date',
  topTen: 'it is one of the ten most used passwords',
  topHundred: 'it is one of the hundred most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is too close to a commonly used password',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is a name or surname',
  commonNames: 'it is built from common names',
  userInputs: 'it is built from your own details (name, email, organization)',
  pwned: 'it has appeared in a data breach',
};

function weaknessMessage(result: ZxcvbnResult): string {
  const warning = result.feedback.warning;
  const reason = warning ? WARNINGS[warning] : undefined;
  const hint = 'add more unrelated words or characters';
  return reason ? `is too easy to guess (${reason}); ${hint}` : `is too easy to guess; ${hint}`;
}
