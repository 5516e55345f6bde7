import type { Readable } from 'node:stream';
import { CSV_BOM, csvLines, writeCsv } from '../../exports/csv.js';
import { buildBom } from '../../exports/cyclonedx.js';
import { pushStream, textStream } from '../../exports/stream.js';
import { writeXlsx } from '../../exports/xlsx.js';
import type { Executor } from '../../platform/db/db.js';
import { notFound } from '../../platform/http/errors.js';
import { dateFormat, legalNameOf, localeOfCountry } from '../../platform/report/index.js';
import { VERSION } from '../../version.js';
import { findOrgByIdOrSlug, getProfile } from '../organizations/index.js';
import {
  COLUMNS,
  ENUM_FIELDS,
  ENUMS,
  type EnumSpec,
  enumWords,
  formatSupplierRef,
  type ImportField,
  TEMPLATE_HEADERS,
} from './inventory.columns.js';
import { type SystemText, TOOL_NAME, toComponent } from './inventory.cyclonedx.js';
import { type ExportedSystem, exportedSystemPages } from './inventory.export-query.js';
import type { ImportFormat } from './inventory.transfer.schemas.js';

// Inventory export as CSV, XLSX (template column order, so an export is a
// valid import) and CycloneDX 1.6. Active systems only: archived and merged
// ones stay readable in the app with their history. Exports stream: the
// systems are read a page at a time (inventory.export-query.ts, which also
// says what a streamed export guarantees) and each page is written before
// the next is read, so memory stays flat and other requests run between
// pages.

export interface ExportedFile {
  body: string | Buffer;
  /** AI systems in the file */
  count: number;
  contentType: string;
  filename: string;
}

/** An export on its way: the body is read as the client takes it. */
export interface StreamedFile {
  body: Readable;
  contentType: string;
  filename: string;
  /** AI systems written so far (all of them once the body has ended) */
  count(): number;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  cyclonedx: 'application/vnd.cyclonedx+json',
} as const;
const EXTENSIONS = { csv: 'csv', xlsx: 'xlsx', cyclonedx: 'cdx.json' } as const;

const cell = (v: string | string[]) => (Array.isArray(v) ? v.join('; ') : v);
const WIDTHS = COLUMNS.map((c) =>
  ['purpose', 'monitoringMethod', 'intendedUse', 'foreseeableMisuse'].includes(c.field) ? 40 : 22,
);
const helpSheet = {
  name: 'Help',
  rows: [['Column', 'What to enter'], ...COLUMNS.map((c) => [c.header, c.help])],
  widths: [22, 100],
};

const enumOf: Partial<Record<ImportField, EnumSpec>> = ENUM_FIELDS;

/**
 * The workbook is read by people: its kinds, stages and dependencies are
 * words ("Own model", "OpenAI (API)"), which an import reads back as well as
 * the values. CSV keeps the values.
 */
function inWords(s: ExportedSystem): SystemText {
  const text = { ...s.text };
  for (const [field, spec] of Object.entries(enumOf) as [ImportField, EnumSpec][]) {
    const v = text[field];
    text[field] = Array.isArray(v) ? v.map((x) => enumWords(x, spec)) : v && enumWords(v, spec);
  }
  text.suppliers = s.suppliers.map((x) => formatSupplierRef(x.name, enumWords(x.dependency, ENUMS.dependency)));
  return text;
}

/** The systems as sheet rows in template column order (no header). */
function sheetRows(systems: ExportedSystem[], words = false): string[][] {
  return systems.map((s) => {
    const text = words ? inWords(s) : s.text;
    return COLUMNS.map((c) => cell(text[c.field]));
  });
}

export async function importTemplate(format: 'csv' | 'xlsx'): Promise<ExportedFile> {
  const filename = `ai-system-inventory-template.${EXTENSIONS[format]}`;
  if (format === 'csv') return { body: writeCsv([TEMPLATE_HEADERS]), count: 0, contentType: CONTENT_TYPES.csv, filename };
  const body = await writeXlsx([{ name: 'AI systems', rows: [TEMPLATE_HEADERS], widths: WIDTHS }, helpSheet]);
  return { body, count: 0, contentType: CONTENT_TYPES.xlsx, filename };
}

