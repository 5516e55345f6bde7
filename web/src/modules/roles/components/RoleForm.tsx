import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useRecordDraft, useRecordSubmit } from '../../../shared/register';
import { useOrg } from '../../../app/orgs/OrgContext';
import { OwnerInput } from '../../../shared/org/OwnerInput';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type Role, useCreateRole, useUpdateRole } from '../hooks/useRoles';
import { FIELD_LABELS } from '../labels';
import { conflictView, toRoleDraft, toRoleInput } from './roleDraft';
import { FormActions } from '../../../shared/ui/FormActions';

const PLACED = Object.keys(FIELD_LABELS);

interface Props {
  /** the role to edit; null for a new one */
  record: Role | null;
  onSaved: (r: Role) => void;
  onCancel: () => void;
}

/** A governance role: what it is for, what it may decide, who holds it and who stands in. */
export function RoleForm({ record: role, onSaved, onCancel }: Props) {
  const { org } = useOrg();
  const form = useRecordDraft(role, { toDraft: toRoleDraft, conflictView: conflictView, onSaved });
  const { draft, set, guard } = form;
  const create = useCreateRole(org.id);
  const update = useUpdateRole(org.id, role?.id ?? '', form.concurrency);
  const { submit, pending, error, errorFor, formRef } = useRecordSubmit(form, {
    record: role,
    create,
    update,
    toInput: toRoleInput,
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={role ? `Edit ${role.name}` : 'New governance role'}>
      <Stack>
        <SectionCard
          title="Who holds it"
          description="A member of the organization, or a person or team outside OpenAIMS by name."
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OwnerInput
              label="Holder"
              value={draft.holder}
              onChange={(v) => set('holder', v)}
              error={errorFor('holder') ?? errorFor('holder.name') ?? errorFor('holder.userId')}
              emailError={errorFor('holder.email')}
            />
            <OwnerInput
              label="Deputy"
              value={draft.deputy}
              onChange={(v) => set('deputy', v)}
              error={errorFor('deputy') ?? errorFor('deputy.name') ?? errorFor('deputy.userId')}
              emailError={errorFor('deputy.email')}
            />
          </SimpleGrid>
        </SectionCard>
        <SectionCard title="The role">
          <TextInput
            label="Role"
            required
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errorFor('name')}
            maxLength={200}
          />
          <Textarea
            label="Responsibilities"
            description="What the role looks after, in your own words."
            autosize
            minRows={3}
            value={draft.responsibilities}
            onChange={(e) => set('responsibilities', e.currentTarget.value)}
            error={errorFor('responsibilities')}
            maxLength={4000}
          />
          <Textarea
            label="Authorities"
            description="What the role may decide or approve."
            autosize
            minRows={2}
            value={draft.authorities}
            onChange={(e) => set('authorities', e.currentTarget.value)}
            error={errorFor('authorities')}
            maxLength={4000}
          />
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            value={draft.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={errorFor('notes')}
            maxLength={4000}
          />
        </SectionCard>
        <FormError error={error} placed={PLACED} />
        <FormActions
          note={role ? 'Changes are recorded in the role’s history.' : 'The role’s name is required.'}
          submitLabel={role ? 'Save changes' : 'Add role'}
          pending={pending}
          onCancel={onCancel}
        />
      </Stack>
      <LeaveGuardModal guard={guard} what={role ? role.name : 'The new role'} />
      {role && <ConflictDialog what={role.name} {...update.conflictDialog} />}
    </form>
  );
}
