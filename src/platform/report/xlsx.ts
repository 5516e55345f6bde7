import { sheetName, xlsxValue } from '../../exports/xlsx.js';
import { type BarChart, metadataRows, type Report, type Section, shownIn, type Table } from './model.js';

// A report as a workbook: a cover sheet ("Summary") with the title, the
// metadata and the text of every section, then one sheet per table or chart
// with a bold, frozen header row. Every text cell is neutralised against
// formula injection by the shared sheet writer (src/exports/xlsx.ts).

export const COVER_SHEET = 'Summary';

function chartTable(c: BarChart): Table {
  return {
    type: 'table',
    sheet: c.sheet,
    columns: [
      { header: c.labelHeader ?? 'Label', width: 48 },
      { header: c.valueHeader ?? (c.unit ? `Value (${c.unit})` : 'Value'), width: 14 },
    ],
    rows: c.labels.map((l, i) => [l, c.values[i] ?? null]),
  };
}

function tablesOf(s: Section): Table[] {
  return s.blocks
    .filter((b) => shownIn(b, 'spreadsheet'))
    .flatMap((b) => (b.type === 'table' ? [b] : b.type === 'chart' ? [chartTable(b)] : []));
}

export async function renderXlsx(report: Report): Promise<Buffer> {
  // exceljs is loaded with the first workbook, not at start-up (src/exports/xlsx.ts).
  const { addSheet, newWorkbook, workbookBuffer } = await import('../../exports/xlsx-write.js');
  const wb = newWorkbook({ title: report.title, company: report.metadata.organization });
  const taken = new Set<string>();
  const cover = wb.addWorksheet(sheetName(COVER_SHEET, taken));
  cover.getColumn(1).width = 24;
  cover.getColumn(2).width = 100;
  cover.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  const title = cover.addRow([xlsxValue(report.title)]);
  title.font = { bold: true, size: 14 };
  cover.addRow([]);
  for (const [k, v] of metadataRows(report.metadata)) cover.addRow([k, xlsxValue(v)]).getCell(1).font = { bold: true };

  const sheets: { name: string; table: Table }[] = [];
  for (const s of report.sections) {
    const text = s.blocks.filter((b) => shownIn(b, 'spreadsheet'));
    const tables = tablesOf(s);
    if (!text.length) continue;
    cover.addRow([]);
    cover.addRow([xlsxValue(s.heading)]).font = { bold: true };
    for (const b of text) {
      if (b.type === 'paragraph') cover.addRow([null, xlsxValue(b.text)]);
      else if (b.type === 'list') for (const item of b.items) cover.addRow([null, xlsxValue(`• ${item}`)]);
    }
    for (const t of tables) {
      const name = sheetName(t.sheet ?? s.heading, taken);
      sheets.push({ name, table: t });
      cover.addRow([null, `See the sheet "${name}".`]);
    }
  }
  for (const { name, table } of sheets) {
    addSheet(wb, {
      name,
      rows: [table.columns.map((c) => c.header), ...table.rows],
      widths: table.columns.map((c) => c.width ?? 14),
    });
  }
  return workbookBuffer(wb);
}
