import { type OwnerDraft, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import type { Improvement, ImprovementInput } from '../hooks/useImprovements';
import type { ImprovementSource, ImprovementStatus } from '../labels';
import { SOURCE_LABELS, STATUS_LABELS } from '../labels';

// The improvement form's state and its conversion to the API's body.

export interface ImprovementDraft {
  title: string;
  description: string;
  sourceKind: ImprovementSource;
  /** the record it came from: kept as it is, the form does not change it */
  sourceId: string | null;
  sourceLabel: string;
  owner: OwnerDraft;
  status: ImprovementStatus;
  benefit: string;
  dueDate: string;
  outcome: string;
}

export function toImprovementDraft(i: Improvement | null): ImprovementDraft {
  return {
    title: i?.title ?? '',
    description: i?.description ?? '',
    sourceKind: i?.source.kind ?? 'suggestion',
    sourceId: i?.source.id ?? null,
    sourceLabel: i?.source.label ?? '',
    owner: toOwnerDraft(i?.owner),
    status: i?.status ?? 'proposed',
    benefit: i?.benefit ?? '',
    dueDate: i?.dueDate ?? '',
    outcome: i?.outcome ?? '',
  };
}

export function toImprovementInput(d: ImprovementDraft): ImprovementInput {
  const label = d.sourceLabel.trim();
  return {
    title: d.title.trim(),
    description: d.description.trim(),
    source: { kind: d.sourceKind, id: d.sourceId, ...(label ? { label } : {}) },
    owner: toOwnerInput(d.owner),
    status: d.status,
    benefit: d.benefit.trim(),
    dueDate: d.dueDate || null,
    outcome: d.outcome.trim(),
  };
}

/** What the browser can tell before asking the server: a finished improvement says what came of it. */
export function localErrors(d: ImprovementDraft): Record<string, string> {
  if ((d.status === 'done' || d.status === 'rejected') && !d.outcome.trim())
    return { outcome: d.status === 'done' ? 'Say what changed and whether it worked' : 'Say why it was rejected' };
  return {};
}

/** The values as the conflict dialog compares them, in words. */
export function conflictView(d: ImprovementDraft): Record<string, unknown> {
  return {
    title: d.title.trim(),
    description: d.description.trim(),
    source: `${SOURCE_LABELS[d.sourceKind]}${d.sourceLabel.trim() ? `: ${d.sourceLabel.trim()}` : ''}`,
    owner: d.owner.name.trim() || null,
    status: STATUS_LABELS[d.status],
    benefit: d.benefit.trim(),
    dueDate: d.dueDate || null,
    outcome: d.outcome.trim(),
  };
}
