import { DETECTED_HOW_LABELS, type IncidentStatus, SEVERITY_LABELS, type Severity, STATUS_LABELS } from './incidents.rules.js';
import type { Incident, TimelineEvent } from './incidents.schemas.js';

// An incident's timeline, from the record (when it was detected, each
// communication with its own time), its change history in the audit log
// (created, escalated, status and severity changes, what was recorded when,
// risks linked) and its running notes. Pure: the service loads, this tells.

export interface HistoryEntry {
  at: string;
  actorUserId: string | null;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface UpdateNote {
  at: string;
  note: string;
  by: string;
}

interface Fields {
  status?: IncidentStatus;
  severity?: Severity;
  containment?: string;
  rootCause?: string;
  lessonsLearned?: string;
  linkedRiskIds?: string[];
  escalation?: { to: { userId: string | null; name: string } | null; at: string | null } | null;
}

// Events at the same moment read in this order (created before escalated, etc.).
const ORDER: TimelineEvent['kind'][] = [
  'detected',
  'created',
  'escalated',
  'severity',
  'risk-linked',
  'containment',
  'root-cause',
  'lessons-learned',
  'communication',
  'update',
  'status',
];

const TEXTS: [keyof Fields & ('containment' | 'rootCause' | 'lessonsLearned'), TimelineEvent['kind'], string][] = [
  ['containment', 'containment', 'Containment'],
  ['rootCause', 'root-cause', 'Root cause'],
  ['lessonsLearned', 'lessons-learned', 'Lessons learned'],
];

/** An escalation saved with the change that made it reads at the change's time; one dated earlier by hand keeps its date. */
const sameMoment = (at: string | null | undefined, changedAt: string) =>
  at && Math.abs(Date.parse(at) - Date.parse(changedAt)) > 5_000 ? at : changedAt;

export function buildTimeline(
  incident: Incident,
  history: HistoryEntry[],
  updates: UpdateNote[],
  /** a person's current name by user id (members), else the audit log's label */
  nameOf: (userId: string | null, label: string) => string,
  /** a risk's label by id */
  riskLabel: (id: string) => string,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const push = (e: TimelineEvent) => events.push(e);
  push({
    at: incident.detectedAt,
    kind: 'detected',
    who: null,
    what: `Detected: ${DETECTED_HOW_LABELS[incident.detectedHow].toLowerCase()}`,
    detail: incident.description || null,
  });

  for (const h of history) {
    const who = nameOf(h.actorUserId, h.actor);
    const after = (h.after ?? {}) as Fields;
    const before = (h.action === 'create' ? {} : (h.before ?? {})) as Fields;
    if (h.action === 'create')
      push({
        at: h.at,
        kind: 'created',
        who,
        what: `Recorded as ${SEVERITY_LABELS[after.severity ?? incident.severity].toLowerCase()} severity, ${STATUS_LABELS[after.status ?? 'open'].toLowerCase()}`,
        detail: null,
      });
    if (h.action !== 'create' && h.action !== 'update') continue;
    const toBefore = before.escalation?.to ?? null;
    const toAfter = after.escalation?.to ?? null;
    if (toAfter && (toAfter.userId !== toBefore?.userId || toAfter.name !== toBefore?.name))
      push({
        at: sameMoment(after.escalation?.at, h.at),
        kind: 'escalated',
        who,
        what: `Escalated to ${toAfter.name}`,
        detail: null,
      });
    if (h.action === 'update' && after.status && before.status !== after.status)
      push({
        at: h.at,
        kind: 'status',
        who,
        what: `Status changed from ${STATUS_LABELS[before.status ?? 'open'].toLowerCase()} to ${STATUS_LABELS[after.status].toLowerCase()}`,
        detail: null,
      });
    if (h.action === 'update' && after.severity && before.severity !== after.severity)
      push({
        at: h.at,
        kind: 'severity',
        who,
        what: `Severity changed from ${SEVERITY_LABELS[before.severity ?? 'low'].toLowerCase()} to ${SEVERITY_LABELS[after.severity].toLowerCase()}`,
        detail: null,
      });
    for (const [field, kind, label] of TEXTS) {
      const a = (after[field] ?? '').trim();
      const b = (before[field] ?? '').trim();
      if (a && a !== b) push({ at: h.at, kind, who, what: `${label} ${b ? 'updated' : 'recorded'}`, detail: a });
    }
    const had = new Set(before.linkedRiskIds ?? []);
    for (const id of after.linkedRiskIds ?? [])
      if (!had.has(id)) push({ at: h.at, kind: 'risk-linked', who, what: `Linked to risk ${riskLabel(id)}`, detail: null });
  }

  for (const c of incident.communications)
    push({ at: c.when, kind: 'communication', who: c.by.name, what: `Communicated to ${c.party}`, detail: c.what });
  for (const u of updates) push({ at: u.at, kind: 'update', who: u.by, what: 'Update added', detail: u.note });

  // newest last; the same moment in the order above; otherwise as found
  return events
    .map((e, i) => ({ e, i }))
    .sort((x, y) =>
      x.e.at !== y.e.at ? (x.e.at < y.e.at ? -1 : 1) : ORDER.indexOf(x.e.kind) - ORDER.indexOf(y.e.kind) || x.i - y.i,
    )
    .map((x) => x.e);
}
