import type { Executor } from '../../platform/db/db.js';
import { hasCurrentLinks, matchLinksByName, resolveLinks } from '../../platform/refs/index.js';
import { invalid } from '../../platform/http/errors.js';
import { fold } from '../../platform/text.js';
import { oncePer } from '../../platform/memo.js';
import { defineVersionedRecord } from '../../platform/versioned/index.js';
import { findOrg, getProfile } from '../organizations/index.js';
import { countryOf } from './scope.breadth.js';
import { renderStatement, SCOPE_LISTS, type ScopeCheckContext, scopeChecks } from './scope.rules.js';
import { EMPTY_SCOPE, type ScopeContent, scopeContentSchema } from './scope.schemas.js';

// The scope is a versioned record (platform/versioned), one per organization:
// drafted, checked, approved into immutable versions whose statement is frozen.

interface OrgContext extends ScopeCheckContext {
  orgName: string;
}

/**
 * The profile the checks and statement read, and the inventory as far as the
 * shown versions name it: which linked records are current, which names a
 * current record bears (through the link kinds: the inventory depends on the
 * scope, not the other way round).
 */
async function orgContext(db: Executor, orgId: string, contents: ScopeContent[]): Promise<OrgContext> {
  const linked = [...new Set(contents.flatMap((c) => c.aiSystems.map((a) => a.aiSystemId).filter((x): x is string => !!x)))];
  const names = [...new Set(contents.flatMap((c) => [...c.aiSystems, ...c.productsAndServices].map((e) => e.name)))];
  const [org, profile, target, byName, started] = await Promise.all([
    findOrg(db, orgId),
    getProfile(db, orgId),
    resolveLinks(
      db,
      orgId,
      linked.map((id) => ({ type: 'ai-system', id })),
    ),
    matchLinksByName(db, orgId, 'ai-system', names),
    hasCurrentLinks(db, orgId, 'ai-system'),
  ]);
  const countries = [profile.country, ...profile.targetMarkets.map(countryOf)].filter((c): c is string => !!c);
  return {
    orgName: profile.legalName || org?.name || 'the organization',
    sites: profile.sites,
    countries: [...new Set(countries)],
    inventory: {
      started,
      activeIds: linked.filter((id) => {
        const t = target({ type: 'ai-system', id });
        return t !== undefined && !t.archived;
      }),
      nameKeys: [...byName.keys()].map(fold),
    },
  };
}

/**
 * A scope may link its AI systems to inventory records; each link must be one
 * of this organization's systems. (Through the link kinds of platform/refs,
 * not the inventory module: inventory depends on scope, not the other way round.)
 */
async function checkAiSystemLinks(db: Executor, orgId: string, content: ScopeContent) {
  const ids = content.aiSystems.map((a) => a.aiSystemId).filter((x): x is string => !!x);
  if (ids.length === 0) return;
  const found = await resolveLinks(
    db,
    orgId,
    ids.map((id) => ({ type: 'ai-system', id })),
  );
  const errors = content.aiSystems
    .map((a, i) =>
      a.aiSystemId && !found({ type: 'ai-system', id: a.aiSystemId })
        ? { field: `body.content.aiSystems.${i}.aiSystemId`, message: 'is not an AI system of this organization' }
        : null,
    )
    .filter((e): e is { field: string; message: string } => e !== null);
  if (errors.length) throw invalid(errors);
}

export const scope = defineVersionedRecord({
  table: 'scope_versions',
  entityType: 'scope',
  label: 'scope',
  content: scopeContentSchema,
  // Content saved before a field existed reads with that field empty.
  upgrade: (stored) => ({ ...EMPTY_SCOPE, ...(stored as Partial<ScopeContent>) }),
  context: orgContext,
  validate: checkAiSystemLinks,
  // An approved statement is frozen, with the open checks accepted at
  // approval; a draft's follows the current profile.
  freeze: {
    columns: ['statement'],
    compute: (content, ctx, { exceptions }) => ({ statement: renderStatement(content, ctx, exceptions) }),
  },
  // Open warnings need the approver's reason to approve (the versioned kit asks).
  checks: scopeChecks,
  derive: ({ content, frozen }, ctx) => ({
    statement: frozen.statement ?? renderStatement(content, ctx),
    checks: scopeChecks(content, ctx),
  }),
  diff: { lists: SCOPE_LISTS },
});

export const getOverview = (db: Executor, orgId: string) => scope.getOverview(db, { orgId });

/** Version numbers and states of scope versions by id, for records that link to them. */
export const versionsByIds = (db: Executor, orgId: string, ids: string[]) => scope.versionsByIds(db, orgId, ids);

/** One thing the approved scope says is covered and the inventory should hold. */
export interface ScopeEntry {
  name: string;
  /** fold(name): how inventory names are matched */
  nameKey: string;
  /** the inventory record the scope links to, when it does */
  aiSystemId: string | null;
  kind: 'ai-system' | 'product-or-service';
}

// What is made of an approved scope is made once per version (oncePer): the
// kit keeps one frozen content object per approved version, so folding 500
// names is not repeated on every request that reads the scope (inventory
// pages, certificate lists, the quote request).
const entriesOf = oncePer((content: ScopeContent): readonly ScopeEntry[] =>
  Object.freeze([
    ...content.aiSystems.map((a) => ({
      name: a.name,
      nameKey: fold(a.name),
      aiSystemId: a.aiSystemId,
      kind: 'ai-system' as const,
    })),
    ...content.productsAndServices.map((p) => ({
      name: p.name,
      nameKey: fold(p.name),
      aiSystemId: null,
      kind: 'product-or-service' as const,
    })),
  ]),
);

const systemSetsOf = oncePer((content: ScopeContent) => ({
  ids: new Set(content.aiSystems.map((a) => a.aiSystemId).filter((x): x is string => !!x)),
  nameKeys: new Set(content.aiSystems.map((a) => fold(a.name))),
}));

/**
 * The AI systems, products and services the approved scope names, for the
 * checks in both directions: in scope but missing from the inventory, and in
 * the inventory but outside the scope. Shared between callers: read only.
 */
export async function approvedScopeEntries(
  db: Executor,
  orgId: string,
): Promise<{ version: number; entries: readonly ScopeEntry[] } | null> {
  const approved = await scope.approvedContent(db, { orgId });
  return approved ? { version: approved.version, entries: entriesOf(approved.content) } : null;
}

/** The approved scope's version number, or null with none approved. */
export async function approvedScopeVersion(db: Executor, orgId: string): Promise<number | null> {
  return (await scope.approvedContent(db, { orgId }))?.version ?? null;
}

/** The AI systems the approved scope names, for the inventory's scope check. */
export async function approvedScopeSystems(
  db: Executor,
  orgId: string,
): Promise<{ version: number; ids: Set<string>; nameKeys: Set<string> } | null> {
  const approved = await scope.approvedContent(db, { orgId });
  return approved ? { version: approved.version, ...systemSetsOf(approved.content) } : null;
}
