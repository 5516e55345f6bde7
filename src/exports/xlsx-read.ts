import { Transform } from 'node:stream';
import zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import type { SheetRow } from './csv.js';
import { importPackage } from '../platform/packages.js';

// Reading an XLSX upload as a stream. A workbook is a zip of XML parts; a
// hostile one is small on the wire and huge unpacked (a 5 MB file can hold
// a million rows). So nothing is unpacked in full: each part we need is
// inflated on demand from the upload's bytes, every byte counted against a
// budget (whatever sizes the zip declares), the shared strings counted, and
// the sheet's rows read one by one until the caller's row limit is passed.
//
// exceljs parses the XML (its streaming WorkbookReader knows dates, rich
// text, formulas and shared strings); we hand it the parts ourselves, in the
// order it needs them, instead of its own unzipper, which reads the zip in
// file order and spools a worksheet stored before the shared strings (as
// Excel stores them) to a temporary file in full.

export class XlsxReadError extends Error {}

/** Thrown when the sheet has more non-blank rows than the caller allows; reading stopped there. */
export class XlsxRowLimitError extends XlsxReadError {
  constructor(public readonly maxRows: number) {
    super(`has more than ${maxRows} non-blank rows`);
  }
}

/** More than any real inventory workbook unpacks to; a 20 MB upload could otherwise inflate to gigabytes. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** The shared-string table is held in memory while the sheet is read: at most this many strings. */
export const MAX_SHARED_STRINGS = 1_000_000;
/** Workbook, relationships and styles parts: small in any real file. */
const MAX_SMALL_PART_BYTES = 16 * 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries, or null when there is none we can read (not a zip, ZIP64, truncated). */
function zipEntries(zip: Buffer): ZipEntry[] | null {
  const floor = Math.max(0, zip.length - 65_557);
  let end = -1;
  for (let i = zip.length - 22; i >= floor; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) return null;
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * The unpacked size a zip file declares in its central directory, or
 * Infinity when it cannot be read (ZIP64, truncated). A quick first refusal;
 * the byte budget below also stops a zip that lies about its sizes.
 */
export function declaredUnpackedSize(zip: Buffer): number {
  const entries = zipEntries(zip);
  return entries ? entries.reduce((sum, e) => sum + e.size, 0) : Number.POSITIVE_INFINITY;
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Bytes left to unpack for one upload, shared by all its parts. */
class Budget {
  private left: number;
  constructor(private readonly total: number) {
    this.left = total;
  }
  take(n: number, part: string, partCap: number, partUsed: number): void {
    this.left -= n;
    if (this.left < 0) throw new XlsxReadError(`unpacks to more than ${mib(this.total)} MiB; at most that much is read`);
    if (partUsed > partCap) throw new XlsxReadError(`has a ${part} part over ${mib(partCap)} MiB unpacked`);
  }
}

/** One part's content as a stream, inflated only as fast as it is read, within the budget. */
function openPart(zip: Buffer, entry: ZipEntry, budget: Budget, cap: number) {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw new XlsxReadError(`has a damaged part (${entry.name})`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxReadError(`uses an unknown compression (${entry.name})`);
  let used = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      used += chunk.length;
      try {
        budget.take(chunk.length, entry.name, cap, used);
      } catch (e) {
        done(e as Error);
        return;
      }
      done(null, chunk);
    },
  });
  const inflater = entry.method === 8 ? zlib.createInflateRaw() : null;
  if (inflater) {
    inflater.on('error', (e) => counter.destroy(new XlsxReadError(`is not a readable XLSX workbook (${e.message})`)));
    inflater.pipe(counter);
    inflater.end(raw);
  } else counter.end(raw);
  return {
    stream: counter,
    close() {
      inflater?.destroy();
      counter.destroy();
    },
  };
}

// The parts of exceljs's streaming reader used here; its parsing methods
// take any readable stream, which is what lets us feed it parts ourselves.
interface ReaderInternals {
  sharedStrings?: unknown[];
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string; name: string }[] };
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<{ index: number; text: unknown }>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/** OOXML writes characters XML cannot carry as _xHHHH_ (escapeXstring in xlsx.ts); the streaming parser leaves them. */
const decodeEscapes = (t: string) =>
  t.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/**
 * Decodes a text cell's escapes once, wherever the text is stored: in the
 * shared strings (as Excel writes), or in the cell itself (t="str", as the
 * streaming export writes). So shared strings are kept raw and every cell
 * value is decoded as its row is read.
 */
function unescapeText(text: unknown): unknown {
  if (typeof text === 'string') return decodeEscapes(text);
  const rich = (text as { richText?: { text?: string }[] } | null)?.richText;
  if (rich) return { richText: rich.map((r) => ({ ...r, text: decodeEscapes(r.text ?? '') })) };
  return text;
}

