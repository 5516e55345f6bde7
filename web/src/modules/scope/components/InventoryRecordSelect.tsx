import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api';
import type { AiSystem } from '../../inventory';
import { useAiSystem, useAiSystemSearch } from '../../inventory';

interface Props {
  orgId: string;
  /** id of the linked inventory record, null when the entry is free text */
  value: string | null;
  /** shown until the linked record has loaded: the entry's own name */
  fallbackLabel: string;
  /** records other entries already link to: listed, but not choosable twice */
  taken: Set<string>;
  onChange: (record: AiSystem | null) => void;
  error?: string;
  disabled: boolean;
}

function optionDetails(system: AiSystem, taken: boolean): string {
  return [
    system.externalId,
    system.inScope === true ? 'marked in scope' : system.inScope === false ? 'marked out of scope' : null,
    taken ? 'already listed' : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The inventory record a scope entry stands for: a search over the org's
 * non-archived AI systems (the server searches name, purpose and external
 * id), then a link to the record and a word when it was archived or merged.
 */
export function InventoryRecordSelect({ orgId, value, fallbackLabel, taken, onChange, error, disabled }: Props) {
  // options are fetched once the list is first opened, not for every entry on page load
  const [wanted, setWanted] = useState(false);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const linked = useAiSystem(orgId, value);
  const record = linked.data;
  const linkedLabel = record
    ? `${record.name}${record.archivedAt ? ' (archived)' : ''}`
    : fallbackLabel.trim() || 'Linked record';
  // the input shows the chosen record's name, which is not a search
  const q = value !== null && debounced === linkedLabel ? '' : debounced;
  const results = useAiSystemSearch(orgId, q, { limit: 50, enabled: wanted });
  const found = results.data?.items ?? [];
  const byId = new Map(found.map((s) => [s.id, s]));
  if (record) byId.set(record.id, byId.get(record.id) ?? record);

  const data = found.map((s) => ({ value: s.id, label: s.name, disabled: taken.has(s.id) }));
  if (value !== null && !found.some((s) => s.id === value)) data.unshift({ value, label: linkedLabel, disabled: false });

  const missing = linked.error instanceof ApiError && linked.error.status === 404;
  return (
    <Stack gap={4}>
      <Select
        label="Inventory record"
        description="Choosing a record fills an empty name and description from it."
        placeholder="Search the inventory by name, purpose or external id"
        searchable
        clearable
        data={data}
        value={value}
        onChange={(id) => onChange(id === null ? null : (byId.get(id) ?? null))}
        onSearchChange={setSearch}
        onDropdownOpen={() => setWanted(true)}
        onFocus={() => setWanted(true)}
        // the server already matched the search on more than the name
        filter={({ options }) => options}
        nothingFoundMessage={results.isFetching ? 'Searching…' : 'No AI system in the inventory matches'}
        renderOption={({ option }) => {
          const system = byId.get(option.value);
          const details = system ? optionDetails(system, taken.has(system.id)) : '';
          return (
            <div>
              <Text size="sm">{option.label}</Text>
              {details && (
                <Text size="xs" c="dimmed">
                  {details}
                </Text>
              )}
            </div>
          );
        }}
        error={error ?? (results.error ? 'The inventory could not be searched. Try again.' : undefined)}
        disabled={disabled}
        comboboxProps={{ withinPortal: true }}
      />
      {value !== null && (
        <Group gap="sm">
          {record && (
            <Anchor component={Link} to={`/orgs/${orgId}/inventory/${record.id}`} size="sm">
              View {record.name} in the inventory
            </Anchor>
          )}
          {/* the Select's clear button is mouse-only (Mantine hides it from the tab order) */}
          {!disabled && (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => onChange(null)}
              aria-label={`Unlink ${record?.name ?? linkedLabel} from the inventory`}
            >
              Unlink
            </Button>
          )}
        </Group>
      )}
      {record?.mergedIntoId ? (
        <Text size="sm" c="orange.8">
          This record was merged into{' '}
          <Anchor component={Link} to={`/orgs/${orgId}/inventory/${record.mergedIntoId}`} size="sm" inherit>
            another record
          </Anchor>
          ; link that one instead.
        </Text>
      ) : (
        record?.archivedAt && (
          <Text size="sm" c="orange.8">
            This inventory record is archived.
          </Text>
        )
      )}
      {missing && (
        <Text size="sm" c="orange.8">
          The linked inventory record no longer exists; choose another or clear the link.
        </Text>
      )}
    </Stack>
  );
}
