import type { Executor } from '../../platform/db/db.js';
import { legalNameOf, localeOfCountry, type Report, type Section } from '../../platform/report/index.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import { riskLabel } from './soa.rules.js';
import { type SoaCheck, type SoaRow, STATUS_WORDS } from './soa.schemas.js';
import { currentSoa, soa } from './soa.service.js';

// The Statement of Applicability as the document a certification body asks
// for first: one line per control with the decision, its justification, how
// far it is implemented and how, the owner and the risks it treats; built on
// the report kit, so XLSX, PDF, HTML and DOCX come alike, each carrying the
// version, its approval date and approver.

export interface SoaReportInput {
  organization: string;
  version: number | null;
  status: 'not-started' | 'draft' | 'approved' | 'superseded';
  approvedAt: string | null;
  approverName: string | null;
  rows: SoaRow[];
  checks: SoaCheck[];
  acceptedExceptions: { message: string; reason: string }[];
  evidenceNote: string;
  generatedAt: string;
  /** the organization's locale for dates (localeOfCountry); ISO 8601 without one */
  locale?: string | null;
}

/**
 * The risks a row lists (at most 20, as GET /soa answers them), one per line
 * with its title, then how many more: the full list is the risk register
 * filtered by the control.
 */
function linkedRisksCell(r: SoaRow): string {
  const lines = r.linkedRisks.map((k) => `${riskLabel(k)} ${k.title}`);
  const more = r.linkedRiskCount - r.linkedRisks.length;
  if (more > 0) lines.push(`… and ${more} more`);
  return lines.join('\n');
}

const STATE_WORDS = { 'not-started': 'not started', draft: 'draft', approved: 'approved', superseded: 'superseded' } as const;

export function buildSoaReport(input: SoaReportInput): Report {
  const { rows } = input;
  const included = rows.filter((r) => r.applicable);
  const table = (list: SoaRow[], sheet: string, empty: string) => ({
    type: 'table' as const,
    sheet,
    columns: [
      { header: 'Control', width: 10 },
      { header: 'Title', width: 32 },
      { header: 'Applicable', width: 11 },
      { header: 'Justification', width: 45 },
      { header: 'Implementation status', width: 20 },
      { header: 'How it is implemented', width: 45 },
      { header: 'Owner', width: 22 },
      { header: 'Evidence', width: 14 },
      { header: 'Linked risks', width: 22 },
    ],
    rows: list.map((r) => [
      r.controlId,
      r.title,
      r.applicable ? 'Yes' : 'No',
      r.justification,
      STATUS_WORDS[r.implementationStatus],
      r.implementation,
      r.owner?.name ?? '',
      r.evidenceCount ? `${r.evidenceCount} (${r.validEvidenceCount} valid)` : 'none',
      linkedRisksCell(r),
    ]),
    empty,
  });
  const count = (s: SoaRow['implementationStatus']) => included.filter((r) => r.implementationStatus === s).length;
  const sections: Section[] = [
    {
      heading: 'Summary',
      blocks: [
        {
          type: 'paragraph',
          text: `${rows.length} controls: ${included.length} applicable, ${rows.length - included.length} excluded. ${input.evidenceNote}`,
        },
        {
          type: 'chart',
          caption: 'Applicable controls by implementation status',
          labelHeader: 'Implementation status',
          valueHeader: 'Controls',
          labels: Object.values(STATUS_WORDS),
          values: (Object.keys(STATUS_WORDS) as SoaRow['implementationStatus'][]).map(count),
          sheet: 'By status',
        },
      ],
    },
    {
      heading: 'Annex A controls',
      blocks: [
        table(
          rows.filter((r) => r.kind === 'annex-a'),
          'Annex A',
          'No Annex A control.',
        ),
      ],
    },
    {
      heading: 'Own controls',
      blocks: [
        table(
          rows.filter((r) => r.kind === 'own'),
          'Own controls',
          'The organization has added no controls of its own.',
        ),
      ],
    },
  ];
  const open = input.checks.filter((c) => c.severity === 'warning');
  if (input.status !== 'approved' && input.status !== 'superseded' && open.length)
    sections.push({ heading: 'Open checks', blocks: [{ type: 'list', items: open.map((c) => c.message) }] });
  if (input.acceptedExceptions.length)
    sections.push({
      heading: 'Open checks accepted at approval',
      blocks: [
        {
          type: 'table',
          sheet: 'Accepted checks',
          columns: [
            { header: 'Check', width: 60 },
            { header: 'Reason given', width: 60 },
          ],
          rows: input.acceptedExceptions.map((e) => [e.message, e.reason]),
        },
      ],
    });
  const state = STATE_WORDS[input.status];
  return {
    title: 'Statement of Applicability',
    metadata: {
      organization: input.organization,
      record: {
        name: input.status === 'approved' ? 'Statement of Applicability' : `Statement of Applicability (${state})`,
        version: input.version,
      },
      approval: input.approvedAt ? { by: input.approverName ?? 'unknown', at: input.approvedAt } : null,
      generatedAt: input.generatedAt,
      locale: input.locale ?? null,
      details: [
        { label: 'Standard', value: 'ISO/IEC 42001:2023, clause 6.1.3 and Annex A' },
        { label: 'State', value: state },
      ],
    },
    sections,
    filename: input.version ? `statement-of-applicability-v${input.version}` : 'statement-of-applicability',
  };
}

/** The report of the current SoA (version null) or of one version. */
export async function loadSoaReport(db: Executor, orgId: string, version: number | null, now = new Date()): Promise<Report> {
  const [org, profile] = await Promise.all([getOrganization(db, orgId), getProfile(db, orgId)]);
  const base = {
    organization: legalNameOf(org, profile),
    generatedAt: now.toISOString(),
    locale: localeOfCountry(profile.country),
  };
  if (version === null) {
    const c = await currentSoa(db, orgId);
    let accepted: { message: string; reason: string }[] = [];
    if (c.status === 'approved' && c.version) accepted = (await soa.getVersion(db, { orgId }, c.version)).acceptedExceptions;
    return buildSoaReport({
      ...base,
      version: c.version,
      status: c.status,
      approvedAt: c.approvedAt,
      approverName: c.approver?.name ?? null,
      rows: c.rows,
      checks: c.checks,
      acceptedExceptions: accepted,
      evidenceNote: c.evidenceNote,
    });
  }
  const v = await soa.getVersion(db, { orgId }, version);
  return buildSoaReport({
    ...base,
    version: v.version,
    status: v.status,
    approvedAt: v.approvedAt,
    approverName: v.approvedByName,
    rows: v.rows,
    checks: v.checks,
    acceptedExceptions: v.acceptedExceptions,
    evidenceNote: v.evidenceNote,
  });
}
