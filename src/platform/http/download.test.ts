import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { contentDisposition, sendDownload } from './download.js';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 5987)', () => {
    expect(contentDisposition('gap-report-2026-01-15.pdf')).toBe(
      `attachment; filename="gap-report-2026-01-15.pdf"; filename*=UTF-8''gap-report-2026-01-15.pdf`,
    );
    expect(contentDisposition('Prüfbericht “Q1” (final)*.docx')).toBe(
      `attachment; filename="Prufbericht _Q1_ (final)*.docx"; filename*=UTF-8''Pr%C3%BCfbericht%20%E2%80%9CQ1%E2%80%9D%20%28final%29%2A.docx`,
    );
  });

  it('leaves no quote, backslash, percent, path or control character in either name', () => {
    const value = contentDisposition('../a"b\\c%20d\r\ne\u0000.csv');
    expect(value).toBe(`attachment; filename=".._a_b_c_20d__e_.csv"; filename*=UTF-8''.._a%22b_c%2520d__e_.csv`);
    expect(contentDisposition('  ')).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });
});

describe('sendDownload', () => {
  it('sends a buffer, a string or a stream with its type, the disposition and nosniff', async () => {
    const app = Fastify();
    app.get('/buffer', (_req, reply) =>
      sendDownload(reply, { filename: 'a.pdf', contentType: 'application/pdf', body: Buffer.from('%PDF-') }),
    );
    app.get('/string', (_req, reply) =>
      sendDownload(reply, { filename: 'ä.csv', contentType: 'text/csv; charset=utf-8', body: 'a,b\r\n' }),
    );
    app.get('/stream', (_req, reply) =>
      sendDownload(reply, { filename: 's.txt', contentType: 'text/plain', body: Readable.from(['x', 'y']) }),
    );
    const buffer = await app.inject({ url: '/buffer' });
    expect(buffer.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="a.pdf"; filename*=UTF-8''a.pdf`,
      'x-content-type-options': 'nosniff',
    });
    expect(buffer.body).toBe('%PDF-');
    const text = await app.inject({ url: '/string' });
    expect(text.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(text.headers['content-disposition']).toBe(`attachment; filename="a.csv"; filename*=UTF-8''%C3%A4.csv`);
    expect(text.body).toBe('a,b\r\n');
    expect((await app.inject({ url: '/stream' })).body).toBe('xy');
    await app.close();
  });
});