const ABOUT_WIDTHS = [22, 80];

/**
 * Who and when, on a sheet after the systems (an import reads only the
 * first sheet, so an export still imports back). CSV has no place for it.
 */
function aboutSheet(organization: string, exportedAt: Date, count: number, locale: string | null) {
  return {
    name: 'About',
    rows: [
      ['Organization', organization],
      ['Record', 'AI system inventory (active systems)'],
      ['AI systems', count],
      ['Exported', dateFormat(locale).dateTime(exportedAt.toISOString())],
      ['Tool', `OpenAIMS ${VERSION}`],
    ],
    widths: ABOUT_WIDTHS,
  };
}

/**
 * The export of the organization's active systems as a stream. Reads the
 * organization first, so an unknown one is a 404 before anything is sent.
 * A failure while reading a later page destroys the stream (`onError` is
 * told first, to log it): the download breaks instead of ending short.
 */
export async function streamInventory(
  db: Executor,
  orgId: string,
  format: ImportFormat,
  onError?: (err: Error) => void,
): Promise<StreamedFile> {
  const org = await findOrgByIdOrSlug(db, orgId);
  if (!org) throw notFound('Organization');
  const profile = await getProfile(db, org.id);
  const organization = legalNameOf(org, profile);
  const now = new Date();
  const filename = `ai-systems-${org.slug}-${now.toISOString().slice(0, 10)}.${EXTENSIONS[format]}`;
  const id = org.id;
  let count = 0;
  async function* pages() {
    for await (const page of exportedSystemPages(db, id)) {
      count += page.length;
      yield page;
    }
  }
  let body: Readable;
  if (format === 'csv') {
    body = textStream(
      (async function* () {
        yield CSV_BOM + csvLines([TEMPLATE_HEADERS]);
        for await (const page of pages()) yield csvLines(sheetRows(page));
      })(),
    );
  } else if (format === 'xlsx') {
    body = pushStream(async (out) => {
      const { writeXlsxStream } = await import('../../exports/xlsx-stream.js');
      const sheets = function* () {
        yield {
          name: 'AI systems',
          header: TEMPLATE_HEADERS,
          widths: WIDTHS,
          pages: (async function* () {
            for await (const page of pages()) yield sheetRows(page, true);
          })(),
        };
        const [, ...help] = helpSheet.rows;
        yield { name: helpSheet.name, header: helpSheet.rows[0], widths: helpSheet.widths, pages: [help] };
        // Built after the systems were written: it counts them.
        const [first, ...about] = aboutSheet(organization, now, count, localeOfCountry(profile.country)).rows;
        yield { name: 'About', header: first, widths: ABOUT_WIDTHS, pages: [about] };
      };
      await writeXlsxStream(out, sheets(), { title: `${organization}: AI system inventory`, company: organization });
    }, onError);
  } else {
    const bom = buildBom({
      specVersion: '1.6',
      subject: { name: `${organization} AI system inventory`, 'bom-ref': `openaims:organization:${org.id}` },
      organization: { name: organization },
      timestamp: now.toISOString(),
      tool: { name: TOOL_NAME, version: VERSION },
      components: [],
    });
    // The BOM as JSON.stringify writes it (components are its last key), a page of components at a time.
    // Compact: indented, 10,000 systems would outgrow the import's 20 MiB body limit.
    const head = `${JSON.stringify(bom).slice(0, -'[]}'.length)}[`;
    body = textStream(
      (async function* () {
        yield head;
        let sep = '';
        for await (const page of pages()) {
          yield sep + page.map((s) => JSON.stringify(toComponent(s.id, s.text, s.supplierNames))).join(',');
          sep = ',';
        }
        yield ']}\n';
      })(),
    );
  }
  if (format !== 'xlsx' && onError) body.once('error', onError);
  return { body, contentType: CONTENT_TYPES[format], filename, count: () => count };
}

/** The whole export in memory: for the CLI and small inventories. */
export async function exportInventory(db: Executor, orgId: string, format: ImportFormat): Promise<ExportedFile> {
  const file = await streamInventory(db, orgId, format);
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return {
    body: format === 'xlsx' ? body : body.toString('utf8'),
    count: file.count(),
    contentType: file.contentType,
    filename: file.filename,
  };
}
