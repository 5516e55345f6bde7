import type { Executor } from '../../platform/db/db.js';
import { aiSystemNames } from '../inventory/index.js';
import { scopeVersionsByIds } from '../scope/index.js';
import { supplierNames } from '../suppliers/index.js';
import { LINK_TYPES, type LinkRef, type LinkTarget } from './gap.rules.js';

// The records an answer links to, looked up in their own modules: one query
// per record type for any number of links, so an assessment of 70 answers
// costs at most three queries, not one per answer.

/** Stored links as typed refs; anything not one of the link types is dropped. */
export function parseLinks(json: string): LinkRef[] {
  const raw = JSON.parse(json) as { type: string; id: string }[];
  return raw.filter((l): l is LinkRef => (LINK_TYPES as readonly string[]).includes(l.type));
}

export async function findLinkTargets(
  db: Executor,
  orgId: string,
  links: LinkRef[],
): Promise<(link: LinkRef) => LinkTarget | undefined> {
  const ids = (type: LinkRef['type']) => links.filter((l) => l.type === type).map((l) => l.id);
  const [systems, suppliers, scopes] = await Promise.all([
    aiSystemNames(db, orgId, ids('ai-system')),
    supplierNames(db, orgId, ids('supplier')),
    scopeVersionsByIds(db, orgId, ids('scope')),
  ]);
  return (link) => {
    switch (link.type) {
      case 'ai-system': {
        const s = systems.get(link.id);
        return s && { label: s.name, archived: s.archived, linkable: true };
      }
      case 'supplier': {
        const s = suppliers.get(link.id);
        return s && { label: s.name, archived: s.archived, linkable: true };
      }
      case 'scope': {
        // A scope link names one scope version by its id, not "the scope":
        // an answer is judged against the scope as approved at the time, and
        // an approved version is immutable, so the link keeps meaning the
        // same text after the next approval (it then shows as superseded).
        // Drafts change and are deleted when discarded, so they are not
        // linkable.
        const v = scopes.get(link.id);
        return (
          v && {
            label: `Scope version ${v.version}`,
            archived: v.status === 'superseded',
            linkable: v.status !== 'draft',
          }
        );
      }
    }
  };
}
