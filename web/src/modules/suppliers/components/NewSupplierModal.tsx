import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { fieldErrorLookup, fieldErrorsOf } from '../../../shared/problem';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { type Supplier, useCreateSupplier } from '../hooks/useSuppliers';
import { options } from '../../../shared/ui/format';
import { SUPPLIER_KIND_LABELS, type SupplierKind } from '../labels';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (supplier: Supplier) => void;
}

/** Adds a supplier by name without leaving the form that needs it; the rest is filled in on its page. */
export function NewSupplierModal({ opened, onClose, onCreated }: Props) {
  const { org } = useOrg();
  const create = useCreateSupplier(org.id);
  const [name, setName] = useState('');
  const [kinds, setKinds] = useState<SupplierKind[]>([]);
  const errorFor = fieldErrorLookup(fieldErrorsOf(create.error));
  const guard = useLeaveGuard(useDirty({ name, kinds }, opened).dirty);
  const close = () => {
    setName('');
    setKinds([]);
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (create.isPending) return;
    create.mutate(
      { name, kinds },
      {
        onSuccess: (s) => {
          guard.allowLeave();
          onCreated(s);
          close();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title="New supplier" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Supplier name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorFor('name')}
            data-autofocus
            maxLength={200}
          />
          <Checkbox.Group label="Supplies" value={kinds} onChange={(v) => setKinds(v as SupplierKind[])}>
            <SimpleGrid cols={2} mt="xs" spacing="xs">
              {options(SUPPLIER_KIND_LABELS).map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <FormError error={create.error} placed={['name']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add supplier
            </Button>
          </Group>
        </Stack>
      </form>
      <LeaveGuardModal guard={guard} what="The new supplier" />
    </Modal>
  );
}
