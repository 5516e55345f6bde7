import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import type { DB } from '../../platform/db/tables.js';
import { evidenceState, expiringUntil } from './evidence.rules.js';
import type { EvidenceInput } from './evidence.schemas.js';

// evidence_counts: items per link target (and per area) and exact DAY of their
// end date, kept in the write's transaction with atomic upserts. A state
// depends only on the day and today, so coverage is one grouped read of these
// rows (sum with CASE on the day) and moves with today without any write.

/** The bucket of items without an end date: after every real day, so always valid. */
export const OPEN_DAY = '9999-12-31';
export type CountKind = 'requirement' | 'control' | 'ai-system' | 'risk' | 'area';

interface Group {
  kind: CountKind;
  target: string;
  day: string;
}
const keyOf = (g: Group) => `${g.kind}\u0000${g.target}\u0000${g.day}`;
export const dayOf = (validUntil: string | null) => validUntil ?? OPEN_DAY;

function groupsOf(i: EvidenceInput): Group[] {
  const day = dayOf(i.validUntil);
  const of = (kind: CountKind, ids: string[]) => ids.map((target) => ({ kind, target, day }));
  return [
    ...of('requirement', i.requirementIds),
    ...of('control', i.controlIds),
    ...of('ai-system', i.aiSystemIds),
    ...of('risk', i.riskIds),
    { kind: 'area', target: i.area, day },
  ];
}

/** Moves an item's contribution from its stored state (null on create) to its new one. */
export async function adjustCounts(tx: Executor, orgId: string, before: EvidenceInput | null, after: EvidenceInput) {
  const delta = new Map<string, { g: Group; n: number; dropped: boolean }>();
  for (const g of before ? groupsOf(before) : []) delta.set(keyOf(g), { g, n: -1, dropped: true });
  for (const g of groupsOf(after)) {
    const d = delta.get(keyOf(g));
    // unchanged group: only the collection date may have moved
    if (d) delta.set(keyOf(g), { g, n: 0, dropped: before?.collectedOn !== after.collectedOn });
    else delta.set(keyOf(g), { g, n: 1, dropped: false });
  }
  for (const { g, n, dropped } of delta.values()) {
    if (n > 0) {
      await tx
        .insertInto('evidence_counts')
        .values({
          org_id: orgId,
          target_kind: g.kind,
          target_id: g.target,
          valid_day: g.day,
          n,
          latest_collected_on: after.collectedOn,
        })
        .onConflict((oc) =>
          oc.columns(['org_id', 'target_kind', 'target_id', 'valid_day']).doUpdateSet((eb) => ({
            n: eb(eb.ref('evidence_counts.n'), '+', eb.ref('excluded.n')),
            latest_collected_on: sql<string>`case when excluded.latest_collected_on > evidence_counts.latest_collected_on then excluded.latest_collected_on else evidence_counts.latest_collected_on end`,
          })),
        )
        .execute();
      continue;
    }
    if (n < 0)
      await tx
        .updateTable('evidence_counts')
        .set((eb) => ({ n: eb(eb.ref('n'), '-', 1) }))
        .where('org_id', '=', orgId)
        .where('target_kind', '=', g.kind)
        .where('target_id', '=', g.target)
        .where('valid_day', '=', g.day)
        .execute();
    if (dropped) await refreshLatest(tx, orgId, g);
  }
}

/** valid_until on a day (or open), on the links or the items. */
function onDay<T extends 'evidence' | 'evidence_links'>(day: string) {
  return (eb: ExpressionBuilder<DB, T>) => {
    const col = eb.ref('valid_until' as never);
    return day === OPEN_DAY ? eb(col, 'is', null) : eb(col, '=', day as never);
  };
}

/** After an item left a group (or its date moved): drop the group when empty, else re-read its latest date. */
async function refreshLatest(tx: Executor, orgId: string, g: Group) {
  const latest =
    g.kind === 'area'
      ? await tx
          .selectFrom('evidence')
          .select((eb) => eb.fn.max('collected_on').as('latest'))
          .where('org_id', '=', orgId)
          .where('area', '=', g.target as never)
          .where(onDay<'evidence'>(g.day))
          .executeTakeFirst()
      : await tx
          .selectFrom('evidence_links')
          .select((eb) => eb.fn.max('collected_on').as('latest'))
          .where('org_id', '=', orgId)
          .where('target_kind', '=', g.kind)
          .where('target_id', '=', g.target)
          .where(onDay<'evidence_links'>(g.day))
          .executeTakeFirst();
  const rows = tx
    .deleteFrom('evidence_counts')
    .where('org_id', '=', orgId)
    .where('target_kind', '=', g.kind)
    .where('target_id', '=', g.target)
    .where('valid_day', '=', g.day);
  if (!latest?.latest) {
    await rows.execute();
    return;
  }
  await tx
    .updateTable('evidence_counts')
    .set({ latest_collected_on: latest.latest as string })
    .where('org_id', '=', orgId)
    .where('target_kind', '=', g.kind)
    .where('target_id', '=', g.target)
    .where('valid_day', '=', g.day)
    .execute();
  await rows.where('n', '<=', 0).execute();
}

