import ExcelJS from 'exceljs';
import { type SheetSpec, type WorkbookProperties, xlsxValue } from './xlsx.js';

// Workbooks built in memory: for small files only (a template, a report).
// Loaded on first use (see xlsx.ts); exports stream (xlsx-stream.ts).

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
