import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.js';
import * as m0002 from './0002_inventory.js';

// Forward-only: add a new numbered file, never edit one that has shipped.
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_inventory': m0002,
};
