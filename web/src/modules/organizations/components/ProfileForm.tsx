import { Button, Group, NumberInput, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { formatDateTime } from '../../../shared/ui/format';
import { CountrySelect } from '../../../shared/ui/CountrySelect';
import { FormError } from '../../../shared/ui/FormError';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { type Profile, useSaveProfile } from '../hooks/useProfile';
import { AiRolesField } from './AiRolesField';
import { CertificationsEditor } from './CertificationsEditor';
import { toProfileDraft, toProfileInput } from './profileForm';
import { SitesEditor } from './SitesEditor';

const PLACED = ['legalName', 'country', 'employeeCount', 'sector', 'aiRoles', 'sites', 'certifications', 'targetMarkets'];

export function ProfileForm({ orgId, profile, disabled }: { orgId: string; profile: Profile; disabled: boolean }) {
  const [draft, setDraft] = useState(() => toProfileDraft(profile));
  // the version of the profile this copy was loaded from or last saved as (If-Match)
  const versionRef = useRef(versionTag(profile.updatedAt));
  const { dirty, markClean } = useDirty(draft);
  const take = (p: Profile, version: string) => {
    versionRef.current = version;
    const next = toProfileDraft(p);
    setDraft(next);
    markClean(next);
  };
  const save = useSaveProfile(orgId, {
    onReload: (current, etag) => take(current, etag),
    onSaved: (saved) => take(saved, versionTag(saved.updatedAt)),
  });
  const { errorFor } = save;
  const formRef = useRef<HTMLFormElement>(null);
  const guard = useLeaveGuard(dirty && !disabled);
  useFocusFirstError(save.error, formRef);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    save.mutate(
      { body: toProfileInput(draft), ifMatch: versionRef.current },
      { onSuccess: (saved) => take(saved, versionTag(saved.updatedAt)) },
    );
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Organization profile">
      <Stack>
        <SectionCard title="Legal entity" description="As it should appear on the certificate.">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Legal name"
              value={draft.legalName}
              onChange={(e) => set('legalName', e.currentTarget.value)}
              error={errorFor('legalName')}
              disabled={disabled}
            />
            <CountrySelect
              label="Country of registration"
              value={draft.country}
              onChange={(v) => set('country', v)}
              error={errorFor('country')}
              disabled={disabled}
            />
            <NumberInput
              label="Number of employees"
              description="Certification bodies size audit time by headcount."
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              value={draft.employeeCount}
              onChange={(v) => set('employeeCount', v)}
              error={errorFor('employeeCount')}
              disabled={disabled}
            />
            <TextInput
              label="Sector"
              description="e.g. Software as a service, Health care, Financial services"
              value={draft.sector}
              onChange={(e) => set('sector', e.currentTarget.value)}
              error={errorFor('sector')}
              disabled={disabled}
            />
          </SimpleGrid>
        </SectionCard>

        <SectionCard title="AI roles and markets" description="What part your organization plays for AI, and where it offers it.">
          <AiRolesField
            value={draft.aiRoles}
            onChange={(v) => set('aiRoles', v)}
            error={errorFor('aiRoles')}
            disabled={disabled}
          />
          <TagsInput
            label="Target markets"
            description="Countries or regions where you offer AI products or services. Press Enter after each."
            placeholder={draft.targetMarkets.length ? '' : 'e.g. European Union'}
            value={draft.targetMarkets}
            onChange={(v) => set('targetMarkets', v)}
            error={errorFor('targetMarkets') ?? draft.targetMarkets.map((_, i) => errorFor(`targetMarkets.${i}`)).find(Boolean)}
            disabled={disabled}
            clearable
          />
        </SectionCard>

        <SectionCard
          title="Sites"
          description="Offices and locations where AI-related work is done. The scope chooses from these."
        >
          <SitesEditor sites={draft.sites} onChange={(v) => set('sites', v)} errorFor={errorFor} disabled={disabled} />
        </SectionCard>

        <SectionCard
          title="Certifications held"
          description="Existing management system certificates, such as ISO/IEC 27001, share controls and evidence with ISO/IEC 42001."
        >
          <CertificationsEditor
            certifications={draft.certifications}
            onChange={(v) => set('certifications', v)}
            errorFor={errorFor}
            disabled={disabled}
          />
        </SectionCard>

        {!save.conflict && <FormError error={save.error} placed={PLACED} />}
        {!disabled && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status">
              {profile.updatedAt
                ? `${save.isSuccess ? 'Saved' : 'Last saved'} ${formatDateTime(profile.updatedAt)}`
                : 'Not saved yet.'}
            </Text>
            <Button type="submit" loading={save.isPending}>
              Save profile
            </Button>
          </Group>
        )}
      </Stack>
      <LeaveGuardModal guard={guard} what="The organization profile" />
      <ConflictDialog what="The organization profile" {...save.conflictDialog} />
    </form>
  );
}
