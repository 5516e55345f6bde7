import { addDays } from '../../platform/dates.js';

// Pure rules of buyer readiness: which kind of organization this is for
// certification planning, and when Stage 1 and Stage 2 could take place
// given the work still open. Figures are planning aids, not promises.

// ---- organization type ----------------------------------------------------

export const ORG_TYPES = ['small', 'mid-size', 'large'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  small: 'Small AI-enabled business',
  'mid-size': 'Mid-size SaaS or IT company',
  large: 'Large or multi-site organization',
};

/** Typical months from start to certificate, per type; `orMore` when the upper end often stretches. */
export const PLANNING_RANGES: Record<OrgType, { fromMonths: number; toMonths: number; orMore: boolean; pattern: string }> = {
  small: {
    fromMonths: 3,
    toMonths: 5,
    orMore: false,
    pattern:
      'A narrow scope with few AI systems and a simple set of evidence; the lower end needs documents that are already mature.',
  },
  'mid-size': {
    fromMonths: 5,
    toMonths: 8,
    orMore: false,
    pattern: 'Several AI use cases, dependence on suppliers and a number of teams to involve.',
  },
  large: {
    fromMonths: 7,
    toMonths: 12,
    orMore: true,
    pattern:
      'Many departments or sites, complex AI systems and higher-risk workflows; the scope decides how far past a year it runs.',
  },
};

export const RANGE_CAVEAT =
  'These ranges are for planning, not a guarantee: how clear the scope is, how mature the evidence is, whether the internal audit is done, when the certification body has auditors free, and how many corrective actions the audits raise all move the dates.';

/**
 * The boundaries. Small: fewer than 50 people (the usual line for a small
 * enterprise), one site at most, up to 3 AI systems in scope relying on up to
 * 2 suppliers. Large: 250 people or more, more than one site, or 15 or more
 * AI systems in scope. Anything between is mid-size.
 */
export const TYPE_LIMITS = {
  smallEmployeesBelow: 50,
  smallMaxAiSystems: 3,
  smallMaxSuppliers: 2,
  largeEmployeesFrom: 250,
  largeSitesFrom: 2,
  largeAiSystemsFrom: 15,
} as const;

