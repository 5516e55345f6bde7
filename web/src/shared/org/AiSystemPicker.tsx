import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../api';

type Props = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  orgId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** names of the systems already linked, by id: they stay shown when archived or beyond the search's 50 */
  labels?: Map<string, string>;
};

/** AI systems for a picker: current ones matching the search, 50 at a time. */
export function useAiSystemChoices(orgId: string, q: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'ai-systems', 'choices', q],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/ai-systems', { params: { path: { orgId }, query: { limit: 50, ...(q ? { q } : {}) } } }),
      ),
    select: (d) => d.items.map((s) => ({ value: s.id, label: s.name })),
    placeholderData: keepPreviousData,
  });
}

/**
 * Pick AI systems from the inventory by name, searched on the server so an
 * inventory beyond one page still finds them. The one AI system picker of the
 * app (risks, evidence).
 */
export function AiSystemPicker({ orgId, value, onChange, labels, ...props }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const choices = useAiSystemChoices(orgId, debounced);
  // names of systems picked from an earlier search, which the current one may not list
  const picked = useRef(new Map<string, string>());
  for (const c of choices.data ?? []) picked.current.set(c.value, c.label);
  const data = useMemo(() => {
    const seen = new Map<string, string>();
    for (const id of value) seen.set(id, labels?.get(id) ?? picked.current.get(id) ?? 'Loading…');
    for (const c of choices.data ?? []) if (!seen.has(c.value)) seen.set(c.value, c.label);
    return [...seen].map(([v, label]) => ({ value: v, label }));
  }, [value, labels, choices.data]);
  return (
    <MultiSelect
      label="AI systems"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={choices.isFetching ? 'Loading…' : 'No AI system matches'}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
