import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import { resolveLinks } from '../../platform/refs/index.js';
import { listRecords } from '../../platform/register/index.js';
import { documentRegister } from '../documents/index.js';
import { gatherFacts } from '../../platform/facts/index.js';
import { inScopeAiSystems } from '../inventory/index.js';
import { riskRegister } from '../risks/index.js';
import { governanceRoles } from '../roles/index.js';
import { soaRows } from '../soa/index.js';
import * as repo from './internal-audits.repository.js';
import { buildChecklist, type Sample, type SampleLink } from './internal-audits.rules.js';

// The checklist of an audit, generated when it starts: the standing topics,
// then the requirements in scope, each with the facts OpenAIMS held at that
// moment (frozen, so the report shows what the auditor saw) and records to
// sample. Widening the scope of a started audit adds items; narrowing it
// removes only items nobody has worked on.

/** What an auditor should pick up per module, in words. */
const SAMPLE_TEXT: Record<string, string> = {
  scope: 'The approved scope and 3 AI systems it names',
  inventory: "3 AI systems' inventory entries: owner, risk level, monitoring method",
  suppliers: "2 AI suppliers' latest reviews",
  risk: "3 risks' assessment and treatment records",
  'impact-assessment': '2 AI system impact assessments and their sign-off',
  soa: 'The Statement of Applicability and the evidence of 3 applicable controls',
  objectives: '2 AI objectives and their latest progress',
  policies: 'The AI policy, its approval and who acknowledged it',
  documents: '3 controlled documents: version, approval, review date',
  roles: '3 governance roles: who holds them and one decision they took',
  training: '3 people in AI roles and their training records',
  monitoring: "3 monitoring metrics' recent observations and any breaches",
  incidents: '2 AI incidents: escalation, root cause and closure',
  'internal-audit': 'The audit programme and the last audit report',
  'management-review': "The last management review's minutes and actions",
  nonconformity: '2 closed nonconformities: root cause, corrective action, effectiveness check',
  'gap-assessment': 'The latest gap assessment and its action plan',
  certification: 'The certification plan and the certification body’s last report',
};

interface Pool {
  'ai-system': SampleLink[];
  risk: SampleLink[];
  document: SampleLink[];
  role: SampleLink[];
  control: SampleLink[];
}

const LINKS_OF: Record<string, (keyof Pool)[]> = {
  scope: ['ai-system'],
  inventory: ['ai-system'],
  risk: ['risk'],
  'impact-assessment': ['ai-system'],
  soa: ['control'],
  policies: ['document'],
  documents: ['document'],
  roles: ['role'],
  'management-review': ['role'],
};

/** Records to sample, a few of each kind, read once per checklist (the audit's own areas first). */
async function samplePool(db: Executor, orgId: string, areas: { type: string; id: string }[]): Promise<Pool> {
  const labels = await resolveLinks(db, orgId, areas);
  const fromAreas = (type: string) =>
    areas.filter((a) => a.type === type).map((a) => ({ type, id: a.id, label: labels(a)?.label ?? a.id }));
  const three = <T>(xs: T[]) => xs.slice(0, 3);
  const pick = async (type: string, read: () => Promise<SampleLink[]>) =>
    three(fromAreas(type).length ? fromAreas(type) : await read());
  const [systems, risks, documents, roles, controls] = await Promise.all([
    pick('ai-system', async () =>
      (await inScopeAiSystems(db, orgId)).map((s) => ({ type: 'ai-system', id: s.id, label: s.name })),
    ),
    pick('risk', async () =>
      (await listRecords(db, riskRegister, orgId, { limit: 3 })).items.map((r) => ({
        type: 'risk',
        id: r.id,
        label: `${r.number} ${r.title}`,
      })),
    ),
    pick('document', async () =>
      (await listRecords(db, documentRegister, orgId, { limit: 3 })).items.map((d) => ({
        type: 'document',
        id: d.id,
        label: `${d.number} ${d.title}`,
      })),
    ),
    pick('role', async () => (await governanceRoles(db, orgId)).map((r) => ({ type: 'role', id: r.id, label: r.name }))),
    pick('control', async () =>
      (await soaRows(db, orgId))
        .filter((c) => c.applicable)
        .map((c) => ({ type: 'control', id: c.controlId, label: `${c.controlId} ${c.title}` })),
    ),
  ]);
  return { 'ai-system': systems, risk: risks, document: documents, role: roles, control: controls };
}

function sampler(pool: Pool) {
  return (modules: string[]): Sample => {
    const text = modules.map((m) => SAMPLE_TEXT[m]).filter(Boolean);
    const kinds = [...new Set(modules.flatMap((m) => LINKS_OF[m] ?? []))];
    return { text: text.join('; ') || 'Records the auditee shows for this requirement', links: kinds.flatMap((k) => pool[k]) };
  };
}

/** Makes the audit's checklist match its scope (see above). */
export async function syncChecklist(
  tx: Executor,
  orgId: string,
  auditId: string,
  requirementIds: string[],
  areas: { type: string; id: string }[] = [],
) {
  const existing = await repo.itemsOf(tx, orgId, auditId);
  const have = new Set(existing.map((i) => i.item_key));
  const wanted = new Set(requirementIds);
  const untouched = existing.filter(
    (i) =>
      i.kind === 'requirement' &&
      !wanted.has(i.item_key) &&
      i.result === null &&
      !i.notes.trim() &&
      i.evidence === '[]' &&
      !i.nonconformity_id,
  );
  if (untouched.length)
    await tx
      .deleteFrom('audit_items')
      .where('org_id', '=', orgId)
      .where(
        'id',
        'in',
        untouched.map((i) => i.id),
      )
      .execute();
  const missing = existing.length ? requirementIds.filter((id) => !have.has(id)) : requirementIds;
  if (existing.length && !missing.length) return;
  const [facts, pool] = await Promise.all([gatherFacts(tx, orgId), samplePool(tx, orgId, areas)]);
  const all = buildChecklist(missing, facts, sampler(pool));
  const items = existing.length ? all.filter((i) => i.kind === 'requirement') : all;
  if (!items.length) return;
  const start = existing.reduce((m, i) => Math.max(m, Number(i.position)), 0) + 1;
  const now = nowIso();
  await tx
    .insertInto('audit_items')
    .values(
      items.map((it, k) => ({
        id: uuidv7(),
        org_id: orgId,
        audit_id: auditId,
        position: start + k,
        kind: it.kind,
        item_key: it.key,
        title: it.title,
        module_keys: JSON.stringify(it.modules),
        facts: JSON.stringify(it.facts),
        sample: JSON.stringify(it.sample),
        result: null,
        evidence: '[]',
        notes: '',
        nonconformity_id: null,
        nonconformity_number: null,
        improvement_id: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
