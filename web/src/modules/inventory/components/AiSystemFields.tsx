import { Anchor, Badge, Group, Text } from '@mantine/core';
import { formatDate } from '../../../shared/ui/format';
import { Fields } from '../../../shared/ui/Fields';
import { SectionCard } from '../../../shared/ui/SectionCard';
import type { AiSystem, Owner } from '../hooks/useAiSystems';
import {
  AI_ROLE_LABELS,
  type AiRole,
  type AiSystemKind,
  type DataSensitivity,
  DEPENDENCY_LABELS,
  type Dependency,
  inScopeLabel,
  KIND_LABELS,
  LIFECYCLE_LABELS,
  type LifecycleStage,
  SENSITIVITY_LABELS,
  USER_IMPACT_LABELS,
  type UserImpact,
} from '../labels';
import { RiskBadge } from '../../../shared/org/RiskBadge';

function owner(o: Owner | null) {
  if (!o) return null;
  return (
    <Group gap={6}>
      <Text size="sm">{o.name}</Text>
      {o.email && (
        <Anchor href={`mailto:${o.email}`} size="sm">
          {o.email}
        </Anchor>
      )}
      <Text size="xs" c="dimmed">
        {o.userId ? 'member' : 'named contact'}
      </Text>
    </Group>
  );
}

const chips = (values: string[]) =>
  values.length ? (
    <Group gap={4}>
      {values.map((v) => (
        <Badge key={v} variant="light" color="gray" radius="sm" tt="none" fw={500}>
          {v}
        </Badge>
      ))}
    </Group>
  ) : null;

/** Every field of an AI system, grouped as the form groups them. */
export function AiSystemFields({ system: s }: { system: AiSystem }) {
  return (
    <>
      <SectionCard title="Inventory record">
        <Fields
          items={[
            { label: 'Business owner', value: owner(s.businessOwner) },
            { label: 'Technical owner', value: owner(s.technicalOwner) },
            { label: 'Purpose', value: s.purpose },
            { label: 'User impact', value: s.userImpact.map((u) => USER_IMPACT_LABELS[u as UserImpact] ?? u).join(', ') },
            { label: 'Data categories', value: chips(s.dataCategories) },
            { label: 'Data source', value: s.dataSource },
            {
              label: 'Data sensitivity',
              value: s.dataSensitivity ? SENSITIVITY_LABELS[s.dataSensitivity as DataSensitivity] : null,
            },
            {
              label: 'Supplier dependency',
              value: s.suppliers
                .map((l) => `${l.name} (${DEPENDENCY_LABELS[l.dependency as Dependency] ?? l.dependency})`)
                .join(', '),
            },
            { label: 'Risk level', value: s.riskLevel ? <RiskBadge level={s.riskLevel} /> : null },
            { label: 'Monitoring method', value: s.monitoringMethod },
          ]}
        />
      </SectionCard>
      <SectionCard title="Classification and life cycle">
        <Fields
          items={[
            { label: 'Kind', value: s.kind ? (KIND_LABELS[s.kind as AiSystemKind] ?? s.kind) : null },
            { label: 'Our AI role', value: s.aiRole ? (AI_ROLE_LABELS[s.aiRole as AiRole] ?? s.aiRole) : null },
            {
              label: 'Life-cycle stage',
              value: s.lifecycleStage ? (LIFECYCLE_LABELS[s.lifecycleStage as LifecycleStage] ?? s.lifecycleStage) : null,
            },
            { label: 'In scope', value: s.inScope === null ? null : inScopeLabel(s.inScope) },
            { label: 'Deployment date', value: formatDate(s.deploymentDate) },
            { label: 'Last review date', value: formatDate(s.lastReviewDate) },
          ]}
        />
      </SectionCard>
      <SectionCard title="Use and oversight">
        <Fields
          items={[
            { label: 'Intended use', value: s.intendedUse },
            { label: 'Reasonably foreseeable misuse', value: s.foreseeableMisuse },
            { label: 'Human oversight', value: s.humanOversight },
          ]}
        />
      </SectionCard>
      <SectionCard title="Identification">
        <Fields
          items={[
            { label: 'Tags', value: chips(s.tags) },
            { label: 'External id', value: s.externalId },
          ]}
        />
      </SectionCard>
    </>
  );
}
