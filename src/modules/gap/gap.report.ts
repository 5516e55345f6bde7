import type { Executor } from '../../platform/db/db.js';
import {
  type Block,
  type Column,
  dateFormat,
  legalNameOf,
  localeOfCountry,
  type Report,
  type Section,
  type Table,
} from '../../platform/report/index.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import { compareIds } from './gap.rules.js';
import { getAssessment } from './use-cases/get-assessment.js';
import { listActions } from './use-cases/list-actions.js';

// The gap report (journey step 2's output): gaps by clause and by review
// area, then the prioritized action plan. It is a report-kit model; the kit
// renders it as PDF, DOCX, XLSX or HTML. Documents list the gaps; the
// workbook lists every answer, for people who work in spreadsheets.

type Assessment = Awaited<ReturnType<typeof getAssessment>>;
type Action = Awaited<ReturnType<typeof listActions>>[number];

const STATUS_LABEL: Record<string, string> = {
  'not-started': 'Not started',
  partial: 'Partially implemented',
  implemented: 'Implemented',
  'not-applicable': 'Not applicable',
};

const ACTION_STATUS: Record<Action['status'], string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done' };

const EFFORT: Record<Action['effort'], string> = { S: 'Small', M: 'Medium', L: 'Large' };

const KIND: Record<string, string> = { clause: 'Clause', 'annex-a': 'Annex A control' };

const LINK_KIND: Record<string, string> = { 'ai-system': 'AI system', supplier: 'supplier', scope: '' };

/** "Chatbot (AI system), Acme (supplier, archived), Scope version 2" */
function linkedRecords(links: Assessment['answers'][number]['links']): string {
  return links
    .map((l) => {
      const notes = [LINK_KIND[l.type], l.archived ? (l.type === 'scope' ? 'superseded' : 'archived') : ''].filter(Boolean);
      return notes.length ? `${l.label} (${notes.join(', ')})` : l.label;
    })
    .join(', ');
}

const answerStatus = (x: Assessment['answers'][number]) => (x.answered ? STATUS_LABEL[x.status] : 'Not answered');

const n = (header: string, width = 11): Column => ({ header, width, align: 'right' });

/** A roll-up table; review areas are named by their titles only (their ids are internal). */
function rollUp(sheet: string, rows: Assessment['byClause'], withId = true): Block {
  const table: Table = {
    type: 'table',
    sheet,
    columns: [
      { header: 'Id', width: 8 },
      { header: withId ? 'Title' : 'Review area', width: 44 },
      n('Score (%)', 9),
      n('Implemented', 12),
      n('Partial', 9),
      n('Not started'),
      n('Unanswered'),
      n('Not applicable', 12),
    ],
    rows: rows.map((r) => [
      r.key,
      r.title,
      r.score ?? 'n/a',
      r.counts.implemented,
      r.counts.partial,
      r.counts['not-started'],
      r.counts.unanswered,
      r.counts['not-applicable'],
    ]),
  };
  if (!withId) {
    table.columns = table.columns.slice(1);
    table.rows = table.rows.map((r) => r.slice(1));
  }
  return table;
}

export interface GapReportInput {
  /** the organization's legal name (legalNameOf) */
  organization: string;
  assessment: Assessment;
  actions: Action[];
  generatedAt: string;
  /** the organization's locale for dates (localeOfCountry); ISO 8601 without one */
  locale?: string | null;
}

