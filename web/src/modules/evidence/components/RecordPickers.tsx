import { Group, MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { options } from '../../../shared/ui/format';
import { type Choice, isPickable, RECORD_KIND_LABELS, useRecordChoices } from '../hooks/useChoices';

/** Choices of a search plus the chosen ones, whose names stay known when the search no longer lists them. */
function useSearchedChoices(orgId: string, kind: string | null, chosen: Choice[]) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useRecordChoices(orgId, kind, q);
  const seen = useRef(new Map<string, string>());
  for (const c of found.data ?? []) seen.current.set(c.value, c.label);
  const data = useMemo(() => {
    const all = new Map<string, string>(chosen.map((c) => [c.value, c.label]));
    for (const c of found.data ?? []) if (!all.has(c.value)) all.set(c.value, c.label);
    return [...all].map(([value, label]) => ({ value, label }));
  }, [chosen, found.data]);
  const labelOf = (id: string) => data.find((c) => c.value === id)?.label ?? seen.current.get(id) ?? id;
  return { search, setSearch, data, labelOf, loading: found.isFetching };
}

/** Risks the item evidences, found by R-number or title. */
export function RiskPicker(props: { orgId: string; value: Choice[]; onChange: (v: Choice[]) => void; error?: string }) {
  const { search, setSearch, data, labelOf, loading } = useSearchedChoices(props.orgId, 'risk', props.value);
  return (
    <MultiSelect
      label="Risks"
      description="Risks whose treatment this shows."
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={props.value.map((c) => c.value)}
      onChange={(ids) => props.onChange(ids.map((id) => ({ value: id, label: labelOf(id) })))}
      nothingFoundMessage={loading ? 'Loading…' : 'No risk matches'}
      error={props.error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export interface RecordChoice {
  /** a RecordKind, or another kind the API names (scope), kept as it is */
  kind: string;
  id: string;
  label: string;
}

/** The one record an item of kind 'record' is: first its register, then the record, searched there. */
export function RecordPicker(props: {
  orgId: string;
  value: RecordChoice | null;
  onChange: (v: RecordChoice | null) => void;
  error?: string;
}) {
  const [kind, setKind] = useState<string>(props.value?.kind ?? 'document');
  const kinds = options(RECORD_KIND_LABELS) as { value: string; label: string }[];
  if (!isPickable(kind)) kinds.push({ value: kind, label: kind });
  const chosen = useMemo(
    () => (props.value && props.value.kind === kind ? [{ value: props.value.id, label: props.value.label }] : []),
    [props.value, kind],
  );
  const { search, setSearch, data, labelOf, loading } = useSearchedChoices(props.orgId, kind, chosen);
  return (
    <Group align="flex-start" gap="sm" grow wrap="wrap">
      <Select
        label="Register"
        data={kinds}
        value={kind}
        allowDeselect={false}
        onChange={(v) => {
          if (!v || v === kind) return;
          setKind(v);
          props.onChange(null);
        }}
        miw={140}
      />
      <Select
        label="Record"
        required
        placeholder={isPickable(kind) ? `Search ${RECORD_KIND_LABELS[kind].toLowerCase()}s` : undefined}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={data}
        value={props.value?.id ?? null}
        onChange={(id) => props.onChange(id ? { kind, id, label: labelOf(id) } : null)}
        nothingFoundMessage={loading ? 'Loading…' : 'No record matches'}
        error={props.error}
        miw={200}
        comboboxProps={{ withinPortal: true }}
      />
    </Group>
  );
}
