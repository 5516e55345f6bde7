import type { AuditEntry, EntryDescription } from '../../../shared/ui/ChangeHistory';
import { refresherLabel } from './labels';

// How the change history of topics and records reads: in words, not stored values.

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Added', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
};
export const describeEntry = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: e.action };

export const TOPIC_FIELDS = {
  title: 'Title',
  description: 'What it covers',
  audience: 'Who must take it',
  refresherMonths: 'Refresher',
};

const AUDIENCE_WORDS: Record<string, string> = { all: 'Everyone', roles: 'Governance roles', teams: 'Teams' };

export function formatTopicValue(field: string, value: unknown): string | null {
  if (field === 'refresherMonths') return refresherLabel(typeof value === 'number' ? value : null);
  if (field === 'audience' && value && typeof value === 'object') {
    const a = value as { kind: string; teams?: string[]; roleIds?: string[] };
    if (a.kind === 'teams') return `Teams: ${(a.teams ?? []).join(', ')}`;
    if (a.kind === 'roles') return `${(a.roleIds ?? []).length} governance role(s)`;
    return AUDIENCE_WORDS[a.kind] ?? null;
  }
  return null;
}

export const RECORD_FIELDS = {
  person: 'Person',
  completedOn: 'Completed on',
  expiresOn: 'Expires on',
  evidenceUrl: 'Evidence link',
  notes: 'Notes',
};

export function formatRecordValue(field: string, value: unknown): string | null {
  if (field === 'expiresOn' && value === null) return 'Does not expire';
  return null;
}
