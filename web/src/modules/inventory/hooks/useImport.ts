import { useQuery } from '@tanstack/react-query';
import { ApiError, api, postRaw, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { useOrgMutation } from '../../../shared/register';

// Import and export of the inventory: CSV, XLSX and CycloneDX JSON. The
// upload is the raw file, so it goes through postRaw, not the typed client;
// its types still come from the OpenAPI document.

type ImportQuery = NonNullable<paths['/api/v1/orgs/{orgId}/ai-systems/import']['post']['parameters']['query']>;
type ExportQuery = NonNullable<paths['/api/v1/orgs/{orgId}/ai-systems/export']['get']['parameters']['query']>;
type TemplateQuery = NonNullable<paths['/api/v1/orgs/{orgId}/ai-systems/import-template']['get']['parameters']['query']>;

export type ImportFormat = NonNullable<ImportQuery['format']>;
export type ExportFormat = NonNullable<ExportQuery['format']>;
export type TemplateFormat = NonNullable<TemplateQuery['format']>;
/** row as the file shows it (header = 1), null for a BOM; field is the column header or a JSONPath */
export type ImportError = Schemas['ImportError'];
export type ImportReport = Schemas['InventoryImportReport'];
export type ImportColumn = Schemas['InventoryImportColumns']['columns'][number];

/** A rejected import answers 400 with the whole report as the problem; this recovers it. */
export function reportOf(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError)) return null;
  const p = error.problem as unknown as Partial<ImportReport>;
  return Array.isArray(p.errors) && Array.isArray(p.mapping) ? (p as ImportReport) : null;
}

const CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  cyclonedx: 'application/json',
};

export const FORMAT_LABELS: Record<ImportFormat, string> = { csv: 'CSV', xlsx: 'Excel (XLSX)', cyclonedx: 'CycloneDX JSON' };

export const ACCEPT =
  '.csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format of a chosen file, from its name (the server checks its content). */
export function formatOf(file: File): ImportFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.json')) return 'cyclonedx';
  return null;
}

const base = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/ai-systems`;
export const templateUrl = (orgId: string, format: TemplateFormat) => `${base(orgId)}/import-template?format=${format}`;
export const exportUrl = (orgId: string, format: ExportFormat) => `${base(orgId)}/export?format=${format}`;

/** A dry run checks the whole file and writes nothing; a real run writes all rows or none. */
export function useImport(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ file, format, dryRun }: { file: File; format: ImportFormat; dryRun: boolean }) =>
      postRaw<ImportReport>(`${base(orgId)}/import?dryRun=${dryRun}&format=${format}`, file, CONTENT_TYPES[format]),
    { invalidates: ({ dryRun }) => (dryRun ? null : ['ai-systems', 'suppliers']) },
  );
}

/** The import columns in template order, with the values each fixed-list column takes (the risk scale included). */
export function useImportColumns(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'ai-systems', 'import-columns'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems/import-columns', { params: { path: { orgId } } })),
    staleTime: 60_000,
  });
}
