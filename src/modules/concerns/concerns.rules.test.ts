import { describe, expect, it } from 'vitest';
import { concernNumber, defaultTitle, detectedAt, outcomeWords, raiseActor } from './concerns.rules.js';

describe('concern rules', () => {
  it('numbers concerns CON-001 onwards, wider when needed', () => {
    expect(concernNumber(1)).toBe('CON-001');
    expect(concernNumber(42)).toBe('CON-042');
    expect(concernNumber(1234)).toBe('CON-1234');
  });

  it('logs an anonymous concern with a neutral actor that has no user id', () => {
    const member = { userId: 'u-1', label: 'rita@example.com' };
    expect(raiseActor(member, true)).toEqual({ userId: null, label: 'Anonymous reporter' });
    expect(raiseActor(member, false)).toBe(member);
  });

  it('says the outcome in words, with the number of what it became', () => {
    const none = { incidentNumber: null, riskNumber: null, closeReason: null };
    expect(outcomeWords({ ...none, status: 'new' })).toBe('Waiting for a reviewer');
    expect(outcomeWords({ ...none, status: 'incident', incidentNumber: 'INC-007' })).toBe('Handled as incident INC-007');
    expect(outcomeWords({ ...none, status: 'risk', riskNumber: 'R-012' })).toBe('Added to the risk register as R-012');
    expect(outcomeWords({ ...none, status: 'closed', closeReason: 'Already fixed.' })).toBe('Closed: Already fixed.');
  });

  it('titles what a concern becomes by its number and first line, shortened', () => {
    expect(defaultTitle('CON-003', 'Bot is rude\nmore detail')).toBe('CON-003: Bot is rude');
    const long = defaultTitle('CON-003', 'x'.repeat(500));
    expect(long.length).toBeLessThanOrEqual('CON-003: '.length + 120);
    expect(long.endsWith('…')).toBe(true);
    expect(defaultTitle('CON-003', '   ')).toBe('Concern CON-003');
  });

  it('dates an incident from the day the concern was noticed, never after it was raised', () => {
    expect(detectedAt('2026-03-01', '2026-03-05T10:00:00.000Z')).toBe('2026-03-01T00:00:00.000Z');
    expect(detectedAt(null, '2026-03-05T10:00:00.000Z')).toBe('2026-03-05T10:00:00.000Z');
  });
});
