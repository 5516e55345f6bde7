import { uuidv7 } from 'uuidv7';
import { CsvSyntaxError, readCsvInTurns } from '../../exports/csv.js';
import { BomJsonError, readBom } from '../../exports/cyclonedx.js';
import { BomSchemaError } from '../../exports/cyclonedx-schema.js';
import { readXlsx, XlsxReadError, XlsxRowLimitError } from '../../exports/xlsx.js';
import { type Actor, appendAuditMany, type AuditEntry } from '../../platform/audit-log/audit-log.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { refreshStatistics } from '../../platform/db/bulk-load.js';
import type { Row } from '../../platform/db/tables.js';
import { getOrgSettings, listMembers } from '../organizations/index.js';
import { findSuppliersByNameKey, insertSupplier, SUPPLIER_KINDS, type SupplierInput } from '../suppliers/index.js';
import { type ImportField, matchKey, type SupplierRef } from './inventory.columns.js';
import { bomRecords } from './inventory.cyclonedx.js';
import { supplierLinks, findByExternalIds } from './inventory.repository.js';
import { type ImportError, type ImportRecord, MAX_IMPORT_ROWS, type RecordSet, sheetRecords } from './inventory.records.js';
import { rowToInput } from './inventory.mapping.js';
import { membersContext, type ParseContext, parseRecord, type Report, unique, zodMessage } from './inventory.parse.js';
import { aiSystemFields, type AiSystemInput, EMPTY_AI_SYSTEM } from './inventory.schemas.js';
import { refreshDuplicateKeys } from './inventory.duplicates.js';
import { insertAiSystems, replaceAiSystem } from './inventory.write.js';
import { inChunks, nextTurn, turnsEvery } from '../../platform/turns.js';
import type { ImportFormat, ImportReport } from './inventory.transfer.schemas.js';

// Inventory import from CSV, XLSX or a CycloneDX BOM. Every row is checked
// and every problem reported with its row and column before anything is
// written; then all rows are written in one transaction, or none. A row
// whose external id is already in the inventory updates that system.

export type ImportData = Buffer | string | object;

export interface ImportOptions {
  dryRun?: boolean;
  /** called while writing, e.g. for a progress bar */
  onProgress?: (done: number, total: number) => void;
}

/** xlsx by its zip signature, a BOM by its opening brace, else CSV. */
export function detectFormat(data: ImportData): ImportFormat {
  if (!Buffer.isBuffer(data) && typeof data !== 'string') return 'cyclonedx';
  if (Buffer.isBuffer(data) && data.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))) return 'xlsx';
  const head = (Buffer.isBuffer(data) ? data.subarray(0, 64).toString('utf8') : data.slice(0, 64)).replace(/^\ufeff/, '');
  return head.trimStart().startsWith('{') ? 'cyclonedx' : 'csv';
}

const fileError = (message: string, row: number | null = null): RecordSet => ({
  records: [],
  mapping: [],
  errors: [{ row, field: 'file', message }],
});

/** The file as records; a file that cannot be read at all comes back as one error (or a BOM's schema errors). */
export async function readImportFile(format: ImportFormat, data: ImportData): Promise<RecordSet & { detail?: string }> {
  try {
    if (format === 'cyclonedx') return bomRecords((await readBom(data)).bom);
    if (!Buffer.isBuffer(data) && typeof data !== 'string') return fileError('is JSON; import it with format=cyclonedx');
    if (format === 'xlsx') {
      if (!Buffer.isBuffer(data)) return fileError('is text, not an XLSX workbook');
      // The header row plus the limit: reading stops at the first row past it,
      // so a workbook that unpacks to a million rows costs what 50,000 do.
      return await sheetRecords(await readXlsx(data, { maxRows: MAX_IMPORT_ROWS + 1 }));
    }
    return await sheetRecords(await readCsvInTurns(data));
  } catch (e) {
    if (e instanceof BomSchemaError) {
      const errors = e.errors.map((x) => ({ row: null, field: x.path, message: x.message }));
      return { records: [], mapping: [], errors, detail: e.message };
    }
    if (e instanceof CsvSyntaxError) return fileError(e.message, e.row);
    if (e instanceof XlsxRowLimitError)
      return fileError(`has more than ${MAX_IMPORT_ROWS} rows; import at most ${MAX_IMPORT_ROWS} at a time`);
    if (e instanceof XlsxReadError || e instanceof BomJsonError) return fileError(e.message);
    throw e;
  }
}

