import { turnsEvery } from '../platform/turns.js';
import { neutralizeFormula } from './cells.js';

// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
// Reading tolerates a UTF-8 byte order mark and CRLF or LF line ends;
// writing neutralises formulas so a spreadsheet opening the file never runs one.

/** One record of a sheet, numbered as a spreadsheet shows it (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    public readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses CSV text into records; every record keeps its number, blank ones included. */
export function readCsv(input: string | Buffer): SheetRow[] {
  return [...csvRows(input)];
}

/**
 * readCsv for a request that shares the server: parsing is synchronous
 * (~11 ms for 1,000 rows, so half a second for an import of 50,000), and a
 * turn of the event loop every few milliseconds lets other requests go on.
 */
export async function readCsvInTurns(input: string | Buffer): Promise<SheetRow[]> {
  const turns = turnsEvery();
  const rows: SheetRow[] = [];
  for (const row of csvRows(input)) {
    rows.push(row);
    await turns();
  }
  return rows;
}

function* csvRows(input: string | Buffer): Generator<SheetRow> {
  let text = typeof input === 'string' ? input : input.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let count = 0;
  const n = text.length;
  let cells: string[] = [];
  let i = 0;
  // Each field is sliced out whole: appending character by character makes
  // a 5 MB file cost seconds of garbage collection.
  while (i < n) {
    let value: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      const row = count + 1;
      let parts = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw new CsvSyntaxError(row, 'has a quoted field that is never closed');
        if (text.charCodeAt(q + 1) === 34) {
          parts += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value = parts + text.slice(from, q);
        i = q + 1;
        break;
      }
      // RFC 4180 allows nothing between a closing quote and the delimiter.
      const next = text.charCodeAt(i);
      if (i < n && next !== 44 && next !== 13 && next !== 10) {
        throw new CsvSyntaxError(row, 'has text after a closing quote; write a quote inside a quoted field as ""');
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 13 || c === 10) break;
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    cells.push(value);
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) {
      i++;
      // A delimiter at the very end still opens one last, empty field.
      if (i === n) cells.push('');
      continue;
    }
    yield { row: ++count, cells };
    cells = [];
    if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else if (i < n) i++;
  }
  if (cells.length) yield { row: ++count, cells };
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The byte order mark that starts every CSV written, so spreadsheet programs read UTF-8 correctly. */
export const CSV_BOM = '\ufeff';

/** Records as CSV lines, each ended by CRLF, every cell neutralised: a page of a streamed file. */
export function csvLines(rows: string[][]): string {
  let out = '';
  for (const r of rows) out += `${r.map((v) => quote(neutralizeFormula(v))).join(',')}\r\n`;
  return out;
}

/**
 * Writes records as CSV with CRLF line ends and a byte order mark, so
 * spreadsheet programs read UTF-8 correctly. Every cell is neutralised.
 */
export function writeCsv(rows: string[][]): string {
  return CSV_BOM + (rows.length ? csvLines(rows) : '\r\n');
}
