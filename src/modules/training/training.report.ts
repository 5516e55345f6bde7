import type { Executor } from '../../platform/db/db.js';
import type { Report } from '../../platform/report/index.js';
import { computeMatrix } from './training.matrix.js';
import { STATE_WORDS, trainingNumber } from './training.rules.js';
import type { Matrix } from './training.schemas.js';

// The training matrix and the completion records behind it as the document an
// auditor samples under 7.2 and 7.3 ("training records should be kept as audit
// evidence"). Built on the report kit, so XLSX, PDF, HTML and DOCX come alike.
// The organization is named from the platform's table: the organizations
// module seeds this one's topics, so asking it back would be an import cycle.

type RecordRow = {
  topicNumber: number;
  topicTitle: string;
  person: string;
  completedOn: string;
  expiresOn: string | null;
  evidence: string;
};

function cell(c: Matrix['people'][number]['cells'][number]): string {
  if (c.state === 'not-required') return c.completedOn ? `Not required (done ${c.completedOn})` : '—';
  if (!c.completedOn) return STATE_WORDS[c.state];
  return `${STATE_WORDS[c.state]}: ${c.completedOn}${c.expiresOn ? ` to ${c.expiresOn}` : ''}`;
}

export function buildTrainingReport(input: {
  organization: string;
  matrix: Matrix;
  records: RecordRow[];
  generatedAt: string;
}): Report {
  const { matrix: m } = input;
  const trained = m.people.filter((p) => p.missing === 0 && p.overdue === 0).length;
  return {
    title: 'Training and competence records',
    metadata: {
      organization: input.organization,
      record: { name: 'Training matrix and completion records' },
      generatedAt: input.generatedAt,
      details: [
        { label: 'Standard', value: 'ISO/IEC 42001:2023, clauses 7.2 and 7.3' },
        { label: 'As of', value: m.today },
      ],
    },
    sections: [
      {
        heading: 'Training matrix',
        blocks: [
          {
            type: 'paragraph',
            text: `${trained} of ${m.people.length} members have every training their governance roles and team require.`,
          },
          {
            type: 'table',
            sheet: 'Matrix',
            columns: [
              { header: 'Person', width: 24 },
              { header: 'Team', width: 16 },
              { header: 'Governance roles', width: 24 },
              ...m.topics.map((t) => ({ header: `${t.number} ${t.title}`, width: 22 })),
            ],
            rows: m.people.map((p) => [p.name, p.team ?? '', p.roles.join('; '), ...p.cells.map(cell)]),
            empty: 'No members to train.',
          },
          {
            type: 'table',
            sheet: 'By team',
            columns: [
              { header: 'Team', width: 20 },
              { header: 'People', width: 10 },
              { header: 'Required', width: 10 },
              { header: 'Complete', width: 10 },
              { header: 'Missing', width: 10 },
              { header: 'Overdue', width: 10 },
            ],
            rows: m.teams.map((t) => [t.team ?? 'No team', t.people, t.required, t.complete, t.missing, t.overdue]),
            empty: 'No members to train.',
          },
        ],
      },
      {
        heading: 'Completion records',
        blocks: [
          {
            type: 'table',
            sheet: 'Records',
            columns: [
              { header: 'Topic', width: 30 },
              { header: 'Person', width: 24 },
              { header: 'Completed', width: 12 },
              { header: 'Valid until', width: 12 },
              { header: 'Evidence', width: 36 },
            ],
            rows: input.records.map((r) => [
              `${trainingNumber(r.topicNumber)} ${r.topicTitle}`,
              r.person,
              r.completedOn,
              r.expiresOn ?? 'No refresher',
              r.evidence,
            ]),
            empty: 'No completion is recorded yet.',
          },
        ],
      },
    ],
    filename: `training-records-${input.generatedAt.slice(0, 10)}`,
  };
}

/** The report of today's matrix and every current completion record, newest first. */
export async function loadTrainingReport(db: Executor, orgId: string, today: string, now = new Date()): Promise<Report> {
  const [org, matrix, rows] = await Promise.all([
    db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow(),
    computeMatrix(db, orgId, today),
    db
      .selectFrom('training_records as r')
      .innerJoin('training_topics as t', 't.id', 'r.topic_id')
      .leftJoin('users as u', 'u.id', 'r.person_user_id')
      .select([
        't.number_seq',
        't.title',
        'u.name as user_name',
        'r.person_name',
        'r.completed_on',
        'r.expires_on',
        'r.evidence_id',
        'r.evidence_url',
        'r.file_id',
      ])
      .where('r.org_id', '=', orgId)
      .where('r.archived_at', 'is', null)
      .orderBy('r.completed_on', 'desc')
      .orderBy('r.id')
      .execute(),
  ]);
  const records = rows.map((r) => ({
    topicNumber: Number(r.number_seq),
    topicTitle: r.title,
    person: r.user_name ?? r.person_name ?? '',
    completedOn: r.completed_on,
    expiresOn: r.expires_on,
    evidence: r.evidence_url ?? (r.evidence_id ? 'Evidence item in OpenAIMS' : r.file_id ? 'Uploaded file' : ''),
  }));
  return buildTrainingReport({ organization: org.name, matrix, records, generatedAt: now.toISOString() });
}
