import type { Executor } from '../../platform/db/db.js';
import { risksByControl } from '../risks/index.js';
import type { LinkedRisk } from './soa.schemas.js';

// The risks whose treatment actions rely on each control (Annex A id or own
// control id), from the risk register. With 20,000 risks that is tens of
// thousands of links, read on every SoA read; it changes only when something
// other than the SoA is written. Every write appends an audit-log row in its
// own transaction, so the organization's last non-SoA audit row tells whether
// the links may have changed: the answer is kept per organization under that
// row's seq and read again once a later one exists. The seq comes from the
// database, so this holds with several app processes: each reads anew after
// any process wrote. SoA edits (inline, many in a row) do not invalidate it.

type Links = ReadonlyMap<string, readonly LinkedRisk[]>;

const MAX_ORGS = 16;
const cache = new Map<string, { seq: number; links: Links }>();

/** The seq of the organization's last audit-log row of anything but the SoA, 0 when none. */
async function lastOtherWrite(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('org_id', '=', orgId)
    .where('entity_type', '<>', 'soa')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export async function linkedRisksByControl(db: Executor, orgId: string): Promise<Links> {
  // Read the seq first: the links read after it are at least as new as it.
  const seq = await lastOtherWrite(db, orgId);
  const hit = cache.get(orgId);
  if (hit && hit.seq === seq) return hit.links;
  const links = await risksByControl(db, orgId);
  cache.delete(orgId);
  cache.set(orgId, { seq, links });
  // the least recently refreshed organization goes first
  if (cache.size > MAX_ORGS) cache.delete(cache.keys().next().value as string);
  return links;
}
