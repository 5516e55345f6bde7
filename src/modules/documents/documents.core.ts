import type { Executor } from '../../platform/db/db.js';
import { impactAssessmentSummary } from '../impact-assessments/index.js';
import { inventorySummary } from '../inventory/index.js';
import { objectiveSummary } from '../objectives/index.js';
import { effectiveRiskMethod, riskRegisterSummary } from '../risks/index.js';
import { getScopeOverview } from '../scope/index.js';
import { currentSoa, type SoaCurrent } from '../soa/index.js';
import { CORE_SET, type CoreSetType, SOA_CORE_ROW } from './documents.core-set.js';
import { orgRoles } from './documents.people.js';
import { documentStatus } from './documents.rules.js';
import type { CoreSetRow } from './documents.schemas.js';

// The core set of documented information with where each is held. Records
// the AIMS already keeps live (the scope, the risk register, the inventory...)
// are shown as they are, read from their modules, never copied into a
// document; the rest are documents of that type in the register, or missing.

interface Live {
  path: string;
  status: string;
  version: number | null;
  approvedAt: string | null;
}

/**
 * Summaries the caller already read for the same request (the home page, the
 * readiness rehearsal and the timeline read them for themselves): the core set
 * reuses them instead of reading the SoA, the inventory and the register again.
 */
export interface CoreSetGiven {
  /** the SoA's state (currentSoa, or soaSummary: the gap assessment reads no rows) */
  soa?: Pick<SoaCurrent, 'status' | 'version' | 'approvedAt' | 'approvedVersion'>;
  inventory?: { total: number };
  risks?: { total: number };
}

type LiveSource = (db: Executor, orgId: string, given: CoreSetGiven) => Promise<Live | null>;

/** Where each live record is kept: a missing one is started there, not as a document. */
const LIVE_PATHS: Record<string, string> = {
  'aims-scope': 'scope',
  'ai-objectives': 'objectives',
  'ai-risk-assessment-method': 'risk-method',
  'ai-risk-register': 'risks',
  'ai-impact-assessment-records': 'impact-assessments',
  'ai-roles-responsibilities': 'roles',
  'ai-system-inventory': 'inventory',
  'statement-of-applicability': 'soa',
};

const LIVE: Record<string, LiveSource> = {
  'aims-scope': async (db, orgId) => {
    const { approved, draft } = await getScopeOverview(db, orgId);
    const v = approved ?? draft;
    if (!v) return null;
    return {
      path: 'scope',
      status: approved ? 'approved' : 'draft',
      version: v.version,
      approvedAt: approved?.approvedAt ?? null,
    };
  },
  'ai-objectives': async (db, orgId) =>
    (await objectiveSummary(db, orgId)).total > 0
      ? { path: 'objectives', status: 'active', version: null, approvedAt: null }
      : null,
  'ai-risk-assessment-method': async (db, orgId) => {
    const m = await effectiveRiskMethod(db, orgId);
    return m.status === 'default' ? null : { path: 'risk-method', status: m.status, version: m.version, approvedAt: null };
  },
  'ai-risk-register': async (db, orgId, given) =>
    (given.risks ?? (await riskRegisterSummary(db, orgId))).total > 0
      ? { path: 'risks', status: 'active', version: null, approvedAt: null }
      : null,
  'ai-impact-assessment-records': async (db, orgId) => {
    const s = await impactAssessmentSummary(db, orgId);
    return s.approved + s.drafts > 0
      ? { path: 'impact-assessments', status: s.approved ? 'approved' : 'draft', version: null, approvedAt: null }
      : null;
  },
  'ai-roles-responsibilities': async (db, orgId) => {
    const roles = await orgRoles(db, orgId);
    if (roles.length === 0) return null;
    return { path: 'roles', status: roles.some((r) => r.vacant) ? 'roles vacant' : 'active', version: null, approvedAt: null };
  },
  'ai-system-inventory': async (db, orgId, given) =>
    (given.inventory ?? (await inventorySummary(db, orgId))).total > 0
      ? { path: 'inventory', status: 'active', version: null, approvedAt: null }
      : null,
  'statement-of-applicability': async (db, orgId, given) => {
    const soa = given.soa ?? (await currentSoa(db, orgId));
    if (soa.status === 'not-started') return null;
    const approved = soa.status === 'approved' ? { version: soa.version, approvedAt: soa.approvedAt } : soa.approvedVersion;
    return {
      path: 'soa',
      status: soa.status,
      version: approved?.version ?? soa.version,
      approvedAt: approved?.approvedAt ?? null,
    };
  },
};

const STATUS_RANK: Record<string, number> = { approved: 3, 'in review': 2, draft: 1 };

export async function coreSet(db: Executor, orgId: string, given: CoreSetGiven = {}): Promise<CoreSetRow[]> {
  const base = `/orgs/${orgId}`;
  const docs = await db
    .selectFrom('documents as d')
    .leftJoin('document_versions as v', (j) => j.onRef('v.document_id', '=', 'd.id').on('v.status', '=', 'approved'))
    .select(['d.id', 'd.number_seq', 'd.doc_type', 'd.retired_at', 'd.review_requested_at', 'v.version', 'v.approved_at'])
    .where('d.org_id', '=', orgId)
    .where('d.archived_at', 'is', null)
    .where('d.retired_at', 'is', null)
    .orderBy('d.number_seq')
    .execute();
  const types: CoreSetType[] = [...CORE_SET, SOA_CORE_ROW];
  const live = await Promise.all(types.map((t) => LIVE[t.key]?.(db, orgId, given) ?? Promise.resolve(null)));
  return types.map((t, i) => {
    const mine = docs
      .filter((d) => d.doc_type === t.key)
      .map((d) => ({
        ...d,
        status: documentStatus({
          retiredAt: d.retired_at,
          reviewRequestedAt: d.review_requested_at,
          approvedVersion: d.version === null ? null : Number(d.version),
        }),
      }));
    const row = { key: t.key, title: t.title, clauses: t.clauses, documentIds: mine.map((d) => d.id) };
    const l = live[i];
    if (l)
      return {
        ...row,
        heldAs: 'live' as const,
        link: `${base}/${l.path}`,
        status: l.status,
        version: l.version,
        approvedAt: l.approvedAt,
      };
    if (mine.length === 0) {
      const livePath = LIVE_PATHS[t.key];
      const link = livePath ? `${base}/${livePath}` : null;
      return { ...row, heldAs: 'missing' as const, link, status: null, version: null, approvedAt: null };
    }
    // the best-standing document speaks for the type: approved before in review before draft
    const best = [...mine].sort((a, b) => (STATUS_RANK[b.status] ?? 0) - (STATUS_RANK[a.status] ?? 0))[0];
    return {
      ...row,
      heldAs: 'document' as const,
      link: mine.length === 1 ? `${base}/documents/${best.id}` : `${base}/documents?docType=${t.key}`,
      status: best.status,
      version: best.version === null ? null : Number(best.version),
      approvedAt: best.approved_at ?? null,
    };
  });
}
