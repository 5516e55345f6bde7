import type { Executor } from '../db/db.js';
import type { FieldError } from '../http/errors.js';

// Links between records of different modules (an answer resting on an AI
// system, a risk on a supplier, a finding on a control...). Each module
// registers the kinds of record it owns with a batched lookup; a module that
// links reads labels through here, in one query per kind for any number of
// links, and never queries another module's tables.

export interface LinkTarget {
  label: string;
  /** archived, superseded or retired: shown, but no longer current */
  archived: boolean;
  /** whether a new link may point at it (a draft scope version may not) */
  linkable: boolean;
}

export interface LinkKind {
  /** API value, kebab-case: 'ai-system', 'supplier', 'scope' */
  kind: string;
  /** the record with its article, as an error names it: "an AI system", "an approved scope version" */
  noun: string;
  lookup(db: Executor, orgId: string, ids: string[]): Promise<Map<string, LinkTarget>>;
  /**
   * Current (not archived) records whose name matches, ignoring case, spaces
   * and punctuation (fold): each name as given -> the id of a record of that
   * name. Names nothing matches are absent. For kinds whose records have names.
   */
  matchNames?(db: Executor, orgId: string, names: string[]): Promise<Map<string, string>>;
  /** whether the organization holds any current record of this kind */
  hasCurrent?(db: Executor, orgId: string): Promise<boolean>;
}

export interface LinkRef {
  type: string;
  id: string;
}

const kinds = new Map<string, LinkKind>();

/** Modules call this from their index.ts for each kind of record they own. */
export function registerLinkKind(kind: LinkKind) {
  kinds.set(kind.kind, kind);
}

function kindOf(type: string): LinkKind {
  const k = kinds.get(type);
  if (!k) throw new Error(`no module registered the link kind "${type}"`);
  return k;
}

/** Labels of many links at once: one lookup per kind. Unknown or foreign ids resolve to undefined. */
export async function resolveLinks(
  db: Executor,
  orgId: string,
  links: LinkRef[],
): Promise<(link: LinkRef) => LinkTarget | undefined> {
  const byKind = new Map<string, Set<string>>();
  for (const l of links) byKind.set(l.type, (byKind.get(l.type) ?? new Set()).add(l.id));
  const found = new Map<string, Map<string, LinkTarget>>();
  await Promise.all([...byKind].map(async ([type, ids]) => found.set(type, await kindOf(type).lookup(db, orgId, [...ids]))));
  return (link) => found.get(link.type)?.get(link.id);
}

/**
 * Current records of a kind matched by name (see LinkKind.matchNames), for a
 * module that names things another module records (the scope names AI systems
 * the inventory holds) without depending on it.
 */
export async function matchLinksByName(db: Executor, orgId: string, kind: string, names: string[]): Promise<Map<string, string>> {
  const k = kindOf(kind);
  if (!k.matchNames) throw new Error(`the link kind "${kind}" does not match by name`);
  return names.length ? k.matchNames(db, orgId, names) : new Map();
}

/** Whether the organization holds any current record of a kind (false when the kind cannot tell). */
export async function hasCurrentLinks(db: Executor, orgId: string, kind: string): Promise<boolean> {
  const k = kindOf(kind);
  return k.hasCurrent ? k.hasCurrent(db, orgId) : false;
}

/**
 * Field errors for links that are not this organization's records of that
 * kind, or not ones a new link may point at (at is the list's path: "body.links").
 */
export async function checkLinks(
  db: Executor,
  orgId: string,
  links: LinkRef[],
  at: string,
  idField = 'id',
): Promise<FieldError[]> {
  const target = await resolveLinks(db, orgId, links);
  const errors: FieldError[] = [];
  links.forEach((l, i) => {
    if (!target(l)?.linkable)
      errors.push({ field: `${at}.${i}.${idField}`, message: `is not ${kindOf(l.type).noun} of this organization` });
  });
  return errors;
}
