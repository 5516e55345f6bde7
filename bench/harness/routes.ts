// Which routes the bench measures, read from the OpenAPI document so a new
// register is measured without editing the bench: every GET of an
// organization collection (its list, with a filter and a sort where the
// query offers them), the GET of one record, the POST that creates one and
// the PATCH that updates one. Create bodies are hand-written below (the
// schema alone cannot say which ids exist); a register without one is
// reported as skipped with the reason.
import type { FastifyInstance } from 'fastify';

interface OpenApiParam {
  name: string;
  in: string;
  schema?: { enum?: string[]; type?: string };
}
interface OpenApiOp {
  parameters?: OpenApiParam[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}
type Paths = Record<string, Record<string, OpenApiOp>>;

export interface Register {
  name: string;
  /** a register of records (list and item), or a page of the organization (home, SoA, readiness) */
  kind: 'list' | 'page';
  /** GET of the collection, with its query: `?limit=50&<filter>&sort=…` where offered */
  list: string;
  /** path template of one record, `{id}` for the record's id (null: a page, not a register) */
  item: string | null;
  creates: boolean;
  /** PATCH or PUT on the record, and the field it changes */
  update: { method: 'PATCH' | 'PUT'; field: string } | null;
}

const ORG = '/api/v1/orgs/{orgId}/';
const NOT_FILTERS = new Set(['sort', 'cursor', 'limit', 'includeArchived', 'includeSuperseded']);
/** Filters people use on the busiest lists, where the first enum value would say little. */
const FILTER: Record<string, string> = {
  'ai-systems': 'lifecycleStage=deployment',
  risks: 'status=open',
  evidence: 'state=valid',
};
const UPDATE_FIELDS = ['title', 'name', 'description', 'notes', 'intendedPurpose'];

function listQuery(name: string, op: OpenApiOp): string {
  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  const parts: string[] = [];
  if (query.some((p) => p.name === 'limit')) parts.push('limit=50');
  const filter =
    FILTER[name] ??
    query.filter((p) => !NOT_FILTERS.has(p.name) && p.schema?.enum?.length).map((p) => `${p.name}=${p.schema?.enum?.[0]}`)[0];
  if (filter) parts.push(filter);
  const sorts = query.find((p) => p.name === 'sort')?.schema?.enum ?? [];
  const sort = sorts.includes('-updatedAt') ? '-updatedAt' : sorts[1];
  if (sort) parts.push(`sort=${sort}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Every organization collection of the app's OpenAPI document. */
export function registersOf(app: FastifyInstance): Register[] {
  const paths = (app.swagger() as { paths: Paths }).paths;
  const out: Register[] = [];
  for (const [p, ops] of Object.entries(paths)) {
    if (!p.startsWith(ORG) || !ops.get) continue;
    const name = p.slice(ORG.length);
    if (name.includes('/')) continue;
    const itemPath = Object.keys(paths).find((q) => q.startsWith(`${p}/{`) && q.split('/').length === p.split('/').length + 1);
    const item = itemPath && paths[itemPath].get ? itemPath.replace(/\{[^}]+\}$/, '{id}') : null;
    const writeOp = itemPath ? (paths[itemPath].patch ? 'PATCH' : paths[itemPath].put ? 'PUT' : null) : null;
    const props = writeOp
      ? Object.keys(
          paths[itemPath as string][writeOp.toLowerCase()].requestBody?.content?.['application/json']?.schema?.properties ?? {},
        )
      : [];
    const field = UPDATE_FIELDS.find((f) => props.includes(f));
    out.push({
      name,
      kind: item ? 'list' : 'page',
      list: `${p}${listQuery(name, ops.get)}`,
      item,
      creates: Boolean(ops.post),
      update: writeOp && field ? { method: writeOp, field } : null,
    });
  }
  // Records others refer to are created first: their ids go into later bodies.
  const first = ['ai-systems', 'trainings', 'certification-audits'];
  return out.sort((a, b) => rank(a.name, first) - rank(b.name, first));
}

const rank = (name: string, first: string[]) => (first.includes(name) ? first.indexOf(name) : first.length);

/** Ids of records made earlier in the run, for bodies that refer to them. */
export interface Refs {
  /** AI systems made by the create phase, one per later record that needs its own */
  aiSystemIds: string[];
  topicId?: string;
  certificationAuditId?: string;
  userId: string;
}

const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A valid create body per register; `i` keeps names distinct. Missing: reported as skipped. */
export const CREATE_BODIES: Record<string, (r: Refs, i: number) => unknown> = {
  'ai-systems': (_, i) => ({ name: `Bench system ${i}`, purpose: 'Ranks support tickets by urgency' }),
  suppliers: (_, i) => ({ name: `Bench supplier ${i}` }),
  'gap-assessments': (_, i) => ({ title: `Bench gap assessment ${i}`, assessmentDate: day() }),
  risks: (r, i) => ({
    title: `Bench risk ${i}`,
    aiSystemIds: [r.aiSystemIds[i % r.aiSystemIds.length]],
    sourceCategory: 'fairness',
    inherentLikelihood: 2,
    inherentImpact: 3,
  }),
  objectives: (_, i) => ({ title: `Bench objective ${i}`, measure: 'Share of reviewed outputs', target: '95 %' }),
  documents: (_, i) => ({ title: `Bench policy ${i}` }),
  roles: (_, i) => ({ name: `Bench role ${i}` }),
  evidence: (_, i) => ({ title: `Bench evidence ${i}`, kind: 'link', url: 'https://example.com/evidence' }),
  trainings: (_, i) => ({ title: `Bench training ${i}` }),
  'training-records': (r, i) => ({ person: { userId: r.userId }, topicId: r.topicId, completedOn: day(-(i % 300)) }),
  'monitoring-metrics': (r, i) => ({
    aiSystemId: r.aiSystemIds[i % r.aiSystemIds.length],
    name: `Bench metric ${i}`,
    kind: 'accuracy',
    direction: 'higher-is-better',
    threshold: 0.9,
    reviewEveryDays: 30,
  }),
  incidents: (_, i) => ({ title: `Bench incident ${i}`, detectedAt: new Date().toISOString(), severity: 'low' }),
  concerns: (_, i) => ({ description: `Bench concern ${i}: the assistant answered in the wrong language.` }),
  nonconformities: (_, i) => ({ title: `Bench nonconformity ${i}`, grade: 'minor' }),
  'internal-audits': (_, i) => ({ title: `Bench internal audit ${i}` }),
  improvements: (_, i) => ({ title: `Bench improvement ${i}` }),
  'management-reviews': (_, i) => ({ title: `Bench management review ${i}`, meetingDate: day(30) }),
  'certification-bodies': (_, i) => ({ name: `Bench certification body ${i}` }),
  'certification-audits': (_, i) => ({ type: 'special', plannedStart: day(40 + i), plannedEnd: day(41 + i) }),
  'impact-assessments': (r, i) => ({ aiSystemId: r.aiSystemIds[i % r.aiSystemIds.length] }),
};

export const SKIP_CREATE: Record<string, string> = {
  members: 'a member joins by invitation and acceptance, not one POST',
  'certification-decisions': 'needs a completed Stage 2 audit with an outcome per decision',
  certificates: 'needs a granted certification decision per certificate',
};
