import { writeCsv } from '../../exports/csv.js';
import { buildBom } from '../../exports/cyclonedx.js';
import { writeXlsx } from '../../exports/xlsx.js';
import type { Executor } from '../../platform/db/db.js';
import { notFound } from '../../platform/http/errors.js';
import { VERSION } from '../../version.js';
import { dateFormat, legalNameOf, localeOfCountry } from '../../platform/report/index.js';
import { findOrgByIdOrSlug, getProfile, listMembers } from '../organizations/index.js';
import {
  COLUMNS,
  ENUM_FIELDS,
  ENUMS,
  type EnumSpec,
  enumWords,
  formatInScope,
  formatSupplierRef,
  type ImportField,
  TEMPLATE_HEADERS,
} from './inventory.columns.js';
import { type SystemText, TOOL_NAME, toComponent } from './inventory.cyclonedx.js';
import { rowToInput } from './inventory.mapping.js';
import { supplierLinks } from './inventory.repository.js';
import type { PersonRef as Owner } from '../../platform/refs/index.js';
import type { AiSystemInput } from './inventory.schemas.js';
import type { ImportFormat } from './inventory.transfer.schemas.js';

// Inventory export as CSV, XLSX (template column order, so an export is a
// valid import) and CycloneDX 1.6. Active systems only: archived and merged
// ones stay readable in the app with their history.

export interface ExportedFile {
  body: string | Buffer;
  /** AI systems in the file */
  count: number;
  contentType: string;
  filename: string;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  cyclonedx: 'application/vnd.cyclonedx+json',
} as const;
const EXTENSIONS = { csv: 'csv', xlsx: 'xlsx', cyclonedx: 'cdx.json' } as const;

interface ExportedSystem {
  id: string;
  text: SystemText;
  supplierNames: string[];
  /** supplier name and dependency, for the workbook's words */
  suppliers: { name: string; dependency: string }[];
}

/** Member owners by email, so the file imports back to the same member; others by name. */
function ownerText(o: Owner | null, emails: Map<string, string>): string {
  if (!o) return '';
  return (o.userId && emails.get(o.userId)) || o.name;
}

function systemText(
  i: AiSystemInput,
  suppliers: { name: string; dependency: string }[],
  emails: Map<string, string>,
): SystemText {
  return {
    ...i,
    externalId: i.externalId ?? '',
    kind: i.kind ?? '',
    businessOwner: ownerText(i.businessOwner, emails),
    technicalOwner: ownerText(i.technicalOwner, emails),
    dataSensitivity: i.dataSensitivity ?? '',
    suppliers: suppliers.map((s) => formatSupplierRef(s.name, s.dependency)),
    riskLevel: i.riskLevel ?? '',
    aiRole: i.aiRole ?? '',
    lifecycleStage: i.lifecycleStage ?? '',
    inScope: formatInScope(i.inScope),
    deploymentDate: i.deploymentDate ?? '',
    lastReviewDate: i.lastReviewDate ?? '',
  };
}

export async function loadExportedSystems(db: Executor, orgId: string): Promise<ExportedSystem[]> {
  const rows = await db
    .selectFrom('ai_systems')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .orderBy('name_key')
    .orderBy('id')
    .execute();
  const [links, members] = await Promise.all([
    supplierLinks(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    listMembers(db, orgId),
  ]);
  const emails = new Map(members.map((m) => [m.userId, m.email]));
  return rows.map((r) => {
    const suppliers = links.get(r.id) ?? [];
    return {
      id: r.id,
      text: systemText(rowToInput(r, suppliers), suppliers, emails),
      supplierNames: suppliers.map((s) => s.name),
      suppliers,
    };
  });
}

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

export function sheetRows(systems: ExportedSystem[], words = false): string[][] {
  return [
    TEMPLATE_HEADERS,
    ...systems.map((s) => {
      const text = words ? inWords(s) : s.text;
      return COLUMNS.map((c) => cell(text[c.field]));
    }),
  ];
}

export async function importTemplate(format: 'csv' | 'xlsx'): Promise<ExportedFile> {
  const filename = `ai-system-inventory-template.${EXTENSIONS[format]}`;
  if (format === 'csv') return { body: writeCsv([TEMPLATE_HEADERS]), count: 0, contentType: CONTENT_TYPES.csv, filename };
  const body = await writeXlsx([{ name: 'AI systems', rows: [TEMPLATE_HEADERS], widths: WIDTHS }, helpSheet]);
  return { body, count: 0, contentType: CONTENT_TYPES.xlsx, filename };
}

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
    widths: [22, 80],
  };
}

export async function exportInventory(db: Executor, orgId: string, format: ImportFormat): Promise<ExportedFile> {
  const org = await findOrgByIdOrSlug(db, orgId);
  if (!org) throw notFound('Organization');
  const [systems, profile] = await Promise.all([loadExportedSystems(db, org.id), getProfile(db, org.id)]);
  const organization = legalNameOf(org, profile);
  const now = new Date();
  const filename = `ai-systems-${org.slug}-${now.toISOString().slice(0, 10)}.${EXTENSIONS[format]}`;
  let body: string | Buffer;
  if (format === 'csv') body = writeCsv(sheetRows(systems));
  else if (format === 'xlsx')
    body = await writeXlsx(
      [
        { name: 'AI systems', rows: sheetRows(systems, true), widths: WIDTHS },
        helpSheet,
        aboutSheet(organization, now, systems.length, localeOfCountry(profile.country)),
      ],
      { title: `${organization}: AI system inventory`, company: organization },
    );
  else {
    const bom = buildBom({
      specVersion: '1.6',
      subject: { name: `${organization} AI system inventory`, 'bom-ref': `openaims:organization:${org.id}` },
      organization: { name: organization },
      timestamp: now.toISOString(),
      tool: { name: TOOL_NAME, version: VERSION },
      components: systems.map((s) => toComponent(s.id, s.text, s.supplierNames)),
    });
    // Compact: indented, 10,000 systems would outgrow the import's 20 MiB body limit.
    body = `${JSON.stringify(bom)}\n`;
  }
  return { body, count: systems.length, contentType: CONTENT_TYPES[format], filename };
}
