import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { XlsxValue } from './xlsx.js';
import { rowXml } from './xlsx-rows.js';

// The streamed export writes its data rows without exceljs's Row objects:
// the XML must be exactly what exceljs's streaming writer renders for the
// same row (its WorksheetWriter._writeRow: the row xform, prepared with the
// workbook's styles, skipped when the row holds no value).

const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const RowXform = fromExceljs('./lib/xlsx/xform/sheet/row-xform.js');
const StylesXform = fromExceljs('./lib/xlsx/xform/style/styles-xform.js');

function exceljsRowXml(number: number, values: XlsxValue[]): string {
  const ws = new ExcelJS.Workbook().addWorksheet('s');
  const row = ws.getRow(number);
  row.values = values;
  if (!row.hasValues) return '';
  const model = row.model;
  const xform = new RowXform();
  xform.prepare(model, { styles: new StylesXform(true), comments: [] });
  return xform.toXml(model);
}

const rows: XlsxValue[][] = [
  ['plain', 'with <tags> & "quotes" and \'apostrophes\'', '\'=HYPERLINK("x")'],
  ['', 'line\nbreak', 'tab\there', 'a_x000D_b', 'control \u0001\u0008\u000b\u001f\u007f chars', 'emoji 🤖 and é'],
  [0, -1.5, 1e21, 42, 0.1 + 0.2],
  ['first', null, 'third', null],
  [null, 'second'],
  [null, null],
  [],
  Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? null : i % 2 ? i : `col ${i}`)),
];

describe('xlsx rows', () => {
  it.each(rows.map((r, i) => [i, r] as const))('row %i is written as exceljs writes it', (i, values) => {
    const number = 2 + i * 997;
    expect(rowXml(number, values)).toBe(exceljsRowXml(number, values));
  });

  it('writes text inline, numbers as values, and leaves empty cells and empty rows out', () => {
    expect(rowXml(5, ['a&b', 3, null])).toBe(
      '<row r="5" spans="1:3" x14ac:dyDescent="0.25"><c r="A5" t="str"><v>a&amp;b</v></c><c r="B5"><v>3</v></c></row>',
    );
    expect(rowXml(6, [null])).toBe('');
  });
});
