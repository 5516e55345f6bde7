import type { Executor } from '../../platform/db/db.js';
import { resolveLinks } from '../../platform/refs/index.js';
import { LINK_TYPES, type LinkRef, type LinkTarget } from './gap.rules.js';
import { linksColumn } from './gap.tables.js';

// The records an answer links to, looked up through the kinds their modules
// register (platform/refs): one query per kind for any number of links, so an
// assessment of 70 answers costs at most three queries, not one per answer.

/** Stored links as typed refs; anything not one of the link types is dropped. */
export function parseLinks(json: string): LinkRef[] {
  return linksColumn.read(json).filter((l): l is LinkRef => (LINK_TYPES as readonly string[]).includes(l.type));
}

/** Labels of the linked records, from the modules that own them (one query per kind). */
export const findLinkTargets = (db: Executor, orgId: string, links: LinkRef[]) =>
  resolveLinks(db, orgId, links) as Promise<(link: LinkRef) => LinkTarget | undefined>;
