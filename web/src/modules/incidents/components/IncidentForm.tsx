import { Button, Group, MultiSelect, NumberInput, Paper, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { AiSystemPicker } from '../../../shared/org/AiSystemPicker';
import { type OwnerDraft, OwnerInput, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { options } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import {
  fromLocalInput,
  type Incident,
  type IncidentInput,
  toLocalInput,
  useCreateIncident,
  useRiskChoices,
  useUpdateIncident,
} from '../hooks/useIncidents';
import { DETECTED_HOW_LABELS, type DetectedHow, HARM_LABELS, type HarmCategory, SEVERITY_LABELS, type Severity } from '../labels';

interface Draft {
  title: string;
  description: string;
  aiSystemIds: string[];
  detectedAt: string;
  detectedHow: DetectedHow;
  severity: Severity;
  harmCategories: HarmCategory[];
  peopleCount: number | '';
  peopleDescription: string;
  escalatedTo: OwnerDraft;
  risks: { value: string; label: string }[];
  containment: string;
  rootCause: string;
  lessonsLearned: string;
}

function draftOf(i: Incident | null): Draft {
  return {
    title: i?.title ?? '',
    description: i?.description ?? '',
    aiSystemIds: i?.aiSystemId ? [i.aiSystemId] : [],
    detectedAt: toLocalInput(i?.detectedAt ?? new Date().toISOString()),
    detectedHow: i?.detectedHow ?? 'user-report',
    severity: i?.severity ?? 'medium',
    harmCategories: i?.harmCategories ?? [],
    peopleCount: i?.peopleAffected.count ?? '',
    peopleDescription: i?.peopleAffected.description ?? '',
    escalatedTo: toOwnerDraft(i?.escalation.to),
    risks: i?.linkedRisks.map((r) => ({ value: r.id, label: r.name })) ?? [],
    containment: i?.containment ?? '',
    rootCause: i?.rootCause ?? '',
    lessonsLearned: i?.lessonsLearned ?? '',
  };
}

function bodyOf(d: Draft, editing: boolean) {
  const to = toOwnerInput(d.escalatedTo);
  return {
    title: d.title.trim(),
    description: d.description,
    aiSystemId: d.aiSystemIds[0] ?? null,
    detectedAt: fromLocalInput(d.detectedAt),
    detectedHow: d.detectedHow,
    severity: d.severity,
    harmCategories: d.harmCategories,
    peopleAffected: { count: d.peopleCount === '' ? null : d.peopleCount, description: d.peopleDescription },
    // a new incident without a person goes to the escalation role's holder
    ...(to || editing ? { escalation: to ? { to, at: null } : null } : {}),
    linkedRiskIds: d.risks.map((r) => r.value),
    containment: d.containment,
    rootCause: d.rootCause,
    lessonsLearned: d.lessonsLearned,
  } satisfies Partial<IncidentInput>;
}

function RiskPicker(props: { value: Draft['risks']; onChange: (v: Draft['risks']) => void; error?: string }) {
  const { org } = useOrg();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useRiskChoices(org.id, q);
  const data = useMemo(() => {
    const all = new Map(props.value.map((c) => [c.value, c.label]));
    for (const c of found.data ?? []) if (!all.has(c.value)) all.set(c.value, c.label);
    return [...all].map(([value, label]) => ({ value, label }));
  }, [props.value, found.data]);
  return (
    <MultiSelect
      label="Linked risks"
      description="Risks of the register this incident shows happening."
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={props.value.map((c) => c.value)}
      onChange={(ids) => props.onChange(ids.map((id) => ({ value: id, label: data.find((c) => c.value === id)?.label ?? id })))}
      nothingFoundMessage={found.isFetching ? 'Loading…' : 'No risk matches'}
      error={props.error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * Record or edit an incident: what happened, where, how serious, whom it
 * harmed, who it goes to. Status, communications and updates are changed on
 * the incident's page. An edit is made on the version the form opened on.
 */
export function IncidentForm({
  incident,
  readOnly,
  onSaved,
}: {
  incident: Incident | null;
  readOnly?: boolean;
  onSaved: (i: Incident) => void;
}) {
  const { org } = useOrg();
  const editing = incident !== null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(incident));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const { dirty, markClean } = useDirty(draft, !readOnly);
  const guard = useLeaveGuard(dirty);
  const versionRef = useRef(versionTag(incident?.updatedAt));
  const systemLabels = useMemo(
    () => new Map(incident?.aiSystem ? [[incident.aiSystem.id, incident.aiSystem.name]] : []),
    [incident],
  );
  const create = useCreateIncident(org.id);
  const update = useUpdateIncident(org.id, incident?.id ?? '', {
    mine: (vars) => vars.body,
    theirs: (current) => bodyOf(draftOf(current as Incident), true),
    onReload: (current, etag) => {
      versionRef.current = etag;
      const next = draftOf(current as Incident);
      setDraft(next);
      markClean(next);
    },
    onOverwritten: (saved) => {
      guard.allowLeave();
      onSaved(saved);
    },
  });
  const mutation = editing ? update : create;
  const errorFor = fieldErrorLookup(mutation.fieldErrors);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(update.conflict ? null : mutation.error, formRef);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || mutation.isPending) return;
    const body = bodyOf(draft, editing);
    try {
      const saved = editing
        ? await update.mutateAsync({ body, ifMatch: versionRef.current })
        : await create.mutateAsync(body as IncidentInput);
      markClean();
      guard.allowLeave();
      onSaved(saved);
    } catch {
      // the problem shows in FormError, a conflict in the ConflictDialog
    }
  };

  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      ref={formRef}
      onSubmit={submit}
      aria-label={editing ? 'Edit incident' : 'New incident'}
    >
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={640}>
          <TextInput
            label="Title"
            placeholder="What went wrong, in a line"
            required
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorFor('title')}
            maxLength={300}
          />
          <Textarea
            label="What happened"
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errorFor('description')}
            autosize
            minRows={3}
          />
          <AiSystemPicker
            orgId={org.id}
            label="AI system"
            description="Leave empty for an incident not tied to one AI system."
            maxValues={1}
            value={draft.aiSystemIds}
            onChange={(v) => set('aiSystemIds', v.slice(-1))}
            labels={systemLabels}
            error={errorFor('aiSystemId')}
          />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label="Detected"
              type="datetime-local"
              required
              value={draft.detectedAt}
              onChange={(e) => set('detectedAt', e.currentTarget.value)}
              error={errorFor('detectedAt')}
              miw={200}
            />
            <Select
              label="How it was detected"
              data={options(DETECTED_HOW_LABELS)}
              value={draft.detectedHow}
              allowDeselect={false}
              onChange={(v) => v && set('detectedHow', v as DetectedHow)}
              error={errorFor('detectedHow')}
              miw={200}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Select
            label="Severity"
            data={options(SEVERITY_LABELS)}
            value={draft.severity}
            allowDeselect={false}
            onChange={(v) => v && set('severity', v as Severity)}
            error={errorFor('severity')}
            w={200}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label="Harm"
            description="What kind of harm it caused or could have caused."
            data={options(HARM_LABELS)}
            value={draft.harmCategories}
            onChange={(v) => set('harmCategories', v as HarmCategory[])}
            error={errorFor('harmCategories')}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <Group grow align="flex-start" wrap="wrap">
            <NumberInput
              label="People affected"
              description="Leave empty when not known."
              min={0}
              allowDecimal={false}
              value={draft.peopleCount}
              onChange={(v) => set('peopleCount', typeof v === 'number' ? v : '')}
              error={errorFor('peopleAffected.count')}
              miw={160}
            />
            <TextInput
              label="Who they are"
              value={draft.peopleDescription}
              onChange={(e) => set('peopleDescription', e.currentTarget.value)}
              error={errorFor('peopleAffected.description')}
              miw={200}
            />
          </Group>
          <OwnerInput
            label="Escalated to"
            description={editing ? undefined : 'Leave empty to escalate to the holder of the incident escalation role.'}
            value={draft.escalatedTo}
            onChange={(v) => set('escalatedTo', v)}
            error={errorFor('escalation.to') ?? errorFor('escalation.to.userId')}
          />
          <RiskPicker value={draft.risks} onChange={(v) => set('risks', v)} error={errorFor('linkedRiskIds')} />
          {editing && (
            <>
              <Textarea
                label="Containment"
                description="What was done to stop the harm."
                value={draft.containment}
                onChange={(e) => set('containment', e.currentTarget.value)}
                error={errorFor('containment')}
                autosize
                minRows={2}
              />
              <Textarea
                label="Root cause"
                value={draft.rootCause}
                onChange={(e) => set('rootCause', e.currentTarget.value)}
                error={errorFor('rootCause')}
                autosize
                minRows={2}
              />
              <Textarea
                label="Lessons learned"
                value={draft.lessonsLearned}
                onChange={(e) => set('lessonsLearned', e.currentTarget.value)}
                error={errorFor('lessonsLearned')}
                autosize
                minRows={2}
              />
            </>
          )}
          <FormError error={update.conflict ? null : mutation.error} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                {editing ? 'Save changes' : 'Record incident'}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
      <LeaveGuardModal guard={guard} what={incident ? incident.number : 'The new incident'} />
      {incident && <ConflictDialog what={`Incident ${incident.number}`} {...update.conflictDialog} />}
    </Paper>
  );
}
