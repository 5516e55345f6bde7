import type { Executor } from '../../platform/db/db.js';
import { approvedScopeEntries, type ScopeEntry } from '../scope/index.js';

// The other half of the scope check (the flags catch systems in the
// inventory that the approved scope does not name): what the approved scope
// names that the inventory does not hold. Stage 1 fails when "AI systems are
// missing".

export interface ScopeGap {
  name: string;
  kind: ScopeEntry['kind'];
  scopeVersion: number;
}

/**
 * The AI systems, products and services the approved scope names that no
 * active inventory record stands for: an entry is present when it links an
 * active record, or an active record has its folded name. Empty without an
 * approved scope. One query, whatever the size of the inventory.
 */
export async function scopeEntriesMissingFromInventory(db: Executor, orgId: string): Promise<ScopeGap[]> {
  const scope = await approvedScopeEntries(db, orgId);
  if (!scope || scope.entries.length === 0) return [];
  const ids = [...new Set(scope.entries.map((e) => e.aiSystemId).filter((x): x is string => !!x))];
  const keys = [...new Set(scope.entries.map((e) => e.nameKey).filter(Boolean))];
  const found =
    !ids.length && !keys.length
      ? []
      : await db
          .selectFrom('ai_systems')
          .select(['id', 'name_key'])
          .where('org_id', '=', orgId)
          .where('archived_at', 'is', null)
          .where((eb) =>
            eb.or([...(ids.length ? [eb('id', 'in', ids)] : []), ...(keys.length ? [eb('name_key', 'in', keys)] : [])]),
          )
          .execute();
  const foundIds = new Set(found.map((r) => r.id));
  const foundKeys = new Set(found.map((r) => r.name_key));
  const seen = new Set<string>();
  const out: ScopeGap[] = [];
  for (const e of scope.entries) {
    if ((e.aiSystemId && foundIds.has(e.aiSystemId)) || (e.nameKey && foundKeys.has(e.nameKey))) continue;
    // the same name listed twice (as an AI system and as a product) is one thing to add
    const once = e.nameKey || e.name;
    if (seen.has(once)) continue;
    seen.add(once);
    out.push({ name: e.name, kind: e.kind, scopeVersion: scope.version });
  }
  return out;
}
