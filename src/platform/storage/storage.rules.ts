// Pure checks on what an upload calls itself and what its first bytes are.
// Uploaded files are always served as downloads with a sandboxing CSP, so
// nothing uploaded can run in our origin; these checks are the second wall:
// HTML is refused outright (export it as PDF instead), SVG and other XML are
// accepted only without script, event handlers or javascript: URLs.

export const MAX_NAME_BYTES = 255;

/** Why a file name is refused, or null when it is fine. */
export function fileNameProblem(name: string): string | null {
  if (name.trim() === '') return 'must not be empty';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return `must be at most ${MAX_NAME_BYTES} bytes`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'must not contain NUL or control characters';
  if (/[/\\]/.test(name) || name === '.' || name === '..') return 'must be a file name without path parts (/, \\ or ..)';
  return null;
}

export const HEAD_BYTES = 1024;

export type HeadKind = 'html' | 'markup' | 'other';

const HTML_EXT = /\.(html?|xhtml?|shtml|xht|mht(ml)?|hta)$/i;
const MARKUP_EXT = /\.(svgz?|xml|xsl|xslt|rss|atom)$/i;
const HTML_TYPE = /^(text\/html|application\/xhtml\+xml)\b/i;
// The WHATWG sniffing table's HTML openings, after optional BOM and whitespace.
const HTML_START =
  /^(<!doctype\s+html|<html|<head|<body|<script|<iframe|<h1|<div|<font|<table|<a[\s>]|<style|<title|<b[\s>]|<br|<p[\s>])/i;

/** Strips a UTF-8/16 BOM and leading whitespace, decoded loosely (latin1) so it never throws. */
function opening(head: Buffer): string {
  let text = head.toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  // UTF-16 markup: drop the zero bytes so the same patterns apply.
  if (text.startsWith('\xff\xfe') || text.startsWith('\xfe\xff')) text = text.slice(2).replace(/\0/g, '');
  return text.trimStart();
}

/**
 * What the first bytes (and the name and declared type) say the file is:
 * html (refused), markup (SVG/XML: scanned for script), or other.
 */
export function classifyHead(head: Buffer, name: string, declaredType?: string): HeadKind {
  // A PDF or image says what it is in its first bytes; a claimed type does not override that.
  if (MAGIC.some(([magic]) => head.subarray(0, magic.length).equals(magic)) && !HTML_EXT.test(name)) return 'other';
  const text = opening(head);
  const lower = text.toLowerCase();
  if (HTML_EXT.test(name) || (declaredType && HTML_TYPE.test(declaredType)) || HTML_START.test(text)) return 'html';
  if (lower.startsWith('<')) {
    // XML that is really XHTML is HTML to a browser.
    if (/xmlns\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml/.test(lower) || /<html[\s>]/.test(lower)) return 'html';
    return 'markup';
  }
  if (MARKUP_EXT.test(name) || (declaredType && /(xml|svg)/i.test(declaredType))) return 'markup';
  return 'other';
}

// Script in markup: a script element, an on* event-handler attribute, a
// javascript: URL (also with an entity for the colon), or embedded HTML.
const ACTIVE_MARKUP = [
  { re: /<script[\s>/]/, what: 'a script element' },
  // [^<>]: each scan stops at the next tag, so the check stays linear on hostile input.
  { re: /<[^<>]*\son[a-z]+\s*=/, what: 'an event handler attribute' },
  { re: /javascript\s*(:|&#)/, what: 'a javascript: URL' },
  { re: /<(foreignobject|iframe|embed|object)[\s>/]/, what: 'embedded HTML or objects' },
];

/** The first active part found in a piece of markup (lowercased latin1), or null. */
export function activeMarkup(text: string): string | null {
  for (const { re, what } of ACTIVE_MARKUP) if (re.test(text)) return what;
  return null;
}

/** Characters kept from the previous chunk so a pattern split across chunks is still seen. */
export const SCAN_OVERLAP = 512;

const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  svg: 'image/svg+xml',
  xml: 'application/xml',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
};

const MAGIC: [Buffer, string][] = [
  [Buffer.from('%PDF-'), 'application/pdf'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg'],
  [Buffer.from('GIF8'), 'image/gif'],
];

/**
 * The type we record: the magic number when there is one, else markup's own
 * type, else the extension's, else a well-formed declared type, else bytes.
 */
export function mediaTypeOf(head: Buffer, name: string, kind: HeadKind, declaredType?: string): string {
  for (const [magic, type] of MAGIC) if (head.subarray(0, magic.length).equals(magic)) return type;
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (kind === 'markup') return ext === 'svg' || /<svg[\s>]/i.test(head.toString('latin1')) ? 'image/svg+xml' : 'application/xml';
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const declared = declaredType?.split(';')[0].trim().toLowerCase();
  if (declared && /^[a-z0-9][\w.+-]*\/[\w.+-]+$/.test(declared) && !/(html|xml|script)/.test(declared)) return declared;
  return 'application/octet-stream';
}

// Types sent as themselves; anything else (html, svg, xml, js, unknown) goes
// out as application/octet-stream, so no browser renders it as a document.
const SERVED_AS_IS = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'text/markdown',
  'application/json',
  'application/zip',
  'message/rfc822',
  'application/vnd.ms-outlook',
  BY_EXTENSION.docx,
  BY_EXTENSION.xlsx,
  BY_EXTENSION.pptx,
  BY_EXTENSION.odt,
  BY_EXTENSION.ods,
]);

export function servedContentType(mediaType: string): string {
  return SERVED_AS_IS.has(mediaType) ? mediaType : 'application/octet-stream';
}
