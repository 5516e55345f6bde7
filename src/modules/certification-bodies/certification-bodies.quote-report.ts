import type { Report } from '../../platform/report/index.js';
import type { QuoteRequestPack } from './certification-bodies.quote-request.js';

// The quote request pack as the report kit's model: the same data as the
// JSON answer, in the order a certification body reads a request, with the
// estimate's caveat beside its numbers.

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const orNone = (s: string | null | undefined, none = 'Not recorded') => (s?.trim() ? s : none);

export function buildQuoteRequestReport(p: QuoteRequestPack, locale: string | null): Report {
  const o = p.organization;
  const e = p.estimate;
  return {
    title: 'ISO/IEC 42001 certification: quote request',
    metadata: {
      organization: o.name,
      record: { name: 'Quote request pack' },
      generatedAt: p.generatedAt,
      locale,
      details: [{ label: 'Standard', value: 'ISO/IEC 42001:2023' }],
    },
    sections: [
      {
        heading: 'The organization',
        blocks: [
          {
            type: 'table',
            sheet: 'Organization',
            columns: [
              { header: 'Fact', width: 34 },
              { header: 'Value', width: 70 },
            ],
            rows: [
              ['Country', orNone(o.country)],
              ['Sector', orNone(o.sector)],
              ['Target buyer markets', o.targetMarkets.length ? o.targetMarkets.join(', ') : 'Not recorded'],
              ['Employees', o.employeeCount === null ? 'Not recorded' : o.employeeCount],
              ['Sites', o.sites.length ? o.sites.map((s) => `${s.name} (${s.country})`).join('\n') : 'Not recorded'],
              ['AI roles', o.aiRoles.length ? o.aiRoles.join(', ') : 'Not recorded'],
              ['ISO/IEC 27001 held', yesNo(p.certificationsHeld.iso27001)],
              ['ISO 9001 held', yesNo(p.certificationsHeld.iso9001)],
              ['Desired Stage 2 audit', orNone(p.desiredStage2Month, 'Not set')],
              ['Certification body chosen', p.chosenBody ? p.chosenBody.name : 'None yet'],
            ],
          },
        ],
      },
      {
        heading: 'AI systems in scope',
        blocks: [
          {
            type: 'paragraph',
            text: p.aiSystems.scopeVersion
              ? `From the inventory and the approved scope (version ${p.aiSystems.scopeVersion}).`
              : 'From the inventory; no scope is approved yet.',
          },
          {
            type: 'table',
            sheet: 'AI systems',
            columns: [
              { header: 'AI system', width: 50 },
              { header: 'In inventory', width: 16 },
              { header: 'In approved scope', width: 18 },
            ],
            rows: p.aiSystems.items.map((s) => [s.name, yesNo(s.inInventory), yesNo(s.inApprovedScope)]),
            empty: 'No AI systems are marked in scope.',
          },
        ],
      },
      {
        heading: 'Documentation readiness',
        blocks: [
          {
            type: 'table',
            sheet: 'Documentation',
            columns: [
              { header: 'Measure', width: 50 },
              { header: 'Number', width: 12, align: 'right' },
            ],
            rows: [
              ['Core documents expected', p.documentation.coreSetTotal],
              ['Core documents held', p.documentation.coreSetHeld],
              ['Core documents in force', p.documentation.coreSetInForce],
              ['Core documents missing', p.documentation.coreSetMissing],
              ['Documents approved', p.documentation.documentsApproved],
              ['Document reviews overdue', p.documentation.reviewsOverdue],
            ],
          },
        ],
      },
      {
        heading: 'Audit days: planning estimate',
        blocks: [
          { type: 'paragraph', text: e.caveat },
          {
            type: 'table',
            sheet: 'Estimate',
            columns: [
              { header: 'Audit', width: 40 },
              { header: 'Days (about)', width: 14, align: 'right' },
            ],
            rows: [
              ['Stage 1', e.stage1Days],
              ['Stage 2', e.stage2Days],
              ['Initial audit in all', e.initialDays],
              ['Each yearly surveillance audit', e.surveillanceDays],
              ['Recertification audit', e.recertificationDays],
            ],
          },
          { type: 'list', items: e.basis },
          ...(e.assumptions.length ? [{ type: 'list' as const, items: e.assumptions.map((a) => `Assumed: ${a}`) }] : []),
        ],
      },
      {
        heading: 'Still to complete',
        blocks: p.missing.length
          ? [{ type: 'list', items: p.missing.map((m) => m.message) }]
          : [{ type: 'paragraph', text: 'Every fact a certification body asks for a quote is recorded.' }],
      },
    ],
    filename: `iso42001-quote-request-${p.generatedAt.slice(0, 10)}`,
  };
}
