import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';

export interface Choice {
  value: string;
  label: string;
}

/** Kinds of record the form can point evidence at, each searched on its own register. */
export const RECORD_KIND_LABELS = {
  document: 'Document',
  risk: 'Risk',
  'ai-system': 'AI system',
  objective: 'Objective',
  role: 'Role',
  supplier: 'Supplier',
  'impact-assessment': 'Impact assessment',
} as const;
export type RecordKind = keyof typeof RECORD_KIND_LABELS;
export const isPickable = (kind: string): kind is RecordKind => kind in RECORD_KIND_LABELS;

/** Where a linked record's own page is, so every link on the evidence page opens it. */
export function recordHref(orgId: string, kind: string, id: string): string | null {
  const base = `/orgs/${orgId}`;
  const paths: Record<string, string> = {
    document: 'documents',
    risk: 'risks',
    'ai-system': 'inventory',
    objective: 'objectives',
    role: 'roles',
    supplier: 'suppliers',
    'impact-assessment': 'impact-assessments',
  };
  if (kind === 'scope') return `${base}/scope`;
  return paths[kind] ? `${base}/${paths[kind]}/${id}` : null;
}

const LIMIT = 50;

async function search(orgId: string, kind: RecordKind, q: string): Promise<Choice[]> {
  const params = { path: { orgId }, query: { limit: LIMIT, ...(q ? { q } : {}) } };
  switch (kind) {
    case 'document':
      return (await unwrap(api.GET('/api/v1/orgs/{orgId}/documents', { params }))).items.map((d) => ({
        value: d.id,
        label: `${d.number} ${d.title}`,
      }));
    case 'risk':
      return (await unwrap(api.GET('/api/v1/orgs/{orgId}/risks', { params }))).items.map((r) => ({
        value: r.id,
        label: `${r.number} ${r.title}`,
      }));
    case 'ai-system':
      return (await unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems', { params }))).items.map((s) => ({
        value: s.id,
        label: s.name,
      }));
    case 'objective':
      return (await unwrap(api.GET('/api/v1/orgs/{orgId}/objectives', { params }))).items.map((o) => ({
        value: o.id,
        label: o.title,
      }));
    case 'role':
      return (await unwrap(api.GET('/api/v1/orgs/{orgId}/roles', { params }))).items.map((r) => ({
        value: r.id,
        label: r.name,
      }));
    case 'supplier':
      return (await unwrap(api.GET('/api/v1/orgs/{orgId}/suppliers', { params }))).items.map((x) => ({
        value: x.id,
        label: x.name,
      }));
    case 'impact-assessment': {
      // this register has no text search: the latest 200, matched here by name
      const all = await unwrap(
        api.GET('/api/v1/orgs/{orgId}/impact-assessments', { params: { path: { orgId }, query: { limit: 200 } } }),
      );
      const needle = q.trim().toLowerCase();
      return all.items
        .filter((a) => !needle || a.name.toLowerCase().includes(needle))
        .slice(0, LIMIT)
        .map((a) => ({ value: a.id, label: a.name }));
    }
  }
}

/** Records of one kind matching the search, 50 at a time, for the pickers of the form. */
export function useRecordChoices(orgId: string, kind: string | null, q: string) {
  return useQuery({
    queryKey: ['orgs', orgId, kind ?? 'none', 'choices', q],
    // a kind the form cannot search (scope) keeps the record it has
    enabled: kind !== null && isPickable(kind),
    queryFn: () => search(orgId, kind as RecordKind, q),
    placeholderData: keepPreviousData,
  });
}