export interface OrgFacts {
  /** null when the profile does not say */
  employees: number | null;
  sites: number;
  aiSystemsInScope: number;
  /** distinct suppliers the in-scope AI systems depend on */
  suppliers: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The organization's type with the facts that decided it, in words. */
export function orgType(f: OrgFacts): { type: OrgType; reasons: string[] } {
  const L = TYPE_LIMITS;
  const large: string[] = [];
  if (f.employees !== null && f.employees >= L.largeEmployeesFrom)
    large.push(`${plural(f.employees, 'person', 'people')} work here (${L.largeEmployeesFrom} or more)`);
  if (f.sites >= L.largeSitesFrom) large.push(`the profile lists ${plural(f.sites, 'site')}`);
  if (f.aiSystemsInScope >= L.largeAiSystemsFrom)
    large.push(`${plural(f.aiSystemsInScope, 'AI system')} are in scope (${L.largeAiSystemsFrom} or more)`);
  if (large.length) return { type: 'large', reasons: large };

  const notSmall: string[] = [];
  if (f.employees === null)
    notSmall.push('the profile does not give the number of employees, so a small organization is not assumed');
  else if (f.employees >= L.smallEmployeesBelow)
    notSmall.push(`${plural(f.employees, 'person', 'people')} work here (${L.smallEmployeesBelow} or more)`);
  if (f.aiSystemsInScope > L.smallMaxAiSystems)
    notSmall.push(`${plural(f.aiSystemsInScope, 'AI system')} are in scope (more than ${L.smallMaxAiSystems})`);
  if (f.suppliers > L.smallMaxSuppliers)
    notSmall.push(`they depend on ${plural(f.suppliers, 'supplier')} (more than ${L.smallMaxSuppliers})`);
  if (notSmall.length) return { type: 'mid-size', reasons: notSmall };

  return {
    type: 'small',
    reasons: [
      `${plural(f.employees ?? 0, 'person', 'people')} at ${f.sites > 0 ? 'one site' : 'no listed site'}, ${plural(
        f.aiSystemsInScope,
        'AI system',
      )} in scope and ${plural(f.suppliers, 'supplier')} they depend on`,
    ],
  };
}

// ---- forecast -------------------------------------------------------------

/**
 * The open work, item kind by item kind, with the effort one item takes in
 * person-days. The figures are deliberately plain assumptions, shown to the
 * user beside the dates, so a reader can see why a date moved.
 * `before` says which audit the work must be done by: Stage 1 looks at
 * readiness (scope, documents, risks, internal audit, management review);
 * training and corrective actions can still finish between the stages.
 */
export const DRIVERS = {
  gapActionsSmall: { label: 'Gap actions open (small)', daysEach: 1, before: 'stage-1' },
  gapActionsMedium: { label: 'Gap actions open (medium)', daysEach: 3, before: 'stage-1' },
  gapActionsLarge: { label: 'Gap actions open (large)', daysEach: 5, before: 'stage-1' },
  documentsNotApproved: { label: 'Documents not approved or not started', daysEach: 2, before: 'stage-1' },
  inventoryFlags: {
    label: 'Gaps in the AI system inventory (owner, risk, monitoring, supplier, review)',
    daysEach: 0.5,
    before: 'stage-1',
  },
  risksWithoutTreatment: {
    label: 'Risks above the threshold without treatment, or AI systems without a risk',
    daysEach: 1,
    before: 'stage-1',
  },
  noInternalAudit: { label: 'No internal audit reported yet', daysEach: 10, before: 'stage-1' },
  noManagementReview: { label: 'No approved management review yet', daysEach: 5, before: 'stage-1' },
  trainingsMissing: { label: 'Required trainings missing or overdue', daysEach: 0.25, before: 'stage-2' },
  openNonconformities: { label: 'Open nonconformities', daysEach: 3, before: 'stage-2' },
} as const;
export type DriverKey = keyof typeof DRIVERS;

/** Person-days of work the organization gets through in a week (one person full time). */
export const DAYS_PER_WEEK = 5;
/** The least notice a certification body needs to plan a Stage 1 audit. */
export const STAGE1_LEAD_WEEKS = 2;
/** The least time between the stages: the Stage 1 report and the fixes it asks for. */
export const STAGE_GAP_WEEKS = 4;

export const FORECAST_ASSUMPTIONS = [
  `Work is done at ${DAYS_PER_WEEK} person-days a week (one person full time); more people shorten it.`,
  `A certification body needs at least ${STAGE1_LEAD_WEEKS} weeks' notice to plan Stage 1.`,
  `Stage 2 follows Stage 1 by at least ${STAGE_GAP_WEEKS} weeks; training and corrective actions may finish in between, and push Stage 2 out when they need longer.`,
  'Each item kind has the effort shown beside it; an estimate, not a measurement.',
];

export interface PlannedAudit {
  number: string;
  /** YYYY-MM-DD */
  startDate: string;
  status: string;
}

export interface ForecastDriver {
  key: DriverKey;
  label: string;
  count: number;
  daysEach: number;
  days: number;
  before: 'stage-1' | 'stage-2';
}

export interface StageDate {
  date: string;
  source: 'planned' | 'forecast';
  /** the planned audit's number, when planned */
  audit: string | null;
}

export interface Forecast {
  stage1: StageDate;
  stage2: StageDate;
  weeksBeforeStage1: number;
  weeksBetweenStages: number;
  drivers: ForecastDriver[];
}

/**
 * Stage 1 and Stage 2 dates from the open work. Never before today; Stage 2
 * at least STAGE_GAP_WEEKS after Stage 1; an audit already planned wins over
 * the forecast (a planned Stage 1 moves the Stage 2 forecast with it).
 */
export function forecast(
  today: string,
  counts: Partial<Record<DriverKey, number>>,
  planned: { stage1?: PlannedAudit | null; stage2?: PlannedAudit | null } = {},
): Forecast {
  const drivers: ForecastDriver[] = (Object.keys(DRIVERS) as DriverKey[]).map((key) => {
    const d = DRIVERS[key];
    const count = Math.max(0, Math.floor(counts[key] ?? 0));
    return { key, label: d.label, count, daysEach: d.daysEach, days: count * d.daysEach, before: d.before };
  });
  const days = (before: string) => drivers.filter((d) => d.before === before).reduce((n, d) => n + d.days, 0);
  const weeksBeforeStage1 = Math.max(STAGE1_LEAD_WEEKS, Math.ceil(days('stage-1') / DAYS_PER_WEEK));
  const weeksBetweenStages = Math.max(STAGE_GAP_WEEKS, Math.ceil(days('stage-2') / DAYS_PER_WEEK));

  const stage1: StageDate = planned.stage1
    ? { date: planned.stage1.startDate, source: 'planned', audit: planned.stage1.number }
    : { date: addDays(today, weeksBeforeStage1 * 7), source: 'forecast', audit: null };
  let stage2: StageDate;
  if (planned.stage2) stage2 = { date: planned.stage2.startDate, source: 'planned', audit: planned.stage2.number };
  else {
    // from a planned Stage 1 in the past (held already), count from today
    const from = stage1.date > today ? stage1.date : today;
    stage2 = { date: addDays(from, weeksBetweenStages * 7), source: 'forecast', audit: null };
  }
  return { stage1, stage2, weeksBeforeStage1, weeksBetweenStages, drivers };
}
