import { type Expression, PostgresAdapter, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { type Executor, orgOfIds } from '../../platform/db/db.js';
import { inList, orgRowsIn, queryTemplate } from '../../platform/db/statement-cache.js';
import type { DB, Row } from '../../platform/db/tables.js';
import { fold } from '../../platform/text.js';
import { parseRiskNumber } from './risks.rules.js';
import type { RiskListQuery } from './risks.schemas.js';

// The risk register's statements. Every one carries org_id.

// A risk's page and the list read these for every risk shown: compiled once.
const aiSystemLinksOf = orgRowsIn('risk_ai_systems', 'risk_id', {
  select: ['risk_id', 'ai_system_id'],
  orderBy: ['risk_id', 'ai_system_id'],
});

const actionCountsTemplate = queryTemplate(
  ['orgId', 'ids'],
  (db, p) =>
    db
      .selectFrom('risk_treatment_actions')
      .select((eb) => [
        'risk_id',
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(eb.case().when('status', '!=', 'done').then(1).else(0).end()).as('open'),
      ])
      .where('org_id', '=', p.orgId)
      .where(inList(db, 'risk_id', p.ids))
      .groupBy('risk_id'),
  { lists: ['ids'] },
);

/** AI system ids per risk, for a page of risks in one query. */
export async function aiSystemLinks(db: Executor, orgId: string, riskIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const rows = await aiSystemLinksOf(db, orgId, riskIds);
  for (const r of rows) out.set(r.risk_id, [...(out.get(r.risk_id) ?? []), r.ai_system_id]);
  return out;
}

export async function writeAiSystemLinks(tx: Executor, orgId: string, riskId: string, ids: string[], isNew: boolean) {
  if (!isNew) await tx.deleteFrom('risk_ai_systems').where('org_id', '=', orgId).where('risk_id', '=', riskId).execute();
  if (ids.length)
    await tx
      .insertInto('risk_ai_systems')
      .values(ids.map((ai_system_id) => ({ org_id: orgId, risk_id: riskId, ai_system_id })))
      .execute();
}

/** Treatment actions per risk: all, and those not done. */
export async function actionCounts(db: Executor, orgId: string, riskIds: string[]) {
  const out = new Map<string, { total: number; open: number }>();
  if (riskIds.length === 0) return out;
  const rows = await actionCountsTemplate.run(db, { orgId, ids: riskIds });
  for (const r of rows) out.set(r.risk_id, { total: Number(r.total), open: Number(r.open ?? 0) });
  return out;
}

/**
 * The next R-number of an organization. On PostgreSQL two creates in two
 * app processes take turns (a transaction-scoped advisory lock per
 * organization); SQLite's write transactions already run one at a time.
 */
export async function nextNumber(tx: Executor, orgId: string): Promise<number> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('risks.number'), hashtext(${orgId}))`.execute(tx);
  const row = await tx
    .selectFrom('risks')
    .select((eb) => eb.fn.max('number_seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

type RiskQuery = SelectQueryBuilder<DB, 'risks', Row<'risks'>>;

/** The next review date with "none" last: the expression the review-date index holds. */
export const reviewDate = sql<string>`coalesce(next_review_date, '9999-12-31')`;

/** Ids of the risks naming an AI system (current or archived). */
export async function risksOfAiSystemIds(db: Executor, orgId: string, aiSystemId: string) {
  const rows = await db
    .selectFrom('risk_ai_systems')
    .select('risk_id')
    .where('ai_system_id', '=', aiSystemId)
    .where('org_id', '=', orgId)
    .execute();
  return rows.map((r) => r.risk_id);
}

/** The register's filters, each an indexed condition where one exists. */
export function filterRisks(
  query: RiskQuery,
  q: Partial<RiskListQuery> & { riskIds?: string[] },
  today: string,
  thresholdRank: number,
): RiskQuery {
  let out = query;
  if (q.q) {
    const n = parseRiskNumber(q.q);
    const key = `%${fold(q.q)}%`;
    out = out.where((eb) =>
      n !== null ? eb.or([eb('number_seq', '=', n), eb('title_key', 'like', key)]) : eb('title_key', 'like', key),
    );
  }
  if (q.riskIds) {
    // resolved before the list (risksOfAiSystemIds): a few id lookups instead of a scan in sort order
    const ids = q.riskIds;
    out = ids.length ? out.where('risks.id', 'in', ids) : out.where(sql<boolean>`1 = 0`);
  } else if (q.aiSystemId) {
    const systemId = q.aiSystemId;
    // not correlated: the outer statement already holds risks to this organization
    out = out.where('risks.id', 'in', (eb) =>
      eb.selectFrom('risk_ai_systems').select('risk_ai_systems.risk_id').where('risk_ai_systems.ai_system_id', '=', systemId),
    );
  }
  if (q.controlId) out = reliesOnControl(out, q.controlId);
  if (q.level) out = out.where('inherent_level', '=', q.level);
  if (q.residualLevel)
    out =
      q.residualLevel === 'none' ? out.where('residual_level', 'is', null) : out.where('residual_level', '=', q.residualLevel);
  if (q.likelihood !== undefined)
    out = out.where(q.cell === 'residual' ? 'residual_likelihood' : 'inherent_likelihood', '=', q.likelihood);
  if (q.impact !== undefined) out = out.where(q.cell === 'residual' ? 'residual_impact' : 'inherent_impact', '=', q.impact);
  if (q.status) out = out.where('status', '=', q.status);
  if (q.owner) out = out.where('owner_user_id', '=', q.owner);
  if (q.flag === 'review-overdue') out = out.where(reviewDate, '<', today).where('status', '!=', 'closed');
  if (q.flag === 'above-threshold-untreated')
    out = out
      .where('current_rank', '>', thresholdRank)
      .where('accepted_at', 'is', null)
      .where('status', '!=', 'closed')
      .where('action_count', '=', 0);
  return out;
}

/** Counts per likelihood x impact of current risks, inherent or residual. */
export async function heatmapCounts(
  db: Executor,
  orgId: string,
  axis: 'inherent' | 'residual',
  f: { aiSystemId?: string; status?: string },
) {
  const l = axis === 'inherent' ? 'inherent_likelihood' : 'residual_likelihood';
  const i = axis === 'inherent' ? 'inherent_impact' : 'residual_impact';
  let q = db
    .selectFrom('risks')
    .select((eb) => [eb.ref(l).as('likelihood'), eb.ref(i).as('impact'), eb.fn.countAll<number>().as('count')])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null);
  if (f.status) q = q.where('status', '=', f.status as Row<'risks'>['status']);
  if (f.aiSystemId) {
    const systemId = f.aiSystemId;
    q = q.where('risks.id', 'in', (eb) =>
      eb
        .selectFrom('risk_ai_systems')
        .select('risk_ai_systems.risk_id')
        .where('risk_ai_systems.org_id', '=', orgId)
        .where('risk_ai_systems.ai_system_id', '=', systemId),
    );
  }
  const rows = await q.groupBy([l, i]).execute();
  return rows.map((r) => ({
    likelihood: r.likelihood as number | null,
    impact: r.impact as number | null,
    count: Number(r.count),
  }));
}

/**
 * The condition "a current (not archived) risk names this AI system", for a
 * count the inventory makes over its in-scope systems: one probe of the link
 * index per system, archived risks (few) excluded by id, no risk row read.
 */
export function namedByCurrentRisk(db: Executor, orgId: string) {
  return (aiSystemId: Expression<string>) =>
    sql<SqlBool>`exists ${db
      .selectFrom('risk_ai_systems as l')
      .select(sql<number>`1`.as('one'))
      .where('l.ai_system_id', '=', aiSystemId)
      .where('l.risk_id', 'not in', archivedRiskIds(db, orgId))}`;
}

/** Ids of the organization's archived risks (few): links to them do not count. */
const archivedRiskIds = (db: Executor, orgId: string) =>
  db.selectFrom('risks').select('risks.id').where('risks.org_id', '=', orgId).where('risks.archived_at', 'is not', null);

/**
 * Per control (Annex A id or own control id): how many distinct current (not
 * archived) risks have a treatment action relying on it. Read off the control
 * index alone: the archived risks are excluded by id, not by joining every
 * link to its risk.
 */
export async function controlRiskCounts(db: Executor, orgId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('risk_action_controls')
    .select((eb) => ['control_id', eb.fn.count<number>('risk_id').distinct().as('linked')])
    .where('org_id', '=', orgId)
    .where('risk_id', 'not in', archivedRiskIds(db, orgId))
    .groupBy('control_id')
    .execute();
  return new Map(rows.map((r) => [r.control_id, Number(r.linked)]));
}

/**
 * Per control, the first `perControl` current risks relying on it, in the
 * order they were recorded: risk ids are UUIDv7, so the control index
 * (org_id, control_id, risk_id) holds each control's links in that order and
 * each control's first links are an index range read that stops after
 * `perControl` risks: no sort, and no join of every link to its risk. That is
 * the risks' number order (numbers are given at creation too) but for creates
 * racing each other. Chosen over "highest residual level first", which must
 * join and rank every link (a window over all of them: several times as long,
 * bench/soa.ts). One statement per 200 controls (a UNION ALL of limited
 * reads; SQLite allows 500 compound members), then one for the risks shown.
 */
export async function controlRiskTop(db: Executor, orgId: string, controlIds: string[], perControl: number) {
  const pairs: { control_id: string; risk_id: string }[] = [];
  const first = (controlId: string, i: number) =>
    db
      .selectFrom(
        db
          .selectFrom('risk_action_controls')
          .select(['control_id', 'risk_id'])
          // two actions of one risk may rely on one control
          .distinct()
          .where('org_id', '=', orgId)
          .where('control_id', '=', controlId)
          .where('risk_id', 'not in', archivedRiskIds(db, orgId))
          .orderBy('risk_id')
          .limit(perControl)
          .as(`t${i}`),
      )
      .selectAll();
  for (let at = 0; at < controlIds.length; at += 200) {
    const chunk = controlIds.slice(at, at + 200);
    const query = chunk.slice(1).reduce((q, id, i) => q.unionAll(first(id, i + 1)), first(chunk[0], 0));
    pairs.push(...(await query.execute()));
  }
  const ids = [...new Set(pairs.map((p) => p.risk_id))];
  const risks = new Map<
    string,
    { id: string; number_seq: number; title: string; residual_level: string | null; status: string }
  >();
  for (let at = 0; at < ids.length; at += 1000) {
    const rows = await db
      .selectFrom('risks')
      .select(['id', 'number_seq', 'title', 'residual_level', 'status'])
      .where(orgOfIds(db), '=', orgId)
      .where('id', 'in', ids.slice(at, at + 1000))
      .execute();
    for (const r of rows) risks.set(r.id, { ...r, number_seq: Number(r.number_seq) });
  }
  return pairs.flatMap((p) => {
    const r = risks.get(p.risk_id);
    return r ? [{ control_id: p.control_id, ...r }] : [];
  });
}

/** The EXISTS condition "a treatment action of the risk relies on this control", for the list's controlId filter. */
export function reliesOnControl(query: RiskQuery, controlId: string): RiskQuery {
  return query.where(({ exists, selectFrom }) =>
    exists(
      selectFrom('risk_action_controls as rac')
        .select(sql<number>`1`.as('one'))
        .whereRef('rac.risk_id', '=', 'risks.id')
        .whereRef('rac.org_id', '=', 'risks.org_id')
        .where('rac.control_id', '=', controlId),
    ),
  );
}

/** Current risks on one AI system, by number. */
export function risksOfAiSystem(db: Executor, orgId: string, aiSystemId: string) {
  return db
    .selectFrom('risks as r')
    .innerJoin('risk_ai_systems as l', 'l.risk_id', 'r.id')
    .select(['r.id', 'r.number_seq', 'r.title', 'r.inherent_level', 'r.residual_level', 'r.status', 'r.next_review_date'])
    .where('l.org_id', '=', orgId)
    .where('l.ai_system_id', '=', aiSystemId)
    .where('r.archived_at', 'is', null)
    .orderBy('r.number_seq')
    .execute();
}

/**
 * Open treatment actions and reviews of current, not closed risks falling
 * due by `until` (for one person: the action's or the risk's owner), by date,
 * in one statement. With `first`, only the earliest: the first `first` and
 * every other task due the same day as the last of them (so a caller's own
 * tie order still sees them all); both sides are then walked in date order
 * through their indexes, not sorted whole
 * (a large register holds thousands of tasks, the home page shows 15).
 */
export async function tasksDue(db: Executor, orgId: string, until: string, userId?: string, first?: number): Promise<Task[]> {
  if (first !== undefined) {
    const head = await tasksDueQuery(db, orgId, until, userId).limit(first).execute();
    const last = head.at(-1)?.due_date;
    if (head.length < first || !last) return head.map(toTask);
    return (await tasksDueQuery(db, orgId, last, userId).execute()).map(toTask);
  }
  return (await tasksDueQuery(db, orgId, until, userId).execute()).map(toTask);
}

type Task = ReturnType<typeof toTask>;

function toTask(r: {
  kind: string;
  id: string;
  title: string;
  due_date: string | null;
  owner_user_id: string | null;
  risk_id: string;
  number_seq: number | string;
  risk_title: string;
}) {
  return {
    kind: r.kind as 'risk-action' | 'risk-review',
    id: r.id,
    title: r.title,
    dueDate: r.due_date as string,
    ownerUserId: r.owner_user_id,
    riskId: r.risk_id,
    numberSeq: Number(r.number_seq),
    riskTitle: r.risk_title,
  };
}

function tasksDueQuery(db: Executor, orgId: string, until: string, userId?: string) {
  let actions = db
    .selectFrom('risk_treatment_actions as a')
    .innerJoin('risks as r', 'r.id', 'a.risk_id')
    .select([
      sql<string>`'risk-action'`.as('kind'),
      'a.id as id',
      'a.title as title',
      'a.due_date as due_date',
      'a.owner_user_id as owner_user_id',
      'r.id as risk_id',
      'r.number_seq as number_seq',
      'r.title as risk_title',
    ])
    .where('a.org_id', '=', orgId)
    .where('a.status', '!=', 'done')
    .where('a.due_date', '<=', until)
    .where('r.archived_at', 'is', null)
    .where('r.status', '!=', 'closed');
  let reviews = db
    .selectFrom('risks as r')
    .select([
      sql<string>`'risk-review'`.as('kind'),
      'r.id as id',
      'r.title as title',
      // the indexed expression (never the fallback: the where below keeps dated reviews), so the index gives the order
      sql<string>`coalesce(r.next_review_date, '9999-12-31')`.as('due_date'),
      'r.owner_user_id as owner_user_id',
      'r.id as risk_id',
      'r.number_seq as number_seq',
      'r.title as risk_title',
    ])
    .where('r.org_id', '=', orgId)
    .where(sql<string>`coalesce(r.next_review_date, '9999-12-31')`, '<=', until)
    .where('r.archived_at', 'is', null)
    .where('r.status', '!=', 'closed');
  if (userId) {
    actions = actions.where('a.owner_user_id', '=', userId);
    reviews = reviews.where('r.owner_user_id', '=', userId);
  }
  return actions.unionAll(reviews).orderBy('due_date').orderBy('number_seq');
}
