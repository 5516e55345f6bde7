import type { EntryDescription } from '../../../shared/ui/ChangeHistory';
import { defaultFormat } from '../../../shared/ui/ChangeHistory';
import type { AuditEntry } from '../../audit-log';
import { formatDate } from '../../../shared/ui/format';
import {
  AI_ROLE_LABELS,
  DEPENDENCY_LABELS,
  inScopeLabel,
  KIND_LABELS,
  LIFECYCLE_LABELS,
  SENSITIVITY_LABELS,
  USER_IMPACT_LABELS,
} from '../labels';

// How an AI system's audit entries read in its history: what happened, in
// words, including the entries of records merged into it.

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

/** The name each record had, from its entries, so merged records can be named. */
export function recordNames(entries: AuditEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of entries) {
    const name = record(e.after).name ?? record(e.before).name;
    if (typeof name === 'string') names.set(e.entityId, name);
  }
  return names;
}

export function describeAiSystemEntry(systemId: string, names: Map<string, string>) {
  return (e: AuditEntry): EntryDescription => {
    const own = e.entityId === systemId;
    const name = names.get(e.entityId) ?? 'a merged record';
    const note = own ? undefined : `Entry of “${name}”, later merged into this record.`;
    switch (e.action) {
      case 'create':
        return { title: own ? 'Added to the inventory' : `“${name}” added to the inventory`, color: 'teal', note };
      case 'update':
        return { title: 'Changed', color: 'blue', note };
      case 'bulk-update':
        return { title: 'Changed in a bulk edit', color: 'blue', note };
      case 'merge': {
        const from = record(e.after).mergedFromId;
        const dup = typeof from === 'string' ? names.get(from) : undefined;
        return { title: dup ? `Merged “${dup}” into this record` : 'Merged a duplicate into this record', color: 'orange', note };
      }
      case 'merged-into':
        return { title: `“${name}” merged into this record and archived`, color: 'orange' };
      case 'archive':
        return { title: 'Archived', color: 'gray', note };
      case 'restore':
        return { title: 'Restored', color: 'teal', note };
      default:
        return { title: e.action.includes('import') ? 'Imported' : e.action, color: 'violet', note };
    }
  };
}

type Labels = Record<string, string>;
const labelled = (labels: Labels, v: unknown) => (typeof v === 'string' ? (labels[v] ?? v) : defaultFormat(v));

export function formatAiSystemValue(supplierNames: Map<string, string>) {
  return (field: string, value: unknown): string | null => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
    switch (field) {
      case 'kind':
        return labelled(KIND_LABELS, value);
      case 'aiRole':
        return labelled(AI_ROLE_LABELS, value);
      case 'lifecycleStage':
        return labelled(LIFECYCLE_LABELS, value);
      case 'dataSensitivity':
        return labelled(SENSITIVITY_LABELS, value);
      case 'userImpact':
        return Array.isArray(value) ? value.map((v) => labelled(USER_IMPACT_LABELS, v)).join(', ') : null;
      case 'inScope':
        return inScopeLabel(value as boolean | null);
      case 'deploymentDate':
      case 'lastReviewDate':
        return formatDate(String(value));
      case 'suppliers':
        return Array.isArray(value)
          ? value
              .map((l) => {
                const link = record(l);
                const name = supplierNames.get(String(link.supplierId)) ?? 'a supplier';
                return `${name} (${labelled(DEPENDENCY_LABELS, link.dependency)})`;
              })
              .join(', ')
          : null;
      default:
        return null;
    }
  };
}
