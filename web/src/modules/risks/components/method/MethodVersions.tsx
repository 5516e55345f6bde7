import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type RecordOf, VersionChanges, VersionHistoryList } from '../../../../shared/versioned';

type MethodRecord = RecordOf<'/api/v1/orgs/{orgId}/risk-method'>;

/** A value in a comparison, short: a named item by its name or label, text cut at 120 characters. */
function short(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v.length > 120 ? `${v.slice(0, 119)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(short).join(', ');
  const o = v as Record<string, unknown>;
  if (typeof o.name === 'string')
    return `${o.name}${typeof o.inUse === 'boolean' ? (o.inUse ? ' (in use)' : ' (not in use)') : ''}`;
  if (typeof o.label === 'string') return `${o.value ?? ''} ${o.label}: ${short(o.descriptor)}`;
  return short(JSON.stringify(v));
}

/** "matrix.4.0" reads "Matrix: likelihood 5, impact 1". */
function fieldLabel(field: string): string {
  const cell = /^matrix\.(\d+)\.(\d+)$/.exec(field);
  if (cell) return `Matrix: likelihood ${Number(cell[1]) + 1}, impact ${Number(cell[2]) + 1}`;
  const words = field
    .replace(/\./g, ' › ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Changes({ record, from, to }: { record: MethodRecord; from: number; to: number }) {
  const compare = useQuery(record.compare(from, to));
  return (
    <VersionChanges
      query={compare}
      from={from}
      to={to}
      label={`Changes from version ${from} to ${to}`}
      fieldLabel={fieldLabel}
      value={(_, v) => <Text size="sm">{short(v)}</Text>}
    />
  );
}

/** Every version of the method with its document, newest first, and what changed between two (shown here). */
export function MethodVersions({ record }: { record: MethodRecord }) {
  const versions = useQuery(record.versions);
  return (
    <VersionHistoryList
      query={versions}
      what="risk method"
      documentHref={(n, format) => `/api/v1/orgs/${record.orgId}/risk-method/versions/${n}/document?format=${format}`}
      changes={(from, to) => <Changes record={record} from={from} to={to} />}
    />
  );
}
