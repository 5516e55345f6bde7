import { Badge, Text } from '@mantine/core';
import type { RegisterColumn } from '../../../shared/register';
import { FlagBadges, NoFlags } from '../../../shared/ui/FlagBadges';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import type { CoreSetRow, Document } from '../hooks/useDocuments';
import { FLAG_LABELS, flagColor, STATUS_COLORS, STATUS_LABELS } from '../labels';
import { typeLabel } from './typeOptions';

/** A register row: the kit names rows by `name`; a document's is its title. */
export type DocumentRow = Document & { name: string };

export function StatusBadge({ status }: { status: Document['status'] }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" tt="none">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function DocumentFlags({ flags }: { flags: Document['flags'] }) {
  return <FlagBadges flags={flags} labels={FLAG_LABELS} colorOf={flagColor} empty={<NoFlags>In order</NoFlags>} />;
}

export function columns(coreSet: CoreSetRow[] | undefined): RegisterColumn<DocumentRow>[] {
  return [
    { id: 'number', label: 'Number', sort: 'number', width: 100, render: (d) => <Text size="sm">{d.number}</Text> },
    {
      id: 'docType',
      label: 'Type',
      width: 200,
      render: (d) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {typeLabel(coreSet, d.docType)}
        </Text>
      ),
    },
    { id: 'status', label: 'Status', width: 110, render: (d) => <StatusBadge status={d.status} /> },
    {
      id: 'version',
      label: 'Version',
      width: 110,
      render: (d) => (
        <Text size="sm" c={d.approvedVersion ? undefined : 'dimmed'}>
          {d.approvedVersion ? `v${d.approvedVersion}` : '—'}
          {d.draftVersion && d.draftVersion !== d.approvedVersion ? ` (draft v${d.draftVersion})` : ''}
        </Text>
      ),
    },
    {
      id: 'owner',
      label: 'Owner',
      render: (d) => (
        <Text size="sm" c={d.owner ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
          {d.owner?.name ?? '—'}
        </Text>
      ),
    },
    {
      id: 'nextReviewDate',
      label: 'Next review',
      sort: 'nextReviewDate',
      render: (d) => {
        const overdue = d.flags.some((f) => f.code === 'review-overdue');
        return (
          <Text size="sm" c={overdue ? 'red.8' : d.nextReviewDate ? undefined : 'dimmed'} fw={overdue ? 600 : undefined}>
            {d.nextReviewDate ? formatDate(d.nextReviewDate) : '—'}
          </Text>
        );
      },
    },
    { id: 'flags', label: 'Flags', width: 220, render: (d) => <DocumentFlags flags={d.flags} /> },
    { id: 'updatedAt', label: 'Updated', sort: 'updatedAt', render: (d) => <Text size="sm">{formatDateTime(d.updatedAt)}</Text> },
  ];
}

export const DEFAULT_COLUMNS = ['number', 'docType', 'status', 'version', 'owner', 'nextReviewDate', 'flags'];
