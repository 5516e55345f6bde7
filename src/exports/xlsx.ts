import { neutralizeFormula } from './cells.js';

// XLSX through exceljs. Reading (xlsx-read.ts) streams the first worksheet
// as text cells, the way a person sees them, and stops at a row limit.
// Writing stores every value as text and neutralises formulas,
// as the CSV writer does: in memory for small files (xlsx-write.ts), or
// row by row to a stream for exports (xlsx-stream.ts). exceljs takes half a
// second to load, so this file does not import it: the writers are loaded
// on first use.

export {
  declaredUnpackedSize,
  MAX_SHARED_STRINGS,
  MAX_UNPACKED_BYTES,
  readXlsx,
  XlsxReadError,
  XlsxRowLimitError,
} from './xlsx-read.js';

/** A value as a sheet cell: text, a number, or an empty cell. */
export type XlsxValue = string | number | null;

export interface SheetSpec {
  name: string;
  rows: XlsxValue[][];
  /** column widths in characters; the first row is bold and frozen */
  widths?: number[];
}

/**
 * XML turns a carriage return into a line feed, so OOXML writes it as
 * _x000D_ (and a literal "_x000D_" as _x005F_x000D_). exceljs decodes these
 * when reading but does not encode them when writing.
 */
export function escapeXstring(value: string): string {
  // Most cells hold neither, and an export writes millions of cells: two searches cost far less than two replacements.
  if (!value.includes('_x') && !value.includes('\r')) return value;
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(/\r/g, '_x000D_');
}

/** What is written into a cell: text neutralised and escaped, numbers as numbers. */
export function xlsxValue(v: XlsxValue): string | number | null {
  return typeof v === 'string' ? escapeXstring(neutralizeFormula(v)) : v;
}

/**
 * A valid, unique worksheet name: at most 31 characters, none of : \ / ? * [ ],
 * not already in `taken` (compared as Excel does, ignoring case).
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[:\\/?*[\]]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Document properties a workbook carries (File > Info in Excel). */
export interface WorkbookProperties {
  title?: string;
  /** the organization the workbook is about, as legalNameOf names it */
  company?: string;
}

/** A workbook of small sheets, built in memory (templates, reports). */
export async function writeXlsx(sheets: SheetSpec[], properties: WorkbookProperties = {}): Promise<Buffer> {
  return (await import('./xlsx-write.js')).writeXlsx(sheets, properties);
}
