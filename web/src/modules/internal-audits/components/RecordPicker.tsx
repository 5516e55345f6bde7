import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { useRecordChoices } from '../hooks/useInternalAudits';

export interface PickedRecord {
  type: string;
  id: string;
  label: string;
}

type Props = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  orgId: string;
  type: string;
  value: PickedRecord[];
  onChange: (v: PickedRecord[]) => void;
};

/** Records of one kind (documents, roles, controls, evidence…) picked by name, searched on the server. */
export function RecordPicker({ orgId, type, value, onChange, ...props }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useRecordChoices(orgId, type, q);
  const seen = useRef(new Map<string, string>());
  for (const v of value) seen.current.set(v.id, v.label);
  for (const c of found.data ?? []) seen.current.set(c.value, c.label);
  const data = useMemo(() => {
    const all = new Map(value.map((v) => [v.id, v.label]));
    for (const c of found.data ?? []) if (!all.has(c.value)) all.set(c.value, c.label);
    return [...all].map(([v, label]) => ({ value: v, label }));
  }, [value, found.data]);
  return (
    <MultiSelect
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value.map((v) => v.id)}
      onChange={(ids) => onChange(ids.map((id) => ({ type, id, label: seen.current.get(id) ?? id })))}
      nothingFoundMessage={found.isFetching ? 'Loading…' : 'Nothing matches'}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
