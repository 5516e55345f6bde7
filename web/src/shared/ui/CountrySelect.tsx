import { Select, type SelectProps } from '@mantine/core';
import { COUNTRY_OPTIONS } from '../countries';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (code: string | null) => void;
};

/** Country by ISO 3166 code; search by name or code. */
export function CountrySelect({ value, onChange, ...props }: Props) {
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage="No matching country"
      placeholder="Search country"
      data={COUNTRY_OPTIONS}
      value={value}
      onChange={onChange}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
