import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_BACKOFF,
  backoffDelayMs,
  PAIR_BACKOFF,
  retryAfterSeconds,
  type ThrottleState,
  waitMs,
} from './throttle.rules.js';

const NOW = Date.parse('2026-01-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const none = { n: 0, at: null };
const state = (s: Partial<ThrottleState>): ThrottleState => ({
  source: none,
  pair: none,
  account: none,
  knownSource: false,
  ...s,
});

describe('sign-in backoff', () => {
  it('is free for 5 failures, then 1 s, 2 s, 4 s ... capped at 15 minutes per account and source', () => {
    const schedule = Array.from({ length: 16 }, (_, i) => backoffDelayMs(i + 4, PAIR_BACKOFF) / 1000);
    expect(schedule).toEqual([0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900, 900]);
    expect(backoffDelayMs(10_000, PAIR_BACKOFF)).toBe(15 * 60_000);
  });

  it('caps the account-wide wait at a minute, after 10 failures', () => {
    expect(backoffDelayMs(9, ACCOUNT_BACKOFF)).toBe(0);
    expect(backoffDelayMs(10, ACCOUNT_BACKOFF)).toBe(1000);
    expect(backoffDelayMs(1_000_000, ACCOUNT_BACKOFF)).toBe(60_000);
  });

  it('counts the wait from the latest failure', () => {
    expect(waitMs(state({ pair: { n: 7, at: ago(1500) } }), NOW)).toBe(2500);
    expect(waitMs(state({ pair: { n: 7, at: ago(5000) } }), NOW)).toBe(0);
  });

  it("spares a known source the account-wide wait, never its own pair's", () => {
    const attacked = { n: 500, at: ago(0) };
    expect(waitMs(state({ account: attacked }), NOW)).toBe(60_000);
    expect(waitMs(state({ account: attacked, knownSource: true }), NOW)).toBe(0);
    expect(waitMs(state({ account: attacked, knownSource: true, pair: { n: 5, at: ago(0) } }), NOW)).toBe(1000);
  });

  it('holds a source that failed 20 times until its earliest failure leaves the 15-minute window', () => {
    expect(waitMs(state({ source: { n: 19, at: ago(60_000) } }), NOW)).toBe(0);
    expect(waitMs(state({ source: { n: 20, at: ago(60_000) } }), NOW)).toBe(14 * 60_000);
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    expect([retryAfterSeconds(1), retryAfterSeconds(1000), retryAfterSeconds(1001)]).toEqual([1, 1, 2]);
  });
});
