// The report kit's one model. A module builds a Report (what to say); the
// renderers (html, pdf, xlsx, docx) decide how it looks in each format, so
// no module writes HTML, workbooks or documents itself.

import { dateFormat } from './dates.js';

/** A table cell or chart value: text, a number, or nothing. */
export type Cell = string | number | null;

export interface Column {
  header: string;
  /** width in characters (XLSX column width; a proportion in HTML and DOCX) */
  width?: number;
  /** numbers align right by default, text left */
  align?: 'left' | 'right';
}

/**
 * Where a block appears. Documents (HTML, PDF, DOCX) are read on paper;
 * spreadsheets (XLSX) are worked in. A long table of every record may belong
 * only in the spreadsheet, a chart of it only in the document.
 */
export type Audience = 'document' | 'spreadsheet';

export interface Paragraph {
  type: 'paragraph';
  text: string;
  only?: Audience;
}

export interface BulletList {
  type: 'list';
  items: string[];
  only?: Audience;
}

export interface Table {
  type: 'table';
  /** XLSX sheet name (each table gets its own sheet); defaults to the section heading */
  sheet?: string;
  /** a caption above the table in documents */
  caption?: string;
  columns: Column[];
  /** a cell's text may hold line breaks */
  rows: Cell[][];
  /** shown instead of an empty table in documents */
  empty?: string;
  only?: Audience;
}

/** A horizontal bar chart: an inline SVG in HTML and PDF, a table in XLSX and DOCX. */
export interface BarChart {
  type: 'chart';
  sheet?: string;
  caption?: string;
  /** header of the label column where the chart is a table */
  labelHeader?: string;
  /** header of the value column where the chart is a table */
  valueHeader?: string;
  labels: string[];
  /** null: no value (drawn as "n/a") */
  values: (number | null)[];
  /** the full length of a bar; the largest value when not given */
  max?: number;
  /** appended to values as shown, e.g. "%" */
  unit?: string;
  only?: Audience;
}

export type Block = Paragraph | BulletList | Table | BarChart;

export interface Section {
  heading: string;
  blocks: Block[];
}

export interface ReportMetadata {
  /** the organization as legalNameOf names it: "Legal name (Display name)" */
  organization: string;
  /** the record the report is about, e.g. an assessment's title, and its version when it has versions */
  record: { name: string; version?: string | number | null };
  /** who approved the record and when (ISO date or timestamp), when it has an approval */
  approval?: { by: string; at: string } | null;
  /** when the report was generated (ISO timestamp) */
  generatedAt: string;
  /** further facts for the metadata block, in order, e.g. "Assessor" */
  details?: { label: string; value: string }[];
  /**
   * The organization's locale for dates (localeOfCountry of its profile's
   * country): the approval and generation dates show in it. Without one, ISO 8601.
   * Dates inside sections are the module's to format (dateFormat(locale)).
   */
  locale?: string | null;
}

export interface Report {
  title: string;
  metadata: ReportMetadata;
  sections: Section[];
  /** the download's file name without extension, e.g. "gap-report-2026-01-15" */
  filename: string;
}

/**
 * The organization as every report and export names it: the legal name from
 * its profile, with the name it goes by in brackets when that differs
 * ("Acme Analytics GmbH (Acme)"); its name alone when no legal name is set.
 */
export function legalNameOf(org: { name: string }, profile?: { legalName?: string | null } | null): string {
  const legal = profile?.legalName?.trim();
  const display = org.name.trim();
  if (!legal) return display;
  return display && display.toLowerCase() !== legal.toLowerCase() ? `${legal} (${display})` : legal;
}

/**
 * A timestamp with its time in UTC, a plain date as a day, in the locale's
 * format: "2026-01-15 09:30 UTC" without a locale, "15.01.2026, 09:30 UTC" in de-DE.
 */
export function formatStamp(value: string, locale: string | null = null): string {
  return dateFormat(locale).dateTime(value);
}

/** The metadata as label/value pairs, in the order every renderer shows them. */
export function metadataRows(m: ReportMetadata): [string, string][] {
  const rows: [string, string][] = [
    ['Organization', m.organization],
    ['Record', m.record.name],
  ];
  if (m.record.version !== undefined && m.record.version !== null && m.record.version !== '')
    rows.push(['Version', String(m.record.version)]);
  if (m.approval) rows.push(['Approved', `${formatStamp(m.approval.at, m.locale)} by ${m.approval.by}`]);
  for (const d of m.details ?? []) rows.push([d.label, d.value]);
  rows.push(['Generated', formatStamp(m.generatedAt, m.locale)]);
  return rows;
}

export function shownIn(block: Block, audience: Audience): boolean {
  return !block.only || block.only === audience;
}

/** A chart value as text: "42%", or "n/a" for none. */
export function chartValue(chart: BarChart, v: number | null): string {
  return v === null ? 'n/a' : `${v}${chart.unit ?? ''}`;
}

export function cellText(v: Cell): string {
  return v === null ? '' : String(v);
}
