import { Autocomplete, Grid, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { riskLabel } from '../../../shared/org/riskLevels';
import { useMembers } from '../../../shared/org/orgData';
import { useOrgSettings } from '../../../shared/org/orgData';
import { useSupplierOptions } from '../../suppliers';
import type { InventoryFilters } from '../hooks/useInventoryFilters';
import { options } from '../../../shared/ui/format';
import { LIFECYCLE_LABELS, MISSING_LABELS } from '../labels';

interface Props {
  filters: InventoryFilters;
  setFilters: (patch: Partial<InventoryFilters>, replace?: boolean) => void;
}

const IN_SCOPE_OPTIONS = [
  { value: 'true', label: 'In scope' },
  { value: 'false', label: 'Out of scope' },
  { value: 'undecided', label: 'Not decided' },
];

/** Search and filters of the inventory table; each change is reflected in the address. */
export function InventoryFiltersBar({ filters, setFilters }: Props) {
  const { org } = useOrg();
  const scale = useOrgSettings(org.id).data?.riskScale ?? [];
  const members = useMembers(org.id).data?.items ?? [];
  const suppliers = useSupplierOptions(org.id).data ?? [];

  const [q, setQ] = useState(filters.q ?? '');
  const [owner, setOwner] = useState(filters.owner ?? '');
  // a filter cleared elsewhere (a summary count, "Clear filters") empties the inputs too
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => setOwner(filters.owner ?? ''), [filters.owner]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const commitOwner = (value: string) => setFilters({ owner: value.trim() || undefined });

  const select = (key: keyof InventoryFilters) => ({
    value: (filters[key] as string | undefined) ?? null,
    onChange: (v: string | null) => setFilters({ [key]: v ?? undefined }),
    clearable: true,
    comboboxProps: { withinPortal: true },
    placeholder: 'Any',
  });

  return (
    <search aria-label="Filter AI systems">
      <Grid gap="sm" rowGap="xs">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Search"
            placeholder="Name, purpose or external id"
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              search(e.currentTarget.value);
            }}
            onKeyDown={(e) => e.key === 'Enter' && search.flush()}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
          <Autocomplete
            label="Owner"
            placeholder="Member or name"
            data={[...new Set(members.map((m) => m.name))]}
            value={owner}
            onChange={setOwner}
            onOptionSubmit={commitOwner}
            onBlur={() => owner.trim() !== (filters.owner ?? '') && commitOwner(owner)}
            onKeyDown={(e) => e.key === 'Enter' && commitOwner(owner)}
            onClear={() => commitOwner('')}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
          <Select
            label="Supplier"
            data={suppliers}
            searchable
            nothingFoundMessage="No supplier of that name"
            {...select('supplierId')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
          <Select label="Risk level" data={scale.map((l) => ({ value: l, label: riskLabel(l) }))} {...select('riskLevel')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
          <Select label="Life-cycle stage" data={options(LIFECYCLE_LABELS)} {...select('lifecycleStage')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
          <Select label="In scope" data={IN_SCOPE_OPTIONS} {...select('inScope')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
          <Select label="Missing" data={options(MISSING_LABELS)} {...select('missing')} />
        </Grid.Col>
      </Grid>
    </search>
  );
}
