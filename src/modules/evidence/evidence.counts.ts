import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import type { DB } from '../../platform/db/tables.js';
import type { EvidenceInput } from './evidence.schemas.js';

// evidence_counts: items per link target (and per area) and month of their
// end date, kept in the write's transaction, so coverage reads a few rows per
// target however many items there are. States depend on today: months before
// this one are expired and months after the expiring window are valid; only
// the month or two around today are counted exactly from the links.

export const OPEN_MONTH = '9999-12';
export type CountKind = 'requirement' | 'control' | 'ai-system' | 'risk' | 'area';

interface Group {
  kind: CountKind;
  target: string;
  month: string;
}
const keyOf = (g: Group) => `${g.kind}\u0000${g.target}\u0000${g.month}`;
export const monthOf = (validUntil: string | null) => (validUntil ? validUntil.slice(0, 7) : OPEN_MONTH);

function groupsOf(i: EvidenceInput): Group[] {
  const month = monthOf(i.validUntil);
  const of = (kind: CountKind, ids: string[]) => ids.map((target) => ({ kind, target, month }));
  return [
    ...of('requirement', i.requirementIds),
    ...of('control', i.controlIds),
    ...of('ai-system', i.aiSystemIds),
    ...of('risk', i.riskIds),
    { kind: 'area', target: i.area, month },
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
          valid_month: g.month,
          n,
          latest_collected_on: after.collectedOn,
        })
        .onConflict((oc) =>
          oc.columns(['org_id', 'target_kind', 'target_id', 'valid_month']).doUpdateSet((eb) => ({
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
        .where('valid_month', '=', g.month)
        .execute();
    if (dropped) await refreshLatest(tx, orgId, g);
  }
}

/** valid_until within a month (or open), on the links or the items. */
function inMonth<T extends 'evidence' | 'evidence_links'>(month: string) {
  return (eb: ExpressionBuilder<DB, T>) => {
    const col = eb.ref('valid_until' as never);
    return month === OPEN_MONTH
      ? eb(col, 'is', null)
      : eb.and([eb(col, '>=', `${month}-01` as never), eb(col, '<=', `${month}-31` as never)]);
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
          .where(inMonth<'evidence'>(g.month))
          .executeTakeFirst()
      : await tx
          .selectFrom('evidence_links')
          .select((eb) => eb.fn.max('collected_on').as('latest'))
          .where('org_id', '=', orgId)
          .where('target_kind', '=', g.kind)
          .where('target_id', '=', g.target)
          .where(inMonth<'evidence_links'>(g.month))
          .executeTakeFirst();
  const rows = tx
    .deleteFrom('evidence_counts')
    .where('org_id', '=', orgId)
    .where('target_kind', '=', g.kind)
    .where('target_id', '=', g.target)
    .where('valid_month', '=', g.month);
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
    .where('valid_month', '=', g.month)
    .execute();
  await rows.where('n', '<=', 0).execute();
}

export interface MonthRow {
  target: string;
  month: string;
  n: number;
  latest: string;
}

/** A kind's groups, less what archived items put in (archived items count nowhere). */
export async function readMonths(db: Executor, orgId: string, kind: CountKind) {
  // Archived items first (few, by their own index), then their links by id:
  // a join would let the planner walk every link of the kind.
  const [rows, archivedItems] = await Promise.all([
    db
      .selectFrom('evidence_counts')
      .select(['target_id', 'valid_month', 'n', 'latest_collected_on'])
      .where('org_id', '=', orgId)
      .where('target_kind', '=', kind)
      .execute(),
    db
      .selectFrom('evidence')
      .select(['id', 'area', 'valid_until', 'collected_on'])
      .where('org_id', '=', orgId)
      .where('archived_at', 'is not', null)
      .execute(),
  ]);
  let archived: { target_id: string; valid_until: string | null; collected_on: string }[] = [];
  if (kind === 'area')
    archived = archivedItems.map((a) => ({ target_id: a.area, valid_until: a.valid_until, collected_on: a.collected_on }));
  else
    for (let i = 0; i < archivedItems.length; i += 500)
      archived = archived.concat(
        await db
          .selectFrom('evidence_links')
          .select(['target_id', 'valid_until', 'collected_on'])
          .where('org_id', '=', orgId)
          .where('target_kind', '=', kind)
          .where(
            'evidence_id',
            'in',
            archivedItems.slice(i, i + 500).map((a) => a.id),
          )
          .execute(),
      );
  const out = new Map<string, MonthRow>();
  for (const r of rows)
    out.set(`${r.target_id}\u0000${r.valid_month}`, {
      target: r.target_id,
      month: r.valid_month,
      n: Number(r.n),
      latest: r.latest_collected_on,
    });
  // Targets where an archived item may have been the latest: the caller asks the current items.
  const archivedLatest = new Map<string, string>();
  for (const a of archived) {
    const row = out.get(`${a.target_id}\u0000${monthOf(a.valid_until)}`);
    if (!row) continue;
    row.n -= 1;
    if (a.collected_on > (archivedLatest.get(a.target_id) ?? '')) archivedLatest.set(a.target_id, a.collected_on);
  }
  return { rows: [...out.values()].filter((r) => r.n > 0), archivedLatest };
}

/**
 * Exact states of the items ending between two dates (the months around
 * today), per target: a range read of the links' end-date index.
 */
export async function exactNearToday(
  db: Executor,
  orgId: string,
  kind: CountKind,
  from: string,
  to: string,
  today: string,
  soon: string,
) {
  const archivedIds = db.selectFrom('evidence').select('id').where('org_id', '=', orgId).where('archived_at', 'is not', null);
  const state = (eb: ExpressionBuilder<DB, 'evidence' | 'evidence_links'>) => [
    eb.fn.countAll<number>().as('total'),
    eb.fn
      .sum<number>(
        eb
          .case()
          .when(eb.ref('valid_until' as never), '<', today as never)
          .then(1)
          .else(0)
          .end(),
      )
      .as('expired'),
    eb.fn
      .sum<number>(
        eb
          .case()
          .when(eb.ref('valid_until' as never), '<=', soon as never)
          .then(1)
          .else(0)
          .end(),
      )
      .as('upToSoon'),
  ];
  const rows =
    kind === 'area'
      ? await db
          .selectFrom('evidence')
          .select((eb) => ['area as target_id', ...state(eb as never)])
          .where('org_id', '=', orgId)
          .where('archived_at', 'is', null)
          .where('valid_until', '>=', from)
          .where('valid_until', '<=', to)
          .groupBy('area')
          .execute()
      : await db
          .selectFrom('evidence_links')
          .select((eb) => ['target_id', ...state(eb as never)])
          .where('org_id', '=', orgId)
          .where('target_kind', '=', kind)
          .where('valid_until', '>=', from)
          .where('valid_until', '<=', to)
          .where('evidence_id', 'not in', archivedIds)
          .groupBy('target_id')
          .execute();
  return rows.map((r) => {
    const row = r as unknown as { target_id: string; total: number; expired: number | null; upToSoon: number | null };
    const total = Number(row.total);
    const expired = Number(row.expired ?? 0);
    const expiring = Number(row.upToSoon ?? 0) - expired;
    return { target: row.target_id, total, expired, expiring, valid: total - expired - expiring };
  });
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
