import type { Executor } from '../../platform/db/db.js';
import { dateFormat, legalNameOf, localeOfCountry, type Report } from '../../platform/report/index.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import { RESULT_LABELS, STATUS_LABELS } from './internal-audits.rules.js';
import type { AuditItem, InternalAudit } from './internal-audits.schemas.js';

// The internal audit report (clause 9.2): what was audited against what,
// when and by whom, why the auditors were independent, every checklist item
// with the facts seen, the evidence reviewed, the result and the notes, the
// nonconformities raised, and the conclusions. On the report kit, so PDF,
// DOCX, HTML and XLSX come alike. Results and statuses in words.

const orNone = (s: string | null | undefined, none = 'Not recorded.') => (s?.trim() ? s : none);

export function buildAuditReport(input: {
  organization: string;
  audit: InternalAudit;
  items: AuditItem[];
  generatedAt: string;
  locale?: string | null;
}): Report {
  const a = input.audit;
  const f = dateFormat(input.locale ?? null);
  const lead = a.auditors.find((x) => x.lead);
  const range = (from: string | null, to: string | null) =>
    from || to ? `${f.date(from) || 'not set'} to ${f.date(to) || 'not set'}` : 'Not set';
  const raised = input.items.filter((i) => i.nonconformity);
  const count = (r: string) => input.items.filter((i) => i.result === r).length;
  return {
    title: `Internal audit report ${a.number}`,
    metadata: {
      organization: input.organization,
      record: { name: `${a.number} ${a.title}` },
      generatedAt: input.generatedAt,
      locale: input.locale ?? null,
      details: [
        { label: 'Status', value: STATUS_LABELS[a.status] },
        { label: 'Lead auditor', value: lead?.name ?? 'Not named' },
        { label: 'Standard', value: 'ISO/IEC 42001:2023, clause 9.2' },
      ],
    },
    sections: [
      {
        heading: 'Audit',
        blocks: [
          {
            type: 'table',
            sheet: 'Audit',
            columns: [
              { header: 'Field', width: 26 },
              { header: 'Value', width: 80 },
            ],
            rows: [
              ['Scope', orNone(a.scope, 'As listed under requirements audited.')],
              ['Criteria', a.criteria],
              ['Planned', range(a.plannedStart, a.plannedEnd)],
              ['Carried out', range(a.actualStart, a.actualEnd)],
              [
                'Auditors',
                a.auditors
                  .map((x) => `${x.name}${x.lead ? ' (lead)' : ''}${x.userId ? '' : ' (outside the organization)'}`)
                  .join('\n') || 'None named',
              ],
              ['Records under audit', a.areas.map((x) => x.label).join('\n') || 'None named'],
              [
                'Requirements audited',
                a.requirements.map((r) => `${r.id} ${r.title}`).join('\n') || 'The standing checklist only',
              ],
              ['Reported', a.reportedAt ? f.dateTime(a.reportedAt) : 'Not reported yet'],
            ],
          },
          {
            type: 'paragraph',
            text: 'Independence: no auditor owns, holds or deputises for any record under audit. OpenAIMS checked this for every member auditor against the owners of the AI systems, documents, controls and governance roles in the audit before it was saved.',
          },
        ],
      },
      {
        heading: 'Results',
        blocks: [
          {
            type: 'chart',
            caption: 'Checklist results',
            labelHeader: 'Result',
            valueHeader: 'Items',
            labels: [...Object.values(RESULT_LABELS), 'No result'],
            values: [
              count('conforming'),
              count('nonconformity'),
              count('observation'),
              count('opportunity'),
              input.items.filter((i) => !i.result).length,
            ],
          },
          {
            type: 'table',
            sheet: 'Checklist',
            columns: [
              { header: 'No.', width: 6 },
              { header: 'Item', width: 34 },
              { header: 'Result', width: 16 },
              { header: 'Facts seen', width: 44 },
              { header: 'Evidence reviewed', width: 30 },
              { header: 'Notes', width: 44 },
            ],
            rows: input.items.map((i) => [
              String(i.position),
              i.title,
              `${i.result ? RESULT_LABELS[i.result] : 'No result'}${i.nonconformity ? `\n${i.nonconformity.number}` : ''}`,
              i.facts.join('\n'),
              i.evidence.map((e) => e.label).join('\n') || 'None linked',
              i.notes,
            ]),
            empty: 'The checklist is generated when the audit starts.',
          },
        ],
      },
      {
        heading: 'Nonconformities raised',
        blocks: [
          {
            type: 'table',
            sheet: 'Nonconformities',
            columns: [
              { header: 'Nonconformity', width: 18 },
              { header: 'Item', width: 50 },
              { header: 'Notes', width: 50 },
            ],
            rows: raised.map((i) => [i.nonconformity?.number ?? '', `${i.position}. ${i.title}`, i.notes]),
            empty: 'No nonconformity was raised.',
          },
        ],
      },
      { heading: 'Conclusions', blocks: [{ type: 'paragraph', text: orNone(a.conclusions, 'No conclusions written yet.') }] },
    ],
    filename: `internal-audit-${a.number.toLowerCase()}`,
  };
}

/** The organization as reports name it, and its locale for dates. */
export async function reportOrg(db: Executor, orgId: string) {
  const [org, profile] = await Promise.all([getOrganization(db, orgId), getProfile(db, orgId)]);
  return { organization: legalNameOf(org, profile), locale: localeOfCountry(profile.country) };
}
