import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { todayUtc } from '../../platform/dates.js';
import { type Db, type Executor, forUpdate, nowIso } from '../../platform/db/db.js';
import { conflict } from '../../platform/http/errors.js';
import { etagOf, isStale, laterThan, StaleMarker, StaleWrite } from '../../platform/register/index.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import { type DraftAnswer, draftAnswers, type QuestionId } from './trust.answers.js';
import { gatherBuyerFacts, gatherTimelineFacts } from './trust.gather.js';
import { FORECAST_ASSUMPTIONS, forecast, ORG_TYPE_LABELS, orgType, PLANNING_RANGES, RANGE_CAVEAT } from './trust.rules.js';
import type { BuyerAnswer } from './trust.schemas.js';

// Buyer readiness: the timeline, the answers (generated drafts with the
// edits people made), and publishing them as the trust page. Each write is
// one transaction with its audit entry, under a row lock.

export async function certificationTimeline(db: Executor, orgId: string, today = todayUtc()) {
  const facts = await gatherTimelineFacts(db, orgId, today);
  const t = orgType(facts.org);
  const range = PLANNING_RANGES[t.type];
  const f = forecast(today, facts.counts, facts.planned);
  return {
    organizationType: { type: t.type, label: ORG_TYPE_LABELS[t.type], reasons: t.reasons, facts: facts.org },
    planningRange: {
      fromMonths: range.fromMonths,
      toMonths: range.toMonths,
      orMore: range.orMore,
      text: `${range.fromMonths} to ${range.toMonths} months${range.orMore ? ' or more' : ''}`,
      pattern: range.pattern,
      caveat: RANGE_CAVEAT,
    },
    forecast: { ...f, assumptions: FORECAST_ASSUMPTIONS },
    today,
  };
}

// ---- answers --------------------------------------------------------------

type EditRow = { question_id: string; text: string; draft_at_edit: string; edited_by: string; updated_at: string };

function present(d: DraftAnswer, row: EditRow | undefined): BuyerAnswer {
  return {
    ...d,
    answer: row?.text ?? d.draft,
    edited: row ? { text: row.text, editedAt: row.updated_at, editedBy: row.edited_by, draftAtEdit: row.draft_at_edit } : null,
    dataChangedSinceEdit: !!row && row.draft_at_edit !== d.draft,
    etag: etagOf(row?.updated_at),
  };
}

const editRows = (db: Executor, orgId: string) =>
  db
    .selectFrom('buyer_answers')
    .select(['question_id', 'text', 'draft_at_edit', 'edited_by', 'updated_at'])
    .where('org_id', '=', orgId);

export async function listAnswers(db: Executor, orgId: string): Promise<BuyerAnswer[]> {
  const [facts, rows] = await Promise.all([gatherBuyerFacts(db, orgId), editRows(db, orgId).execute()]);
  const byId = new Map(rows.map((r) => [r.question_id, r]));
  return draftAnswers(facts, orgId).map((d) => present(d, byId.get(d.id)));
}

export async function getAnswer(db: Executor, orgId: string, id: QuestionId): Promise<BuyerAnswer> {
  const all = await listAnswers(db, orgId);
  return all.find((a) => a.id === id) as BuyerAnswer;
}

async function draftOf(db: Executor, orgId: string, id: QuestionId) {
  return draftAnswers(await gatherBuyerFacts(db, orgId), orgId).find((d) => d.id === id) as DraftAnswer;
}

async function staleAnswer(db: Executor, orgId: string, id: QuestionId) {
  const current = await getAnswer(db, orgId, id);
  return new StaleWrite('answer', current, current.etag);
}

/** Stores an edited answer beside its generated draft; If-Match guards against overwriting someone else's edit. */
export async function editAnswer(db: Db, actor: Actor, orgId: string, id: QuestionId, text: string, ifMatch?: string) {
  try {
    await db.transaction().execute(async (tx) => {
      const row = await forUpdate(tx, editRows(tx, orgId).where('question_id', '=', id)).executeTakeFirst();
      if (isStale(ifMatch, row?.updated_at)) throw new StaleMarker();
      const draft = (await draftOf(tx, orgId, id)).draft;
      const now = laterThan(row?.updated_at);
      if (row) {
        await tx
          .updateTable('buyer_answers')
          .set({ text, draft_at_edit: draft, edited_by: actor.label, updated_at: now })
          .where('org_id', '=', orgId)
          .where('question_id', '=', id)
          .execute();
      } else {
        // two first edits at once: the primary key lets one in, the other is stale
        const r = await tx
          .insertInto('buyer_answers')
          .values({
            org_id: orgId,
            question_id: id,
            text,
            draft_at_edit: draft,
            edited_by: actor.label,
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) => oc.columns(['org_id', 'question_id']).doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) throw new StaleMarker();
      }
      await appendAudit(tx, actor, {
        orgId,
        entityType: 'buyer_answer',
        entityId: id,
        action: row ? 'update' : 'edit',
        before: row ? { text: row.text } : { text: null },
        after: { text, draftAtEdit: draft },
      });
    });
  } catch (e) {
    if (e instanceof StaleMarker) throw await staleAnswer(db, orgId, id);
    throw e;
  }
  return getAnswer(db, orgId, id);
}

