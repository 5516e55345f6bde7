import { Anchor, Button, CloseButton, Group, Input, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import type { FieldErrorLookup } from '../../../shared/problem';
import { NewSupplierModal } from '../../suppliers';
import { useSupplierOptions } from '../../suppliers';
import { options } from '../../../shared/ui/format';
import { DEPENDENCY_LABELS, type Dependency } from '../../suppliers';
import { emptySupplierLink, type SupplierLinkDraft } from './aiSystemForm';

interface Props {
  value: SupplierLinkDraft[];
  onChange: (links: SupplierLinkDraft[]) => void;
  errorFor: FieldErrorLookup;
  disabled?: boolean;
}

const DEPENDENCY_OPTIONS = options(DEPENDENCY_LABELS);

/** Supplier dependency: which suppliers the system relies on, and for what. */
export function SuppliersField({ value, onChange, errorFor, disabled }: Props) {
  const { org } = useOrg();
  const supplierOptions = useSupplierOptions(org.id);
  const [adding, { open, close }] = useDisclosure(false);
  const update = (i: number, patch: Partial<SupplierLinkDraft>) =>
    onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  // suppliers already linked stay choosable even when beyond the first page of options
  const known = supplierOptions.data ?? [];
  const data = [
    ...known,
    ...value
      .filter((l) => l.supplierId && !known.some((o) => o.value === l.supplierId))
      .map((l) => ({ value: l.supplierId as string, label: l.name })),
  ];

  return (
    <Stack gap="xs" role="group" aria-labelledby="suppliers-field-label">
      <div>
        <Input.Label id="suppliers-field-label">Supplier dependency</Input.Label>
        <Input.Description>
          Third-party platforms, APIs, models or vendors the system relies on. Suppliers live in the{' '}
          <Anchor component={Link} to={`/orgs/${org.id}/suppliers`} inherit>
            supplier register
          </Anchor>
          .
        </Input.Description>
      </div>
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          No supplier dependency recorded.
        </Text>
      )}
      {value.map((link, i) => {
        const taken = new Set(value.filter((_, j) => j !== i).map((l) => l.supplierId));
        return (
          <Group key={link.key} gap="sm" align="flex-start" wrap="nowrap">
            <Select
              label={`Supplier ${i + 1}`}
              placeholder="Search suppliers"
              searchable
              nothingFoundMessage="No supplier of that name"
              data={data.filter((o) => !taken.has(o.value))}
              value={link.supplierId}
              onChange={(v) => update(i, { supplierId: v, name: data.find((o) => o.value === v)?.label ?? '' })}
              error={errorFor(`suppliers.${i}.supplierId`)}
              disabled={disabled}
              comboboxProps={{ withinPortal: true }}
              style={{ flex: 2 }}
            />
            <Select
              label={`Dependency ${i + 1}`}
              data={DEPENDENCY_OPTIONS}
              value={link.dependency}
              onChange={(v) => v && update(i, { dependency: v as Dependency })}
              allowDeselect={false}
              error={errorFor(`suppliers.${i}.dependency`)}
              disabled={disabled}
              comboboxProps={{ withinPortal: true }}
              style={{ flex: 1 }}
            />
            {!disabled && (
              <CloseButton
                mt={28}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={`Remove supplier ${i + 1}${link.name ? ` (${link.name})` : ''}`}
              />
            )}
          </Group>
        );
      })}
      {errorFor('suppliers') && (
        <Text size="sm" c="red">
          {errorFor('suppliers')}
        </Text>
      )}
      {!disabled && (
        <Group gap="xs">
          <Button variant="light" size="xs" onClick={() => onChange([...value, emptySupplierLink()])}>
            + Add supplier dependency
          </Button>
          <Button variant="subtle" size="xs" onClick={open}>
            New supplier…
          </Button>
        </Group>
      )}
      <NewSupplierModal
        opened={adding}
        onClose={close}
        onCreated={(s) => onChange([...value, { ...emptySupplierLink(), supplierId: s.id, name: s.name }])}
      />
    </Stack>
  );
}
