// The ISO/IEC 42001 catalogue: 32 management-system requirements and 38
// Annex A controls with our own guidance, the twelve gap-assessment review
// areas, and crosswalks to ISO/IEC 27001, NIST AI RMF and the EU AI Act.
// Pure data and lookups, no I/O (the HTTP routes sit in catalogue.routes.ts and
// are not re-exported here). Every gap assessment records CATALOGUE_VERSION.
import { writeCsv } from '../exports/csv.js';
import { ANNEX_A, ANNEX_A_GROUPS } from './annex-a.js';
import type { Catalogue, Crosswalk, CrosswalkDetail, CrosswalkSummary, Requirement, ReviewAreaId } from './catalogue.schemas.js';
import { CLAUSE_GROUPS, CLAUSES } from './clauses.js';
import { CROSSWALK_ISO27001 } from './crosswalk-27001.js';
import { CROSSWALK_EU_AI_ACT } from './crosswalk-eu-ai-act.js';
import { CROSSWALK_NIST_AI_RMF } from './crosswalk-nist-ai-rmf.js';
import { REVIEW_AREAS } from './review-areas.js';

export * from './catalogue.schemas.js';
export { ANNEX_A, ANNEX_A_GROUPS, ANNEX_A_SUBGROUPS } from './annex-a.js';
export { CLAUSE_GROUPS, CLAUSES } from './clauses.js';
export { ISMS_PROCESSES, NEVER_PREFILLED } from './crosswalk-27001.js';
export { FRAMEWORK_IDS } from './framework-ids.js';
export { REVIEW_AREAS } from './review-areas.js';

/** Bump on any change to ids, titles or guidance; year.month.patch. */
export const CATALOGUE_VERSION = '2026.11.1';

/** Clauses first (4.1 … 10.2), then Annex A (A.2.2 … A.10.4), in the standard's order. */
export const REQUIREMENTS: Requirement[] = [...CLAUSES, ...ANNEX_A];

const byId = new Map(REQUIREMENTS.map((r) => [r.id, r]));

export function isRequirementId(id: string): boolean {
  return byId.has(id);
}

export function getRequirement(id: string): Requirement | undefined {
  return byId.get(id);
}

export interface RequirementGroup {
  group: string;
  groupTitle: string;
  kind: Requirement['kind'];
  requirements: Requirement[];
}

/** Clause 4 … 10, then A.2 … A.10, each with its requirements in order. */
export function requirementsByGroup(): RequirementGroup[] {
  const groups = [
    ...CLAUSE_GROUPS.map((g) => ({ ...g, kind: 'clause' as const })),
    ...ANNEX_A_GROUPS.map((g) => ({ ...g, kind: 'annex-a' as const })),
  ];
  return groups.map((g) => ({
    group: g.id,
    groupTitle: g.title,
    kind: g.kind,
    requirements: REQUIREMENTS.filter((r) => r.group === g.id),
  }));
}

export function requirementsInArea(area: ReviewAreaId): Requirement[] {
  return REQUIREMENTS.filter((r) => r.reviewAreas.includes(area));
}

/** The served catalogue (GET /api/v1/catalogue/iso42001, `aims catalogue --json`). */
export function catalogue(): Catalogue {
  return { version: CATALOGUE_VERSION, requirements: [...REQUIREMENTS], reviewAreas: [...REVIEW_AREAS] };
}

export const CROSSWALKS: Crosswalk[] = [CROSSWALK_ISO27001, CROSSWALK_NIST_AI_RMF, CROSSWALK_EU_AI_ACT];

export function crosswalkById(id: string): Crosswalk | undefined {
  return CROSSWALKS.find((c) => c.id === id);
}

export function crosswalkSummary(c: Crosswalk): CrosswalkSummary {
  return {
    id: c.id,
    title: c.title,
    source: c.source,
    disclaimer: c.disclaimer,
    targetCount: c.targets.length,
    linkCount: c.links.length,
  };
}

/** A crosswalk with both titles on every link, as served. */
export function crosswalkDetail(c: Crosswalk): CrosswalkDetail {
  const targetTitle = new Map(c.targets.map((t) => [t.id, t.title]));
  return {
    ...c,
    catalogueVersion: CATALOGUE_VERSION,
    links: c.links.map((l) => ({
      ...l,
      fromTitle: getRequirement(l.from)?.title ?? '',
      toTitle: targetTitle.get(l.to) ?? '',
    })),
  };
}

export const CROSSWALK_CSV_HEADER = ['iso42001_id', 'iso42001_title', 'target_id', 'target_title', 'rationale'] as const;

/**
 * One line per link, header first, written by the one CSV writer
 * (src/exports/csv.ts): RFC 4180, CRLF, a byte order mark, formulas neutralised.
 */
export function toCsv(crosswalk: Crosswalk): string {
  const rows = crosswalkDetail(crosswalk).links.map((l) => [l.from, l.fromTitle, l.to, l.toTitle, l.rationale]);
  return writeCsv([[...CROSSWALK_CSV_HEADER], ...rows]);
}
