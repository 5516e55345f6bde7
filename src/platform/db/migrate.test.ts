import type { MigrationResultSet } from 'kysely';
import { describe, expect, it } from 'vitest';
import { retryingIntrospectionRace } from './migrate.js';

const raced: MigrationResultSet = { error: new Error('schema "t_abc_123" does not exist'), results: [] };
const done: MigrationResultSet = { results: [{ migrationName: '0001_platform', direction: 'Up', status: 'Success' }] };

function runs(...answers: MigrationResultSet[]) {
  let calls = 0;
  const run = async () => answers[Math.min(calls++, answers.length - 1)];
  return { run, calls: () => calls };
}

describe('retryingIntrospectionRace', () => {
  it('runs the migrator again when a schema vanished before anything was applied', async () => {
    const r = runs(raced, done);
    expect(await retryingIntrospectionRace(r.run)).toBe(done);
    expect(r.calls()).toBe(2);
  });

  it("also when a dropped schema's table vanished from the listing", async () => {
    const gone: MigrationResultSet = { error: new Error('relation "t_abc_123.mfa_org_policies" does not exist'), results: [] };
    const r = runs(gone, done);
    expect(await retryingIntrospectionRace(r.run)).toBe(done);
    expect(r.calls()).toBe(2);
  });

  it('does not retry a migration that failed itself', async () => {
    const failed: MigrationResultSet = {
      error: new Error('relation "missing" does not exist'),
      results: [{ migrationName: '0001_platform', direction: 'Up', status: 'Error' }],
    };
    const r = runs(failed, done);
    expect(await retryingIntrospectionRace(r.run)).toBe(failed);
    expect(r.calls()).toBe(1);
  });

  it('does not retry other errors, or once a migration has been applied', async () => {
    const other = runs({ error: new Error('relation "x" already exists'), results: [] }, done);
    expect((await retryingIntrospectionRace(other.run)).error).toBeDefined();
    expect(other.calls()).toBe(1);
    const applied = runs({ error: raced.error, results: [...(done.results ?? [])] }, done);
    expect((await retryingIntrospectionRace(applied.run)).error).toBe(raced.error);
    expect(applied.calls()).toBe(1);
  });

  it('tries again after losing the race twice in a row', async () => {
    const r = runs(raced, raced, done);
    expect(await retryingIntrospectionRace(r.run)).toBe(done);
    expect(r.calls()).toBe(3);
  });

  it('gives up after the number of attempts it was given, with the last error', async () => {
    const r = runs(raced);
    expect(await retryingIntrospectionRace(r.run, 4)).toBe(raced);
    expect(r.calls()).toBe(4);
  });
});
