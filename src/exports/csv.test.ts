import { describe, expect, it } from 'vitest';
import { neutralizeFormula, restoreNeutralized } from './cells.js';
import { CsvSyntaxError, readCsv, readCsvInTurns, writeCsv } from './csv.js';

describe('readCsv', () => {
  it('reads RFC 4180: quoted commas, quotes and line breaks, CRLF or LF, with or without a BOM', () => {
    const text = '\ufeffa,b,c\r\n"1,5","say ""hi""","two\r\nlines"\n,,\nlast,"",x';
    expect(readCsv(text)).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['1,5', 'say "hi"', 'two\r\nlines'] },
      { row: 3, cells: ['', '', ''] },
      { row: 4, cells: ['last', '', 'x'] },
    ]);
  });

  it('reads bytes as UTF-8 and ignores one final line break', () => {
    expect(readCsv(Buffer.from('\ufeffnäme\nü\n'))).toEqual([
      { row: 1, cells: ['näme'] },
      { row: 2, cells: ['ü'] },
    ]);
    expect(readCsv('')).toEqual([]);
    expect(readCsv('a\n\n')).toEqual([
      { row: 1, cells: ['a'] },
      { row: 2, cells: [''] },
    ]);
  });

  it('names the row of an unclosed quote or text after a closing quote', () => {
    const errorOf = (text: string) => {
      try {
        readCsv(text);
      } catch (e) {
        return e;
      }
      return null;
    };
    expect(errorOf('a\nb\n"x"y,z')).toMatchObject({ row: 3, message: expect.stringMatching(/after a closing quote/) });
    const open = errorOf('a\n"open,\nstill open');
    expect(open).toBeInstanceOf(CsvSyntaxError);
    expect(open).toMatchObject({ row: 2, message: 'has a quoted field that is never closed' });
  });

  it('reads a large file in turns: the same rows and errors, while other callbacks still run', async () => {
    const line = (i: number) => `System ${i},"Ranks tickets, ""urgent"" first",\r\n`;
    const text = `\ufeffName,Purpose,Owner\r\n${Array.from({ length: 50_000 }, (_, i) => line(i)).join('')}`;
    // Something else on the server: a callback queued now must run before the parse ends.
    let ranMeanwhile = false;
    setImmediate(() => {
      ranMeanwhile = true;
    });
    const rows = await readCsvInTurns(Buffer.from(text));
    expect(ranMeanwhile).toBe(true);
    expect(rows).toEqual(readCsv(text));
    expect(rows).toHaveLength(50_001);
    expect(rows[50_000]).toEqual({ row: 50_001, cells: ['System 49999', 'Ranks tickets, "urgent" first', ''] });
    await expect(readCsvInTurns('a\n"open')).rejects.toMatchObject({
      row: 2,
      message: 'has a quoted field that is never closed',
    });
  });
});

describe('writeCsv', () => {
  it('quotes what needs quoting and reads back identically', () => {
    const rows = [
      ['plain', 'a,b', 'say "x"', 'line\nbreak', ' padded ', ''],
      ['ünïcode ✓', 'cr\r\nlf', "'quoted", 'x', 'y', 'z'],
    ];
    const csv = writeCsv(rows);
    expect(csv.startsWith('\ufeffplain,"a,b","say ""x""","line\nbreak"," padded ",\r\n')).toBe(true);
    expect(readCsv(csv).map((r) => r.cells)).toEqual(rows);
  });

  it('neutralises formulas so no cell starts one, and reading restores the value', () => {
    const values = ['=1+1', '+SUM(A1)', '-2', '@cmd', '\t=x', '\r=x', "'=x", "''+x", "'plain", 'a=b', '-', ''];
    const csv = writeCsv([values]);
    const cells = readCsv(csv)[0].cells;
    expect(cells.slice(0, 8)).toEqual(["'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "'\t=x", "'\r=x", "''=x", "'''+x"]);
    expect(cells.slice(8)).toEqual(["'plain", 'a=b', "'-", '']);
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells.map(restoreNeutralized)).toEqual(values);
  });

  it('neutralizeFormula and restoreNeutralized are inverse for any leading apostrophes', () => {
    for (const v of ['=a', "'=a", "''=a", "'a", "''a", 'a', "'", "'-", '@']) {
      expect(restoreNeutralized(neutralizeFormula(v))).toBe(v);
    }
  });
});