/** Rows written after which the planner's statistics are refreshed (refreshStatistics). */
const ANALYZE_AFTER = 1000;

// ------------------------------------------------------------------ planning

interface Existing {
  row: Row<'ai_systems'>;
  input: AiSystemInput;
}

interface PlannedRow {
  input: AiSystemInput;
  refs?: SupplierRef[];
  existing?: Existing;
  unchanged: boolean;
}

interface Plan {
  errors: ImportError[];
  /** data rows (records) with at least one error */
  rejected: number;
  /** errors on those rows; the rest are about the header or the file */
  rowErrors: number;
  rows: PlannedRow[];
  /** active suppliers found by folded name */
  supplierIds: Map<string, string>;
  newSuppliers: { name: string; nameKey: string; kinds: Set<string> }[];
}

/** Keys a lookup statement: on SQLite each runs synchronously, and 250 keep one under ~10 ms. */
const LOOKUP_CHUNK = 250;

const CANONICAL_KEYS = [...Object.keys(EMPTY_AI_SYSTEM), 'name', 'userId', 'supplierId', 'dependency'].sort();
function canonical(i: AiSystemInput): string {
  const suppliers = [...i.suppliers].sort((a, b) => (a.supplierId < b.supplierId ? -1 : 1));
  return JSON.stringify({ ...i, suppliers }, CANONICAL_KEYS);
}

async function loadContext(db: Executor, orgId: string): Promise<ParseContext> {
  const [settings, members] = await Promise.all([getOrgSettings(db, orgId), listMembers(db, orgId)]);
  return membersContext(settings.riskScale, members);
}

