import { Select, type SelectProps } from '@mantine/core';
import { useOrg } from '../../app/orgs/OrgContext';
import { useOrgSettings } from './orgData';
import { riskLabel } from './riskLevels';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (level: string | null) => void;
};

/** A level of the organization's own risk scale (organization settings), lowest first. */
export function RiskLevelSelect({ value, onChange, placeholder = 'Not rated', ...props }: Props) {
  const { org } = useOrg();
  const settings = useOrgSettings(org.id);
  const scale = settings.data?.riskScale ?? [];
  const data = scale.map((level) => ({ value: level, label: riskLabel(level) }));
  // a rating from before the scale changed stays visible, marked as such
  if (value && !scale.some((l) => l === value)) data.push({ value, label: `${value} (not on the scale)` });
  return (
    <Select
      data={data}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      clearable
      allowDeselect
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
