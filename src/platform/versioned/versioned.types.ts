import type { z } from 'zod';
import type { Actor } from '../audit-log/audit-log.js';
import type { Db, Executor } from '../db/db.js';
import type { DiffOptions, VersionChange } from './versioned.diff.js';

// The shapes of the versioned-record kit: what a module defines, what it gets.

export type VersionStatus = 'draft' | 'approved' | 'superseded';

/** The columns every versions table has; a keyed record adds its key column, freezing ones their frozen columns. */
export interface VersionColumns {
  id: string;
  org_id: string;
  version: number;
  status: VersionStatus;
  /** the content as JSON */
  content: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  approved_by: string | null;
  approved_at: string | null;
  approval_note: string | null;
  /** JSON array of the open checks accepted at approval, each with its reason; null on a draft */
  accepted_exceptions: string | null;
}

/** A finding on a version's content (Stage 1 failure points...); a warning must be accepted with a reason to approve. */
export interface VersionCheck {
  code: string;
  severity: 'warning' | 'info';
  /** dotted path of the field it is about, e.g. "exclusions.0.justification" */
  field: string;
  message: string;
}

/** A reason the approver gives for approving while a warning is open. */
export interface ExceptionInput {
  code: string;
  /** which of several checks of one code; absent: every open check of that code */
  field?: string;
  reason: string;
}

/** An open warning accepted at approval: the check as it read then, and the approver's reason. */
export interface AcceptedException {
  code: string;
  field: string;
  message: string;
  reason: string;
}

export interface VersionedDefinition<C, Ctx, D extends object, F extends string = never> {
  /** the versions table: VersionColumns, plus the key and frozen columns */
  table: string;
  /** entity_type of its audit log rows */
  entityType: string;
  /** what people call it, as used mid-sentence: "scope", "risk method" */
  label: string;
  /** the editable content */
  content: z.ZodType<C>;
  /** brings stored content of an older shape up to the current one (e.g. new fields with defaults) */
  upgrade?: (stored: unknown) => C;
  /** the key column when an organization has many records of this kind (documents); absent: one per org */
  key?: string;
  /**
   * what derive, checks and freeze need besides the content, loaded once per
   * request (the org's name, sites...); contents are those about to be shown,
   * for facts that depend on them (which named systems the inventory holds)
   */
  context?: (db: Executor, orgId: string, contents: C[]) => Promise<Ctx>;
  /** checks a draft's content against other records, in the saving transaction; throw invalid() to refuse */
  validate?: (db: Executor, orgId: string, content: C) => Promise<void>;
  /** what approval freezes: text columns computed once at approval and never again (a rendered statement) */
  freeze?: {
    columns: readonly F[];
    compute: (content: C, ctx: Ctx, approval: { exceptions: AcceptedException[] }) => Record<F, string>;
  };
  /**
   * the checks of a version's content; at approval every open warning needs
   * the approver's reason (an exception), kept with the approved version
   */
  checks?: (content: C, ctx: Ctx) => VersionCheck[];
  /** fields computed on every read (checks; a draft's statement); frozen holds the frozen columns, null on a draft */
  derive: (version: { content: C; status: VersionStatus; frozen: Record<F, string | null> }, ctx: Ctx) => D;
  /**
   * runs inside every write's transaction (save, approve, discard), after it and
   * under the record's lock: for records that others derive stored values from
   * (the risk method re-scores the risk register), so both change together
   */
  afterWrite?: (tx: Executor, orgId: string) => Promise<void>;
  /** how compare matches list items, or a comparison of its own */
  diff?: DiffOptions | ((before: C, after: C) => VersionChange[]);
}

/** Which record: the organization, and the key when the kind has one. */
export interface RecordRef {
  orgId: string;
  key?: string;
}

export interface VersionMeta {
  id: string;
  version: number;
  status: VersionStatus;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  approvalNote: string | null;
  /** the open warnings accepted at approval, with their reasons (empty on a draft) */
  acceptedExceptions: AcceptedException[];
}

export type VersionView<C, D> = { id: string; key?: string; version: number; content: C } & Omit<VersionMeta, 'id' | 'version'> &
  D;

export interface Overview<V> {
  approved: V | null;
  draft: V | null;
}

export interface WriteOptions {
  /**
   * Optimistic concurrency: the updatedAt of the draft the caller edited
   * (null: the caller saw no draft). A different draft answers 409.
   */
  expectedUpdatedAt?: string | null;
}

export interface VersionedRecord<C, D> {
  readonly definition: { table: string; entityType: string; label: string; key?: string };
  getOverview(db: Executor, ref: RecordRef): Promise<Overview<VersionView<C, D>>>;
  saveDraft(db: Db, actor: Actor, ref: RecordRef, content: C, opts?: WriteOptions): Promise<VersionView<C, D>>;
  /**
   * saveDraft inside a transaction the caller holds, for a write that creates
   * the record's owner and its first draft together (a document from a template).
   * A stale expectedUpdatedAt throws inside; prefer saveDraft everywhere else.
   */
  saveDraftIn(tx: Executor, actor: Actor, ref: RecordRef, content: C, opts?: WriteOptions): Promise<VersionView<C, D>>;
  /** refused (400, body.exceptions) while a warning of checks is open without a reason in exceptions */
  approve(
    db: Db,
    actor: Actor,
    ref: RecordRef,
    opts?: WriteOptions & { note?: string; exceptions?: ExceptionInput[] },
  ): Promise<VersionView<C, D>>;
  discardDraft(db: Db, actor: Actor, ref: RecordRef, opts?: WriteOptions): Promise<void>;
  /** every version, newest first */
  listVersions(db: Executor, ref: RecordRef): Promise<VersionView<C, D>[]>;
  getVersion(db: Executor, ref: RecordRef, version: number): Promise<VersionView<C, D>>;
  compare(
    db: Executor,
    ref: RecordRef,
    from: number,
    to: number,
  ): Promise<{ from: number; to: number; changes: VersionChange[] }>;
  /** the approved content alone, without context or derived fields: what other modules check against */
  approvedContent(db: Executor, ref: RecordRef): Promise<{ id: string; version: number; content: C } | null>;
  /** version numbers and states by row id, for records that link to versions */
  versionsByIds(db: Executor, orgId: string, ids: string[]): Promise<Map<string, { version: number; status: VersionStatus }>>;
}
