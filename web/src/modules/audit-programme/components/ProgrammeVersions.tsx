import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type RecordOf, VersionChanges, VersionHistoryList } from '../../../shared/versioned';
import { FIELD_LABELS, METHOD_LABELS } from '../labels';

type ProgrammeRecord = RecordOf<'/api/v1/orgs/{orgId}/audit-programme'>;

function short(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') {
    const word = METHOD_LABELS[v as keyof typeof METHOD_LABELS] ?? v;
    return word.length > 120 ? `${word.slice(0, 119)}…` : word;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(short).join(', ');
  const o = v as Record<string, unknown>;
  if (typeof o.name === 'string') return o.name;
  return short(JSON.stringify(v));
}

const fieldLabel = (field: string) => FIELD_LABELS[field] ?? FIELD_LABELS[field.replace(/\.\d+$/, '')] ?? field;

function Changes({ record, from, to }: { record: ProgrammeRecord; from: number; to: number }) {
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

/** Every version of the programme, newest first, and what changed between two. */
export function ProgrammeVersions({ record }: { record: ProgrammeRecord }) {
  const versions = useQuery(record.versions);
  return (
    <VersionHistoryList
      query={versions}
      what="audit programme"
      changes={(from, to) => <Changes record={record} from={from} to={to} />}
    />
  );
}
