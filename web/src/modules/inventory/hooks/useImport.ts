import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postRaw } from '../../../shared/api';
import { inventoryKey } from './useAiSystems';

// Import and export of the inventory: CSV, XLSX and CycloneDX JSON. The
// upload is the raw file, so it goes through postRaw, not the typed client.

export type ImportFormat = 'csv' | 'xlsx' | 'cyclonedx';
export type ExportFormat = ImportFormat;

export interface ImportError {
  /** as the file shows it (header = 1); null for a CycloneDX BOM */
  row: number | null;
  /** the column header as written in the file, or a JSONPath in a BOM */
  field: string;
  message: string;
}

export interface ImportReport {
  dryRun?: boolean;
  format?: ImportFormat;
  detail?: string;
  rows?: number;
  created: number;
  updated: number;
  unchanged?: number;
  rejected: number;
  newSuppliers?: string[];
  errors: ImportError[];
  mapping: { column: string; field: string | null }[];
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
export const templateUrl = (orgId: string, format: 'csv' | 'xlsx') => `${base(orgId)}/import-template?format=${format}`;
export const exportUrl = (orgId: string, format: ExportFormat) => `${base(orgId)}/export?format=${format}`;

/** A dry run checks the whole file and writes nothing; a real run writes all rows or none. */
export function useImport(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, format, dryRun }: { file: File; format: ImportFormat; dryRun: boolean }) =>
      postRaw<ImportReport>(`${base(orgId)}/import?dryRun=${dryRun}&format=${format}`, file, CONTENT_TYPES[format]),
    onSuccess: async (_report, { dryRun }) => {
      if (dryRun) return;
      client.invalidateQueries({ queryKey: ['orgs', orgId, 'suppliers'] });
      client.invalidateQueries({ queryKey: ['orgs', orgId, 'audit-log'] });
      await client.invalidateQueries({ queryKey: inventoryKey(orgId) });
    },
  });
}
