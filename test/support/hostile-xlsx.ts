import fs from 'node:fs';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

// A small workbook that unpacks to a great many rows: the shape of a hostile
// inventory upload. Written with exceljs's streaming writer, so making one
// needs no more memory than reading one should.

/** Writes `rows` data rows under a Name header into `file` (skipped when it already exists). */
export async function writeTallXlsx(file: string, rows: number): Promise<string> {
  if (fs.existsSync(file)) return file;
  const tmp = `${file}.part`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Inventory');
  ws.addRow(['Name']).commit();
  for (let i = 0; i < rows; i++) ws.addRow(['x']).commit();
  ws.commit();
  await wb.commit();
  fs.renameSync(tmp, file);
  return file;
}

interface Part {
  name: string;
  data: Buffer | string;
  /** the unpacked size the zip claims for this part (default: the true one), to make a zip that lies */
  claimedSize?: number;
}

/** A zip of deflated parts, written by hand so a test can make it lie about its sizes. */
export function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data);
    const packed = zlib.deflateRawSync(raw, { level: 9 });
    const name = Buffer.from(p.name);
    const size = p.claimedSize ?? raw.length;
    const crc = zlib.crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Inventory" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;

/** A one-cell workbook whose shared-strings part is `strings` (XML), optionally claiming another size. */
export function workbookWithSharedStrings(strings: Buffer | string, claimedSize?: number): Buffer {
  return zipOf([
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: RELS },
    { name: 'xl/worksheets/sheet1.xml', data: SHEET },
    { name: 'xl/sharedStrings.xml', data: strings, claimedSize },
  ]);
}
