import ExcelJS from 'exceljs';
import { neutralizeFormula } from '../../exports/cells.js';
import { escapeHtml as e } from '../../exports/pdf.js';
import { compareIds } from './gap.rules.js';
import type { getAssessment, listActions } from './gap.service.js';

// The gap report (journey step 2's output): gaps by clause and by review
// area, then the prioritized action plan. One model, two renderings: HTML
// for the PDF and a workbook for people who work in spreadsheets.

type Assessment = Awaited<ReturnType<typeof getAssessment>>;
type Action = Awaited<ReturnType<typeof listActions>>[number];

const STATUS_LABEL: Record<string, string> = {
  'not-started': 'Not started',
  partial: 'Partially implemented',
  implemented: 'Implemented',
  'not-applicable': 'Not applicable',
};

const pct = (s: number | null) => (s === null ? 'n/a' : `${s}%`);

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

export function reportHtml(orgName: string, a: Assessment, actions: Action[]): string {
  const gaps = a.answers
    .filter((x) => x.status === 'not-started' || x.status === 'partial')
    .sort((x, y) => compareIds(x.requirementId, y.requirementId));
  const rollRows = (rows: Assessment['byClause']) =>
    rows
      .map(
        (r) =>
          `<tr><td>${e(r.key)}</td><td>${e(r.title)}</td><td class="n">${pct(r.score)}</td><td class="n">${r.counts.implemented}</td><td class="n">${r.counts.partial}</td><td class="n">${r.counts['not-started'] + r.counts.unanswered}</td><td class="n">${r.counts['not-applicable']}</td></tr>`,
      )
      .join('');
  const head =
    '<tr><th>Id</th><th>Title</th><th>Score</th><th>Implemented</th><th>Partial</th><th>Not started</th><th>N/A</th></tr>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(`Gap report: ${a.title}`)}</title><style>
body{font:10.5pt/1.45 "DejaVu Sans",Arial,sans-serif;color:#1a1b1e}
h1{font-size:18pt;margin:0 0 4pt}h2{font-size:13pt;margin:18pt 0 6pt;border-bottom:1px solid #ccc;padding-bottom:3pt}
.meta{color:#555;margin-bottom:10pt}table{border-collapse:collapse;width:100%;margin:4pt 0}
th,td{border:1px solid #d0d4da;padding:3pt 5pt;text-align:left;vertical-align:top}th{background:#f1f3f5}
.n{text-align:right}.links{color:#555;font-size:9pt;margin-top:2pt}.big{font-size:22pt;font-weight:bold}tr{page-break-inside:avoid}
</style></head><body>
<h1>ISO/IEC 42001 gap report</h1>
<div class="meta">${e(orgName)} · ${e(a.title)} · assessed ${e(a.assessmentDate)} by ${e(a.assessor)} · catalogue ${e(a.catalogueVersion)}</div>
<h2>Summary</h2>
<p><span class="big">${pct(a.overall.score)}</span> of applicable requirements in place; ${a.answered} of ${a.total} answered; ${gaps.length} gaps; ${actions.length} actions.</p>
<h2>Gaps by clause and control objective</h2><table>${head}${rollRows(a.byClause)}</table>
<h2>Gaps by review area</h2><table>${head}${rollRows(a.byReviewArea)}</table>
<h2>Gaps</h2><table><tr><th>Id</th><th>Requirement</th><th>Status</th><th>Maturity</th><th>Notes</th></tr>${gaps
    .map(
      (g) =>
        `<tr><td>${e(g.requirementId)}</td><td>${e(g.title)}</td><td>${e(g.answered ? STATUS_LABEL[g.status] : 'Not answered')}</td><td class="n">${g.maturity ?? ''}</td><td>${e(g.notes)}${g.links.length ? `<div class="links">Linked records: ${e(linkedRecords(g.links))}</div>` : ''}</td></tr>`,
    )
    .join('')}</table>
<h2>Action plan</h2><table><tr><th>Priority</th><th>Action</th><th>Owner</th><th>Due</th><th>Effort</th><th>Status</th></tr>${actions
    .map(
      (x) =>
        `<tr><td class="n">P${x.priority}</td><td>${e(x.title)}</td><td>${e(x.owner?.name ?? '')}</td><td>${e(x.dueDate)}</td><td>${x.effort}</td><td>${e(x.status)}</td></tr>`,
    )
    .join('')}</table>
${actions.length ? '' : '<p>No action plan generated yet.</p>'}
</body></html>`;
}

export async function reportXlsx(orgName: string, a: Assessment, actions: Action[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OpenAIMS';
  wb.title = `Gap report: ${a.title}`;
  const t = (v: string) => neutralizeFormula(v);
  const summary = wb.addWorksheet('Summary');
  summary.addRows([
    ['Organization', t(orgName)],
    ['Assessment', t(a.title)],
    ['Date', a.assessmentDate],
    ['Assessor', t(a.assessor)],
    ['Catalogue version', a.catalogueVersion],
    ['Overall score (%)', a.overall.score ?? ''],
  ]);
  const roll = (name: string, rows: Assessment['byClause']) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(['Id', 'Title', 'Score (%)', 'Implemented', 'Partial', 'Not started', 'Unanswered', 'Not applicable']);
    for (const r of rows)
      ws.addRow([
        r.key,
        t(r.title),
        r.score ?? '',
        r.counts.implemented,
        r.counts.partial,
        r.counts['not-started'],
        r.counts.unanswered,
        r.counts['not-applicable'],
      ]);
  };
  roll('By clause', a.byClause);
  roll('By review area', a.byReviewArea);
  const answers = wb.addWorksheet('Answers');
  answers.addRow(['Id', 'Requirement', 'Kind', 'Status', 'Maturity', 'Owner', 'Notes', 'Justification', 'Linked records']);
  for (const x of a.answers) {
    answers.addRow([
      x.requirementId,
      t(x.title),
      x.kind,
      x.answered ? STATUS_LABEL[x.status] : 'Not answered',
      x.maturity ?? '',
      t(x.owner?.name ?? ''),
      t(x.notes),
      t(x.justification),
      t(linkedRecords(x.links)),
    ]);
  }
  const plan = wb.addWorksheet('Action plan');
  plan.addRow(['Priority', 'Requirement', 'Action', 'Owner', 'Due date', 'Effort', 'Status']);
  for (const x of actions)
    plan.addRow([x.priority, x.requirementId, t(x.title), t(x.owner?.name ?? ''), x.dueDate, x.effort, x.status]);
  for (const ws of wb.worksheets) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
