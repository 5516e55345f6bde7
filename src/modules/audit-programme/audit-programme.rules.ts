// Pure rules of the internal audit programme (clause 9.2.2): its content,
// the certification cycle it covers, what an approver is warned of, and the
// coverage map: which requirements the audits of the cycle look at, and
// which none does.

export const AUDIT_METHODS = ['interview', 'document-review', 'record-sampling', 'observation', 'technical-test'] as const;
export type AuditMethod = (typeof AUDIT_METHODS)[number];

export const METHOD_LABELS: Record<AuditMethod, string> = {
  interview: 'Interviews',
  'document-review': 'Document review',
  'record-sampling': 'Sampling of records',
  observation: 'Observation of work',
  'technical-test': 'Technical testing',
};

/** A certification cycle runs three years: the default length of the programme's cycle. */
export const CYCLE_YEARS = 3;

/** The last day of a cycle of CYCLE_YEARS starting on `start` (2026-01-01 → 2028-12-31). */
export function defaultCycleEnd(start: string): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + CYCLE_YEARS);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export interface Cycle {
  start: string;
  end: string;
}

export function cycleOf(content: { cycleStart: string; cycleEnd: string | null }): Cycle {
  return { start: content.cycleStart, end: content.cycleEnd ?? defaultCycleEnd(content.cycleStart) };
}

/** Without a programme: the three years starting on 1 January of this year. */
export function fallbackCycle(today: string): Cycle {
  const start = `${today.slice(0, 4)}-01-01`;
  return { start, end: defaultCycleEnd(start) };
}

export interface ProgrammeFacts {
  cycleStart: string;
  cycleEnd: string | null;
  frequency: { text: string; auditsPerYear: number };
  methods: readonly string[];
  responsibilities: string;
  owner: { userId: string | null; name: string } | null;
  reporting: string;
  independence: string;
}

export interface ProgrammeCheck {
  code: string;
  severity: 'warning' | 'info';
  field: string;
  message: string;
}

/** What an approver is warned of: each open warning needs a reason to approve. */
export function programmeChecks(p: ProgrammeFacts): ProgrammeCheck[] {
  const out: ProgrammeCheck[] = [];
  const warn = (code: string, field: string, message: string) => out.push({ code, severity: 'warning', field, message });
  if (!p.owner) warn('no-owner', 'owner', 'No one owns the programme: name who plans the audits and keeps it current.');
  if (p.frequency.auditsPerYear < 1)
    warn(
      'less-than-yearly',
      'frequency.auditsPerYear',
      'Fewer than one audit a year: most certification bodies expect at least one.',
    );
  if (p.methods.length === 0) warn('no-methods', 'methods', 'No audit method is chosen.');
  if (!p.reporting.trim()) warn('no-reporting', 'reporting', 'It does not say to whom and how audit results are reported.');
  if (!p.independence.trim())
    warn('no-independence', 'independence', 'It does not say how auditors are kept from auditing their own work.');
  const cycle = cycleOf(p);
  const years = (Date.parse(cycle.end) - Date.parse(cycle.start)) / (365.25 * 86_400_000);
  if (years > CYCLE_YEARS + 0.01)
    out.push({
      code: 'long-cycle',
      severity: 'info',
      field: 'cycleEnd',
      message: `The cycle is longer than the ${CYCLE_YEARS}-year certification cycle.`,
    });
  return out;
}

/** Field errors zod alone does not find. */
export function programmeErrors(p: { cycleStart: string; cycleEnd: string | null }): { field: string; message: string }[] {
  if (p.cycleEnd !== null && p.cycleEnd < p.cycleStart)
    return [{ field: 'cycleEnd', message: 'must not be before the cycle start' }];
  return [];
}

// ---- coverage map ----

export interface CatalogueRequirement {
  id: string;
  title: string;
  kind: 'clause' | 'annex-a';
  group: string;
}

export interface CoverageRequirement {
  id: string;
  title: string;
  kind: 'clause' | 'annex-a';
  group: string;
}

export interface AuditColumn {
  id: string;
  number: string;
  title: string;
  status: string;
  plannedStart: string | null;
  actualEnd: string | null;
  requirementIds: readonly string[];
}

/**
 * The rows of the map: every clause requirement (4 to 10), then every Annex A
 * control the Statement of Applicability marks applicable; all of Annex A
 * while there is no SoA (applicable = null).
 */
export function coverageRequirements(
  catalogue: readonly CatalogueRequirement[],
  applicable: ReadonlySet<string> | null,
): CoverageRequirement[] {
  return catalogue
    .filter((r) => (r.kind === 'clause' ? Number(r.group) >= 4 && Number(r.group) <= 10 : !applicable || applicable.has(r.id)))
    .map((r) => ({ id: r.id, title: r.title, kind: r.kind, group: r.group }));
}

/** When an audit takes place: its end when it has one, else its planned start; null when undated. */
export const auditDate = (a: Pick<AuditColumn, 'plannedStart' | 'actualEnd'>) => a.actualEnd ?? a.plannedStart;

export function inCycle(a: Pick<AuditColumn, 'plannedStart' | 'actualEnd'>, cycle: Cycle): boolean {
  const d = auditDate(a)?.slice(0, 10);
  return !!d && d >= cycle.start && d <= cycle.end;
}

export interface Coverage {
  cycle: Cycle;
  audits: { id: string; number: string; title: string; status: string; plannedStart: string | null }[];
  requirements: (CoverageRequirement & { auditIds: string[]; covered: boolean })[];
  gaps: number;
  total: number;
}

/** A name an audit gives covers the requirement itself and every one under it: 8 → 8.1, 9.2 → 9.2.1, A.6 → A.6.2.6. */
export const covers = (name: string, requirementId: string) => requirementId === name || requirementId.startsWith(`${name}.`);

/**
 * The coverage map: which audits of the cycle cover each requirement (see
 * covers: a clause or control objective covers what is under it). Audits dated outside the cycle, or
 * not dated at all, are left out.
 */
export function computeCoverage(
  requirements: readonly CoverageRequirement[],
  audits: readonly AuditColumn[],
  cycle: Cycle,
): Coverage {
  const columns = audits
    .filter((a) => inCycle(a, cycle))
    .sort((a, b) => (auditDate(a) ?? '').localeCompare(auditDate(b) ?? '') || a.number.localeCompare(b.number));
  const rows = requirements.map((r) => {
    const auditIds = columns.filter((a) => a.requirementIds.some((n) => covers(n, r.id))).map((a) => a.id);
    return { id: r.id, title: r.title, kind: r.kind, group: r.group, auditIds, covered: auditIds.length > 0 };
  });
  return {
    cycle,
    audits: columns.map((a) => ({ id: a.id, number: a.number, title: a.title, status: a.status, plannedStart: a.plannedStart })),
    requirements: rows,
    gaps: rows.filter((r) => !r.covered).length,
    total: rows.length,
  };
}
