import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { ROLE_HELP, ROLE_LABELS } from '../../../app/orgs/permissions';
import type { Role } from '../../../shared/api';

const ROLES = Object.keys(ROLE_LABELS) as Role[];

type Props = Omit<NativeSelectProps, 'data' | 'value' | 'onChange'> & {
  value: Role;
  onChange: (role: Role) => void;
  /** roles the current user may not hand out */
  excluded?: Role[];
  /** role names only, without what each may do (for tables) */
  compact?: boolean;
};

export function RoleSelect({ value, onChange, excluded = [], compact = false, ...props }: Props) {
  const data = ROLES.filter((r) => r === value || !excluded.includes(r)).map((r) => ({
    value: r,
    label: compact ? ROLE_LABELS[r] : `${ROLE_LABELS[r]} — ${ROLE_HELP[r]}`,
  }));
  return <NativeSelect data={data} value={value} onChange={(e) => onChange(e.currentTarget.value as Role)} {...props} />;
}
