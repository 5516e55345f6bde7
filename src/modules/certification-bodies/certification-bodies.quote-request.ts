import { z } from 'zod';
import type { Executor } from '../../platform/db/db.js';
import { legalNameOf } from '../../platform/report/index.js';
import { fold } from '../../platform/text.js';
import { documentSummary } from '../documents/index.js';
import { inScopeAiSystems } from '../inventory/index.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import { approvedScopeEntries } from '../scope/index.js';
import { estimateAuditDays } from './certification-bodies.rules.js';
import { chosenCertificationBody, getSettings } from './certification-bodies.service.js';

// The quote request pack: what a certification body asks before it quotes
// (country and buyer markets, people, sites, AI systems in scope, other ISO
// certificates held, documentation readiness, desired timeline, AI roles),
// compiled from the organization's own records, with a planning estimate of
// audit days and what is still missing, each with where to fix it.

const estimateSchema = z.object({
  initialDays: z.number(),
  stage1Days: z.number(),
  stage2Days: z.number(),
  surveillanceDays: z.number(),
  recertificationDays: z.number(),
  basis: z.array(z.string()),
  assumptions: z.array(z.string()),
  caveat: z.string(),
});

export const quoteRequestSchema = z
  .object({
    generatedAt: z.string(),
    organization: z.object({
      name: z.string(),
      country: z.string().nullable(),
      sector: z.string().nullable(),
      targetMarkets: z.array(z.string()),
      employeeCount: z.number().nullable(),
      sites: z.array(z.object({ name: z.string(), country: z.string() })),
      aiRoles: z.array(z.string()),
    }),
    certificationsHeld: z.object({
      iso27001: z.boolean(),
      iso9001: z.boolean(),
      items: z.array(
        z.object({ standard: z.string(), certificationBody: z.string().nullable(), expiresOn: z.string().nullable() }),
      ),
    }),
    aiSystems: z.object({
      /** the approved scope's version, null when no scope is approved */
      scopeVersion: z.number().nullable(),
      items: z.array(z.object({ name: z.string(), inInventory: z.boolean(), inApprovedScope: z.boolean() })),
    }),
    documentation: z.object({
      coreSetTotal: z.number(),
      coreSetHeld: z.number(),
      coreSetInForce: z.number(),
      coreSetMissing: z.number(),
      documentsApproved: z.number(),
      reviewsOverdue: z.number(),
    }),
    /** YYYY-MM the organization would like its Stage 2 audit, null when not set */
    desiredStage2Month: z.string().nullable(),
    estimate: estimateSchema,
    chosenBody: z.object({ name: z.string(), accreditationBody: z.string().nullable() }).nullable(),
    /** what a body will ask that the records do not say yet, and where to fix it (a path under the organization) */
    missing: z.array(z.object({ code: z.string(), message: z.string(), fixPath: z.string(), fixLabel: z.string() })),
  })
  .meta({ id: 'QuoteRequestPack' });
export type QuoteRequestPack = z.infer<typeof quoteRequestSchema>;

export async function compileQuoteRequest(db: Executor, orgId: string, now = new Date()): Promise<QuoteRequestPack> {
  const [org, profile, inventory, scope, docs, settings, chosen] = await Promise.all([
    getOrganization(db, orgId),
    getProfile(db, orgId),
    inScopeAiSystems(db, orgId),
    approvedScopeEntries(db, orgId),
    documentSummary(db, orgId),
    getSettings(db, orgId),
    chosenCertificationBody(db, orgId),
  ]);

  // one list from the inventory's in-scope systems and the approved scope's AI
  // systems: a scope entry is the inventory's system it links to, else the one of its name
  type Listed = { name: string; inInventory: boolean; inApprovedScope: boolean };
  const systems: Listed[] = [];
  const byId = new Map<string, Listed>();
  const byName = new Map<string, Listed>();
  for (const s of inventory) {
    const item = { name: s.name, inInventory: true, inApprovedScope: false };
    systems.push(item);
    byId.set(s.id, item);
    byName.set(fold(s.name), item);
  }
  for (const e of scope?.entries ?? []) {
    if (e.kind !== 'ai-system') continue;
    const found = (e.aiSystemId ? byId.get(e.aiSystemId) : undefined) ?? byName.get(e.nameKey);
    if (found) found.inApprovedScope = true;
    else {
      const item = { name: e.name, inInventory: false, inApprovedScope: true };
      systems.push(item);
      byName.set(e.nameKey, item);
    }
  }

  const certs = profile.certifications;
  const missing: QuoteRequestPack['missing'] = [];
  const need = (code: string, message: string, fixPath: string, fixLabel: string) =>
    missing.push({ code, message, fixPath, fixLabel });
  if (!profile.country) need('country', 'No country: set it in the profile.', 'profile', 'Set the country');
  if (profile.targetMarkets.length === 0)
    need('target-markets', 'No target buyer markets: add them in the profile.', 'profile', 'Add target markets');
  if (profile.employeeCount === null)
    need('employee-count', 'No employee count: set it in the profile.', 'profile', 'Set the employee count');
  if (profile.sites.length === 0) need('sites', 'No sites: add your sites in the profile.', 'profile', 'Add sites');
  if (profile.aiRoles.length === 0)
    need('ai-roles', 'No AI roles: say in the profile whether you provide, produce or use AI.', 'profile', 'Set AI roles');
  if (systems.length === 0)
    need('ai-systems', 'No AI systems in scope: mark them in the inventory.', 'inventory', 'Open the inventory');
  if (!scope) need('scope', 'No approved scope: approve the AIMS scope.', 'scope', 'Open the scope');
  if (docs.coreSet.missing > 0)
    need(
      'documents',
      `${docs.coreSet.missing} of ${docs.coreSet.total} core documents are missing.`,
      'documents',
      'Open the documents',
    );
  if (!settings.desiredStage2Month)
    need(
      'timeline',
      'No desired timeline: set the month you want your Stage 2 audit.',
      'certification-bodies/quote-request',
      'Set it below',
    );

  return {
    generatedAt: now.toISOString(),
    organization: {
      name: legalNameOf(org, profile),
      country: profile.country,
      sector: profile.sector,
      targetMarkets: profile.targetMarkets,
      employeeCount: profile.employeeCount,
      sites: profile.sites.map((s) => ({ name: s.name, country: s.country })),
      aiRoles: profile.aiRoles,
    },
    certificationsHeld: {
      iso27001: certs.some((c) => c.standard === 'ISO/IEC 27001'),
      iso9001: certs.some((c) => c.standard === 'ISO 9001'),
      items: certs.map((c) => ({
        standard: c.standard === 'other' ? (c.name ?? 'other') : c.standard,
        certificationBody: c.certificationBody ?? null,
        expiresOn: c.expiresOn ?? null,
      })),
    },
    aiSystems: { scopeVersion: scope?.version ?? null, items: systems },
    documentation: {
      coreSetTotal: docs.coreSet.total,
      coreSetHeld: docs.coreSet.total - docs.coreSet.missing,
      coreSetInForce: docs.coreSet.inForce,
      coreSetMissing: docs.coreSet.missing,
      documentsApproved: docs.approved,
      reviewsOverdue: docs.reviewOverdue,
    },
    desiredStage2Month: settings.desiredStage2Month,
    estimate: estimateAuditDays({
      employeeCount: profile.employeeCount,
      aiRoles: profile.aiRoles,
      siteCount: profile.sites.length,
    }),
    chosenBody: chosen ? { name: chosen.name, accreditationBody: chosen.accreditationBody } : null,
    missing,
  };
}
