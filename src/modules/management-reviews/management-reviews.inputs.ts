// The review's inputs in words. compileInputs is pure: the gathering
// (management-reviews.gather.ts) asks each module for its facts, and this
// turns them into sections a reader understands, each a heading, a few
// sentences (dates as ISO) and the numbers behind them. What a module could
// not give is said, never left out silently.

export interface InputNumber {
  label: string;
  value: number;
}

export interface InputSection {
  key: string;
  heading: string;
  facts: string[];
  numbers: InputNumber[];
}

export interface PreviousAction {
  reviewNumber: string;
  text: string;
  owner: string | null;
  dueDate: string | null;
}

export interface ReviewFacts {
  /** YYYY-MM-DD the inputs were compiled */
  today: string;
  /** the previous approved review, whose meeting date is "since" */
  previous: { number: string; meetingDate: string; inventoryTotal: number | null } | null;
  previousActions: { open: PreviousAction[]; doneSinceLast: number };
  scope: { version: number; approvedAt: string | null } | null;
  risks: {
    total: number;
    byStatus: Record<string, number>;
    aboveThresholdUntreated: number;
    reviewOverdue: number;
    inScopeWithoutRisk: number;
    method: { status: string; version: number | null };
  } | null;
  /** internal audits reported since the last review (all when none), oldest first */
  audits:
    | {
        number: string;
        title: string;
        reportedAt: string | null;
        conforming: number;
        nonconformities: number;
        observations: number;
        opportunities: number;
        conclusions: string;
      }[]
    | null;
  nonconformities: {
    open: number;
    /** open ones per grade, by the grade's label */
    byGrade: { label: string; count: number }[];
    planOverdue: number;
    evidenceOverdue: number;
    awaitingEffectiveness: number;
    closedLast12Months: number;
    recurring: number;
    correctiveActionsOpen: number;
    correctiveActionsOverdue: number;
  } | null;
  monitoring: { metrics: number; systemsMonitored: number; openBreaches: number; reviewsOverdue: number; noData: number } | null;
  objectives: { total: number; open: number; achieved: number; missed: number; overdue: number; atRisk: number } | null;
  inventory: { total: number; inScope: number; duplicateGroups: number; namedInScopeMissing: number } | null;
  suppliers: { total: number; neverReviewed: number; overdue: number } | null;
  incidents: { open: number; notEscalated: number; closedLast90Days: number; bySeverity: Record<string, number> } | null;
  training: { topics: number; people: number; required: number; complete: number; missing: number; overdue: number } | null;
  resourceNeeds: string;
  improvements: { open: number; done: number; bySource: { label: string; count: number }[] } | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const NOT_AVAILABLE = 'This information was not available when the inputs were compiled.';

/** "byStatus" keys such as "in-treatment" as words: "in treatment". */
const words = (key: string) => key.replace(/[-_]+/g, ' ').toLowerCase();

function section(key: string, heading: string, facts: string[], numbers: InputNumber[] = []): InputSection {
  return { key, heading, facts, numbers };
}

function sinceWords(f: ReviewFacts) {
  return f.previous ? `since the last approved review (${f.previous.number}, held ${f.previous.meetingDate})` : '';
}

export function compileInputs(f: ReviewFacts): InputSection[] {
  const since = sinceWords(f);
  const out: InputSection[] = [];

  // Actions from earlier reviews
  {
    const open = f.previousActions.open;
    const overdue = open.filter((a) => a.dueDate && a.dueDate < f.today).length;
    const facts = [
      open.length === 0
        ? 'No action from an earlier review is still open.'
        : `${plural(open.length, 'action')} from earlier reviews ${open.length === 1 ? 'is' : 'are'} still open, ${overdue} of them overdue.`,
      ...open
        .slice(0, 20)
        .map(
          (a) =>
            `${a.reviewNumber}: ${a.text} (owner: ${a.owner ?? 'nobody named'}; due: ${a.dueDate ?? 'no date'}${
              a.dueDate && a.dueDate < f.today ? ', overdue' : ''
            }).`,
        ),
    ];
    if (open.length > 20) facts.push(`${open.length - 20} more open actions are not listed here.`);
    if (f.previous) facts.push(`${plural(f.previousActions.doneSinceLast, 'action')} were marked done ${since}.`);
    out.push(
      section('previous-actions', 'Status of actions from previous reviews', facts, [
        { label: 'Open actions', value: open.length },
        { label: 'Overdue actions', value: overdue },
        { label: 'Done since the last review', value: f.previousActions.doneSinceLast },
      ]),
    );
  }

  // Context: issues and interested parties, held in the approved scope
  {
    const facts: string[] = [];
    if (!f.scope)
      facts.push('No scope of the management system has been approved yet, so issues and interested parties are not on record.');
    else {
      const at = f.scope.approvedAt?.slice(0, 10) ?? 'an unknown date';
      facts.push(
        `The approved scope is version ${f.scope.version}, approved on ${at}; it records the internal and external issues and the interested parties.`,
      );
      if (f.previous && f.scope.approvedAt)
        facts.push(
          f.scope.approvedAt.slice(0, 10) > f.previous.meetingDate
            ? `The scope was approved again after the last review (${f.previous.meetingDate}): issues or interested parties may have changed; compare the versions.`
            : `The scope has not changed since the last review (${f.previous.meetingDate}).`,
        );
      else if (!f.previous)
        facts.push('This is the first approved management review, so there is no earlier review to compare with.');
    }
    out.push(
      section(
        'issues',
        'Changes in internal and external issues and interested parties',
        facts,
        f.scope ? [{ label: 'Approved scope version', value: f.scope.version }] : [],
      ),
    );
  }

  // AI risks
  if (!f.risks) out.push(section('risks', 'AI risk status', [NOT_AVAILABLE]));
  else {
    const r = f.risks;
    const byStatus = Object.entries(r.byStatus)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${words(s)}`)
      .join(', ');
    out.push(
      section(
        'risks',
        'AI risk status',
        [
          `The risk register holds ${plural(r.total, 'current risk')}${byStatus ? ` (${byStatus})` : ''}.`,
          `${plural(r.aboveThresholdUntreated, 'risk')} above the acceptance threshold ${r.aboveThresholdUntreated === 1 ? 'has' : 'have'} no treatment yet.`,
          `${plural(r.reviewOverdue, 'risk')} ${r.reviewOverdue === 1 ? 'is' : 'are'} past the review date.`,
          `${plural(r.inScopeWithoutRisk, 'AI system')} in scope ${r.inScopeWithoutRisk === 1 ? 'has' : 'have'} no risk assessed.`,
          r.method.status === 'approved'
            ? `Risks are scored with the approved risk method (version ${r.method.version}).`
            : 'The risk method is not approved yet.',
        ],
        [
          { label: 'Current risks', value: r.total },
          { label: 'Above threshold without treatment', value: r.aboveThresholdUntreated },
          { label: 'Review overdue', value: r.reviewOverdue },
          { label: 'AI systems in scope without a risk', value: r.inScopeWithoutRisk },
        ],
      ),
    );
  }

  // Internal audits
  if (!f.audits) out.push(section('audits', 'Internal audit results', [NOT_AVAILABLE]));
  else {
    const list = f.audits;
    const sum = (k: 'conforming' | 'nonconformities' | 'observations' | 'opportunities') => list.reduce((n, a) => n + a[k], 0);
    const facts = [
      list.length === 0
        ? `No internal audit was reported ${since || 'yet'}.`
        : `${plural(list.length, 'internal audit')} ${list.length === 1 ? 'was' : 'were'} reported ${since || 'so far'}.`,
      ...list.slice(0, 12).map((a) => {
        const conclusions = a.conclusions.trim().replace(/\s+/g, ' ');
        return `${a.number} ${a.title}${a.reportedAt ? ` (reported ${a.reportedAt.slice(0, 10)})` : ''}: ${plural(a.nonconformities, 'nonconformity', 'nonconformities')}, ${plural(a.observations, 'observation')}, ${plural(a.opportunities, 'opportunity for improvement', 'opportunities for improvement')}, ${plural(a.conforming, 'item')} conforming.${
          conclusions ? ` Conclusions: ${conclusions.length > 300 ? `${conclusions.slice(0, 297)}…` : conclusions}` : ''
        }`;
      }),
    ];
    if (list.length > 12) facts.push(`${list.length - 12} more audits are not listed here.`);
    out.push(
      section('audits', 'Internal audit results', facts, [
        { label: 'Audits reported', value: list.length },
        { label: 'Nonconformities found', value: sum('nonconformities') },
        { label: 'Observations', value: sum('observations') },
        { label: 'Opportunities for improvement', value: sum('opportunities') },
        { label: 'Items conforming', value: sum('conforming') },
      ]),
    );
  }

  // Nonconformities and corrective actions
  if (!f.nonconformities) out.push(section('nonconformities', 'Nonconformities and corrective actions', [NOT_AVAILABLE]));
  else {
    const n = f.nonconformities;
    const grades = n.byGrade
      .filter((g) => g.count > 0)
      .map((g) => `${g.count} ${g.label.toLowerCase()}`)
      .join(', ');
    out.push(
      section(
        'nonconformities',
        'Nonconformities and corrective actions',
        [
          `${plural(n.open, 'nonconformity', 'nonconformities')} ${n.open === 1 ? 'is' : 'are'} not closed${grades ? ` (${grades})` : ''}; ${n.recurring} of them recurring.`,
          `${n.planOverdue} ${n.planOverdue === 1 ? 'has' : 'have'} no corrective action planned in time and ${n.evidenceOverdue} ${n.evidenceOverdue === 1 ? 'is' : 'are'} past the date for closing with evidence; ${n.awaitingEffectiveness} await the check that the actions worked.`,
          `${plural(n.correctiveActionsOpen, 'corrective action')} ${n.correctiveActionsOpen === 1 ? 'is' : 'are'} open, ${n.correctiveActionsOverdue} overdue.`,
          `${plural(n.closedLast12Months, 'nonconformity', 'nonconformities')} ${n.closedLast12Months === 1 ? 'was' : 'were'} closed in the 12 months to ${f.today}.`,
        ],
        [
          { label: 'Not closed', value: n.open },
          ...n.byGrade.map((g) => ({ label: `Not closed: ${g.label.toLowerCase()}`, value: g.count })),
          { label: 'Recurring', value: n.recurring },
          { label: 'Corrective actions open', value: n.correctiveActionsOpen },
          { label: 'Corrective actions overdue', value: n.correctiveActionsOverdue },
          { label: 'Closed in the last 12 months', value: n.closedLast12Months },
        ],
      ),
    );
  }

  // Monitoring and measurement
  if (!f.monitoring) out.push(section('monitoring', 'Monitoring and measurement results', [NOT_AVAILABLE]));
  else {
    const m = f.monitoring;
    out.push(
      section(
        'monitoring',
        'Monitoring and measurement results',
        [
          `${plural(m.metrics, 'metric')} watch ${plural(m.systemsMonitored, 'AI system')}.`,
          `${plural(m.openBreaches, 'threshold breach', 'threshold breaches')} ${m.openBreaches === 1 ? 'is' : 'are'} open.`,
          `${plural(m.reviewsOverdue, 'metric')} ${m.reviewsOverdue === 1 ? 'is' : 'are'} overdue for review; ${m.noData} ${m.noData === 1 ? 'has' : 'have'} no data yet.`,
        ],
        [
          { label: 'Metrics', value: m.metrics },
          { label: 'AI systems monitored', value: m.systemsMonitored },
          { label: 'Open breaches', value: m.openBreaches },
          { label: 'Metric reviews overdue', value: m.reviewsOverdue },
          { label: 'Metrics without data', value: m.noData },
        ],
      ),
    );
  }

  // AI objectives
  if (!f.objectives) out.push(section('objectives', 'Performance against AI objectives', [NOT_AVAILABLE]));
  else {
    const o = f.objectives;
    out.push(
      section(
        'objectives',
        'Performance against AI objectives',
        [
          `${plural(o.total, 'AI objective')}: ${o.achieved} achieved, ${o.missed} missed, ${o.open} still open.`,
          `${plural(o.atRisk, 'open objective')} ${o.atRisk === 1 ? 'is' : 'are'} at risk and ${o.overdue} past the due date.`,
        ],
        [
          { label: 'Objectives', value: o.total },
          { label: 'Achieved', value: o.achieved },
          { label: 'Missed', value: o.missed },
          { label: 'Open', value: o.open },
          { label: 'At risk', value: o.atRisk },
          { label: 'Overdue', value: o.overdue },
        ],
      ),
    );
  }

  // AI systems
  if (!f.inventory) out.push(section('ai-systems', 'Changes in AI systems', [NOT_AVAILABLE]));
  else {
    const i = f.inventory;
    const facts = [`The inventory holds ${plural(i.total, 'current AI system')}, ${i.inScope} of them in scope.`];
    if (f.previous && f.previous.inventoryTotal !== null) {
      const d = i.total - f.previous.inventoryTotal;
      facts.push(
        d === 0
          ? `The number of AI systems is the same as at the last review (${f.previous.meetingDate}).`
          : `That is ${Math.abs(d)} ${d > 0 ? 'more' : 'fewer'} than at the last review (${f.previous.meetingDate}: ${f.previous.inventoryTotal}).`,
      );
    }
    facts.push('The count is a net total: systems added and archived since the last review are not counted one by one.');
    if (i.namedInScopeMissing > 0)
      facts.push(
        `${plural(i.namedInScopeMissing, 'AI system')} named in the scope ${i.namedInScopeMissing === 1 ? 'is' : 'are'} missing from the inventory.`,
      );
    if (i.duplicateGroups > 0)
      facts.push(`${plural(i.duplicateGroups, 'group')} of possible duplicate entries should be checked.`);
    out.push(
      section('ai-systems', 'Changes in AI systems', facts, [
        { label: 'AI systems', value: i.total },
        { label: 'In scope', value: i.inScope },
        ...(f.previous && f.previous.inventoryTotal !== null
          ? [{ label: 'Change since the last review', value: i.total - f.previous.inventoryTotal }]
          : []),
      ]),
    );
  }

  // Suppliers
  if (!f.suppliers) out.push(section('suppliers', 'Supplier and technology changes', [NOT_AVAILABLE]));
  else {
    const s = f.suppliers;
    out.push(
      section(
        'suppliers',
        'Supplier and technology changes',
        [
          `${plural(s.total, 'active supplier')} of AI systems, data or services are on record.`,
          `${plural(s.neverReviewed, 'supplier')} ${s.neverReviewed === 1 ? 'has' : 'have'} never been reviewed and ${s.overdue} ${s.overdue === 1 ? 'is' : 'are'} overdue for review.`,
        ],
        [
          { label: 'Active suppliers', value: s.total },
          { label: 'Never reviewed', value: s.neverReviewed },
          { label: 'Review overdue', value: s.overdue },
        ],
      ),
    );
  }

  // Incidents
  if (!f.incidents) out.push(section('incidents', 'AI incidents', [NOT_AVAILABLE]));
  else {
    const n = f.incidents;
    const sev = Object.entries(n.bySeverity)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${v} ${words(k)}`)
      .join(', ');
    out.push(
      section(
        'incidents',
        'AI incidents',
        [
          `${plural(n.open, 'incident')} ${n.open === 1 ? 'is' : 'are'} not closed${sev ? ` (${sev} severity)` : ''}.`,
          `${plural(n.notEscalated, 'open incident')} ${n.notEscalated === 1 ? 'was' : 'were'} escalated to no one.`,
          `${plural(n.closedLast90Days, 'incident')} ${n.closedLast90Days === 1 ? 'was' : 'were'} closed in the 90 days to ${f.today}.`,
        ],
        [
          { label: 'Not closed', value: n.open },
          { label: 'Not escalated', value: n.notEscalated },
          { label: 'Closed in the last 90 days', value: n.closedLast90Days },
        ],
      ),
    );
  }

