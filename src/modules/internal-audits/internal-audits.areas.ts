import type { Executor } from '../../platform/db/db.js';
import { findRow } from '../../platform/register/index.js';
import { resolveLinks } from '../../platform/refs/index.js';
import { documentRegister } from '../documents/index.js';
import { aiSystemsById } from '../inventory/index.js';
import { governanceRoles } from '../roles/index.js';
import { soaRows } from '../soa/index.js';
import type { AreaKind, OwnedArea } from './internal-audits.rules.js';

// Who owns each record under audit, asked of the modules that hold them, so
// the independence rule (internal-audits.rules.ts) can be judged. Only the
// kinds present in the areas are read.

type Owner = OwnedArea['owners'][number];

export async function ownedAreas(db: Executor, orgId: string, areas: { type: AreaKind; id: string }[]): Promise<OwnedArea[]> {
  if (!areas.length) return [];
  const ids = (type: AreaKind) => areas.filter((a) => a.type === type).map((a) => a.id);
  const [labels, systems, roles, controls, documents] = await Promise.all([
    resolveLinks(db, orgId, areas),
    ids('ai-system').length ? aiSystemsById(db, orgId, ids('ai-system')) : null,
    ids('role').length ? governanceRoles(db, orgId) : null,
    ids('control').length ? soaRows(db, orgId) : null,
    Promise.all(ids('document').map((id) => findRow(db, documentRegister, orgId, id))),
  ]);
  const owners = new Map<string, Owner[]>();
  const add = (type: string, id: string, userId: string | null | undefined, how: Owner['how']) => {
    if (!userId) return;
    const key = `${type}:${id}`;
    owners.set(key, [...(owners.get(key) ?? []), { userId, how }]);
  };
  for (const [id, s] of systems ?? []) {
    add('ai-system', id, s.businessOwner?.userId, 'owns');
    add('ai-system', id, s.technicalOwner?.userId, 'owns');
  }
  for (const r of roles ?? []) {
    add('role', r.id, r.holder?.userId, 'holds');
    add('role', r.id, r.deputy?.userId, 'deputises for');
  }
  // the SoA names control owners only when the organization recorded them
  for (const r of controls ?? []) add('control', r.controlId, r.owner?.userId, 'owns');
  for (const d of documents) if (d) add('document', d.id, d.owner_user_id, 'owns');
  return areas.map((a) => ({
    type: a.type,
    id: a.id,
    label: labels(a)?.label ?? a.id,
    owners: owners.get(`${a.type}:${a.id}`) ?? [],
  }));
}
