import type { Expression, ExpressionBuilder, Selectable, SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../db/db.js';
import type { DB } from '../db/tables.js';
import type { FieldError } from '../http/errors.js';

// One definition per register (AI systems, suppliers, risks, evidence...)
// gives it org-scoped find, list, create, update, archive, restore and
// history, each write audited in its transaction, and its HTTP routes. The
// module writes its schema, its rules and these few functions; the kit
// writes the plumbing once.

/** Tables a register can live in: an org-scoped record that is archived, never deleted. */
export type RegisterTable = {
  [T in keyof DB]: DB[T] extends {
    id: string;
    org_id: string;
    created_at: string;
    updated_at: string;
    archived_at: string | null;
  }
    ? T
    : never;
}[keyof DB];

export type RowOf<T extends RegisterTable> = Selectable<DB[T]>;

/** A sort the list accepts (`name`, or `-name` for descending). */
export interface SortSpec<T extends RegisterTable, Ctx> {
  /** a typed expression over the table: a column, or a CASE with bound values */
  expression(eb: ExpressionBuilder<DB, T>, ctx: Ctx): Expression<unknown>;
  /** the same value computed from a row, for the next page's cursor */
  value(row: RowOf<T>, ctx: Ctx): string | number | null;
}

export interface ListQueryBase {
  limit: number;
  cursor?: string;
  sort?: string;
  includeArchived?: boolean;
}

export interface RegisterDefinition<T extends RegisterTable, Input extends object, Item, Ctx = undefined> {
  table: T;
  /** entity type in the audit log: 'ai_system', 'supplier' */
  entityType: string;
  /** how errors name one record: 'AI system' */
  noun: string;
  /** fields a create may leave out */
  defaults?: Partial<Input>;
  /**
   * what a request-independent computation needs (settings, today); loaded
   * once per request. A list passes its query, so a filter that can only be
   * judged on presented rows (documents' flags) is loaded when asked for.
   */
  context(db: Executor, orgId: string, query?: ListQueryBase & Record<string, unknown>): Promise<Ctx>;
  /** the record's own fields, read from stored rows (and child tables) */
  toInput(db: Executor, orgId: string, rows: RowOf<T>[]): Promise<Input[]>;
  /** the stored columns of the record's fields (not id, org_id, timestamps) */
  toColumns(input: Input): Partial<Record<keyof RowOf<T>, unknown>>;
  /** API items for rows: the fields plus what is derived (flags, counts, labels) */
  present(db: Executor, orgId: string, rows: RowOf<T>[], ctx: Ctx): Promise<Item[]>;
  /** what the audit log keeps; default: the id and the fields */
  auditView?(id: string, input: Input, row: RowOf<T> | null): Record<string, unknown>;
  /**
   * Rules zod cannot check (references, the org's scales, uniqueness), on the
   * whole record after a patch is merged. Runs inside the write transaction;
   * may throw a conflict. Returns the value to store (normalised).
   */
  prepare?(tx: Executor, orgId: string, input: Input, ctx: Ctx, id: string): Promise<{ value: Input; errors: FieldError[] }>;
  /** writes child tables (links) after the row; before is null on create */
  afterWrite?(tx: Executor, orgId: string, id: string, input: Input, before: Input | null): Promise<void>;
  /** why a row may not be edited, or null; default: archived rows are read-only */
  editBlocked?(row: RowOf<T>): string | null;
  /** why an archived row may not be restored, or null */
  restoreBlocked?(row: RowOf<T>): string | null;
  /** other ids whose history is this record's (records merged into it) */
  historyIds?(db: Executor, orgId: string, id: string): Promise<string[]>;
  list: {
    sorts: Record<string, SortSpec<T, Ctx>>;
    defaultSort: string;
    /** the register's own filters; the kit has already applied org_id and archived */
    filter?(
      query: SelectQueryBuilder<DB, T, RowOf<T>>,
      q: Record<string, unknown>,
      ctx: Ctx,
    ): SelectQueryBuilder<DB, T, RowOf<T>>;
  };
}

/** The schemas and words the routes need. */
export interface RegisterRoutesSpec<Item> {
  /** e.g. 'suppliers': routes live under /api/v1/orgs/:orgId/suppliers */
  path: string;
  /** the id's path parameter: 'supplierId' */
  idParam: string;
  tags: string[];
  itemSchema: z.ZodType<Item>;
  /** a richer shape for one record (get, update, archive), when the register has one */
  detailSchema?: z.ZodType;
  detail?(db: Executor, orgId: string, item: Item): Promise<unknown>;
  listQuery: z.ZodType;
  createBody: z.ZodType;
  updateBody: z.ZodType;
  summaries: { list: string; create: string; get: string; update: string; archive: string; restore: string; history: string };
}
