import ExcelJS from 'exceljs';
import { neutralizeFormula } from './cells.js';
import type { SheetRow } from './csv.js';

// XLSX through exceljs. Reading takes the first worksheet as text cells, the
// way a person sees them (a formula gives its cached result; nothing is
// evaluated). Writing stores every value as text and neutralises formulas,
// as the CSV writer does.

export class XlsxReadError extends Error {}

type CellValue = ExcelJS.CellValue;

function dateText(d: Date): string {
  const iso = d.toISOString();
  // Spreadsheets keep a date as a midnight timestamp; a date is what was typed.
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return dateText(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as CellValue);
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: CellValue }).result ?? null);
  if ('error' in v) return v.error;
  return '';
}

/** More than any real inventory workbook unpacks to; a 20 MB upload could otherwise inflate to gigabytes. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * The unpacked size a zip file declares in its central directory, or
 * Infinity when it cannot be read (ZIP64, truncated). This stops the plain
 * zip bomb; one that lies about its sizes is not caught here.
 */
export function declaredUnpackedSize(zip: Buffer): number {
  const floor = Math.max(0, zip.length - 65_557);
  let end = -1;
  for (let i = zip.length - 22; i >= floor; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return Number.POSITIVE_INFINITY;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return Number.POSITIVE_INFINITY;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

/** The first worksheet's non-empty rows as text, numbered as the spreadsheet numbers them. */
export async function readXlsx(data: Buffer): Promise<SheetRow[]> {
  const unpacked = declaredUnpackedSize(data);
  if (unpacked === Number.POSITIVE_INFINITY) throw new XlsxReadError('is not a readable XLSX workbook (no zip directory)');
  if (unpacked > MAX_UNPACKED_BYTES)
    throw new XlsxReadError(
      `unpacks to ${Math.round(unpacked / 1e6)} MB; at most ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB is read`,
    );
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new XlsxReadError(`is not a readable XLSX workbook (${(e as Error).message})`);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new XlsxReadError('has no worksheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

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

export function newWorkbook(properties: WorkbookProperties = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OpenAIMS';
  if (properties.title) wb.title = properties.title;
  if (properties.company) wb.company = properties.company;
  return wb;
}

/** A sheet whose first row is a bold, frozen header; every text cell neutralised. */
export function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const r of spec.rows) ws.addRow(r.map(xlsxValue));
  ws.getRow(1).font = { bold: true };
  spec.widths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeXlsx(sheets: SheetSpec[], properties: WorkbookProperties = {}): Promise<Buffer> {
  const wb = newWorkbook(properties);
  for (const spec of sheets) addSheet(wb, spec);
  return workbookBuffer(wb);
}
