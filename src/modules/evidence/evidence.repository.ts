import { PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { orgRowsIn } from '../../platform/db/statement-cache.js';
import type { DB, Row } from '../../platform/db/tables.js';
import { fold } from '../../platform/text.js';
import { archivedContributions, latestCurrent, readStates, subtractArchived } from './evidence.counts.js';
import { expiringUntil, type LINK_TARGETS, parseEvidenceNumber } from './evidence.rules.js';
import type { EvidenceListQuery } from './evidence.schemas.js';

// The evidence register's statements. Every one carries org_id.

type Target = (typeof LINK_TARGETS)[number];
export interface EvidenceLinks {
  requirementIds: string[];
  controlIds: string[];
  aiSystemIds: string[];
  riskIds: string[];
}
const FIELD: Record<Target, keyof EvidenceLinks> = {
  requirement: 'requirementIds',
  control: 'controlIds',
  'ai-system': 'aiSystemIds',
  risk: 'riskIds',
};
const empty = (): EvidenceLinks => ({ requirementIds: [], controlIds: [], aiSystemIds: [], riskIds: [] });

// Every evidence page and list page reads its items' links: compiled once.
const linksOfItems = orgRowsIn('evidence_links', 'evidence_id', {
  select: ['evidence_id', 'target_kind', 'target_id'],
  orderBy: ['target_id'],
});

/** The links of a page of items, in one query. */
export async function linksOf(db: Executor, orgId: string, ids: string[]): Promise<Map<string, EvidenceLinks>> {
  const out = new Map<string, EvidenceLinks>(ids.map((id) => [id, empty()]));
  const rows = await linksOfItems(db, orgId, ids);
  for (const r of rows) out.get(r.evidence_id)?.[FIELD[r.target_kind]].push(r.target_id);
  return out;
}

/** Rewrites an item's links, carrying its dates (coverage reads the links alone). */
export async function writeLinks(
  tx: Executor,
  orgId: string,
  evidenceId: string,
  links: EvidenceLinks,
  dates: { validUntil: string | null; collectedOn: string },
  isNew: boolean,
) {
  if (!isNew) await tx.deleteFrom('evidence_links').where('org_id', '=', orgId).where('evidence_id', '=', evidenceId).execute();
  const rows = (Object.keys(FIELD) as Target[]).flatMap((kind) =>
    links[FIELD[kind]].map((target_id) => ({
      org_id: orgId,
      evidence_id: evidenceId,
      target_kind: kind,
      target_id,
      valid_until: dates.validUntil,
      collected_on: dates.collectedOn,
    })),
  );
  if (rows.length) await tx.insertInto('evidence_links').values(rows).execute();
}

/**
 * The next EV number. On PostgreSQL two creates in two app processes take
 * turns (an advisory lock per organization); SQLite's writes already do.
 */
export async function nextNumber(tx: Executor, orgId: string): Promise<number> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('evidence.number'), hashtext(${orgId}))`.execute(tx);
  const row = await tx
    .selectFrom('evidence')
    .select((eb) => eb.fn.max('number_seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Items without an end date sort after every date: the expression the sort uses. */
export const validUntilSort = sql<string>`coalesce(valid_until, '9999-12-31')`;

type EvidenceQuery = SelectQueryBuilder<DB, 'evidence', Row<'evidence'>>;

/** The register's filters; link filters read the links index for this organization. */
export function filterEvidence(query: EvidenceQuery, q: Partial<EvidenceListQuery>, orgId: string, today: string) {
  let out = query;
  if (q.q) {
    const n = parseEvidenceNumber(q.q);
    const key = `%${fold(q.q)}%`;
    out = out.where((eb) =>
      n !== null ? eb.or([eb('number_seq', '=', n), eb('title_key', 'like', key)]) : eb('title_key', 'like', key),
    );
  }
  const byLink: [Target, string | undefined][] = [
    ['control', q.controlId],
    ['requirement', q.requirementId],
    ['ai-system', q.aiSystemId],
    ['risk', q.riskId],
  ];
  for (const [kind, id] of byLink)
    if (id)
      // EXISTS per row, served by evidence_links_item_idx (org, kind, target, evidence)
      out = out.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('evidence_links')
            .select(sql`1`.as('one'))
            .where('evidence_links.org_id', '=', orgId)
            .where('evidence_links.target_kind', '=', kind)
            .where('evidence_links.target_id', '=', id)
            .whereRef('evidence_links.evidence_id', '=', 'evidence.id'),
        ),
      );
  if (q.kind) out = out.where('kind', '=', q.kind);
  if (q.area) out = out.where('area', '=', q.area);
  if (q.ownerId) out = out.where('owner_user_id', '=', q.ownerId);
  const soon = expiringUntil(today);
  if (q.state === 'valid') out = out.where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', soon)]));
  if (q.state === 'expiring') out = out.where('valid_until', '>=', today).where('valid_until', '<=', soon);
  if (q.state === 'expired') out = out.where('valid_until', '<', today);
  if (q.flagged === true) out = out.where((eb) => eb.or([eb('valid_until', '<=', soon), eb('link_count', '=', 0)]));
  return out;
}

export interface TargetCounts {
  targetId: string;
  valid: number;
  expiring: number;
  expired: number;
  total: number;
  latestCollectedOn: string | null;
}

/**
 * Per target of a kind: current items by state today and the latest
 * collection date, from evidence_counts' day buckets (one grouped read; no
 * links or items read at request time but the few archived ones).
 */
export async function countsByTarget(db: Executor, orgId: string, kind: Target | 'area', today: string): Promise<TargetCounts[]> {
  const [states, archived] = await Promise.all([readStates(db, orgId, kind, today), archivedContributions(db, orgId, kind)]);
  const byTarget = new Map(states.map((s) => [s.target, s]));
  // where an archived item was collected on or after the latest date counted, ask the current items
  const archivedLatest = new Map<string, string>();
  for (const a of archived) {
    const row = byTarget.get(a.target_id);
    if (!row) continue;
    subtractArchived(row, a.valid_until, today);
    if (a.collected_on > (archivedLatest.get(a.target_id) ?? '')) archivedLatest.set(a.target_id, a.collected_on);
  }
  const out: TargetCounts[] = [];
  for (const s of states) {
    if (s.total <= 0) continue;
    let latest: string | null = s.latest;
    const gone = archivedLatest.get(s.target);
    if (gone && gone >= s.latest) latest = await latestCurrent(db, orgId, kind, s.target);
    out.push({
      targetId: s.target,
      valid: s.valid,
      expiring: s.expiring,
      expired: s.expired,
      total: s.total,
      latestCollectedOn: latest,
    });
  }
  return out;
}

/** Current items per area by state (from evidence_counts). */
export async function countsByArea(db: Executor, orgId: string, today: string) {
  const byArea = await countsByTarget(db, orgId, 'area', today);
  return byArea.map((c) => ({ area: c.targetId, total: c.total, expired: c.expired, expiring: c.expiring }));
}

/**
 * The first items linked to each of some targets, most recently collected
 * first: one statement, a LIMIT walk of evidence_links_recent_idx per target
 * joined by UNION ALL (one round trip on PostgreSQL instead of one per control).
 */
export async function firstItemsFor(db: Executor, orgId: string, kind: Target, targetIds: string[], perTarget: number) {
  if (targetIds.length === 0) return [];
  const one = (targetId: string) =>
    db
      .selectFrom('evidence_links as l')
      .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
      .select(['l.target_id', 'l.collected_on', 'e.id', 'e.number_seq', 'e.title', 'e.valid_until'])
      .where('l.org_id', '=', orgId)
      .where('l.target_kind', '=', kind)
      .where('l.target_id', '=', targetId)
      .where('e.archived_at', 'is', null)
      .orderBy('l.collected_on', 'desc')
      .orderBy('l.evidence_id', 'desc')
      .limit(perTarget);
  const rows: Awaited<ReturnType<ReturnType<typeof one>['execute']>> = [];
  // SQLite allows 500 selects in a compound statement
  for (let i = 0; i < targetIds.length; i += TARGETS_PER_STATEMENT) {
    // each walk in a derived table keeps its own ORDER BY and LIMIT inside the compound select
    const [first, ...rest] = targetIds
      .slice(i, i + TARGETS_PER_STATEMENT)
      .map((id) => db.selectFrom(one(id).as('t')).selectAll());
    rows.push(...(await rest.reduce((q, next) => q.unionAll(next), first).execute()));
  }
  // UNION ALL promises no order: targets in the order asked, each most recently collected first
  const at = new Map(targetIds.map((id, i) => [id, i]));
  const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return rows.sort(
    (a, b) => (at.get(a.target_id) ?? 0) - (at.get(b.target_id) ?? 0) || desc(a.collected_on, b.collected_on) || desc(a.id, b.id),
  );
}

const TARGETS_PER_STATEMENT = 200;

/** Current items a member owns that expire within 30 days or have expired, soonest first. */
export async function dueForOwner(db: Executor, orgId: string, userId: string, today: string) {
  return db
    .selectFrom('evidence')
    .select(['id', 'number_seq', 'title', 'valid_until'])
    .where('org_id', '=', orgId)
    .where('owner_user_id', '=', userId)
    .where('archived_at', 'is', null)
    .where('valid_until', '<=', expiringUntil(today))
    .orderBy('valid_until')
    .orderBy('number_seq')
    .limit(200)
    .execute();
}

/** Current items of every organization that expire within 30 days or have expired (the reminder job). */
export async function dueEverywhere(db: Executor, today: string) {
  return db
    .selectFrom('evidence')
    .select(['id', 'org_id', 'number_seq', 'title', 'valid_until', 'owner_user_id'])
    .where('archived_at', 'is', null)
    .where('valid_until', '<=', expiringUntil(today))
    .execute();
}
