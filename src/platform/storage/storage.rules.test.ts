import { describe, expect, it } from 'vitest';
import { activeMarkup, classifyHead, fileNameProblem, mediaTypeOf, servedContentType } from './storage.rules.js';

describe('upload checks', () => {
  it('accepts ordinary names, with any script, and refuses path parts and control characters', () => {
    expect(fileNameProblem('Q3 risk review – final (v2).pdf')).toBeNull();
    expect(fileNameProblem('リスク評価.xlsx')).toBeNull();
    expect(fileNameProblem('..')).toMatch(/path parts/);
    expect(fileNameProblem('dir/x.pdf')).toMatch(/path parts/);
    expect(fileNameProblem('a\tb.pdf')).toMatch(/control/);
    expect(fileNameProblem('   ')).toMatch(/empty/);
    expect(fileNameProblem(`${'a'.repeat(252)}.pdf`)).toMatch(/255 bytes/);
  });

  it('tells HTML from other markup by the first bytes, whatever the name says', () => {
    const b = (s: string) => Buffer.from(s);
    expect(classifyHead(b('\ufeff  <!DOCTYPE html><p>x'), 'notes.txt')).toBe('html');
    expect(classifyHead(b('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">'), 'a.xml')).toBe('html');
    expect(classifyHead(b('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.png')).toBe('markup');
    expect(classifyHead(b('%PDF-1.7'), 'report.pdf', 'text/html')).toBe('other');
    expect(classifyHead(b('plain words'), 'page.htm')).toBe('html');
    expect(mediaTypeOf(b('%PDF-1.7'), 'report.bin', 'other')).toBe('application/pdf');
    expect(mediaTypeOf(b('a,b'), 'x.csv', 'other')).toBe('text/csv');
    expect(mediaTypeOf(b('?'), 'x', 'other', 'text/html')).toBe('application/octet-stream');
  });

  it('finds script in markup, and stays fast on hostile input', () => {
    expect(activeMarkup('<svg><a xlink:href="javascript&#58;alert(1)">')).toMatch(/javascript/);
    expect(activeMarkup('<svg><g\nonclick="x()">')).toMatch(/event handler/);
    expect(activeMarkup('<svg><text>one = 1, onward = 2</text></svg>')).toBeNull();
    const hostile = `<${' onaaaa'.repeat(150_000)}`;
    const t0 = performance.now();
    activeMarkup(hostile);
    activeMarkup('<'.repeat(1_000_000));
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('serves only well-known inert types as themselves', () => {
    expect(servedContentType('application/pdf')).toBe('application/pdf');
    for (const t of ['image/svg+xml', 'application/xml', 'text/html', 'text/javascript', 'application/x-unknown'])
      expect(servedContentType(t)).toBe('application/octet-stream');
  });
});