/** Where the workbook's first sheet is, as its relationships name it. */
function firstSheetPath(reader: ReaderInternals, names: Set<string>): string | undefined {
  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  // No workbook part: the lowest-numbered sheet, as a person would guess.
  return [...names]
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => Number(a.match(/\d+/)?.[0]) - Number(b.match(/\d+/)?.[0]))[0];
}

export interface ReadXlsxOptions {
  /** stop with XlsxRowLimitError once the sheet has more non-blank rows than this (header included) */
  maxRows?: number;
  /** bytes unpacked at most, all parts together; default MAX_UNPACKED_BYTES */
  maxUnpackedBytes?: number;
}

/**
 * The first worksheet's rows, each with its cells (exceljs values), as the
 * spreadsheet numbers them; rows without any value are skipped.
 */
export async function* streamFirstSheet(
  data: Buffer,
  maxUnpackedBytes = MAX_UNPACKED_BYTES,
): AsyncGenerator<{ row: number; values: ExcelJS.CellValue[] }> {
  const entries = zipEntries(data);
  if (!entries) throw new XlsxReadError('is not a readable XLSX workbook (no zip directory)');
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > maxUnpackedBytes)
    throw new XlsxReadError(`unpacks to ${Math.round(unpacked / 1e6)} MB; at most ${mib(maxUnpackedBytes)} MiB is read`);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const budget = new Budget(maxUnpackedBytes);
  // Loaded on the first upload, not at start-up: exceljs takes half a second to load.
  const { default: excel } = await importPackage<{ default: typeof import('exceljs') }>('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(undefined as never, {
    worksheets: 'emit',
    sharedStrings: 'emit',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  }) as unknown as ReaderInternals;
  reader.properties = { model: {} };
  const open: { close(): void }[] = [];
  const part = (name: string, cap: number) => {
    const entry = byName.get(name);
    if (!entry) return null;
    const p = openPart(data, entry, budget, cap);
    open.push(p);
    return p.stream;
  };
  try {
    const rels = part('xl/_rels/workbook.xml.rels', MAX_SMALL_PART_BYTES);
    if (rels) await reader._parseRels(rels);
    const book = part('xl/workbook.xml', MAX_SMALL_PART_BYTES);
    if (book) await reader._parseWorkbook(book);
    reader.properties ??= { model: {} };
    const styles = part('xl/styles.xml', MAX_SMALL_PART_BYTES);
    if (styles) await reader._parseStyles(styles);
    const strings: unknown[] = [];
    const shared = part('xl/sharedStrings.xml', maxUnpackedBytes);
    if (shared) {
      for await (const s of reader._parseSharedStrings(shared)) {
        if (strings.length >= MAX_SHARED_STRINGS)
          throw new XlsxReadError(`has more than ${MAX_SHARED_STRINGS} shared strings; at most that many are read`);
        strings.push(s.text);
      }
    }
    reader.sharedStrings = strings;

    const sheetPath = firstSheetPath(reader, new Set(byName.keys()));
    const sheet = sheetPath ? part(sheetPath, maxUnpackedBytes) : null;
    if (!sheetPath || !sheet) throw new XlsxReadError('has no worksheet');
    const sheetNo = sheetPath.match(/(\d+)\.xml$/)?.[1] ?? '1';
    const [emitted] = [...reader._parseWorksheet(sheet as unknown as AsyncIterable<unknown>, sheetNo)];
    let last = 0;
    for await (const row of emitted.value) {
      const values: ExcelJS.CellValue[] = [];
      let any = false;
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        values[col - 1] = unescapeText(cell.value) as ExcelJS.CellValue;
        if (cell.value !== null && cell.value !== undefined && cell.value !== '') any = true;
      });
      if (!any) continue;
      last = Number.isFinite(row.number) ? row.number : last + 1;
      yield { row: last, values };
    }
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError(`is not a readable XLSX workbook (${(e as Error).message})`);
  } finally {
    for (const p of open) p.close();
  }
}

function dateText(d: Date): string {
  const iso = d.toISOString();
  // Spreadsheets keep a date as a midnight timestamp; a date is what was typed.
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A cell as a person sees it: a formula gives its cached result; nothing is evaluated. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return dateText(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('error' in v) return v.error;
  return '';
}

/**
 * The first worksheet's non-empty rows as text, numbered as the spreadsheet
 * numbers them. With maxRows, reading stops (XlsxRowLimitError) at the first
 * non-blank row past it, so a huge sheet costs no more than the limit.
 */
export async function readXlsx(data: Buffer, opts: ReadXlsxOptions = {}): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  let nonBlank = 0;
  for await (const r of streamFirstSheet(data, opts.maxUnpackedBytes)) {
    const cells = Array.from(r.values, (v) => cellText(v ?? null));
    // Blank as the importers judge it: whitespace only.
    if (opts.maxRows !== undefined && cells.some((c) => c.trim() !== '') && ++nonBlank > opts.maxRows)
      throw new XlsxRowLimitError(opts.maxRows);
    rows.push({ row: r.row, cells });
  }
  return rows;
}
