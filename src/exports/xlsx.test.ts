import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { declaredUnpackedSize, escapeXstring, readXlsx, XlsxReadError, writeXlsx } from './xlsx.js';

describe('xlsx', () => {
  it('writes sheets and reads the first back as text, numbered as the spreadsheet numbers rows', async () => {
    const rows = [
      ['Name', 'Notes'],
      ['a', 'two\r\nlines _x000D_ literal'],
      ['=1+1', '@x'],
    ];
    const data = await writeXlsx([
      { name: 'Data', rows, widths: [10, 20] },
      { name: 'Help', rows: [['ignored']] },
    ]);
    expect(data.subarray(0, 2).toString()).toBe('PK');
    expect(await readXlsx(data)).toEqual([
      { row: 1, cells: ['Name', 'Notes'] },
      { row: 2, cells: ['a', 'two\r\nlines _x000D_ literal'] },
      { row: 3, cells: ["'=1+1", "'@x"] },
    ]);
  });

  it('reads typed cells as a person sees them: dates, numbers, booleans, rich text, links, formula results', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 'Name';
    ws.getCell('A3').value = new Date(Date.UTC(2025, 2, 1));
    ws.getCell('B3').value = 42;
    ws.getCell('C3').value = true;
    ws.getCell('D3').value = { richText: [{ text: 'bo' }, { text: 'ld', font: { bold: true } }] };
    ws.getCell('E3').value = { text: 'site', hyperlink: 'https://example.com' };
    ws.getCell('F3').value = { formula: 'B3*2', result: 84 };
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    // Row 2 is empty and skipped; row 3 keeps its number.
    expect(await readXlsx(data)).toEqual([
      { row: 1, cells: ['Name'] },
      { row: 3, cells: ['2025-03-01', '42', 'true', 'bold', 'site', '84'] },
    ]);
  });

  it('rejects bytes that are not a workbook, and a workbook that declares a huge unpacked size', async () => {
    await expect(readXlsx(Buffer.from('Name\nx\n'))).rejects.toBeInstanceOf(XlsxReadError);
    const data = await writeXlsx([{ name: 'Data', rows: [['Name']] }]);
    const size = declaredUnpackedSize(data);
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThan(50_000);
    // Claim 300 MB for the first entry of the central directory.
    const bomb = Buffer.from(data);
    const dir = bomb.readUInt32LE(bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    bomb.writeUInt32LE(300 * 1024 * 1024, dir + 24);
    await expect(readXlsx(bomb)).rejects.toThrow(/^unpacks to \d+ MB; at most 200 MiB is read$/);
  });

  it('escapes carriage returns and literal escapes the OOXML way', () => {
    expect(escapeXstring('a\r\nb _x0041_ c')).toBe('a_x000D_\nb _x005F_x0041_ c');
  });
});
