import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { countryName } from '../../../shared/countries';
import type { Site } from '../../organizations';

const KEY_LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  item: 'Item',
  justification: 'Justification',
  kind: 'Kind',
  requirements: 'Requirements',
  addressedByAims: 'Addressed through the AIMS',
  effect: 'Effect',
  aiSystemId: 'Inventory record',
};

function scalar(value: unknown, field: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return field.endsWith('.included') ? (value ? 'Included' : 'Excluded') : value ? 'Yes' : 'No';
  return String(value);
}

/** A before/after value of a scope change, readable: site ids become site names. */
export function ChangeValue({ field, value, sites }: { field: string; value: unknown; sites: Site[] }) {
  const { org } = useOrg();
  if (field === 'siteIds' && typeof value === 'string') {
    const site = sites.find((s) => s.id === value);
    return <Text size="sm">{site ? `${site.name} (${countryName(site.country)})` : 'A site no longer in the profile'}</Text>;
  }
  if (field.endsWith('.included') && value === null) return <Text size="sm">Not decided</Text>;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    return (
      <Stack gap={2}>
        {entries.map(([k, v]) => (
          <Text size="sm" key={k}>
            <Text span size="sm" c="dimmed">
              {KEY_LABELS[k] ?? k}:
            </Text>{' '}
            {k === 'aiSystemId' ? (
              typeof v === 'string' ? (
                <Anchor component={Link} to={`/orgs/${org.id}/inventory/${v}`} size="sm">
                  in the inventory
                </Anchor>
              ) : (
                'not linked'
              )
            ) : (
              scalar(v, k)
            )}
          </Text>
        ))}
      </Stack>
    );
  }
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {scalar(value, field)}
    </Text>
  );
}