/** Drops the edit: the generated draft stands again. */
export async function revertAnswer(db: Db, actor: Actor, orgId: string, id: QuestionId, ifMatch?: string) {
  try {
    await db.transaction().execute(async (tx) => {
      const row = await forUpdate(tx, editRows(tx, orgId).where('question_id', '=', id)).executeTakeFirst();
      if (isStale(ifMatch, row?.updated_at)) throw new StaleMarker();
      if (!row) return;
      await tx.deleteFrom('buyer_answers').where('org_id', '=', orgId).where('question_id', '=', id).execute();
      await appendAudit(tx, actor, {
        orgId,
        entityType: 'buyer_answer',
        entityId: id,
        action: 'revert',
        before: { text: row.text },
        after: { text: null },
      });
    });
  } catch (e) {
    if (e instanceof StaleMarker) throw await staleAnswer(db, orgId, id);
    throw e;
  }
  return getAnswer(db, orgId, id);
}

// ---- trust page -----------------------------------------------------------

export const publicPath = (slug: string) => `/trust/${slug}`;

export async function trustPageOf(db: Executor, orgId: string) {
  const row = await db.selectFrom('trust_pages').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!row) return null;
  return {
    slug: row.slug,
    published: !!row.published_at,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    path: publicPath(row.slug),
  };
}

const slugTaken = (slug: string) =>
  conflict(`The address "${slug}" is taken by another organization; choose another.`, [
    { field: 'body.slug', message: 'is taken by another organization' },
  ]);

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Publishes the answers as they read now (a snapshot: publish again to update) at /trust/<slug>. */
export async function publishTrustPage(db: Db, actor: Actor, orgId: string, slug: string) {
  try {
    await db.transaction().execute(async (tx) => {
      const before = await forUpdate(tx, tx.selectFrom('trust_pages').selectAll().where('org_id', '=', orgId)).executeTakeFirst();
      const other = await tx
        .selectFrom('trust_pages')
        .select('org_id')
        .where('slug', '=', slug)
        .where('org_id', '!=', orgId)
        .executeTakeFirst();
      if (other) throw slugTaken(slug);
      const [org, profile, answers] = await Promise.all([
        getOrganization(tx, orgId),
        getProfile(tx, orgId),
        listAnswers(tx, orgId),
      ]);
      const publicName = profile.legalName?.trim() || org.name;
      const snapshot = answers.map((a) => ({ question: a.question, answer: a.answer }));
      const at = nowIso();
      const values = {
        slug,
        public_name: publicName,
        answers: JSON.stringify(snapshot),
        published_at: at,
        published_by: actor.label,
        updated_at: laterThan(before?.updated_at),
      };
      await tx
        .insertInto('trust_pages')
        .values({ org_id: orgId, created_at: at, ...values })
        .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
        .execute();
      await appendAudit(tx, actor, {
        orgId,
        entityType: 'trust_page',
        entityId: orgId,
        action: before?.published_at ? 'republish' : 'publish',
        before: before ? { slug: before.slug, publishedAt: before.published_at } : null,
        after: { slug, publicName, publishedAt: at, answers: snapshot },
      });
    });
  } catch (e) {
    // two organizations racing for one slug: the unique index lets one in
    if (isUniqueViolation(e)) throw slugTaken(slug);
    throw e;
  }
  return (await trustPageOf(db, orgId)) as NonNullable<Awaited<ReturnType<typeof trustPageOf>>>;
}

/** Takes the page down; the address stays the organization's so an old link never shows someone else. */
export async function unpublishTrustPage(db: Db, actor: Actor, orgId: string) {
  await db.transaction().execute(async (tx) => {
    const row = await forUpdate(tx, tx.selectFrom('trust_pages').selectAll().where('org_id', '=', orgId)).executeTakeFirst();
    if (!row?.published_at) throw conflict('The trust page is not published.');
    await tx
      .updateTable('trust_pages')
      .set({ published_at: null, published_by: null, updated_at: laterThan(row.updated_at) })
      .where('org_id', '=', orgId)
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'trust_page',
      entityId: orgId,
      action: 'unpublish',
      before: { slug: row.slug, publishedAt: row.published_at },
      after: { slug: row.slug, publishedAt: null },
    });
  });
  return (await trustPageOf(db, orgId)) as NonNullable<Awaited<ReturnType<typeof trustPageOf>>>;
}
