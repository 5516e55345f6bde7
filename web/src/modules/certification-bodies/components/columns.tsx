import { Text } from '@mantine/core';
import type { RegisterColumn } from '../../../shared/register';
import { FlagBadges } from '../../../shared/ui/FlagBadges';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import type { CertificationBody } from '../hooks/useCertificationBodies';
import { daysText, formatMoney, PARTY_KIND_LABELS, TRISTATE_LABELS, WARNING_LABELS } from '../labels';
import { StatusBadge } from './StatusBadge';

export const COLUMNS: RegisterColumn<CertificationBody>[] = [
  { id: 'status', label: 'Status', width: 120, render: (b) => <StatusBadge status={b.status} /> },
  { id: 'partyKind', label: 'Issuer', width: 170, render: (b) => <Text size="sm">{PARTY_KIND_LABELS[b.partyKind]}</Text> },
  {
    id: 'accreditation',
    label: 'ISO/IEC 42001 accreditation',
    width: 200,
    render: (b) => (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {TRISTATE_LABELS[b.accreditedForIso42001]}
        {b.accreditationBody ? ` · ${b.accreditationBody}` : ''}
      </Text>
    ),
  },
  {
    id: 'warnings',
    label: 'Warnings',
    width: 260,
    render: (b) => <FlagBadges flags={b.warnings} labels={WARNING_LABELS} max={2} />,
  },
  { id: 'quote', label: 'Quote', render: (b) => <Text size="sm">{formatMoney(b.quoteAmount, b.quoteCurrency)}</Text> },
  { id: 'cycle', label: 'First-cycle days', render: (b) => <Text size="sm">{daysText(b.firstCycleDays)}</Text> },
  {
    id: 'earliestStage1On',
    label: 'Earliest Stage 1',
    render: (b) => <Text size="sm">{b.earliestStage1On ? formatDate(b.earliestStage1On) : '—'}</Text>,
  },
  { id: 'updatedAt', label: 'Updated', sort: 'updatedAt', render: (b) => <Text size="sm">{formatDateTime(b.updatedAt)}</Text> },
];

export const DEFAULT_COLUMNS = ['status', 'partyKind', 'accreditation', 'warnings', 'quote'];
