import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

// Every file the API sends goes out through sendDownload: one
// Content-Disposition (RFC 6266) with an ASCII fallback name and the exact
// UTF-8 name (RFC 5987/8187), the content type, and nosniff so a browser never
// second-guesses it (an HTML-looking CSV stays a CSV).

export interface Download {
  /** the file name as the user should see it, any Unicode; path separators and control characters are replaced */
  filename: string;
  contentType: string;
  body: Buffer | string | Readable;
}

/** RFC 5987 attr-char allows only these unencoded; encodeURIComponent also leaves ' ( ) * alone. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="<ascii fallback>"; filename*=UTF-8''<percent-encoded>` */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const name = filename.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim() || 'download';
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["%\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name.normalize('NFC'))}`;
}

export function sendDownload(reply: FastifyReply, file: Download): FastifyReply {
  return reply
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .type(file.contentType)
    .send(file.body);
}
