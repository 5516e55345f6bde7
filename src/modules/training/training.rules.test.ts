import { describe, expect, it } from 'vitest';
import { addMonths, audienceCovers, cellState, parseTrainingNumber, recordState, trainingNumber } from './training.rules.js';

describe('training rules', () => {
  it('adds refresher months, the 31st of a shorter month becoming its last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('counts a completion valid through its expiry day, expiring in the 30 days before', () => {
    const today = '2026-06-01';
    expect(recordState(null, today)).toBe('valid');
    expect(recordState('2026-07-02', today)).toBe('valid');
    expect(recordState('2026-07-01', today)).toBe('expiring');
    expect(recordState('2026-06-01', today)).toBe('expiring');
    expect(recordState('2026-05-31', today)).toBe('expired');
  });

  it('calls a required topic missing or overdue, and never blames a topic nobody required', () => {
    const today = '2026-06-01';
    expect(cellState(true, null, today)).toBe('missing');
    expect(cellState(false, null, today)).toBe('not-required');
    expect(cellState(true, { expiresOn: '2026-05-01' }, today)).toBe('overdue');
    expect(cellState(false, { expiresOn: '2026-05-01' }, today)).toBe('not-required');
    expect(cellState(false, { expiresOn: null }, today)).toBe('complete');
    expect(cellState(true, { expiresOn: '2026-06-10' }, today)).toBe('expiring');
  });

  it('matches audiences by role held and by team, ignoring case and spacing of team names', () => {
    expect(audienceCovers({ kind: 'all', roleIds: [], teams: [] }, [], null)).toBe(true);
    expect(audienceCovers({ kind: 'roles', roleIds: ['r1'], teams: [] }, ['r2', 'r1'], null)).toBe(true);
    expect(audienceCovers({ kind: 'roles', roleIds: ['r1'], teams: [] }, ['r2'], 'Sales')).toBe(false);
    expect(audienceCovers({ kind: 'teams', roleIds: [], teams: ['Customer  Support'] }, [], 'customer support')).toBe(true);
    expect(audienceCovers({ kind: 'teams', roleIds: [], teams: ['Sales'] }, [], null)).toBe(false);
  });

  it('reads TRN numbers in any case and with or without leading zeros', () => {
    expect(trainingNumber(7)).toBe('TRN-007');
    expect(trainingNumber(1234)).toBe('TRN-1234');
    expect(parseTrainingNumber('trn-7')).toBe(7);
    expect(parseTrainingNumber(' TRN-007 ')).toBe(7);
    expect(parseTrainingNumber('Our AI policy')).toBeNull();
  });
});
