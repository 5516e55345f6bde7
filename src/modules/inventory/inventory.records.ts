import type { SheetRow } from '../../exports/csv.js';
import { restoreNeutralized } from '../../exports/cells.js';
import { editDistance, fold } from '../../platform/text.js';
import { turnsEvery } from '../../platform/turns.js';
import { columnFor, columnOf, type ImportField, TEMPLATE_HEADERS } from './inventory.columns.js';

/** The template header a mistyped one most likely meant ("Busines owner" -> "Business owner"), if one is close. */
export function closestHeader(text: string): string | null {
  const key = fold(text);
  let best: { header: string; d: number } | null = null;
  for (const header of TEMPLATE_HEADERS) {
    const d = editDistance(key, fold(header), 3);
    if (d <= Math.min(3, Math.floor(key.length / 3)) && (!best || d < best.d)) best = { header, d };
  }
  return best?.header ?? null;
}

// What every import source becomes before validation: records of raw text
// values per field, each knowing where it came from (a sheet row and column
// header, or a JSONPath in a BOM) so every error can name its place.

export interface ImportError {
  /** the row as the file numbers it (the header is row 1); null when the file has no rows (a BOM) */
  row: number | null;
  /** the column header as written in the file, or a JSONPath */
  field: string;
  message: string;
}

export interface ImportRecord {
  row: number | null;
  /** where a field's value came from, for messages */
  where(field: ImportField): string;
  /** present fields only: an absent field keeps the existing value on update */
  values: Partial<Record<ImportField, string | string[]>>;
}

export interface MappingEntry {
  /** the header (or BOM field) as the file has it */
  column: string;
  field: ImportField | null;
}

export interface RecordSet {
  records: ImportRecord[];
  mapping: MappingEntry[];
  errors: ImportError[];
}

export const MAX_IMPORT_ROWS = 50_000;

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * Reads a sheet (CSV or the first XLSX worksheet): the first non-blank row
 * is the header; every later non-blank row is a record.
 */
export async function sheetRecords(rows: SheetRow[]): Promise<RecordSet> {
  const errors: ImportError[] = [];
  const headerIndex = rows.findIndex((r) => !isBlank(r.cells));
  if (headerIndex < 0) {
    return { records: [], mapping: [], errors: [{ row: null, field: 'file', message: 'is empty: it needs a header row' }] };
  }
  const header = rows[headerIndex];
  // ~9 ms for 1,000 rows in all: a turn of the event loop every few milliseconds, so other requests go on.
  const turns = turnsEvery();
  const dataRows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    if (!isBlank(rows[i].cells)) dataRows.push(rows[i]);
    await turns();
  }
  if (dataRows.length > MAX_IMPORT_ROWS) {
    errors.push({
      row: null,
      field: 'file',
      message: `has ${dataRows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`,
    });
    return { records: [], mapping: [], errors };
  }

  const mapping: MappingEntry[] = [];
  /** column index -> field */
  const fields: (ImportField | null)[] = [];
  const headerOf = new Map<ImportField, string>();
  header.cells.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) {
      fields.push(null);
      // Spreadsheets often leave empty columns at the right; only one with values is a problem.
      if (dataRows.some((r) => (r.cells[i] ?? '').trim() !== ''))
        errors.push({ row: header.row, field: `column ${i + 1}`, message: 'has values but no header' });
      return;
    }
    const column = columnFor(text);
    const field = column?.field ?? null;
    mapping.push({ column: text, field });
    if (!column) {
      errors.push({
        row: header.row,
        field: text,
        message: `${closestHeader(text) ? `is not a known column; did you mean "${closestHeader(text)}"? ` : 'is not a known column; '}the columns are: ${TEMPLATE_HEADERS.join(', ')}`,
      });
      fields.push(null);
    } else if (headerOf.has(column.field)) {
      errors.push({
        row: header.row,
        field: text,
        message: `is a second "${column.header}" column (first: "${headerOf.get(column.field)}")`,
      });
      fields.push(null);
    } else {
      headerOf.set(column.field, text);
      fields.push(column.field);
    }
  });
  if (!headerOf.has('name'))
    errors.push({ row: header.row, field: 'Name', message: 'column is missing: every file needs a Name column' });

  const where = (field: ImportField) => headerOf.get(field) ?? columnOf(field).header;
  const records: ImportRecord[] = [];
  for (const r of dataRows) {
    await turns();
    const values: ImportRecord['values'] = {};
    r.cells.forEach((cell, i) => {
      const field = fields[i];
      if (field) values[field] = restoreNeutralized(cell.trim());
      else if (i >= header.cells.length && cell.trim() !== '')
        errors.push({ row: r.row, field: `column ${i + 1}`, message: 'has a value but the column has no header' });
    });
    // A short row leaves its last columns empty, which clears them like an empty cell.
    for (const f of headerOf.keys()) values[f] ??= '';
    records.push({ row: r.row, where, values });
  }
  return { records, mapping, errors };
}
