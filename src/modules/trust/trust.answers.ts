// The seven questions buyers ask about AI governance, and a first draft of
// each answer written from the organization's own records. Pure: the facts
// are gathered elsewhere (trust.gather.ts). Drafts are plain sentences a
// person then reads, corrects and owns; they never claim more than the data.

export const BUYER_QUESTIONS = [
  { id: 'where-ai-is-used', question: 'Where is AI used in your product or service?' },
  { id: 'governance-owner', question: 'Who owns AI governance?' },
  { id: 'risk-review', question: 'How are AI risks reviewed?' },
  { id: 'third-party-ai', question: 'How do you manage third-party AI tools?' },
  { id: 'performance-monitoring', question: 'How do you monitor AI system performance?' },
  { id: 'incident-handling', question: 'How do you handle AI-related incidents?' },
  { id: 'certificate-verification', question: 'How can your certificate be verified?' },
] as const;
export type QuestionId = (typeof BUYER_QUESTIONS)[number]['id'];
export const QUESTION_IDS = BUYER_QUESTIONS.map((q) => q.id) as [QuestionId, ...QuestionId[]];

export interface BuyerFacts {
  aiSystems: { name: string; purpose: string }[];
  aiSystemsTotal: number;
  roles: { key: string | null; name: string; holder: string | null; vacant: boolean }[];
  riskMethod: { status: 'approved' | 'draft' | 'default'; version: number | null };
  risks: { total: number; treated: number; aboveThresholdUntreated: number; reviewOverdue: number; inScopeWithoutRisk: number };
  suppliers: { total: number; neverReviewed: number; overdue: number; aiSuppliers: string[] };
  monitoring: { metrics: number; systemsMonitored: number; openBreaches: number; reviewsOverdue: number; noData: number };
  incidents: { open: number; closedLast90Days: number; notEscalated: number; escalationOwner: string | null };
  certificate: { certificateNumber: string; issuingBody: string; status: string; expiryDate: string } | null;
}

export interface DraftAnswer {
  id: QuestionId;
  question: string;
  draft: string;
  figures: { label: string; value: string }[];
  /** where the figures come from: web app paths under /orgs/:orgId, or the public verification page */
  links: { label: string; href: string }[];
}

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const sentence = (s: string) => s.trim().replace(/[.\s]*$/, '.');

/** The verification page of a published certificate (the certificates module serves it). */
export const verifyPath = (certificateNumber: string) => `/verify/${encodeURIComponent(certificateNumber)}`;

