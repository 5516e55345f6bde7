import { Autocomplete, type AutocompleteProps, Stack, TextInput } from '@mantine/core';
import { useOrg } from '../../app/orgs/OrgContext';
import { useMembers } from './orgData';

export interface OwnerDraft {
  userId: string | null;
  name: string;
  /** a named contact's email (a member's comes from the account); '' when none */
  email: string;
}

export const emptyOwner = (): OwnerDraft => ({ userId: null, name: '', email: '' });

export function toOwnerDraft(o: { userId: string | null; name: string; email?: string | null } | null | undefined): OwnerDraft {
  return o ? { userId: o.userId, name: o.name, email: o.userId ? '' : (o.email ?? '') } : emptyOwner();
}

/**
 * null when nobody is named; a member's id goes with the name the server
 * fills in; a named contact's email only when one is given.
 */
export function toOwnerInput(o: OwnerDraft): { userId: string | null; name: string; email?: string } | null {
  const name = o.name.trim();
  if (!name) return null;
  const email = o.userId ? '' : o.email.trim();
  return { userId: o.userId, name, ...(email ? { email } : {}) };
}

type Props = Omit<AutocompleteProps, 'data' | 'value' | 'onChange'> & {
  value: OwnerDraft;
  onChange: (owner: OwnerDraft) => void;
  /** offer an email for a named contact (not a member); default true */
  withEmail?: boolean;
  /** the API's error for the email, e.g. errorFor('businessOwner.email') */
  emailError?: string;
};

/**
 * A member of the organization, or any person or team typed by name. Typing
 * a member's exact name links the member; a named contact may carry an
 * optional email.
 */
export function OwnerInput({ value, onChange, description, withEmail = true, emailError, ...props }: Props) {
  const { org } = useOrg();
  const members = useMembers(org.id);
  const list = members.data?.items ?? [];
  const linked = value.userId ? list.find((m) => m.userId === value.userId) : undefined;
  const named = !value.userId && value.name.trim() !== '';
  const hint = linked
    ? `Member: ${linked.email}`
    : named
      ? 'Named contact (not a member)'
      : 'Choose a member or type a person or team.';
  const input = (
    <Autocomplete
      data={[...new Set(list.map((m) => m.name))]}
      value={value.name}
      onChange={(name) => {
        const member = list.find((m) => m.name.toLowerCase() === name.trim().toLowerCase());
        onChange({ userId: member?.userId ?? null, name, email: value.email });
      }}
      description={description ?? hint}
      clearable
      comboboxProps={{ withinPortal: true }}
      maxLength={200}
      {...props}
    />
  );
  if (!withEmail) return input;
  const label = typeof props.label === 'string' ? props.label : 'Contact';
  // one structure whether the email shows or not, so the name input keeps its focus while typed
  return (
    <Stack gap="xs">
      {input}
      {(named || emailError) && (
        <TextInput
          type="email"
          label={`${label} email`}
          description="Optional: how to reach this contact."
          value={value.email}
          onChange={(e) => onChange({ ...value, email: e.currentTarget.value })}
          error={emailError}
          disabled={props.disabled}
          maxLength={254}
          size={props.size}
        />
      )}
    </Stack>
  );
}
