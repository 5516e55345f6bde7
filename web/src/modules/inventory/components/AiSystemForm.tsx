import {
  Anchor,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { RiskLevelSelect } from '../../../shared/org/RiskLevelSelect';
import { options } from '../../../shared/ui/format';
import { type AiSystem, useCreateAiSystem, useUpdateAiSystem } from '../hooks/useAiSystems';
import {
  AI_ROLE_LABELS,
  type AiRole,
  type AiSystemKind,
  type DataSensitivity,
  FIELD_LABELS,
  KIND_LABELS,
  LIFECYCLE_LABELS,
  type LifecycleStage,
  SENSITIVITY_LABELS,
  USER_IMPACT_LABELS,
  type UserImpact,
} from '../labels';
import { type AiSystemDraft, conflictView, localErrors, toAiSystemDraft, toAiSystemInput } from './aiSystemForm';
import { OwnerInput } from '../../../shared/org/OwnerInput';
import { SuppliersField } from './SuppliersField';
import { FormActions } from '../../../shared/ui/FormActions';

const PLACED = Object.keys(FIELD_LABELS);

interface Props {
  system: AiSystem | null;
  /** a new system's name, filled in (e.g. a name the approved scope lists) */
  initialName?: string;
  onSaved: (system: AiSystem) => void;
  onCancel: () => void;
}

/** Every field of an AI system: the seed's inventory fields first, in its order, then Annex A's. */
export function AiSystemForm({ system, initialName, onSaved, onCancel }: Props) {
  const { org } = useOrg();
  const [draft, setDraft] = useState(() => {
    const d = toAiSystemDraft(system);
    return !system && initialName ? { ...d, name: initialName.slice(0, 200) } : d;
  });
  const [checked, setChecked] = useState<Record<string, string>>({});
  const { dirty, markClean } = useDirty(draft);
  const guard = useLeaveGuard(dirty);
  // an edit is made on the version the form opened on (If-Match); "Reload theirs" moves it on
  const versionRef = useRef(versionTag(system?.updatedAt));
  const create = useCreateAiSystem(org.id);
  const update = useUpdateAiSystem(org.id, system?.id ?? '', {
    mine: (vars) => vars.shown,
    theirs: (current) => conflictView(toAiSystemDraft(current as AiSystem)),
    onReload: (current, etag) => {
      versionRef.current = etag;
      const next = toAiSystemDraft(current as AiSystem);
      setDraft(next);
      markClean(next);
    },
    onOverwritten: (saved) => {
      guard.allowLeave();
      onSaved(saved);
    },
  });
  const pending = create.isPending || update.isPending;
  const error = system ? update.error : create.error;
  const errors = { ...(system ? update.fieldErrors : create.fieldErrors), ...checked };
  const errorFor = fieldErrorLookup(errors);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(update.conflict ? null : (error ?? (Object.keys(checked).length ? checked : null)), formRef);
  const set = <K extends keyof AiSystemDraft>(key: K, value: AiSystemDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const listError = (field: string, items: string[]) =>
    errorFor(field) ?? items.map((_, i) => errorFor(`${field}.${i}`)).find(Boolean);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const local = localErrors(draft);
    setChecked(local);
    if (Object.keys(local).length) return;
    const done = (saved: AiSystem) => {
      guard.allowLeave();
      onSaved(saved);
    };
    if (system)
      update.mutate(
        { body: toAiSystemInput(draft), ifMatch: versionRef.current, shown: conflictView(draft) },
        { onSuccess: done },
      );
    else create.mutate(toAiSystemInput(draft), { onSuccess: done });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={system ? `Edit ${system.name}` : 'New AI system'}>
      <Stack>
        <SectionCard
          title="Inventory record"
          description="What an auditor expects for every AI system, in the order of the inventory table: who owns it, what it does, what data it uses, who supplies it, how risky it is and how it is watched."
        >
          <TextInput
            label="AI system or tool name"
            description="The AI-enabled system, tool, model or platform, as people in the organization call it."
            required
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errorFor('name')}
            maxLength={200}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OwnerInput
              label="Business owner"
              value={draft.businessOwner}
              onChange={(v) => set('businessOwner', v)}
              error={errorFor('businessOwner') ?? errorFor('businessOwner.name') ?? errorFor('businessOwner.userId')}
              emailError={errorFor('businessOwner.email')}
            />
            <OwnerInput
              label="Technical owner"
              value={draft.technicalOwner}
              onChange={(v) => set('technicalOwner', v)}
              error={errorFor('technicalOwner') ?? errorFor('technicalOwner.name') ?? errorFor('technicalOwner.userId')}
              emailError={errorFor('technicalOwner.email')}
            />
          </SimpleGrid>
          <Textarea
            label="Purpose"
            description="What the AI system is used for."
            autosize
            minRows={2}
            value={draft.purpose}
            onChange={(e) => set('purpose', e.currentTarget.value)}
            error={errorFor('purpose')}
            maxLength={4000}
          />
          <Checkbox.Group
            label="User impact"
            description="Who its outputs reach. Choose every one that applies."
            value={draft.userImpact}
            onChange={(v) => set('userImpact', v as UserImpact[])}
            error={listError('userImpact', draft.userImpact)}
          >
            <Group mt="xs" gap="lg">
              {options(USER_IMPACT_LABELS).map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Fieldset legend="Data used" variant="filled" radius="md">
            <Stack gap="sm">
              <TagsInput
                label="Data categories"
                description="e.g. customer support tickets, product telemetry. Press Enter after each."
                value={draft.dataCategories}
                onChange={(v) => set('dataCategories', v)}
                error={listError('dataCategories', draft.dataCategories)}
                clearable
              />
              <Textarea
                label="Data source"
                description="Where the data comes from."
                autosize
                minRows={1}
                value={draft.dataSource}
                onChange={(e) => set('dataSource', e.currentTarget.value)}
                error={errorFor('dataSource')}
                maxLength={2000}
              />
              <Select
                label="Data sensitivity"
                description="The most sensitive data the system uses."
                placeholder="Not recorded"
                data={options(SENSITIVITY_LABELS)}
                value={draft.dataSensitivity}
                onChange={(v) => set('dataSensitivity', v as DataSensitivity | null)}
                error={errorFor('dataSensitivity')}
                clearable
                comboboxProps={{ withinPortal: true }}
                maw={360}
              />
            </Stack>
          </Fieldset>
          <SuppliersField value={draft.suppliers} onChange={(v) => set('suppliers', v)} errorFor={errorFor} />
          <RiskLevelSelect
            label="Risk level"
            description={
              <>
                On the organization's risk scale, set in the{' '}
                <Anchor component={Link} to={`/orgs/${org.id}/profile`} size="xs">
                  organization profile
                </Anchor>
                .
              </>
            }
            value={draft.riskLevel}
            onChange={(v) => set('riskLevel', v)}
            error={errorFor('riskLevel')}
            maw={420}
          />
          <Textarea
            label="Monitoring method"
            description="How performance, incidents or outputs are reviewed."
            autosize
            minRows={2}
            value={draft.monitoringMethod}
            onChange={(e) => set('monitoringMethod', e.currentTarget.value)}
            error={errorFor('monitoringMethod')}
            maxLength={4000}
          />
        </SectionCard>

        <SectionCard
          title="Classification and life cycle"
          description="What kind of system it is, your part in it, and where it stands in the AI system life cycle (Annex A.6)."
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Kind"
              placeholder="Not recorded"
              data={options(KIND_LABELS)}
              value={draft.kind}
              onChange={(v) => set('kind', v as AiSystemKind | null)}
              error={errorFor('kind')}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label="Our AI role"
              description="For this system"
              placeholder="Not recorded"
              data={options(AI_ROLE_LABELS)}
              value={draft.aiRole}
              onChange={(v) => set('aiRole', v as AiRole | null)}
              error={errorFor('aiRole')}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label="Life-cycle stage"
              description="Annex A.6"
              placeholder="Not recorded"
              data={options(LIFECYCLE_LABELS)}
              value={draft.lifecycleStage}
              onChange={(v) => set('lifecycleStage', v as LifecycleStage | null)}
              error={errorFor('lifecycleStage')}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Radio.Group
            label="In scope of the AI management system"
            description={
              <>
                Should match the{' '}
                <Anchor component={Link} to={`/orgs/${org.id}/scope`} size="xs">
                  approved scope
                </Anchor>
                ; the inventory flags a mismatch.
              </>
            }
            value={draft.inScope}
            onChange={(v) => set('inScope', v as AiSystemDraft['inScope'])}
            error={errorFor('inScope')}
          >
            <Group mt="xs" gap="lg">
              <Radio value="yes" label="In scope" />
              <Radio value="no" label="Out of scope" />
              <Radio value="undecided" label="Not decided" />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label="Deployment date"
              value={draft.deploymentDate}
              onChange={(e) => set('deploymentDate', e.currentTarget.value)}
              error={errorFor('deploymentDate')}
            />
            <TextInput
              type="date"
              label="Last review date"
              description="When the system was last reviewed."
              value={draft.lastReviewDate}
              onChange={(e) => set('lastReviewDate', e.currentTarget.value)}
              error={errorFor('lastReviewDate')}
            />
          </SimpleGrid>
        </SectionCard>

        <SectionCard
          title="Use and oversight"
          description="What the system is meant for, how it could reasonably be misused (Annex A.9.4), and how people oversee it."
        >
          <Textarea
            label="Intended use"
            autosize
            minRows={2}
            value={draft.intendedUse}
            onChange={(e) => set('intendedUse', e.currentTarget.value)}
            error={errorFor('intendedUse')}
            maxLength={4000}
          />
          <Textarea
            label="Reasonably foreseeable misuse"
            autosize
            minRows={2}
            value={draft.foreseeableMisuse}
            onChange={(e) => set('foreseeableMisuse', e.currentTarget.value)}
            error={errorFor('foreseeableMisuse')}
            maxLength={4000}
          />
          <Textarea
            label="Human oversight"
            description="Who can check, override or stop its outputs, and how."
            autosize
            minRows={2}
            value={draft.humanOversight}
            onChange={(e) => set('humanOversight', e.currentTarget.value)}
            error={errorFor('humanOversight')}
            maxLength={4000}
          />
        </SectionCard>

        <SectionCard title="Identification">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput
              label="Tags"
              description="Free labels for grouping, e.g. a department. Press Enter after each."
              value={draft.tags}
              onChange={(v) => set('tags', v)}
              error={listError('tags', draft.tags)}
              clearable
            />
            <TextInput
              label="External id"
              description="The system's id in another register; imports update records by it."
              value={draft.externalId}
              onChange={(e) => set('externalId', e.currentTarget.value)}
              error={errorFor('externalId')}
              maxLength={200}
            />
          </SimpleGrid>
        </SectionCard>

        {!update.conflict && <FormError error={error} placed={PLACED} />}
        <FormActions
          sticky
          note={
            system
              ? 'Changes are recorded in the system’s history.'
              : 'Only the name is required; the inventory flags what is missing.'
          }
          submitLabel={system ? 'Save changes' : 'Add AI system'}
          pending={pending}
          onCancel={onCancel}
        />
      </Stack>
      <LeaveGuardModal guard={guard} what={system ? `${system.name}` : 'The new AI system'} />
      {system && <ConflictDialog what={system.name} {...update.conflictDialog} />}
    </form>
  );
}