export interface StateRow {
  target: string;
  total: number;
  expired: number;
  expiring: number;
  valid: number;
  latest: string;
}

/** A kind's items per target by state today: one grouped read of evidence_counts. */
export async function readStates(db: Executor, orgId: string, kind: CountKind, today: string): Promise<StateRow[]> {
  const soon = expiringUntil(today);
  const rows = await db
    .selectFrom('evidence_counts')
    .select((eb) => [
      'target_id',
      eb.fn.sum<number>('n').as('total'),
      eb.fn.sum<number>(eb.case().when('valid_day', '<', today).then(eb.ref('n')).else(0).end()).as('expired'),
      eb.fn.sum<number>(eb.case().when('valid_day', '<=', soon).then(eb.ref('n')).else(0).end()).as('upToSoon'),
      eb.fn.max('latest_collected_on').as('latest'),
    ])
    .where('org_id', '=', orgId)
    .where('target_kind', '=', kind)
    .groupBy('target_id')
    .execute();
  return rows.map((r) => {
    const total = Number(r.total);
    const expired = Number(r.expired ?? 0);
    const expiring = Number(r.upToSoon ?? 0) - expired;
    return { target: r.target_id, total, expired, expiring, valid: total - expired - expiring, latest: r.latest as string };
  });
}

/**
 * The links (or items, for areas) of archived items: the counts keep them
 * (the register kit's archive has no hook for the module), so readers take
 * them off. Few by their own index; their links by id, in chunks.
 */
export async function archivedContributions(db: Executor, orgId: string, kind: CountKind) {
  const items = await db
    .selectFrom('evidence')
    .select(['id', 'area', 'valid_until', 'collected_on'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is not', null)
    .execute();
  if (kind === 'area')
    return items.map((a) => ({
      evidence_id: a.id,
      target_id: a.area as string,
      valid_until: a.valid_until,
      collected_on: a.collected_on,
    }));
  let out: { evidence_id: string; target_id: string; valid_until: string | null; collected_on: string }[] = [];
  // By item id through evidence_links_evidence_idx; org_id as an expression so
  // SQLite does not pick the (org, kind, ...) indexes and walk every link of the kind.
  for (let i = 0; i < items.length; i += 500) {
    const links = await db
      .selectFrom('evidence_links')
      .select(['evidence_id', 'target_kind', 'target_id', 'valid_until', 'collected_on'])
      .where(sql<string>`${sql.ref('org_id')} || ''`, '=', orgId)
      .where(
        'evidence_id',
        'in',
        items.slice(i, i + 500).map((a) => a.id),
      )
      .execute();
    out = out.concat(
      links
        .filter((l) => l.target_kind === kind)
        .map((l) => ({
          evidence_id: l.evidence_id,
          target_id: l.target_id,
          valid_until: l.valid_until,
          collected_on: l.collected_on,
        })),
    );
  }
  return out;
}

/** Takes an archived item's contribution off its target's counts, by the same rule as evidenceState. */
export function subtractArchived(row: StateRow, validUntil: string | null, today: string) {
  row.total -= 1;
  row[evidenceState(validUntil, today)] -= 1;
}

/** The latest collection date of a target's current items (when an archived one may have been the latest). */
export async function latestCurrent(db: Executor, orgId: string, kind: CountKind, target: string): Promise<string | null> {
  const row =
    kind === 'area'
      ? await db
          .selectFrom('evidence')
          .select((eb) => eb.fn.max('collected_on').as('latest'))
          .where('org_id', '=', orgId)
          .where('area', '=', target as never)
          .where('archived_at', 'is', null)
          .executeTakeFirst()
      : await db
          .selectFrom('evidence_links as l')
          .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
          .select((eb) => eb.fn.max('l.collected_on').as('latest'))
          .where('l.org_id', '=', orgId)
          .where('l.target_kind', '=', kind)
          .where('l.target_id', '=', target)
          .where('e.archived_at', 'is', null)
          .executeTakeFirst();
  return (row?.latest as string | null) ?? null;
}
