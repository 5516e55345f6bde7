// Words of the continual improvement log.

export type ImprovementStatus = 'proposed' | 'planned' | 'in-progress' | 'done' | 'rejected';
export type ImprovementSource =
  | 'internal-audit'
  | 'certification-audit'
  | 'incident'
  | 'management-review'
  | 'monitoring'
  | 'concern'
  | 'suggestion'
  | 'other';

export const STATUS_LABELS: Record<ImprovementStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  rejected: 'Rejected',
};

export const STATUS_COLORS: Record<ImprovementStatus, string> = {
  proposed: 'gray',
  planned: 'blue',
  'in-progress': 'orange',
  done: 'teal',
  rejected: 'grape',
};

export const SOURCE_LABELS: Record<ImprovementSource, string> = {
  'internal-audit': 'Internal audit',
  'certification-audit': 'Certification audit',
  incident: 'Incident',
  'management-review': 'Management review',
  monitoring: 'Monitoring',
  concern: 'Reported concern',
  suggestion: 'Suggestion',
  other: 'Other',
};

/** Where a source record lives in the app, when it has a page. */
export function sourceHref(orgId: string, kind: ImprovementSource, id: string | null): string | null {
  if (!id) return null;
  const base: Partial<Record<ImprovementSource, string>> = {
    'internal-audit': 'internal-audits',
    incident: 'incidents',
    'management-review': 'management-reviews',
    concern: 'concerns',
  };
  return base[kind] ? `/orgs/${orgId}/${base[kind]}/${id}` : null;
}

export const isClosed = (s: ImprovementStatus) => s === 'done' || s === 'rejected';

/** Field names as the form and the change history show them. */
export const FIELD_LABELS: Record<string, string> = {
  title: 'Improvement',
  description: 'Description',
  source: 'Source',
  owner: 'Owner',
  status: 'Status',
  benefit: 'Expected benefit',
  dueDate: 'Due date',
  outcome: 'Outcome',
  closedAt: 'Closed',
  number: 'Number',
};