  // Training
  if (!f.training) out.push(section('training', 'Training and competence', [NOT_AVAILABLE]));
  else {
    const t = f.training;
    const pct = t.required ? Math.round((100 * t.complete) / t.required) : 100;
    out.push(
      section(
        'training',
        'Training and competence',
        [
          `${plural(t.topics, 'training topic')} apply to ${plural(t.people, 'person', 'people')}.`,
          `${t.complete} of ${t.required} required trainings are complete (${pct}%); ${t.missing} missing and ${t.overdue} overdue.`,
        ],
        [
          { label: 'Required trainings', value: t.required },
          { label: 'Complete', value: t.complete },
          { label: 'Missing', value: t.missing },
          { label: 'Overdue', value: t.overdue },
        ],
      ),
    );
  }

  // Resources
  out.push(
    section('resources', 'Resource needs', [
      f.resourceNeeds.trim() ? f.resourceNeeds.trim() : 'The preparer recorded no resource needs.',
    ]),
  );

  // Improvement
  if (!f.improvements) out.push(section('improvements', 'Opportunities for improvement', [NOT_AVAILABLE]));
  else {
    const m = f.improvements;
    const sources = m.bySource
      .filter((x) => x.count > 0)
      .map((x) => `${x.count} from ${x.label.toLowerCase()}`)
      .join(', ');
    out.push(
      section(
        'improvements',
        'Opportunities for improvement',
        [
          `The improvement log holds ${plural(m.open, 'open improvement')} and ${m.done} done.`,
          ...(sources ? [`Where they came from: ${sources}.`] : []),
        ],
        [
          { label: 'Open improvements', value: m.open },
          { label: 'Done', value: m.done },
          ...m.bySource.map((x) => ({ label: `From ${x.label.toLowerCase()}`, value: x.count })),
        ],
      ),
    );
  }

  return out;
}
