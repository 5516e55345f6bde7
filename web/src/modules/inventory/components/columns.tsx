import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RegisterColumn } from '../../../shared/register';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import type { AiSystem } from '../hooks/useAiSystems';
import {
  DEPENDENCY_LABELS,
  type Dependency,
  inScopeLabel,
  KIND_LABELS,
  LIFECYCLE_LABELS,
  SENSITIVITY_LABELS,
  USER_IMPACT_LABELS,
  FLAG_LABELS,
} from '../labels';
import { FlagBadges, NoFlags } from '../../../shared/ui/FlagBadges';
import { RiskBadge } from '../../../shared/org/RiskBadge';

// The inventory table's optional columns. Name is always shown; the rest are
// chosen in the column chooser and remembered in this browser. Sorting
// columns sort the highest risk and the newest first.

const none = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);
const text = (v: string | null | undefined, lines = 2) =>
  v ? (
    <Text size="sm" lineClamp={lines}>
      {v}
    </Text>
  ) : (
    none
  );
const label = <T extends string>(labels: Record<T, string>, v: string | null) => (v ? text(labels[v as T] ?? v) : none);

export const COLUMNS: RegisterColumn<AiSystem>[] = [
  { id: 'businessOwner', label: 'Business owner', render: (s) => text(s.businessOwner?.name) },
  { id: 'technicalOwner', label: 'Technical owner', render: (s) => text(s.technicalOwner?.name) },
  { id: 'purpose', label: 'Purpose', width: 260, render: (s) => text(s.purpose) },
  {
    id: 'userImpact',
    label: 'User impact',
    render: (s) =>
      s.userImpact.length
        ? text(s.userImpact.map((u) => USER_IMPACT_LABELS[u as keyof typeof USER_IMPACT_LABELS] ?? u).join(', '))
        : none,
  },
  { id: 'dataSensitivity', label: 'Data sensitivity', render: (s) => label(SENSITIVITY_LABELS, s.dataSensitivity) },
  {
    id: 'suppliers',
    label: 'Suppliers',
    render: (s) =>
      s.suppliers.length ? (
        <Text
          size="sm"
          lineClamp={2}
          title={s.suppliers
            .map((l) => `${l.name} (${DEPENDENCY_LABELS[l.dependency as Dependency] ?? l.dependency})`)
            .join(', ')}
        >
          {s.suppliers.map((l) => l.name).join(', ')}
        </Text>
      ) : (
        none
      ),
  },
  {
    id: 'riskLevel',
    label: 'Risk level',
    sort: 'riskLevel',
    firstSort: 'desc',
    render: (s) => <RiskBadge level={s.riskLevel} />,
  },
  { id: 'monitoringMethod', label: 'Monitoring method', width: 220, render: (s) => text(s.monitoringMethod) },
  { id: 'kind', label: 'Kind', render: (s) => label(KIND_LABELS, s.kind) },
  { id: 'lifecycleStage', label: 'Life-cycle stage', render: (s) => label(LIFECYCLE_LABELS, s.lifecycleStage) },
  {
    id: 'inScope',
    label: 'In scope',
    render: (s) => (
      <Text size="sm" c={s.inScope === null ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {inScopeLabel(s.inScope)}
      </Text>
    ),
  },
  { id: 'lastReviewDate', label: 'Last review', render: (s) => text(formatDate(s.lastReviewDate)) },
  { id: 'tags', label: 'Tags', render: (s) => (s.tags.length ? text(s.tags.join(', ')) : none) },
  { id: 'externalId', label: 'External id', render: (s) => text(s.externalId) },
  {
    id: 'flags',
    label: 'Flags',
    width: 240,
    render: (s) => <FlagBadges flags={s.flags} labels={FLAG_LABELS} empty={<NoFlags>Complete</NoFlags>} />,
  },
  { id: 'updatedAt', label: 'Updated', sort: 'updatedAt', firstSort: 'desc', render: (s) => text(formatDateTime(s.updatedAt)) },
  { id: 'createdAt', label: 'Added', sort: 'createdAt', firstSort: 'desc', render: (s) => text(formatDateTime(s.createdAt)) },
];

export const DEFAULT_COLUMNS = ['businessOwner', 'riskLevel', 'lifecycleStage', 'inScope', 'suppliers', 'flags'];

/** The external id under the name, unless its own column shows it. */
export function externalIdNote(s: AiSystem, visible: string[]): ReactNode {
  return s.externalId && !visible.includes('externalId') ? (
    <Text size="xs" c="dimmed" ff="monospace">
      {s.externalId}
    </Text>
  ) : null;
}
