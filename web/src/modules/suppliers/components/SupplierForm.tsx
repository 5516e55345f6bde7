import { Button, Checkbox, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { fieldErrorLookup, fieldErrorsOf } from '../../../shared/problem';
import { FormError } from '../../../shared/ui/FormError';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { options } from '../../../shared/ui/format';
import { RiskLevelSelect } from '../../../shared/org/RiskLevelSelect';
import { type Supplier, type SupplierInput, useCreateSupplier, useUpdateSupplier } from '../hooks/useSuppliers';
import { type Certification, CERTIFICATION_LABELS, SUPPLIER_KIND_LABELS, type SupplierKind } from '../labels';

const PLACED = ['name', 'kinds', 'website', 'contact', 'description', 'certifications', 'riskRating', 'nextReviewDate'];

interface Props {
  supplier: Supplier | null;
  onSaved: (s: Supplier) => void;
  onCancel: () => void;
}

export function SupplierForm({ supplier, onSaved, onCancel }: Props) {
  const { org } = useOrg();
  const create = useCreateSupplier(org.id);
  const update = useUpdateSupplier(org.id, supplier?.id ?? '');
  const save = supplier ? update : create;
  const [name, setName] = useState(supplier?.name ?? '');
  const [kinds, setKinds] = useState<SupplierKind[]>((supplier?.kinds ?? []) as SupplierKind[]);
  const [website, setWebsite] = useState(supplier?.website ?? '');
  const [contact, setContact] = useState(supplier?.contact ?? '');
  const [description, setDescription] = useState(supplier?.description ?? '');
  const [certifications, setCertifications] = useState<Certification[]>((supplier?.certifications ?? []) as Certification[]);
  const [riskRating, setRiskRating] = useState<string | null>(supplier?.riskRating ?? null);
  const [nextReviewDate, setNextReviewDate] = useState(supplier?.nextReviewDate ?? '');
  const errorFor = fieldErrorLookup(fieldErrorsOf(save.error));
  const formRef = useRef<HTMLFormElement>(null);
  const guard = useLeaveGuard(
    useDirty({ name, kinds, website, contact, description, certifications, riskRating, nextReviewDate }).dirty,
  );
  useFocusFirstError(save.error, formRef);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const body: SupplierInput = {
      name: name.trim(),
      kinds,
      website: website.trim() || null,
      contact: contact.trim() || null,
      description: description.trim(),
      certifications,
      riskRating,
      nextReviewDate: nextReviewDate || null,
    };
    save.mutate(body, {
      onSuccess: (s) => {
        guard.allowLeave();
        onSaved(s);
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={supplier ? `Edit ${supplier.name}` : 'New supplier'}>
      <Stack>
        <SectionCard title="Supplier">
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorFor('name')}
            maxLength={200}
          />
          <Checkbox.Group
            label="Supplies"
            description="What the organization gets from this supplier."
            value={kinds}
            onChange={(v) => setKinds(v as SupplierKind[])}
            error={errorFor('kinds')}
          >
            <Group mt="xs" gap="lg">
              {options(SUPPLIER_KIND_LABELS).map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Website"
              placeholder="https://"
              value={website}
              onChange={(e) => setWebsite(e.currentTarget.value)}
              error={errorFor('website')}
              maxLength={500}
            />
            <TextInput
              label="Contact"
              description="Account manager, support address or trust portal."
              value={contact}
              onChange={(e) => setContact(e.currentTarget.value)}
              error={errorFor('contact')}
              maxLength={300}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errorFor('description')}
            maxLength={4000}
          />
          <Checkbox.Group
            label="Certifications held"
            value={certifications}
            onChange={(v) => setCertifications(v as Certification[])}
            error={errorFor('certifications')}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
              {options(CERTIFICATION_LABELS).map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </SectionCard>
        <SectionCard title="Rating and review" description="A review sets both; change them here only to correct them.">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <RiskLevelSelect label="Risk rating" value={riskRating} onChange={setRiskRating} error={errorFor('riskRating')} />
            <TextInput
              type="date"
              label="Next review due"
              value={nextReviewDate}
              onChange={(e) => setNextReviewDate(e.currentTarget.value)}
              error={errorFor('nextReviewDate')}
            />
          </SimpleGrid>
        </SectionCard>
        <FormError error={save.error} placed={PLACED} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {supplier ? 'Changes are recorded in the supplier’s history.' : ''}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {supplier ? 'Save changes' : 'Add supplier'}
            </Button>
          </Group>
        </Group>
      </Stack>
      <LeaveGuardModal guard={guard} what={supplier ? supplier.name : 'The new supplier'} />
    </form>
  );
}