export function buildGapReport({ organization, assessment: a, actions, generatedAt, locale = null }: GapReportInput): Report {
  const dates = dateFormat(locale);
  const gaps = a.answers
    .filter((x) => x.status === 'not-started' || x.status === 'partial')
    .sort((x, y) => compareIds(x.requirementId, y.requirementId));
  const sections: Section[] = [
    {
      heading: 'Summary',
      blocks: [
        {
          type: 'paragraph',
          text: `${a.overall.score === null ? 'n/a' : `${a.overall.score}%`} of applicable requirements in place; ${a.answered} of ${a.total} answered; ${gaps.length} gaps; ${actions.length} actions.`,
        },
        {
          type: 'chart',
          caption: 'Score by review area',
          labels: a.byReviewArea.map((r) => r.title),
          values: a.byReviewArea.map((r) => r.score),
          max: 100,
          unit: '%',
          only: 'document',
        },
      ],
    },
    { heading: 'Gaps by clause and control objective', blocks: [rollUp('By clause', a.byClause)] },
    { heading: 'Gaps by review area', blocks: [rollUp('By review area', a.byReviewArea, false)] },
    {
      heading: 'Gaps',
      blocks: [
        {
          type: 'table',
          only: 'document',
          columns: [
            { header: 'Id', width: 7 },
            { header: 'Requirement', width: 34 },
            { header: 'Status', width: 16 },
            n('Maturity', 9),
            { header: 'Notes', width: 40 },
          ],
          rows: gaps.map((g) => [
            g.requirementId,
            g.title,
            answerStatus(g),
            g.maturity,
            [g.notes, g.links.length ? `Linked records: ${linkedRecords(g.links)}` : ''].filter(Boolean).join('\n'),
          ]),
          empty: 'No gaps: every applicable requirement is implemented.',
        },
      ],
    },
    {
      heading: 'Answers',
      blocks: [
        {
          type: 'table',
          only: 'spreadsheet',
          sheet: 'Answers',
          columns: [
            { header: 'Id', width: 8 },
            { header: 'Requirement', width: 44 },
            { header: 'Kind', width: 10 },
            { header: 'Status', width: 22 },
            n('Maturity', 9),
            { header: 'Owner', width: 20 },
            { header: 'Notes', width: 50 },
            { header: 'Justification', width: 40 },
            { header: 'Linked records', width: 40 },
          ],
          rows: a.answers.map((x) => [
            x.requirementId,
            x.title,
            KIND[x.kind] ?? x.kind,
            answerStatus(x),
            x.maturity,
            x.owner?.name ?? '',
            x.notes,
            x.justification,
            linkedRecords(x.links),
          ]),
        },
      ],
    },
    {
      heading: 'Action plan',
      blocks: [
        {
          type: 'table',
          sheet: 'Action plan',
          columns: [
            { header: 'Priority', width: 8 },
            { header: 'Action', width: 44 },
            { header: 'Requirement', width: 11 },
            { header: 'Owner', width: 18 },
            { header: 'Due date', width: 11 },
            { header: 'Effort', width: 7 },
            { header: 'Status', width: 11 },
          ],
          rows: actions.map((x) => [
            `P${x.priority}`,
            x.title,
            x.requirementId,
            x.owner?.name ?? '',
            dates.date(x.dueDate),
            EFFORT[x.effort] ?? x.effort,
            ACTION_STATUS[x.status] ?? x.status,
          ]),
          empty: 'No action plan generated yet.',
        },
      ],
    },
  ];
  return {
    title: 'ISO/IEC 42001 gap report',
    filename: `gap-report-${a.assessmentDate}`,
    metadata: {
      organization,
      record: { name: a.title },
      // A gap assessment has no versions and no approval; it is completed or in progress.
      details: [
        { label: 'Assessment date', value: dates.date(a.assessmentDate) },
        { label: 'Assessor', value: a.assessor },
        { label: 'Status', value: a.status === 'completed' ? 'Completed' : 'In progress' },
        { label: 'Catalogue', value: `ISO/IEC 42001 catalogue ${a.catalogueVersion}` },
      ],
      generatedAt,
      locale,
    },
    sections,
  };
}

/** Loads the assessment, its action plan and the organization's legal name, and builds the report. */
export async function loadGapReport(db: Executor, orgId: string, assessmentId: string, now = new Date()): Promise<Report> {
  const [org, profile, assessment, actions] = await Promise.all([
    getOrganization(db, orgId),
    getProfile(db, orgId),
    getAssessment({ db, orgId, assessmentId }),
    listActions({ db, orgId, assessmentId }),
  ]);
  return buildGapReport({
    organization: legalNameOf(org, profile),
    assessment,
    actions,
    generatedAt: now.toISOString(),
    locale: localeOfCountry(profile.country),
  });
}
