// Reads, once per document created from a template, the organization facts
// the placeholders name. Each fact comes from the module that owns it,
// through its index.ts; filling itself (fillTemplate) stays pure.
import type { Executor } from '../../platform/db/db.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import { effectiveRiskMethod } from '../risks/index.js';
import { governanceRoles } from '../roles/index.js';
import { getScopeOverview } from '../scope/index.js';
import type { TemplateFacts } from './documents.templates.js';

export async function templateFacts(db: Executor, orgId: string, now: Date = new Date()): Promise<TemplateFacts> {
  const [org, profile, scope, roles, method] = await Promise.all([
    getOrganization(db, orgId),
    getProfile(db, orgId),
    getScopeOverview(db, orgId),
    governanceRoles(db, orgId),
    effectiveRiskMethod(db, orgId),
  ]);
  // The approved scope is the one a document may cite; a draft's words are
  // still shown (fillTemplate marks them) so the author sees what is coming.
  const version = scope.approved ?? scope.draft;
  const { levels, acceptance, reviewIntervalMonths } = method.content;
  return {
    org: { name: profile.legalName || org.name, country: profile.country, employees: profile.employeeCount },
    scope: {
      status: scope.approved ? 'approved' : scope.draft ? 'draft' : 'none',
      statement: version?.content.boundaryStatement ?? null,
      aiSystems: version?.content.aiSystems.map((a) => a.name) ?? [],
    },
    // A holder who has left the organization no longer carries the duty: the
    // role reads as vacant until someone else is named.
    roles: roles.map((r) => ({ key: r.key, name: r.name, holder: r.holder && !r.holderLeft ? { name: r.holder.name } : null })),
    riskMethod: {
      levels: levels.map((l) => l.name),
      acceptableLevel: levels.find((l) => l.id === acceptance.maxAcceptableLevel)?.name ?? acceptance.maxAcceptableLevel,
      reviewIntervalMonths,
    },
    today: now.toISOString().slice(0, 10),
  };
}
