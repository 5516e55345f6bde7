import { sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { archivedContributions } from './evidence.counts.js';

// The readiness rehearsal's evidence sample without reading the pool. The
// caller knows how many current items each control has (the SoA's evidence
// counts) and draws places in the control's items sorted by id; this reads
// the item at each place by an index walk from the nearer end of the
// control's links (evidence_links_item_idx: org, kind, target, evidence), so
// 100,000 items cost a few hundred index steps per drawn item, not a read of
// every (control, item) pair.

/** Drawn places read in one statement (one scalar subquery each). */
const PLACES_PER_STATEMENT = 100;

export interface ControlDraw {
  controlId: string;
  /** current items linked to the control */
  count: number;
  /** 0-based places in the control's current items sorted by id */
  places: number[];
}

interface Place {
  controlId: string;
  place: number;
  count: number;
}

/** The item at each place, as one row of one column per place; places past the end read null. */
async function readPlaces(db: Executor, orgId: string, places: Place[]): Promise<(string | null)[]> {
  const columns = places.map((p, i) => {
    // walk from the nearer end: half the steps on average
    const fromEnd = p.place >= p.count / 2;
    const offset = fromEnd ? p.count - 1 - p.place : p.place;
    return sql`(select l.evidence_id from evidence_links l where l.org_id = ${orgId} and l.target_kind = 'control' and l.target_id = ${p.controlId} order by l.evidence_id ${sql.raw(fromEnd ? 'desc' : 'asc')} limit 1 offset ${offset}) as ${sql.ref(`p${i}`)}`;
  });
  const { rows } = await sql<Record<string, string | null>>`select ${sql.join(columns)}`.execute(db);
  return places.map((_, i) => rows[0]?.[`p${i}`] ?? null);
}

/**
 * The ids at the drawn places of each control, in the order drawn. A control
 * that has archived items linked (few: archiving is rare) reads its links and
 * leaves those out, so places always count current items only.
 */
export async function controlEvidenceAtPlaces(db: Executor, orgId: string, draws: ControlDraw[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(draws.map((d) => [d.controlId, []]));
  const wanted = draws.filter((d) => d.count > 0 && d.places.length > 0);
  if (wanted.length === 0) return out;
  const archived = await archivedContributions(db, orgId, 'control');
  const archivedByControl = new Map<string, Set<string>>();
  for (const a of archived) {
    const set = archivedByControl.get(a.target_id) ?? new Set<string>();
    set.add(a.evidence_id);
    archivedByControl.set(a.target_id, set);
  }
  const direct: Place[] = [];
  for (const d of wanted) {
    const gone = archivedByControl.get(d.controlId);
    if (!gone) {
      for (const place of d.places) direct.push({ controlId: d.controlId, place, count: d.count });
      continue;
    }
    const links = await db
      .selectFrom('evidence_links')
      .select('evidence_id')
      .where('org_id', '=', orgId)
      .where('target_kind', '=', 'control')
      .where('target_id', '=', d.controlId)
      .execute();
    // sorted as the draw's pool is (code units, as Array.prototype.sort)
    const pool = links
      .map((l) => l.evidence_id)
      .filter((id) => !gone.has(id))
      .sort();
    out.set(
      d.controlId,
      d.places.flatMap((p) => (pool[p] === undefined ? [] : [pool[p]])),
    );
  }
  for (let i = 0; i < direct.length; i += PLACES_PER_STATEMENT) {
    const chunk = direct.slice(i, i + PLACES_PER_STATEMENT);
    const ids = await readPlaces(db, orgId, chunk);
    chunk.forEach((p, k) => {
      const id = ids[k];
      if (id) out.get(p.controlId)?.push(id);
    });
  }
  return out;
}
