import { Badge, Text } from '@mantine/core';
import { useOrg } from '../../app/orgs/OrgContext';
import { riskColor, riskLabel } from './riskLevels';
import { useOrgSettings } from './orgData';

/** A risk level coloured by its place on the organization's scale. */
export function RiskBadge({ level }: { level: string | null }) {
  const { org } = useOrg();
  const scale = useOrgSettings(org.id).data?.riskScale ?? [];
  if (!level) {
    return (
      <Text size="sm" c="dimmed">
        Not rated
      </Text>
    );
  }
  return (
    <Badge color={riskColor(level, scale)} variant="light" radius="sm" tt="none">
      {riskLabel(level)}
    </Badge>
  );
}
