import type { Executor } from '../../platform/db/db.js';
import { countryName } from '../../platform/text.js';
import { legalNameOf, localeOfCountry, type Report, type Section } from '../../platform/report/index.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import type { ScopeContent } from './scope.schemas.js';
import { scope } from './scope.service.js';

// The scope statement as a document a certification body and a buyer read:
// the statement itself, then what it covers, what it leaves out and why, and
// the open checks accepted at approval. Built on the report kit, so it comes
// as PDF, DOCX, HTML or XLSX like every report.

const yesNo = (v: boolean | null) => (v === null ? 'Not decided' : v ? 'Included' : 'Excluded');

export function buildScopeReport(input: {
  organization: string;
  version: { version: number; status: string; statement: string; content: ScopeContent } & {
    approvedByName: string | null;
    approvedAt: string | null;
    acceptedExceptions: { code: string; field: string; message: string; reason: string }[];
  };
  sites: { id: string; name: string; address?: string | null; country?: string | null }[];
  generatedAt: string;
  /** the organization's locale for dates (localeOfCountry); ISO 8601 without one */
  locale?: string | null;
}): Report {
  const { version: v } = input;
  const c = v.content;
  const named = (items: { name: string; description: string }[], empty: string) => ({
    type: 'table' as const,
    columns: [
      { header: 'Name', width: 40 },
      { header: 'Description', width: 60 },
    ],
    rows: items.map((i) => [i.name, i.description]),
    empty,
  });
  const sites = input.sites.filter((s) => c.siteIds.includes(s.id));
  const sections: Section[] = [
    { heading: 'Scope statement', blocks: [{ type: 'paragraph', text: v.statement }] },
    { heading: 'AI systems', blocks: [{ ...named(c.aiSystems, 'No AI system is named.'), sheet: 'AI systems' }] },
    {
      heading: 'Products and services',
      blocks: [{ ...named(c.productsAndServices, 'No product or service is named.'), sheet: 'Products and services' }],
    },
    { heading: 'Departments and teams', blocks: [{ ...named(c.departments, 'No department is named.'), sheet: 'Departments' }] },
    {
      heading: 'Sites, countries and business units',
      blocks: [
        {
          type: 'table',
          sheet: 'Sites',
          columns: [
            { header: 'Site', width: 30 },
            { header: 'Address', width: 50 },
            { header: 'Country', width: 16 },
          ],
          rows: sites.map((s) => [s.name, s.address ?? '', s.country ? countryName(s.country) : '']),
          empty: 'No site is named.',
        },
        ...(c.countriesOrBusinessUnits.length ? [{ type: 'list' as const, items: c.countriesOrBusinessUnits }] : []),
      ],
    },
    {
      heading: 'Kinds of AI use',
      blocks: [
        {
          type: 'table',
          sheet: 'AI use',
          columns: [
            { header: 'Kind', width: 30 },
            { header: 'Decision', width: 15 },
            { header: 'Notes', width: 55 },
          ],
          rows: [
            ['Internal AI tools', yesNo(c.internalAiTools.included), c.internalAiTools.notes],
            ['Customer-facing AI features', yesNo(c.customerFacingAiFeatures.included), c.customerFacingAiFeatures.notes],
            [
              'Third-party AI systems',
              yesNo(c.thirdPartyAiSystems.included),
              [c.thirdPartyAiSystems.vendors.join(', '), c.thirdPartyAiSystems.notes].filter(Boolean).join('\n'),
            ],
          ],
        },
      ],
    },
    {
      heading: 'Outside the scope',
      blocks: [
        {
          type: 'table',
          sheet: 'Exclusions',
          columns: [
            { header: 'Excluded', width: 40 },
            { header: 'Justification', width: 60 },
          ],
          rows: c.exclusions.map((e) => [e.item, e.justification]),
          empty: 'Nothing is excluded.',
        },
      ],
    },
  ];
  if (v.acceptedExceptions.length)
    sections.push({
      heading: 'Open checks accepted at approval',
      blocks: [
        {
          type: 'table',
          sheet: 'Accepted checks',
          columns: [
            { header: 'Check', width: 50 },
            { header: 'Reason given', width: 50 },
          ],
          rows: v.acceptedExceptions.map((e) => [e.message, e.reason]),
        },
      ],
    });
  return {
    title: 'AIMS scope statement',
    metadata: {
      organization: input.organization,
      record: { name: v.status === 'draft' ? 'AIMS scope (draft)' : 'AIMS scope', version: v.version },
      approval: v.approvedAt ? { by: v.approvedByName ?? 'unknown', at: v.approvedAt } : null,
      generatedAt: input.generatedAt,
      locale: input.locale ?? null,
      details: [{ label: 'Standard', value: 'ISO/IEC 42001:2023, clause 4.3' }],
    },
    sections,
    filename: `aims-scope-v${v.version}`,
  };
}

export async function loadScopeReport(db: Executor, orgId: string, version: number, now = new Date()): Promise<Report> {
  const [org, profile, v] = await Promise.all([
    getOrganization(db, orgId),
    getProfile(db, orgId),
    scope.getVersion(db, { orgId }, version),
  ]);
  return buildScopeReport({
    organization: legalNameOf(org, profile),
    version: v,
    sites: profile.sites,
    generatedAt: now.toISOString(),
    locale: localeOfCountry(profile.country),
  });
}
