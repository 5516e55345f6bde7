import { PostgresAdapter, sql } from 'kysely';
import { CsvSyntaxError, readCsv, type SheetRow } from '../../exports/csv.js';
import type { Actor } from '../../platform/audit-log/audit-log.js';
import { todayUtc } from '../../platform/dates.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { isoDate } from '../../platform/http/fields.js';
import { insertRecord } from '../../platform/register/index.js';
import { editDistance, fold } from '../../platform/text.js';
import { recordRegister } from './training.records.js';
import { parseTrainingNumber, urlError } from './training.rules.js';
import type { ImportReport } from './training.schemas.js';

// Completion records from CSV: every row is checked and every problem
// reported with its row and column before anything is written; then all rows
// are written in one transaction, or none.

export const IMPORT_COLUMNS = ['email', 'topic', 'completed_on', 'expires_on', 'evidence_url', 'notes'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: Column[] = ['email', 'topic', 'completed_on'];
export const MAX_IMPORT_ROWS = 5000;

const headerKey = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function closestColumn(text: string): Column | null {
  const key = headerKey(text);
  let best: { c: Column; d: number } | null = null;
  for (const c of IMPORT_COLUMNS) {
    const d = editDistance(key, c, 3);
    if (d <= Math.min(3, Math.floor(key.length / 3)) && (!best || d < best.d)) best = { c, d };
  }
  return best?.c ?? null;
}

type ImportError = ImportReport['errors'][number];
const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
const dateCheck = isoDate();

interface Planned {
  row: number;
  userId: string;
  name: string;
  topicId: string;
  completedOn: string;
  expiresOn?: string;
  evidenceUrl: string | null;
  notes: string;
}

async function plan(db: Executor, orgId: string, rows: SheetRow[], today: string) {
  const errors: ImportError[] = [];
  const first = rows.findIndex((r) => !isBlank(r.cells));
  if (first < 0)
    return {
      errors: [{ row: null, field: 'file', message: 'is empty: it needs a header row' }],
      planned: [],
      rows: 0,
      headerOnly: true,
    };
  const header = rows[first];
  const data = rows.slice(first + 1).filter((r) => !isBlank(r.cells));
  if (data.length > MAX_IMPORT_ROWS)
    return {
      errors: [{ row: null, field: 'file', message: `has ${data.length} rows; import at most ${MAX_IMPORT_ROWS} at a time` }],
      planned: [],
      rows: data.length,
      headerOnly: true,
    };
  const at = new Map<Column, number>();
  header.cells.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    const key = headerKey(text) as Column;
    if (!IMPORT_COLUMNS.includes(key)) {
      const near = closestColumn(text);
      errors.push({
        row: header.row,
        field: text,
        message: `is not a known column; ${near ? `did you mean "${near}"? ` : ''}the columns are: ${IMPORT_COLUMNS.join(', ')}`,
      });
    } else if (at.has(key)) errors.push({ row: header.row, field: text, message: `is a second "${key}" column` });
    else at.set(key, i);
  });
  for (const c of REQUIRED)
    if (!at.has(c)) errors.push({ row: header.row, field: c, message: 'column is missing: every file needs it' });
  if (errors.length) return { errors, planned: [], rows: data.length, headerOnly: true };

  const cell = (r: SheetRow, c: Column) => {
    const i = at.get(c);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const emails = [...new Set(data.map((r) => cell(r, 'email').toLowerCase()).filter(Boolean))];
  const [members, topics] = await Promise.all([
    emails.length
      ? db
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select(['users.id', 'users.name', 'users.email'])
          .where('memberships.org_id', '=', orgId)
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('training_topics')
      .select(['id', 'number_seq', 'title_key'])
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .execute(),
  ]);
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m]));
  const byNumber = new Map(topics.map((t) => [Number(t.number_seq), t.id]));
  const byTitle = new Map(topics.map((t) => [t.title_key, t.id]));

  const planned: Planned[] = [];
  const seen = new Map<string, number>();
  for (const r of data) {
    const bad = (field: Column, message: string) => errors.push({ row: r.row, field, message });
    const before = errors.length;
    const email = cell(r, 'email').toLowerCase();
    const member = email ? byEmail.get(email) : undefined;
    if (!email) bad('email', 'is empty');
    else if (!member) bad('email', `no member with this email ("${email}")`);
    const topicText = cell(r, 'topic');
    const n = parseTrainingNumber(topicText);
    const topicId = topicText ? (n !== null ? byNumber.get(n) : byTitle.get(fold(topicText))) : undefined;
    if (!topicText) bad('topic', 'is empty');
    else if (!topicId) bad('topic', `no training topic with this number or title ("${topicText}")`);
    const completedOn = cell(r, 'completed_on');
    if (!completedOn) bad('completed_on', 'is empty');
    else if (!dateCheck.safeParse(completedOn).success) bad('completed_on', 'must be a real date as YYYY-MM-DD');
    else if (completedOn > today) bad('completed_on', 'must not be in the future');
    const expiresOn = cell(r, 'expires_on');
    if (expiresOn && !dateCheck.safeParse(expiresOn).success) bad('expires_on', 'must be a real date as YYYY-MM-DD');
    else if (expiresOn && completedOn && expiresOn < completedOn) bad('expires_on', 'must not be before completed_on');
    const url = cell(r, 'evidence_url');
    const urlProblem = url ? urlError(url) : null;
    if (urlProblem) bad('evidence_url', urlProblem);
    const notes = cell(r, 'notes');
    if (notes.length > 4000) bad('notes', 'must be at most 4000 characters');
    if (errors.length > before || !member || !topicId) continue;
    const key = `${member.id}|${topicId}|${completedOn}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      bad('email', `repeats row ${dup}: the same person, topic and completion date`);
      continue;
    }
    seen.set(key, r.row);
    planned.push({
      row: r.row,
      userId: member.id,
      name: member.name,
      topicId,
      completedOn,
      ...(expiresOn ? { expiresOn } : {}),
      evidenceUrl: url || null,
      notes,
    });
  }
  // a completion already recorded is a duplicate too, so importing a file twice adds nothing
  if (planned.length) {
    const existing = await db
      .selectFrom('training_records')
      .select(['person_user_id', 'topic_id', 'completed_on'])
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .where('person_user_id', 'in', [...new Set(planned.map((p) => p.userId))])
      .execute();
    const have = new Set(existing.map((e) => `${e.person_user_id}|${e.topic_id}|${e.completed_on}`));
    for (const p of planned)
      if (have.has(`${p.userId}|${p.topicId}|${p.completedOn}`))
        errors.push({ row: p.row, field: 'email', message: 'is already recorded: the same person, topic and completion date' });
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { errors, planned, rows: data.length, headerOnly: false };
}

export async function importTrainingRecords(
  db: Db,
  actor: Actor,
  orgId: string,
  body: string | Buffer,
  opts: { dryRun: boolean },
): Promise<ImportReport> {
  let rows: SheetRow[];
  try {
    rows = readCsv(body);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return report(opts.dryRun, 0, 0, [{ row: e.row, field: 'file', message: e.message }], true);
  }
  const today = todayUtc();
  return db.transaction().execute(async (tx) => {
    // one import of an organization at a time on PostgreSQL (SQLite's write
    // transactions already serialise), so the same file sent twice at once
    // cannot pass the duplicate check twice
    if (tx.getExecutor().adapter instanceof PostgresAdapter)
      await sql`select pg_advisory_xact_lock(hashtext('training.import'), hashtext(${orgId}))`.execute(tx);
    const p = await plan(tx, orgId, rows, today);
    if (p.errors.length || opts.dryRun) return report(opts.dryRun, p.rows, 0, p.errors, p.headerOnly);
    for (const r of p.planned) {
      await insertRecord(tx, actor, recordRegister, orgId, {
        person: { userId: r.userId, name: r.name },
        topicId: r.topicId,
        completedOn: r.completedOn,
        ...(r.expiresOn ? { expiresOn: r.expiresOn } : {}),
        evidenceId: null,
        evidenceUrl: r.evidenceUrl,
        fileId: null,
        notes: r.notes,
      });
    }
    return report(false, p.rows, p.planned.length, []);
  });
}

function report(dryRun: boolean, rows: number, created: number, errors: ImportError[], headerOnly = false): ImportReport {
  // data rows with at least one error; a bad header stops the check before any row
  const rejected = headerOnly ? 0 : new Set(errors.filter((e) => e.row !== null).map((e) => e.row)).size;
  const detail = errors.length
    ? `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} found; nothing was imported.`
    : dryRun
      ? `${rows} ${rows === 1 ? 'row' : 'rows'} checked; all can be imported.`
      : `${created} training ${created === 1 ? 'record' : 'records'} imported.`;
  return { dryRun, detail, rows, created, rejected, errors };
}

export const importTemplate = () => `${IMPORT_COLUMNS.join(',')}\r\n`;
