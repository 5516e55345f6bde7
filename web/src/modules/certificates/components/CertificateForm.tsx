import { Checkbox, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { CountrySelect } from '../../../shared/ui/CountrySelect';
import { FormError } from '../../../shared/ui/FormError';
import { options } from '../../../shared/ui/format';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import type { CertificateInput, CertificatePrefill } from '../hooks/useCertificates';
import { IAF_MLA_LABELS } from '../labels';
import { FormActions } from '../../../shared/ui/FormActions';

type Mla = keyof typeof IAF_MLA_LABELS;
type Site = { key: string; name: string; country: string | null };

const PLACED = [
  'body.organizationName',
  'body.standard',
  'body.scopeStatement',
  'body.certificateNumber',
  'body.issueDate',
  'body.expiryDate',
  'body.issuingBody.name',
  'body.accreditation.body',
  'body.accreditation.number',
  'body.verificationRoute',
];

interface Props {
  prefill: CertificatePrefill;
  pending: boolean;
  error: unknown;
  errorFor: (path: string) => string | undefined;
  onSubmit: (body: CertificateInput) => void;
  onCancel: () => void;
  /** the form's name and its button: "New certificate" / "Record certificate" by default */
  title?: string;
  submitLabel?: string;
}

let seq = 0;
const siteKey = () => `site-${++seq}`;

/** Every field a certificate shows, as the certification body issued it. */
export function CertificateForm({
  prefill,
  pending,
  error,
  errorFor,
  onSubmit,
  onCancel,
  title = 'New certificate',
  submitLabel = 'Record certificate',
}: Props) {
  const [d, setD] = useState(() => ({ ...prefill, sites: prefill.sites.map((s) => ({ ...s, key: siteKey() })) as Site[] }));
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(error, formRef);
  const set = <K extends keyof typeof d>(k: K, v: (typeof d)[K]) => setD((x) => ({ ...x, [k]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    onSubmit({
      ...d,
      sites: d.sites.map((s) => ({ name: s.name, country: s.country ?? '' })),
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
      <Stack>
        <SectionCard title="The certificate" description="As printed on the certificate the body issued.">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Certificate number"
              required
              value={d.certificateNumber}
              onChange={(e) => set('certificateNumber', e.currentTarget.value)}
              error={errorFor('body.certificateNumber')}
            />
            <TextInput
              label="Certification standard"
              required
              value={d.standard}
              onChange={(e) => set('standard', e.currentTarget.value)}
              error={errorFor('body.standard')}
            />
            <TextInput
              label="Issue date"
              type="date"
              required
              value={d.issueDate}
              onChange={(e) => set('issueDate', e.currentTarget.value)}
              error={errorFor('body.issueDate')}
            />
            <TextInput
              label="Expiry date"
              type="date"
              required
              value={d.expiryDate}
              onChange={(e) => set('expiryDate', e.currentTarget.value)}
              error={errorFor('body.expiryDate')}
            />
          </SimpleGrid>
          <TextInput
            label="Certified organization"
            required
            value={d.organizationName}
            onChange={(e) => set('organizationName', e.currentTarget.value)}
            error={errorFor('body.organizationName')}
          />
          <Textarea
            label="Certification scope"
            description={d.scopeVersion ? `From the approved AIMS scope, version ${d.scopeVersion}` : undefined}
            required
            autosize
            minRows={3}
            value={d.scopeStatement}
            onChange={(e) => set('scopeStatement', e.currentTarget.value)}
            error={errorFor('body.scopeStatement')}
          />
        </SectionCard>
        <SectionCard title="Sites covered">
          <RepeatableList
            items={d.sites}
            itemKey={(s) => s.key}
            noun="site"
            compact
            empty={
              <Text size="sm" c="dimmed">
                No site listed.
              </Text>
            }
            onAdd={() => set('sites', [...d.sites, { key: siteKey(), name: '', country: null }])}
            onRemove={(i) =>
              set(
                'sites',
                d.sites.filter((_, j) => j !== i),
              )
            }
            renderItem={(s, i) => (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Site"
                  required
                  value={s.name}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    set(
                      'sites',
                      d.sites.map((x, j) => (j === i ? { ...x, name } : x)),
                    );
                  }}
                  error={errorFor(`body.sites.${i}.name`)}
                />
                <CountrySelect
                  label="Country"
                  required
                  value={s.country}
                  onChange={(country) =>
                    set(
                      'sites',
                      d.sites.map((x, j) => (j === i ? { ...x, country } : x)),
                    )
                  }
                  error={errorFor(`body.sites.${i}.country`)}
                />
              </SimpleGrid>
            )}
          />
        </SectionCard>
        <SectionCard
          title="Issuing body and accreditation"
          description="Accreditation details where they apply; leave them empty otherwise."
        >
          <TextInput
            label="Issuing certification body"
            required
            value={d.issuingBody.name}
            onChange={(e) => set('issuingBody', { ...d.issuingBody, name: e.currentTarget.value })}
            error={errorFor('body.issuingBody.name') ?? errorFor('body.issuingBody.certificationBodyId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Accreditation body"
              value={d.accreditation.body}
              onChange={(e) => set('accreditation', { ...d.accreditation, body: e.currentTarget.value })}
              error={errorFor('body.accreditation.body')}
            />
            <TextInput
              label="Accreditation number"
              value={d.accreditation.number}
              onChange={(e) => set('accreditation', { ...d.accreditation, number: e.currentTarget.value })}
              error={errorFor('body.accreditation.number')}
            />
            <Select
              label="Accreditation body signs the IAF MLA"
              data={options(IAF_MLA_LABELS)}
              value={d.accreditation.iafMlaSignatory}
              allowDeselect={false}
              onChange={(v) => set('accreditation', { ...d.accreditation, iafMlaSignatory: (v as Mla | null) ?? 'unknown' })}
            />
          </SimpleGrid>
          <Textarea
            label="How to verify with the issuing body"
            description="The body's verification URL, or how a buyer asks it"
            autosize
            value={d.verificationRoute}
            onChange={(e) => set('verificationRoute', e.currentTarget.value)}
            error={errorFor('body.verificationRoute')}
          />
          <Checkbox
            label="Listed in IAF CertSearch"
            checked={d.iafCertSearchListed}
            onChange={(e) => set('iafCertSearchListed', e.currentTarget.checked)}
          />
        </SectionCard>
        <FormError error={error} placed={PLACED} />
        <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
