import type { Executor } from '../../platform/db/db.js';
import { legalNameOf, localeOfCountry, type Report, type Section } from '../../platform/report/index.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import type { RiskMethodContent } from './risk-method.rules.js';
import { riskMethod } from './risk-method.service.js';

// The risk method as the document a Stage 1 auditor asks for (6.1.2): the
// scales with what each point means, the matrix, the acceptance criteria and
// the AI risk sources, with the warnings accepted at approval. Built on the
// report kit, so it comes as PDF, DOCX, HTML or XLSX like every report.

const ROLE_NAMES: Record<string, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  contributor: 'Contributor',
  viewer: 'Viewer',
  auditor: 'Auditor',
};

export function buildRiskMethodReport(input: {
  organization: string;
  version: {
    version: number;
    status: string;
    content: RiskMethodContent;
    approvedByName: string | null;
    approvedAt: string | null;
    acceptedExceptions: { code: string; field: string; message: string; reason: string }[];
  };
  generatedAt: string;
  locale?: string | null;
}): Report {
  const { version: v } = input;
  const m = v.content;
  const levelName = (id: string) => m.levels.find((l) => l.id === id)?.name ?? id;
  const threshold = m.levels.findIndex((l) => l.id === m.acceptance.maxAcceptableLevel);
  const above = m.levels.slice(threshold + 1).map((l) => l.name);
  const sources = m.riskSources.filter((s) => s.inUse);
  const notUsed = m.riskSources.filter((s) => !s.inUse);
  // a summary that only repeats one of its dimensions' descriptors (as the default's do) is left out
  const summaries = m.impact.some((p) => p.descriptor.trim() && !Object.values(p.dimensions).includes(p.descriptor));
  const sections: Section[] = [
    {
      heading: 'Likelihood scale',
      blocks: [
        {
          type: 'table',
          sheet: 'Likelihood',
          columns: [
            { header: '#', width: 4, align: 'right' },
            { header: 'Label', width: 18 },
            { header: 'What it means for an AI system', width: 78 },
          ],
          rows: m.likelihood.map((p) => [p.value, p.label, p.descriptor]),
        },
      ],
    },
    {
      heading: 'Impact scale',
      blocks: [
        {
          type: 'table',
          sheet: 'Impact',
          columns: [
            { header: '#', width: 4, align: 'right' },
            { header: 'Label', width: 14 },
            ...(summaries ? [{ header: 'Summary', width: 20 }] : []),
            ...m.impactDimensions.map((d) => ({ header: `${d.name}${d.aboutPeople ? ' (people)' : ''}`, width: 20 })),
          ],
          rows: m.impact.map((p) => [
            p.value,
            p.label,
            ...(summaries ? [p.descriptor] : []),
            ...m.impactDimensions.map((d) => p.dimensions[d.id] ?? ''),
          ]),
        },
      ],
    },
    {
      heading: 'Risk matrix',
      blocks: [
        {
          type: 'paragraph',
          text: `Levels from lowest to highest: ${m.levels.map((l) => l.name).join(', ')}. Each risk's level is read from its likelihood (row) and impact (column), before treatment and after.`,
        },
        {
          type: 'table',
          sheet: 'Matrix',
          columns: [
            { header: 'Likelihood \\ impact', width: 22 },
            ...m.impact.map((p) => ({ header: `${p.value} ${p.label}`, width: 14 })),
          ],
          rows: [...m.likelihood]
            .reverse()
            .map((p) => [`${p.value} ${p.label}`, ...(m.matrix[p.value - 1] ?? []).map(levelName)]),
        },
      ],
    },
    {
      heading: 'Acceptance criteria',
      blocks: [
        {
          type: 'list',
          items: [
            `A risk owner may accept a risk up to the level ${levelName(m.acceptance.maxAcceptableLevel)}.`,
            above.length
              ? `A risk at ${above.join(' or ')} is treated, or accepted by: ${m.acceptance.acceptAboveBy.map((r) => ROLE_NAMES[r] ?? r).join(', ')}.`
              : 'Every level may be accepted by the risk owner.',
            `Each risk is reviewed at least every ${m.reviewIntervalMonths} ${m.reviewIntervalMonths === 1 ? 'month' : 'months'}.`,
          ],
        },
        ...(m.acceptance.notes ? [{ type: 'paragraph' as const, text: m.acceptance.notes }] : []),
      ],
    },
    {
      heading: 'AI risk sources',
      blocks: [
        sources.length
          ? { type: 'list', items: sources.map((s) => s.name) }
          : { type: 'paragraph', text: 'No AI risk source is in use.' },
        ...(notUsed.length
          ? [{ type: 'paragraph' as const, text: `Not in use: ${notUsed.map((s) => s.name).join(', ')}.` }]
          : []),
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
    title: 'AI risk assessment method',
    metadata: {
      organization: input.organization,
      record: { name: v.status === 'draft' ? 'AI risk method (draft)' : 'AI risk method', version: v.version },
      approval: v.approvedAt ? { by: v.approvedByName ?? 'unknown', at: v.approvedAt } : null,
      generatedAt: input.generatedAt,
      locale: input.locale ?? null,
      details: [{ label: 'Standard', value: 'ISO/IEC 42001:2023, clause 6.1.2' }],
    },
    sections,
    filename: `ai-risk-method-v${v.version}`,
  };
}

export async function loadRiskMethodReport(db: Executor, orgId: string, version: number, now = new Date()): Promise<Report> {
  const [org, profile, v] = await Promise.all([
    getOrganization(db, orgId),
    getProfile(db, orgId),
    riskMethod.getVersion(db, { orgId }, version),
  ]);
  return buildRiskMethodReport({
    organization: legalNameOf(org, profile),
    version: v,
    generatedAt: now.toISOString(),
    locale: localeOfCountry(profile.country),
  });
}
