import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { drained } from './stream.js';
import { type WorkbookProperties, type XlsxValue, xlsxValue } from './xlsx.js';

// A workbook written to a stream as its rows arrive, through exceljs's
// streaming writer: each row is committed (turned into XML and handed to the
// zip) as soon as it is added, strings are written in the cell rather than
// collected in a shared-string table, so memory stays flat however many rows
// there are. Cells are neutralised and escaped as the in-memory writer does
// (xlsxValue). Loaded on first use, like every exceljs writer (xlsx.ts).

const require = createRequire(import.meta.url);
const AppXform = require('exceljs/lib/xlsx/xform/core/app-xform.js') as new () => { toXml(model: object): string };

/** A sheet streamed page by page; its header row is bold and frozen. */
export interface StreamedSheet {
  name: string;
  header: XlsxValue[];
  /** the rows after the header, a page at a time */
  pages: AsyncIterable<XlsxValue[][]> | Iterable<XlsxValue[][]>;
  /** column widths in characters */
  widths?: number[];
}

interface WriterInternals {
  zip: { append(source: string, data: { name: string }): void };
  _worksheets: unknown[];
  title?: string;
}

/**
 * Writes the sheets to `out`, one after another; a sheet may be built after
 * the ones before it were written (an "About" sheet that counts the rows).
 * Waits for `out` to drain after each page, so a slow reader slows the
 * writer instead of filling memory. Resolves when the workbook is complete;
 * `out` is ended by the zip. Rejects (without touching `out`) on a failure:
 * the caller destroys the stream.
 */
export async function writeXlsxStream(
  out: Writable,
  sheets: AsyncIterable<StreamedSheet> | Iterable<StreamedSheet>,
  properties: WorkbookProperties = {},
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'OpenAIMS';
  wb.lastModifiedBy = 'OpenAIMS';
  const internals = wb as unknown as WriterInternals;
  if (properties.title) internals.title = properties.title;
  // The streaming writer leaves the company out of docProps/app.xml, where the in-memory one puts it.
  wb.addApp = async () => {
    const xml = new AppXform().toXml({ worksheets: internals._worksheets.filter(Boolean), company: properties.company ?? '' });
    internals.zip.append(xml, { name: 'docProps/app.xml' });
  };
  for await (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.widths?.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    const header = ws.addRow(sheet.header.map(xlsxValue));
    header.font = { bold: true };
    header.commit();
    for await (const page of sheet.pages) {
      if (out.destroyed) return;
      for (const r of page) ws.addRow(r.map(xlsxValue)).commit();
      await drained(out);
    }
    ws.commit();
  }
  await wb.commit();
}
