import { Text } from '@mantine/core';
import type { RegisterColumn } from '../../../shared/register';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import type { CertificationAudit } from '../hooks/useCertificationAudits';
import { OUTCOME_LABELS } from '../labels';
import { StatusBadge } from './Badges';

/** A register row: the kit names rows by `name`; an audit's is its label ("CA-001 Stage 2"). */
export type AuditRow = CertificationAudit & { name: string };

const count = (n: number, alert: boolean) => (
  <Text size="sm" c={n ? (alert ? 'red.8' : undefined) : 'dimmed'} fw={n && alert ? 600 : undefined}>
    {n}
  </Text>
);

export const COLUMNS: RegisterColumn<AuditRow>[] = [
  {
    id: 'dates',
    label: 'Dates',
    sort: 'startDate',
    width: 200,
    render: (a) => (
      <Text size="sm">
        {formatDate(a.startDate)}
        {a.endDate !== a.startDate ? ` – ${formatDate(a.endDate)}` : ''}
      </Text>
    ),
  },
  { id: 'status', label: 'Status', width: 130, render: (a) => <StatusBadge status={a.status} /> },
  {
    id: 'outcome',
    label: 'Outcome',
    width: 200,
    render: (a) => (
      <Text size="sm" c={a.outcome === 'pending' ? 'dimmed' : undefined}>
        {OUTCOME_LABELS[a.outcome]}
      </Text>
    ),
  },
  { id: 'openRequests', label: 'Open requests', width: 120, render: (a) => count(a.counts.openRequests, false) },
  { id: 'openFindings', label: 'Open findings', width: 120, render: (a) => count(a.counts.openFindings, true) },
  {
    id: 'body',
    label: 'Certification body',
    render: (a) => (
      <Text size="sm" c={a.certificationBody ? undefined : 'dimmed'}>
        {a.certificationBody?.label ?? '—'}
      </Text>
    ),
  },
  { id: 'updatedAt', label: 'Updated', sort: 'updatedAt', render: (a) => <Text size="sm">{formatDateTime(a.updatedAt)}</Text> },
];

export const DEFAULT_COLUMNS = ['dates', 'status', 'outcome', 'openRequests', 'openFindings'];