/** Checks every record against the organization's data; writes nothing. */
async function planImport(db: Executor, orgId: string, set: RecordSet): Promise<Plan> {
  const ctx = await loadContext(db, orgId);
  const errors = [...set.errors];
  const bad = new Set<ImportRecord>();
  // Reading the file may already have found errors on data rows (a value
  // without a header): those rows count as rows with errors too.
  const byRow = new Map(set.records.filter((r) => r.row !== null).map((r) => [r.row, r]));
  let rowErrors = 0;
  for (const e of set.errors) {
    const record = e.row === null ? undefined : byRow.get(e.row);
    if (record) {
      bad.add(record);
      rowErrors++;
    }
  }
  const reporter =
    (record: ImportRecord): Report =>
    (field, message) => {
      errors.push({ row: record.row, field: record.where(field), message });
      bad.add(record);
      rowErrors++;
    };
  // Parsing is synchronous (~50 ms for 1,000 rows): a turn of the event loop every few milliseconds.
  const turns = turnsEvery();
  const parsed: ReturnType<typeof parseRecord>[] = [];
  for (const r of set.records) {
    parsed.push(parseRecord(r, ctx, reporter(r)));
    await turns();
  }

  // External ids: once per file, and matched to the inventory.
  const firstAt = new Map<string, ImportRecord>();
  set.records.forEach((r, i) => {
    const id = parsed[i].fields.externalId;
    if (!id) return;
    const first = firstAt.get(id);
    if (first)
      reporter(r)('externalId', `"${id}" is also on ${first.row === null ? first.where('externalId') : `row ${first.row}`}`);
    else firstAt.set(id, r);
  });
  const found = await inChunks([...firstAt.keys()], LOOKUP_CHUNK, (c) => findByExternalIds(db, orgId, c));
  const existing = new Map(
    await inChunks(found, LOOKUP_CHUNK, async (rows) => {
      const links = await supplierLinks(
        db,
        orgId,
        rows.map((r) => r.id),
      );
      return rows.map((r) => [r.external_id as string, { row: r, input: rowToInput(r, links.get(r.id) ?? []) }] as const);
    }),
  );

  // Suppliers: the organization's by folded name, the others created.
  const keys = unique(parsed.flatMap((p) => (p.suppliers ?? []).map((s) => s.nameKey)));
  const folded = keys.filter((k) => !k.startsWith('raw:'));
  // Names that fold to nothing are stored with an empty key: fetch those and compare names.
  if (folded.length < keys.length) folded.push('');
  const suppliers = await inChunks(folded, LOOKUP_CHUNK, (c) => findSuppliersByNameKey(db, orgId, c));
  suppliers.sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
  const supplierIds = new Map<string, string>();
  for (const s of suppliers) {
    const key = s.name_key || matchKey(s.name);
    if (!supplierIds.has(key)) supplierIds.set(key, s.id);
  }
  const fresh = new Map<string, { name: string; nameKey: string; kinds: Set<string>; placeholder: string }>();
  for (const ref of parsed.flatMap((p) => p.suppliers ?? [])) {
    if (supplierIds.has(ref.nameKey)) continue;
    const s = fresh.get(ref.nameKey) ?? { name: ref.name, nameKey: ref.nameKey, kinds: new Set(), placeholder: uuidv7() };
    s.kinds.add(ref.dependency);
    fresh.set(ref.nameKey, s);
  }
  const idFor = (key: string) => supplierIds.get(key) ?? (fresh.get(key)?.placeholder as string);

  const rows: PlannedRow[] = [];
  for (const [i, record] of set.records.entries()) {
    await turns();
    const p = parsed[i];
    const match = p.fields.externalId ? existing.get(p.fields.externalId) : undefined;
    if (match?.row.archived_at) {
      reporter(record)(
        'externalId',
        `"${p.fields.externalId}" belongs to an archived AI system; restore it first or change the id`,
      );
      continue;
    }
    const base: AiSystemInput = match?.input ?? { ...EMPTY_AI_SYSTEM, name: '' };
    const candidate = {
      ...base,
      ...p.fields,
      suppliers: p.suppliers
        ? p.suppliers.map((s) => ({ supplierId: idFor(s.nameKey), dependency: s.dependency }))
        : base.suppliers,
    };
    const result = aiSystemFields.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [field, index] = issue.path;
        const list = candidate[field as ImportField];
        const item =
          typeof index === 'number' && Array.isArray(list) ? ` (value ${index + 1}: "${String(list[index]).slice(0, 50)}")` : '';
        reporter(record)(field as ImportField, `${zodMessage(issue)}${item}`);
      }
      continue;
    }
    if (bad.has(record)) continue;
    rows.push({
      input: result.data,
      refs: p.suppliers,
      existing: match,
      unchanged: !!match && canonical(match.input) === canonical(result.data),
    });
  }
  // File order reads best: by row, and within a row in the order found.
  errors.sort((a, b) => (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER));
  return {
    errors,
    rejected: bad.size,
    rowErrors,
    rows,
    supplierIds,
    newSuppliers: [...fresh.values()].map(({ name, nameKey, kinds }) => ({ name, nameKey, kinds })),
  };
}

// ------------------------------------------------------------------ writing

async function writePlan(tx: Executor, actor: Actor, orgId: string, plan: Plan, opts: ImportOptions) {
  const supplierIds = new Map(plan.supplierIds);
  for (const s of plan.newSuppliers) {
    const input: SupplierInput = {
      name: s.name,
      kinds: SUPPLIER_KINDS.filter((k) => s.kinds.has(k)),
      website: null,
      contact: null,
      description: 'Created by an AI system inventory import.',
      certifications: [],
      riskRating: null,
      nextReviewDate: null,
    };
    supplierIds.set(s.nameKey, (await insertSupplier(tx, actor, orgId, input)).id);
  }
  const withIds = (r: PlannedRow) =>
    r.refs
      ? {
          ...r.input,
          suppliers: r.refs.map((s) => ({ supplierId: supplierIds.get(s.nameKey) as string, dependency: s.dependency })),
        }
      : r.input;
  const updates = plan.rows.filter((r) => r.existing && !r.unchanged);
  const creates = plan.rows.filter((r) => !r.existing);
  const total = updates.length + creates.length;
  const audits: AuditEntry[] = [];
  const written: string[] = [];
  // Each step is synchronous on SQLite: a turn of the event loop between
  // them, so other requests (reads, on the reader connection) go on.
  const turns = turnsEvery();
  for (const [i, r] of updates.entries()) {
    if (r.existing) {
      audits.push(await replaceAiSystem(tx, orgId, r.existing.row, r.existing.input, withIds(r)));
      written.push(r.existing.row.id);
    }
    if ((i + 1) % 500 === 0) opts.onProgress?.(i + 1, total);
    await turns();
  }
  // New systems go in batches: one statement per 500 instead of three per row.
  for (let i = 0; i < creates.length; i += 500) {
    await nextTurn();
    const batch = creates.slice(i, i + 500).map(withIds);
    const inserted = await insertAiSystems(tx, orgId, batch);
    audits.push(...inserted.audits);
    written.push(...inserted.ids);
    opts.onProgress?.(updates.length + i + batch.length, total);
  }
  await nextTurn();
  await refreshDuplicateKeys(tx, orgId, written);
  await nextTurn();
  await appendAuditMany(tx, actor, audits);
  opts.onProgress?.(total, total);
}