export function draftAnswers(f: BuyerFacts, orgId: string): DraftAnswer[] {
  const at = (path: string) => `/orgs/${orgId}/${path}`;
  const q = (id: QuestionId) => BUYER_QUESTIONS.find((x) => x.id === id)?.question ?? id;

  const used = f.aiSystems.length
    ? `We use AI in ${n(f.aiSystems.length, 'system')} within the scope of our AI management system: ${f.aiSystems
        .map((s) => (s.purpose.trim() ? `${s.name} (${sentence(s.purpose).slice(0, -1)})` : s.name))
        .join('; ')}. Each is recorded in our AI system inventory with its owner, risk level and suppliers.`
    : 'No AI system is recorded as in scope of our AI management system yet; our AI system inventory is being built.';

  const owner = f.roles.find((r) => r.key === 'ai-governance-owner');
  const filled = f.roles.filter((r) => !r.vacant && r.holder);
  const governance = [
    owner && !owner.vacant && owner.holder
      ? `${owner.holder} holds the ${owner.name} role and answers for our AI management system.`
      : 'The role that owns AI governance is not assigned yet.',
    filled.length
      ? `Named roles: ${filled.map((r) => `${r.name} (${r.holder})`).join('; ')}.`
      : 'No governance role has a holder yet.',
    f.roles.some((r) => r.vacant) ? `${n(f.roles.filter((r) => r.vacant).length, 'role is', 'roles are')} still vacant.` : '',
  ].filter(Boolean);

  const method =
    f.riskMethod.status === 'approved'
      ? `AI risks are scored with our approved risk method (version ${f.riskMethod.version}), which sets how likelihood and impact give a level and which levels need treatment.`
      : f.riskMethod.status === 'draft'
        ? 'Our risk method is drafted and awaits approval; until then AI risks are scored with the draft.'
        : 'We have not yet defined our own risk method; AI risks are scored with a default scale for now.';
  const riskFacts = [
    method,
    f.risks.total
      ? `Our risk register holds ${n(f.risks.total, 'current AI risk')}; ${f.risks.treated} ${f.risks.treated === 1 ? 'has' : 'have'} a treatment or acceptance recorded.`
      : 'Our AI risk register has no risks recorded yet.',
    f.risks.aboveThresholdUntreated
      ? `${n(f.risks.aboveThresholdUntreated, 'risk')} above our threshold still await treatment.`
      : '',
    f.risks.inScopeWithoutRisk
      ? `${n(f.risks.inScopeWithoutRisk, 'AI system in scope has', 'AI systems in scope have')} no risk assessed yet.`
      : '',
    f.risks.reviewOverdue ? `${n(f.risks.reviewOverdue, 'risk review is', 'risk reviews are')} overdue.` : '',
  ].filter(Boolean);

  const sup = f.suppliers;
  const reviewed = Math.max(0, sup.total - sup.neverReviewed);
  const third = [
    sup.aiSuppliers.length
      ? `Our in-scope AI systems rely on ${n(sup.aiSuppliers.length, 'supplier')}: ${list(sup.aiSuppliers)}.`
      : 'None of our in-scope AI systems is recorded as relying on a supplier.',
    sup.total
      ? `We keep a supplier register of ${n(sup.total, 'supplier')}; ${reviewed} ${reviewed === 1 ? 'has' : 'have'} been reviewed${sup.overdue ? `, ${sup.overdue} ${sup.overdue === 1 ? 'is' : 'are'} due for review again` : ''}.`
      : 'Our supplier register is empty so far.',
  ];

  const m = f.monitoring;
  const monitoring = m.metrics
    ? [
        `We track ${n(m.metrics, 'performance metric')} across ${n(m.systemsMonitored, 'AI system')}, each with thresholds that open a breach when crossed.`,
        m.openBreaches ? `${n(m.openBreaches, 'breach is', 'breaches are')} open and being worked on.` : 'No breach is open.',
        m.reviewsOverdue ? `${n(m.reviewsOverdue, 'metric review is', 'metric reviews are')} overdue.` : '',
      ].filter(Boolean)
    : ['We have not defined monitoring metrics for our AI systems yet.'];

  const i = f.incidents;
  const incidents = [
    'AI-related incidents are logged in our incident register, escalated, contained and closed with lessons learned; a performance breach or a raised concern can open one directly.',
    i.escalationOwner ? `${i.escalationOwner} is the escalation owner.` : 'No escalation owner is assigned yet.',
    `At present ${n(i.open, 'incident is', 'incidents are')} open; ${n(i.closedLast90Days, 'was', 'were')} closed in the last 90 days.`,
  ];

  const c = f.certificate;
  const cert = !c
    ? 'We are not certified to ISO/IEC 42001 yet, so there is no certificate to verify.'
    : c.status === 'valid'
      ? `Our ISO/IEC 42001 certificate ${c.certificateNumber} was issued by ${c.issuingBody} and is valid until ${c.expiryDate}. Anyone can check it on its public verification page, and confirm it with ${c.issuingBody}.`
      : `Our ISO/IEC 42001 certificate ${c.certificateNumber}, issued by ${c.issuingBody}, is currently ${c.status}. Its public verification page shows its status; ${c.issuingBody} can confirm it.`;

  return [
    {
      id: 'where-ai-is-used',
      question: q('where-ai-is-used'),
      draft: used,
      figures: [
        { label: 'AI systems in scope', value: String(f.aiSystems.length) },
        { label: 'AI systems in the inventory', value: String(f.aiSystemsTotal) },
      ],
      links: [{ label: 'AI system inventory', href: at('inventory') }],
    },
    {
      id: 'governance-owner',
      question: q('governance-owner'),
      draft: governance.join(' '),
      figures: [
        { label: 'Governance roles', value: String(f.roles.length) },
        { label: 'Roles vacant', value: String(f.roles.filter((r) => r.vacant).length) },
      ],
      links: [{ label: 'Governance roles', href: at('roles') }],
    },
    {
      id: 'risk-review',
      question: q('risk-review'),
      draft: riskFacts.join(' '),
      figures: [
        { label: 'Risk method', value: f.riskMethod.status },
        { label: 'Current risks', value: String(f.risks.total) },
        { label: 'Above threshold without treatment', value: String(f.risks.aboveThresholdUntreated) },
        { label: 'Reviews overdue', value: String(f.risks.reviewOverdue) },
        { label: 'AI systems in scope without a risk', value: String(f.risks.inScopeWithoutRisk) },
      ],
      links: [
        { label: 'Risk method', href: at('risk-method') },
        { label: 'Risk register', href: at('risks') },
      ],
    },
    {
      id: 'third-party-ai',
      question: q('third-party-ai'),
      draft: third.join(' '),
      figures: [
        { label: 'Suppliers of in-scope AI systems', value: String(sup.aiSuppliers.length) },
        { label: 'Suppliers reviewed', value: `${reviewed} of ${sup.total}` },
        { label: 'Reviews overdue', value: String(sup.overdue) },
      ],
      links: [{ label: 'Suppliers', href: at('suppliers') }],
    },
    {
      id: 'performance-monitoring',
      question: q('performance-monitoring'),
      draft: monitoring.join(' '),
      figures: [
        { label: 'Metrics', value: String(m.metrics) },
        { label: 'AI systems monitored', value: String(m.systemsMonitored) },
        { label: 'Open breaches', value: String(m.openBreaches) },
      ],
      links: [{ label: 'Monitoring', href: at('monitoring') }],
    },
    {
      id: 'incident-handling',
      question: q('incident-handling'),
      draft: incidents.join(' '),
      figures: [
        { label: 'Open incidents', value: String(i.open) },
        { label: 'Closed in the last 90 days', value: String(i.closedLast90Days) },
        { label: 'Open without escalation', value: String(i.notEscalated) },
      ],
      links: [{ label: 'Incidents', href: at('incidents') }],
    },
    {
      id: 'certificate-verification',
      question: q('certificate-verification'),
      draft: cert,
      figures: c
        ? [
            { label: 'Certificate', value: c.certificateNumber },
            { label: 'Issuing body', value: c.issuingBody },
            { label: 'Status', value: c.status },
            { label: 'Valid until', value: c.expiryDate },
          ]
        : [{ label: 'Certificate', value: 'none' }],
      links: c
        ? [
            { label: 'Verification page', href: verifyPath(c.certificateNumber) },
            { label: 'Certificates', href: at('certificates') },
          ]
        : [{ label: 'Certificates', href: at('certificates') }],
    },
  ];
}
