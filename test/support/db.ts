import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/db.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

export type TestDialect = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when PG_TEST_URL is set (CI sets it). */
export function testDialects(): TestDialect[] {
  return process.env.PG_TEST_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase extends Database {
  /** drops what the test created (its PostgreSQL schema) */
  destroy(): Promise<void>;
}

/**
 * A migrated, empty database of its own: a SQLite file in a new temporary
 * folder (a file, as the app runs it: a writer and a reader connection), or
 * a fresh PostgreSQL schema with a random name, so parallel runs never collide.
 */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-test-'));
    const database = openDatabase({ dataDir: dir });
    await migrateToLatest(database);
    return {
      ...database,
      destroy: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.PG_TEST_URL;
  if (!url) throw new Error('PG_TEST_URL is not set');
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ dataDir: '/tmp', databaseUrl: url, pgSchema: schema });
  await migrateToLatest(database);
  return {
    ...database,
    destroy: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