const errorsIn = (k: number) => `${k} error${k === 1 ? '' : 's'}`;

/**
 * The errors in words whose numbers add up to the list: "2 of 3 rows have
 * errors (5 errors), and the header row has 1 error". Rows count rows, not
 * errors; errors on no data row are the header row's (a row number) or the file's.
 */
export function errorSummary(plan: Pick<Plan, 'errors' | 'rejected' | 'rowErrors'>, rows: number): string {
  const other = plan.errors.length - plan.rowErrors;
  const parts: string[] = [];
  if (plan.rejected)
    parts.push(
      `${plan.rejected} of ${rows} row${rows === 1 ? '' : 's'} ${plan.rejected === 1 ? 'has' : 'have'} errors (${errorsIn(plan.rowErrors)})`,
    );
  if (other) {
    // file-level errors carry no row; the header's carry the header's row number
    const fileOnly = plan.errors.filter((e) => e.row === null).length >= other;
    parts.push(`the ${fileOnly ? 'file' : 'header row'} has ${errorsIn(other)}`);
  }
  return parts.join(', and ') || 'the file has errors';
}

function summary(plan: Plan, set: RecordSet & { detail?: string }, dryRun: boolean) {
  const count = (f: (r: PlannedRow) => boolean) => (plan.errors.length ? 0 : plan.rows.filter(f).length);
  const created = count((r) => !r.existing);
  const updated = count((r) => !!r.existing && !r.unchanged);
  const unchanged = count((r) => r.unchanged);
  const n = set.records.length;
  let detail = `${dryRun ? 'Would import' : 'Imported'} ${n} row${n === 1 ? '' : 's'}: ${created} created, ${updated} updated, ${unchanged} unchanged.`;
  if (plan.errors.length)
    detail = set.detail ? `${set.detail} Nothing was imported.` : `Nothing was imported: ${errorSummary(plan, n)}.`;
  return { created, updated, unchanged, detail };
}

/**
 * Imports a file into the organization's inventory. With errors, or on a dry
 * run, nothing is written and the report says what would have happened.
 */
export async function importInventory(
  db: Db,
  actor: Actor,
  orgId: string,
  format: ImportFormat,
  data: ImportData,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const set = await readImportFile(format, data);
  const run = async (ex: Executor): Promise<ImportReport> => {
    const plan = await planImport(ex, orgId, set);
    const dryRun = !!opts.dryRun;
    if (!plan.errors.length && !dryRun) await writePlan(ex, actor, orgId, plan, opts);
    return {
      dryRun,
      format,
      rows: set.records.length,
      ...summary(plan, set, dryRun),
      rejected: plan.rejected,
      rowErrors: plan.rowErrors,
      newSuppliers: plan.errors.length ? [] : plan.newSuppliers.map((s) => s.name),
      errors: plan.errors,
      mapping: set.mapping,
    };
  };
  // Planning reads inside the writing transaction, so what was checked is what gets written.
  if (opts.dryRun) return run(db);
  const report = await db.transaction().execute(run);
  if (report.created + report.updated >= ANALYZE_AFTER)
    await refreshStatistics(db, ['ai_systems', 'ai_system_suppliers', 'ai_system_name_pieces']);
  return report;
}
