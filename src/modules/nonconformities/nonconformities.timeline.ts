import { ACTION_STATUS_LABELS, type ActionStatus, type NcStatus, STATUS_LABELS } from './nonconformities.rules.js';
import type { TimelineEvent } from './nonconformities.schemas.js';

// A nonconformity's timeline from its change history in the audit log (raised,
// correction, containment, root cause, corrective actions, effectiveness
// check, status changes). Pure: the service loads, this tells.

export interface HistoryEntry {
  at: string;
  actorUserId: string | null;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}

interface Fields {
  number?: string;
  raisedAt?: string;
  status?: NcStatus;
  gradeLabel?: string;
  grade?: string;
  correction?: { text: string; date: string | null };
  containment?: { text: string; date: string | null };
  rootCause?: { summary: string };
  effectiveness?: { plannedOn: string | null; method: string; result: string | null; checkedOn: string | null };
  source?: { kind: string; label?: string };
}

interface ActionFields {
  actionId?: string;
  title?: string;
  status?: ActionStatus;
  dueDate?: string | null;
}

const ORDER: TimelineEvent['kind'][] = [
  'raised',
  'correction',
  'containment',
  'root-cause',
  'action-added',
  'action-changed',
  'action-done',
  'action-removed',
  'effectiveness-planned',
  'effectiveness-checked',
  'status',
];

const RESULT_WORDS: Record<string, string> = { effective: 'effective', 'not-effective': 'not effective' };

export function buildTimeline(
  history: HistoryEntry[],
  nameOf: (userId: string | null, label: string) => string,
  gradeLabel: (key: string) => string,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const h of history) {
    const who = nameOf(h.actorUserId, h.actor);
    if (h.action.startsWith('action-')) {
      const a = (h.after ?? {}) as ActionFields;
      const b = (h.before ?? {}) as ActionFields;
      if (h.action === 'action-create')
        events.push({
          at: h.at,
          kind: 'action-added',
          who,
          what: `Corrective action added: ${a.title}`,
          detail: a.dueDate ? `Due ${a.dueDate}` : null,
        });
      else if (h.action === 'action-delete')
        events.push({ at: h.at, kind: 'action-removed', who, what: `Corrective action removed: ${b.title}`, detail: null });
      else if (a.status === 'done' && b.status !== 'done')
        events.push({ at: h.at, kind: 'action-done', who, what: `Corrective action done: ${a.title}`, detail: null });
      else
        events.push({
          at: h.at,
          kind: 'action-changed',
          who,
          what: `Corrective action changed: ${a.title}`,
          detail: a.status && a.status !== b.status ? `Now ${ACTION_STATUS_LABELS[a.status].toLowerCase()}` : null,
        });
      continue;
    }
    if (h.action !== 'create' && h.action !== 'update') continue;
    const after = (h.after ?? {}) as Fields;
    const before = (h.action === 'create' ? {} : (h.before ?? {})) as Fields;
    if (h.action === 'create')
      events.push({
        at: h.at,
        kind: 'raised',
        who,
        what: `Raised as ${gradeLabel(after.grade ?? '').toLowerCase()}${after.raisedAt ? ` on ${after.raisedAt}` : ''}`,
        detail: after.source?.label ? `From ${after.source.label}` : null,
      });
    if (h.action === 'update' && after.status && before.status !== after.status)
      events.push({
        at: h.at,
        kind: 'status',
        who,
        what: `Status changed from ${STATUS_LABELS[before.status ?? 'open'].toLowerCase()} to ${STATUS_LABELS[after.status].toLowerCase()}`,
        detail: null,
      });
    for (const [field, kind, label] of [
      ['correction', 'correction', 'Correction'],
      ['containment', 'containment', 'Containment'],
    ] as const) {
      const a = after[field]?.text.trim() ?? '';
      if (a && a !== (before[field]?.text.trim() ?? ''))
        events.push({ at: h.at, kind, who, what: `${label} ${before[field]?.text.trim() ? 'updated' : 'recorded'}`, detail: a });
    }
    const rc = after.rootCause?.summary.trim() ?? '';
    const rcBefore = before.rootCause?.summary.trim() ?? '';
    if (rc && rc !== rcBefore)
      events.push({ at: h.at, kind: 'root-cause', who, what: `Root cause ${rcBefore ? 'updated' : 'recorded'}`, detail: rc });
    const e = after.effectiveness;
    const eb = before.effectiveness;
    if (e?.plannedOn && e.plannedOn !== eb?.plannedOn)
      events.push({
        at: h.at,
        kind: 'effectiveness-planned',
        who,
        what: `Effectiveness check planned for ${e.plannedOn}`,
        detail: e.method || null,
      });
    if (e?.result && (e.result !== eb?.result || e.checkedOn !== eb?.checkedOn))
      events.push({
        at: h.at,
        kind: 'effectiveness-checked',
        who,
        what: `Effectiveness checked${e.checkedOn ? ` on ${e.checkedOn}` : ''}: ${RESULT_WORDS[e.result] ?? e.result}`,
        detail: e.method || null,
      });
  }
  return events
    .map((e, i) => ({ e, i }))
    .sort((x, y) =>
      x.e.at !== y.e.at ? (x.e.at < y.e.at ? -1 : 1) : ORDER.indexOf(x.e.kind) - ORDER.indexOf(y.e.kind) || x.i - y.i,
    )
    .map((x) => x.e);
}
