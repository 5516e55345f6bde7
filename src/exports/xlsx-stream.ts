import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { nextTurn } from '../platform/turns.js';
import { rowXml } from './xlsx-rows.js';
import { Pacer } from './stream.js';
import { type WorkbookProperties, type XlsxValue, xlsxValue } from './xlsx.js';

// A workbook written to a stream as its rows arrive, through exceljs's
// streaming writer: the workbook's parts, styles and each sheet's frame and
// header come from exceljs; each data row is turned into XML (xlsx-rows.ts,
// byte for byte what exceljs writes) and handed to the sheet's zip entry as
// soon as it is read; strings are written in the cell rather than collected
// in a shared-string table, so memory stays flat however many rows there
// are. Cells are neutralised and escaped as the in-memory writer does
// (xlsxValue). Loaded on first use, like every exceljs writer (xlsx.ts).

const require = createRequire(import.meta.url);
const fromExceljs = createRequire(require.resolve('exceljs'));
const fromArchiver = createRequire(fromExceljs.resolve('archiver'));
const fromArchiverUtils = (id: string) => createRequire(fromArchiver.resolve('archiver-utils'))(id);

type WorkbookWriterClass = typeof ExcelJS.stream.xlsx.WorkbookWriter;
type AppXformClass = new () => { toXml(model: object): string };

/**
 * Only the streaming writer, not exceljs's index (which loads the readers
 * and unzipper too: three times the code), and in steps with a turn of the
 * event loop between them: loading it whole held every other request for
 * 300 ms to 2 s (busy machine) on the first export after start. The steps
 * load the writer's heaviest dependencies first (the largest took 115 ms on
 * a busy machine); a step that fails (a dependency that moved in an update)
 * is skipped, as the writer's own require loads whatever it needs.
 */
const LOAD_STEPS: (() => unknown)[] = [
  () => fromArchiverUtils('readable-stream'),
  () => fromArchiverUtils('lazystream'),
  () => fromArchiverUtils('glob'),
  () => fromArchiver('archiver-utils'),
  () => fromArchiver('zip-stream'),
  () => fromExceljs('archiver'),
  () => fromExceljs('saxes'),
  () => fromExceljs('./lib/xlsx/xform/style/styles-xform.js'),
  () => fromExceljs('./lib/doc/row.js'),
  () => fromExceljs('./lib/xlsx/xform/sheet/cf/conditional-formattings-xform.js'),
  () => fromExceljs('./lib/stream/xlsx/worksheet-writer.js'),
];
let loaded: Promise<{ WorkbookWriter: WorkbookWriterClass; AppXform: AppXformClass }> | undefined;

function loadWriter() {
  loaded ??= (async () => {
    for (const step of LOAD_STEPS) {
      try {
        step();
      } catch {
        // Only a warm-up: see LOAD_STEPS.
      }
      await nextTurn();
    }
    return {
      WorkbookWriter: fromExceljs('./lib/stream/xlsx/workbook-writer.js') as WorkbookWriterClass,
      AppXform: fromExceljs('./lib/xlsx/xform/core/app-xform.js') as AppXformClass,
    };
  })();
  return loaded;
}

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

/** The streaming worksheet's own state that rows written past its Row objects must keep in step. */
interface WorksheetInternals {
  stream: { write(xml: string): void; pipes?: ZipInput[] };
  /** the number of the next row exceljs would add */
  _rowZero: number;
}

/** The zip's input for a sheet (a readable-stream PassThrough): exceljs writes into it without heeding its back-pressure. */
interface ZipInput {
  _writableState: { length: number };
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
}

/** Bytes of sheet XML left waiting for the compressor before the writer waits for it. */
const ZIP_BACKLOG = 4 * 1024 * 1024;

/**
 * Waits while the sheet's XML waiting for the compressor exceeds ZIP_BACKLOG.
 * The compressor advances a chunk per turn of the event loop, so a writer
 * that only yields now and then outruns it, and without this wait the whole
 * sheet piled up in memory (138 MB at 100,000 systems).
 */
async function zipCaughtUp(sheet: WorksheetInternals, out: Writable): Promise<void> {
  const input = sheet.stream.pipes?.[0];
  if (!input || input._writableState.length <= ZIP_BACKLOG || out.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      input.off('drain', done);
      input.off('close', done);
      out.off('close', done);
      resolve();
    };
    input.once('drain', done);
    input.once('close', done);
    out.once('close', done);
  });
}

/**
 * Writes the sheets to `out`, one after another; a sheet may be built after
 * the ones before it were written (an "About" sheet that counts the rows).
 * Gives the event loop a turn every few milliseconds of work and waits for
 * `out` to drain (Pacer), so other requests run meanwhile and a slow reader
 * slows the writer instead of filling memory. Resolves when the workbook is
 * complete; `out` is ended by the zip. Rejects (without touching `out`) on a
 * failure: the caller destroys the stream.
 */
export async function writeXlsxStream(
  out: Writable,
  sheets: AsyncIterable<StreamedSheet> | Iterable<StreamedSheet>,
  properties: WorkbookProperties = {},
): Promise<void> {
  const { WorkbookWriter, AppXform } = await loadWriter();
  const wb = new WorkbookWriter({
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
  const pacer = new Pacer(out);
  for await (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.widths?.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    // The header through exceljs (it is styled); it also opens the sheet's data.
    const header = ws.addRow(sheet.header.map(xlsxValue));
    header.font = { bold: true };
    header.commit();
    const sheetState = ws as unknown as WorksheetInternals;
    // Rows go to the sheet's zip entry in one write per stretch of work, not one per row (each write copies into a buffer).
    let xml = '';
    for await (const page of sheet.pages) {
      for (const r of page) {
        if (out.destroyed) return;
        xml += rowXml(sheetState._rowZero++, r.map(xlsxValue));
        if (pacer.due) {
          sheetState.stream.write(xml);
          xml = '';
          await pacer.turn();
          await zipCaughtUp(sheetState, out);
        }
      }
      if (xml) sheetState.stream.write(xml);
      xml = '';
    }
    ws.commit();
  }
  await wb.commit();
}
