import { type OwnerDraft, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import type { Objective, ObjectiveInput } from '../hooks/useObjectives';
import type { ObjectiveStatus, TargetDirection } from '../labels';

// The objective form's state: numbers as typed (strings), the owner as the
// owner input holds it, and the conversion to the API's body.

export interface ObjectiveDraft {
  title: string;
  description: string;
  measure: string;
  target: string;
  targetValue: string;
  targetUnit: string;
  targetDirection: TargetDirection | null;
  baselineValue: string;
  owner: OwnerDraft;
  resources: string;
  dueDate: string;
  evaluation: string;
  aiSystemIds: string[];
  status: ObjectiveStatus;
}

const num = (n: number | null) => (n === null ? '' : String(n));

export function toObjectiveDraft(o: Objective | null): ObjectiveDraft {
  return {
    title: o?.title ?? '',
    description: o?.description ?? '',
    measure: o?.measure ?? '',
    target: o?.target ?? '',
    targetValue: num(o?.targetValue ?? null),
    targetUnit: o?.targetUnit ?? '',
    targetDirection: o?.targetDirection ?? null,
    baselineValue: num(o?.baselineValue ?? null),
    owner: toOwnerDraft(o?.owner),
    resources: o?.resources ?? '',
    dueDate: o?.dueDate ?? '',
    evaluation: o?.evaluation ?? '',
    aiSystemIds: o?.aiSystems.map((s) => s.id) ?? [],
    status: o?.status ?? 'open',
  };
}

/** A typed number, or null when empty; NaN for what is not a number (the form says so before sending). */
export function parseNumber(s: string): number | null {
  const t = s.trim().replace(',', '.');
  return t === '' ? null : Number(t);
}

/** What the browser can tell before asking the server. */
export function localErrors(d: ObjectiveDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of ['targetValue', 'baselineValue'] as const) if (Number.isNaN(parseNumber(d[f]))) errors[f] = 'must be a number';
  return errors;
}

export function toObjectiveInput(d: ObjectiveDraft): ObjectiveInput {
  return {
    title: d.title.trim(),
    description: d.description.trim(),
    measure: d.measure.trim(),
    target: d.target.trim(),
    targetValue: parseNumber(d.targetValue),
    targetUnit: d.targetUnit.trim() || null,
    targetDirection: d.targetDirection,
    baselineValue: parseNumber(d.baselineValue),
    owner: toOwnerInput(d.owner),
    resources: d.resources.trim(),
    dueDate: d.dueDate || null,
    evaluation: d.evaluation.trim(),
    aiSystemIds: d.aiSystemIds,
    status: d.status,
  };
}

/** The values as the conflict dialog compares them: people and systems by name. */
export function conflictView(d: ObjectiveDraft, systemName: (id: string) => string): Record<string, unknown> {
  return {
    ...toObjectiveInput(d),
    owner: d.owner.name.trim() || null,
    aiSystemIds: d.aiSystemIds.map(systemName),
  };
}
