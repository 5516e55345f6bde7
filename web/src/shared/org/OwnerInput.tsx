import { Autocomplete, type AutocompleteProps } from '@mantine/core';
import { useOrg } from '../../app/orgs/OrgContext';
import { useMembers } from './orgData';

export interface OwnerDraft {
  userId: string | null;
  name: string;
}

export const emptyOwner = (): OwnerDraft => ({ userId: null, name: '' });

export function toOwnerDraft(o: { userId: string | null; name: string } | null | undefined): OwnerDraft {
  return o ? { userId: o.userId, name: o.name } : emptyOwner();
}

/** null when nobody is named; a member's id goes with the name the server fills in. */
export function toOwnerInput(o: OwnerDraft): { userId: string | null; name: string } | null {
  const name = o.name.trim();
  if (!name) return null;
  return { userId: o.userId, name };
}

type Props = Omit<AutocompleteProps, 'data' | 'value' | 'onChange'> & {
  value: OwnerDraft;
  onChange: (owner: OwnerDraft) => void;
};

/**
 * A member of the organization, or any person or team typed by name. Typing
 * a member's exact name links the member.
 */
export function OwnerInput({ value, onChange, description, ...props }: Props) {
  const { org } = useOrg();
  const members = useMembers(org.id);
  const list = members.data?.items ?? [];
  const linked = value.userId ? list.find((m) => m.userId === value.userId) : undefined;
  const hint = linked
    ? `Member: ${linked.email}`
    : value.name.trim()
      ? 'Named contact (not a member)'
      : 'Choose a member or type a person or team.';
  return (
    <Autocomplete
      data={[...new Set(list.map((m) => m.name))]}
      value={value.name}
      onChange={(name) => {
        const member = list.find((m) => m.name.toLowerCase() === name.trim().toLowerCase());
        onChange({ userId: member?.userId ?? null, name });
      }}
      description={description ?? hint}
      clearable
      comboboxProps={{ withinPortal: true }}
      maxLength={200}
      {...props}
    />
  );
}
