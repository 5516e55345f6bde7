import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { FieldErrorLookup } from '../../../shared/problem';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { type CertificationDraft, emptyCertification, STANDARD_OPTIONS, type Standard } from './profileForm';

interface Props {
  certifications: CertificationDraft[];
  onChange: (certifications: CertificationDraft[]) => void;
  errorFor: FieldErrorLookup;
  disabled?: boolean;
}

/** Management system certificates already held; they shorten audits and share controls. */
export function CertificationsEditor({ certifications, onChange, errorFor, disabled }: Props) {
  const update = (index: number, patch: Partial<CertificationDraft>) =>
    onChange(certifications.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  return (
    <RepeatableList
      items={certifications}
      itemKey={(c) => c.key}
      noun="certification"
      itemTitle={(c) => (c.standard === 'other' ? c.name : c.standard)}
      empty="No certifications recorded."
      disabled={disabled}
      onAdd={() => onChange([...certifications, emptyCertification()])}
      onRemove={(index) => onChange(certifications.filter((_, i) => i !== index))}
      renderItem={(c, i) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label="Standard"
            data={STANDARD_OPTIONS}
            value={c.standard}
            onChange={(e) => update(i, { standard: e.currentTarget.value as Standard })}
            error={errorFor(`certifications.${i}.standard`)}
            disabled={disabled}
          />
          {c.standard === 'other' && (
            <TextInput
              label="Name of the standard"
              required
              value={c.name}
              onChange={(e) => update(i, { name: e.currentTarget.value })}
              error={errorFor(`certifications.${i}.name`)}
              disabled={disabled}
            />
          )}
          <TextInput
            label="Certificate number"
            value={c.certificateNumber}
            onChange={(e) => update(i, { certificateNumber: e.currentTarget.value })}
            error={errorFor(`certifications.${i}.certificateNumber`)}
            disabled={disabled}
          />
          <TextInput
            label="Certification body"
            value={c.certificationBody}
            onChange={(e) => update(i, { certificationBody: e.currentTarget.value })}
            error={errorFor(`certifications.${i}.certificationBody`)}
            disabled={disabled}
          />
          <TextInput
            label="Expires on"
            type="date"
            value={c.expiresOn}
            onChange={(e) => update(i, { expiresOn: e.currentTarget.value })}
            error={errorFor(`certifications.${i}.expiresOn`)}
            disabled={disabled}
          />
        </SimpleGrid>
      )}
    />
  );
}
