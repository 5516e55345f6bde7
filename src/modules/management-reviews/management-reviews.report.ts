import { type Block, dateFormat, type Report, type Section } from '../../platform/report/index.js';
import { ACTION_STATUS_LABELS, DECISION_KIND_LABELS, STATUS_LABELS } from './management-reviews.rules.js';
import type { ManagementReview } from './management-reviews.schemas.js';

// The minutes of a management review as the report kit's model: the meeting,
// who attended (top management marked), the inputs as they were frozen, the
// minutes, decisions, actions and approval. PDF, DOCX and HTML alike.

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const inline = (s: string) =>
  s
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .trim();

/** The minutes' Markdown as paragraphs and lists: headings and emphasis become plain words. */
export function markdownBlocks(md: string): Block[] {
  const blocks: Block[] = [];
  for (const para of md.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = para.split('\n').filter((l) => l.trim());
    if (lines.length === 0) continue;
    if (lines.every((l) => LIST_ITEM.test(l)))
      blocks.push({ type: 'list', items: lines.map((l) => inline(l.replace(LIST_ITEM, ''))) });
    else blocks.push({ type: 'paragraph', text: lines.map(inline).join('\n') });
  }
  return blocks;
}

export function buildMinutesReport(input: {
  organization: string;
  review: ManagementReview;
  generatedAt: string;
  locale?: string | null;
}): Report {
  const r = input.review;
  const f = dateFormat(input.locale ?? null);
  const inputs: Section[] = r.inputs
    ? r.inputs.sections.map((s) => ({
        heading: `Input: ${s.heading}`,
        blocks: [
          ...(s.facts.length ? [{ type: 'list' as const, items: s.facts }] : []),
          ...(s.numbers.length
            ? [
                {
                  type: 'table' as const,
                  sheet: s.heading.slice(0, 31),
                  columns: [
                    { header: 'Measure', width: 50 },
                    { header: 'Number', width: 12, align: 'right' as const },
                  ],
                  rows: s.numbers.map((n) => [n.label, n.value]),
                },
              ]
            : []),
        ],
      }))
    : [{ heading: 'Inputs', blocks: [{ type: 'paragraph', text: 'The inputs were not prepared for this review.' }] }];
  return {
    title: `Management review ${r.number}: minutes`,
    metadata: {
      organization: input.organization,
      record: { name: `${r.number} ${r.title}` },
      approval: r.approval ? { by: r.approval.by.name, at: r.approval.at } : null,
      generatedAt: input.generatedAt,
      locale: input.locale ?? null,
      details: [
        { label: 'Meeting date', value: r.meetingDate },
        { label: 'Status', value: STATUS_LABELS[r.status] },
        { label: 'Standard', value: 'ISO/IEC 42001:2023, clause 9.3' },
      ],
    },
    sections: [
      {
        heading: 'The meeting',
        blocks: [
          {
            type: 'table',
            sheet: 'Meeting',
            columns: [
              { header: 'Field', width: 26 },
              { header: 'Value', width: 80 },
            ],
            rows: [
              ['Date', r.meetingDate],
              ['Chair', r.chair?.name ?? 'No chair recorded'],
              ['Status', STATUS_LABELS[r.status]],
              ['Inputs prepared', r.inputs ? `${f.dateTime(r.inputs.preparedAt)} by ${r.inputs.preparedBy}` : 'Not prepared'],
              ['Approved', r.approval ? `${f.dateTime(r.approval.at)} by ${r.approval.by.name}` : 'Not approved'],
            ],
          },
          {
            type: 'table',
            sheet: 'Attendees',
            caption: 'Attendees',
            columns: [
              { header: 'Name', width: 40 },
              { header: 'Top management', width: 20 },
            ],
            rows: r.attendees.map((a) => [a.name, a.topManagement ? 'Yes (top management)' : 'No']),
            empty: 'No attendees are recorded.',
          },
          ...r.flags.map((fl) => ({ type: 'paragraph' as const, text: `Warning: ${fl.message}` })),
        ],
      },
      ...inputs,
      {
        heading: 'Minutes',
        blocks: r.minutes.trim() ? markdownBlocks(r.minutes) : [{ type: 'paragraph', text: 'No minutes are recorded.' }],
      },
      {
        heading: 'Decisions',
        blocks: [
          {
            type: 'table',
            sheet: 'Decisions',
            columns: [
              { header: 'Kind', width: 26 },
              { header: 'Decision', width: 80 },
            ],
            rows: r.decisions.map((d) => [DECISION_KIND_LABELS[d.kind], d.text]),
            empty: 'No decisions are recorded.',
          },
        ],
      },
      {
        heading: 'Actions',
        blocks: [
          {
            type: 'table',
            sheet: 'Actions',
            columns: [
              { header: 'Action', width: 42 },
              { header: 'Owner', width: 20 },
              { header: 'Due', width: 18 },
              { header: 'Status', width: 18 },
            ],
            rows: r.actions.map((a) => [
              a.text,
              a.owner?.name ?? 'No owner',
              a.dueDate ?? 'No date',
              a.status === 'done'
                ? `Done ${a.doneOn ?? ''}`.trim()
                : a.overdue
                  ? 'Open, overdue'
                  : ACTION_STATUS_LABELS[a.status],
            ]),
            empty: 'No actions are recorded.',
          },
        ],
      },
      {
        heading: 'Approval',
        blocks: [
          {
            type: 'paragraph',
            text: r.approval
              ? `Approved by ${r.approval.by.name} (top management) on ${f.dateTime(r.approval.at)}.`
              : 'These minutes are not approved yet.',
          },
        ],
      },
    ],
    filename: `management-review-${r.number.toLowerCase()}-minutes`,
  };
}
