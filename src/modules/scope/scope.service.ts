import type { Executor } from '../../platform/db/db.js';
import { resolveLinks } from '../../platform/refs/index.js';
import { invalid } from '../../platform/http/errors.js';
import { fold } from '../../platform/text.js';
import { defineVersionedRecord } from '../../platform/versioned/index.js';
import { findOrg, getProfile } from '../organizations/index.js';
import { renderStatement, SCOPE_LISTS, type ScopeSite, scopeChecks } from './scope.rules.js';
import { EMPTY_SCOPE, type ScopeContent, scopeContentSchema } from './scope.schemas.js';

// The scope is a versioned record (platform/versioned), one per organization:
// drafted, checked, approved into immutable versions whose statement is frozen.

interface OrgContext {
  orgName: string;
  sites: ScopeSite[];
}

async function orgContext(db: Executor, orgId: string): Promise<OrgContext> {
  const [org, profile] = await Promise.all([findOrg(db, orgId), getProfile(db, orgId)]);
  return { orgName: profile.legalName || org?.name || 'the organization', sites: profile.sites };
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
  // An approved statement is frozen; a draft's follows the current profile.
  freeze: { columns: ['statement'], compute: (content, ctx) => ({ statement: renderStatement(content, ctx) }) },
  derive: ({ content, frozen }, ctx) => ({
    statement: frozen.statement ?? renderStatement(content, ctx),
    checks: scopeChecks(content, ctx.sites),
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

/**
 * The AI systems, products and services the approved scope names, for the
 * checks in both directions: in scope but missing from the inventory, and in
 * the inventory but outside the scope.
 */
export async function approvedScopeEntries(
  db: Executor,
  orgId: string,
): Promise<{ version: number; entries: ScopeEntry[] } | null> {
  const approved = await scope.approvedContent(db, { orgId });
  if (!approved) return null;
  return {
    version: approved.version,
    entries: [
      ...approved.content.aiSystems.map((a) => ({
        name: a.name,
        nameKey: fold(a.name),
        aiSystemId: a.aiSystemId,
        kind: 'ai-system' as const,
      })),
      ...approved.content.productsAndServices.map((p) => ({
        name: p.name,
        nameKey: fold(p.name),
        aiSystemId: null,
        kind: 'product-or-service' as const,
      })),
    ],
  };
}

/** The AI systems the approved scope names, for the inventory's scope check. */
export async function approvedScopeSystems(
  db: Executor,
  orgId: string,
): Promise<{ version: number; ids: Set<string>; nameKeys: Set<string> } | null> {
  const approved = await scope.approvedContent(db, { orgId });
  if (!approved) return null;
  return {
    version: approved.version,
    ids: new Set(approved.content.aiSystems.map((a) => a.aiSystemId).filter((x): x is string => !!x)),
    nameKeys: new Set(approved.content.aiSystems.map((a) => fold(a.name))),
  };
}
