import { sql } from 'kysely';
import { addDays } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { listCertificationAuditRefs } from '../certification-audits/index.js';
import * as repo from './certificates.repository.js';

// Surveillance readiness: what changed since the last certification audit
// ended (or since the decision, before any), by the themes surveillance
// audits look at. Read from the audit log in one grouped query: every record
// touched in the window, with its latest entry and whether it was created in it.

interface Section {
  key: string;
  title: string;
  /** which audit-log entries belong here: entity types, and whether only records created in the window */
  types: string[];
  only?: 'created' | 'changed';
}

export const READINESS_SECTIONS: Section[] = [
  { key: 'ai-use', title: 'Changes in AI use (AI systems updated)', types: ['ai_system'], only: 'changed' },
  { key: 'new-ai-systems', title: 'New AI systems', types: ['ai_system'], only: 'created' },
  { key: 'risks', title: 'Updated AI risks', types: ['risk', 'risk_treatment_action'] },
  {
    key: 'monitoring',
    title: 'Monitoring records (metrics, breaches, reviews)',
    types: ['monitoring_metric', 'monitoring_breach'],
  },
  { key: 'corrective-actions', title: 'Corrective actions (nonconformities)', types: ['nonconformity'] },
  { key: 'suppliers', title: 'Supplier changes', types: ['supplier', 'supplier_review'] },
  { key: 'internal-audits', title: 'Internal audits', types: ['internal_audit'] },
  { key: 'management-reviews', title: 'Management reviews', types: ['management_review'] },
  { key: 'incidents', title: 'Incident records', types: ['incident'] },
  { key: 'improvements', title: 'Continual improvement', types: ['improvement'] },
];

const NOUNS: Record<string, string> = {
  ai_system: 'AI system',
  risk: 'Risk',
  risk_treatment_action: 'Risk treatment action',
  monitoring_metric: 'Monitoring metric',
  monitoring_breach: 'Monitoring breach',
  nonconformity: 'Nonconformity',
  supplier: 'Supplier',
  supplier_review: 'Supplier review',
  internal_audit: 'Internal audit',
  management_review: 'Management review',
  incident: 'Incident',
  improvement: 'Improvement',
};

function linkOf(orgId: string, type: string, id: string, view: Record<string, unknown>): string {
  const base = `/orgs/${orgId}`;
  switch (type) {
    case 'ai_system':
      return `${base}/inventory/${id}`;
    case 'risk':
      return `${base}/risks/${id}`;
    case 'risk_treatment_action':
      return typeof view.riskId === 'string' ? `${base}/risks/${view.riskId}` : `${base}/risks`;
    case 'monitoring_metric':
      return `${base}/monitoring/metrics/${id}`;
    case 'monitoring_breach':
      return typeof view.metricId === 'string' ? `${base}/monitoring/metrics/${view.metricId}` : `${base}/monitoring`;
    case 'nonconformity':
      return `${base}/nonconformities/${id}`;
    case 'supplier':
      return `${base}/suppliers/${id}`;
    case 'supplier_review':
      return typeof view.supplierId === 'string' ? `${base}/suppliers/${view.supplierId}` : `${base}/suppliers`;
    case 'internal_audit':
      return `${base}/internal-audits/${id}`;
    case 'management_review':
      return `${base}/management-reviews/${id}`;
    case 'incident':
      return `${base}/incidents/${id}`;
    default:
      return `${base}/improvements/${id}`;
  }
}

function labelOf(type: string, view: Record<string, unknown>): string {
  const pick = (k: string) => (typeof view[k] === 'string' && view[k] ? (view[k] as string) : null);
  const words = [pick('number'), pick('title') ?? pick('name')].filter(Boolean).join(' ');
  return words || (NOUNS[type] ?? type);
}

/** The moment changes are counted from, and what it is. */
async function sinceOf(db: Executor, orgId: string): Promise<{ since: string | null; sinceWhat: string }> {
  const held = (await listCertificationAuditRefs(db, orgId)).filter((a) => a.status === 'completed');
  const last = held.sort((a, b) => (a.endDate < b.endDate ? 1 : -1))[0];
  // the audit saw its own last day: changes count from the day after
  if (last)
    return { since: `${addDays(last.endDate, 1)}T00:00:00.000Z`, sinceWhat: `the end of ${last.number} (${last.endDate})` };
  const decision = await repo.latestDecision(db, orgId);
  if (decision)
    return {
      since: `${addDays(decision.decided_on, 1)}T00:00:00.000Z`,
      sinceWhat: `the certification decision (${decision.decided_on})`,
    };
  return { since: null, sinceWhat: 'no certification audit or decision recorded yet' };
}

const TYPES = [...new Set(READINESS_SECTIONS.flatMap((s) => s.types))];

export async function surveillanceReadiness(db: Executor, orgId: string) {
  const { since, sinceWhat } = await sinceOf(db, orgId);
  if (!since)
    return { since, sinceWhat, sections: READINESS_SECTIONS.map((s) => ({ key: s.key, title: s.title, count: 0, items: [] })) };
  // one statement: per record touched since then, its latest entry and whether it was created in the window
  const grouped = db
    .selectFrom('audit_log')
    .select((eb) => [
      eb.fn.max('seq').as('last_seq'),
      sql<number>`max(case when ${eb.ref('action')} = 'create' then 1 else 0 end)`.as('created'),
    ])
    .where('org_id', '=', orgId)
    .where('at', '>=', since)
    .where('entity_type', 'in', TYPES)
    .groupBy(['entity_type', 'entity_id'])
    .as('g');
  const rows = await db
    .selectFrom('audit_log')
    .innerJoin(grouped, 'g.last_seq', 'audit_log.seq')
    .select([
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.action',
      'audit_log.at',
      'audit_log.after',
      'audit_log.before',
      'g.created',
    ])
    .orderBy('audit_log.seq', 'desc')
    .limit(2000)
    .execute();
  const sections = READINESS_SECTIONS.map((s) => {
    const items = rows
      .filter((r) => s.types.includes(r.entity_type))
      .filter((r) => (s.only === 'created' ? Number(r.created) === 1 : s.only === 'changed' ? Number(r.created) !== 1 : true))
      .map((r) => {
        const view = JSON.parse(r.after ?? r.before ?? '{}') as Record<string, unknown>;
        return {
          type: r.entity_type,
          id: r.entity_id,
          label: labelOf(r.entity_type, view),
          action: Number(r.created) === 1 ? 'create' : r.action,
          at: r.at,
          link: linkOf(orgId, r.entity_type, r.entity_id, view),
        };
      });
    return { key: s.key, title: s.title, count: items.length, items };
  });
  return { since, sinceWhat, sections };
}
