import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../../shared/api';
import { useAiSystemChoices } from '../../../shared/org/AiSystemPicker';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  orgId: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** the chosen system's name when the caller knows it */
  knownName?: string;
};

/** One AI system, searched by name on the server (the inventory may be longer than one page). */
export function SystemSelect({ orgId, value, onChange, knownName, ...props }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const choices = useAiSystemChoices(orgId, debounced);
  // the chosen system's name, when the first page of choices does not hold it (a prefilled ?aiSystemId=)
  const listed = choices.data?.some((c) => c.value === value);
  const chosen = useQuery({
    queryKey: ['orgs', orgId, 'ai-systems', 'item', value],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}', { params: { path: { orgId, aiSystemId: value ?? '' } } })),
    enabled: !!value && !knownName && choices.isSuccess && !listed,
  });
  const data = useMemo(() => {
    const list = [...(choices.data ?? [])];
    if (value && !list.some((c) => c.value === value)) {
      list.unshift({ value, label: knownName ?? chosen.data?.name ?? 'Loading…' });
    }
    return list;
  }, [choices.data, value, knownName, chosen.data]);
  return (
    <Select
      label="AI system"
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
