import { Button, Checkbox, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { options } from '../../../shared/ui/format';
import { RiskLevelSelect } from '../../../shared/org/RiskLevelSelect';
import {
  type Supplier,
  type SupplierDetail,
  type SupplierInput,
  useCreateSupplier,
  useUpdateSupplier,
} from '../hooks/useSuppliers';
import { type Certification, CERTIFICATION_LABELS, SUPPLIER_KIND_LABELS, type SupplierKind } from '../labels';

const PLACED = ['name', 'kinds', 'website', 'contact', 'description', 'certifications', 'riskRating', 'nextReviewDate'];

interface Props {
  supplier: Supplier | null;
  onSaved: (s: Supplier) => void;
  onCancel: () => void;
}

export function SupplierForm({ supplier, onSaved, onCancel }: Props) {
  const { org } = useOrg();
  const [name, setName] = useState(supplier?.name ?? '');
  const [kinds, setKinds] = useState<SupplierKind[]>((supplier?.kinds ?? []) as SupplierKind[]);
  const [website, setWebsite] = useState(supplier?.website ?? '');
  const [contact, setContact] = useState(supplier?.contact ?? '');
  const [description, setDescription] = useState(supplier?.description ?? '');
  const [certifications, setCertifications] = useState<Certification[]>((supplier?.certifications ?? []) as Certification[]);
  const [riskRating, setRiskRating] = useState<string | null>(supplier?.riskRating ?? null);
  const [nextReviewDate, setNextReviewDate] = useState(supplier?.nextReviewDate ?? '');
  const { dirty, markClean } = useDirty({
    name,
    kinds,
    website,
    contact,
    description,
    certifications,
    riskRating,
    nextReviewDate,
  });
  const guard = useLeaveGuard(dirty);
  // an edit is made on the version the form opened on (If-Match); "Reload theirs" moves it on
  const versionRef = useRef(versionTag(supplier?.updatedAt));
  const reload = (s: SupplierDetail, etag: string) => {
    versionRef.current = etag;
    const values = {
      name: s.name,
      kinds: s.kinds as SupplierKind[],
      website: s.website ?? '',
      contact: s.contact ?? '',
      description: s.description,
      certifications: s.certifications as Certification[],
      riskRating: s.riskRating,
      nextReviewDate: s.nextReviewDate ?? '',
    };
    setName(values.name);
    setKinds(values.kinds);
    setWebsite(values.website);
    setContact(values.contact);
    setDescription(values.description);
    setCertifications(values.certifications);
    setRiskRating(values.riskRating);
    setNextReviewDate(values.nextReviewDate);
    markClean(values);
  };
  const create = useCreateSupplier(org.id);
  const update = useUpdateSupplier(org.id, supplier?.id ?? '', {
    mine: (vars) => vars.body,
    onReload: (current, etag) => reload(current as SupplierDetail, etag),
    onOverwritten: (saved) => {
      guard.allowLeave();
      onSaved(saved);
    },
  });
  const pending = create.isPending || update.isPending;
  const error = supplier ? update.error : create.error;
  const errorFor = fieldErrorLookup(supplier ? update.fieldErrors : create.fieldErrors);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(update.conflict ? null : error, formRef);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
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
    const done = (s: Supplier) => {
      guard.allowLeave();
      onSaved(s);
    };
    if (supplier) update.mutate({ body, ifMatch: versionRef.current }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
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
        {!update.conflict && <FormError error={error} placed={PLACED} />}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {supplier ? 'Changes are recorded in the supplier’s history.' : ''}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {supplier ? 'Save changes' : 'Add supplier'}
            </Button>
          </Group>
        </Group>
      </Stack>
      <LeaveGuardModal guard={guard} what={supplier ? supplier.name : 'The new supplier'} />
      {supplier && <ConflictDialog what={supplier.name} {...update.conflictDialog} />}
    </form>
  );
}
