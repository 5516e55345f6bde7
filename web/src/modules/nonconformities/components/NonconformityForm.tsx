import { Button, Group, MultiSelect, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { type OwnerDraft, OwnerInput, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { options, todayIso } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import {
  type NcInput,
  type Nonconformity,
  useCreateNonconformity,
  useEvidenceChoices,
  useGradeScale,
  useUpdateNonconformity,
} from '../hooks/useNonconformities';
import { SOURCE_LABELS, type SourceKind } from '../labels';

interface Draft {
  title: string;
  description: string;
  sourceKind: SourceKind;
  sourceLabel: string;
  grade: string;
  requirementId: string;
  objectiveEvidence: string;
  evidence: { value: string; label: string }[];
  owner: OwnerDraft;
  raisedAt: string;
}

/** Where a new nonconformity came from, when another page sent the user here. */
export interface Prefill {
  sourceKind?: SourceKind;
  sourceId?: string;
  sourceLabel?: string;
  requirementId?: string;
}

function draftOf(n: Nonconformity | null, prefill: Prefill, defaultGrade: string): Draft {
  return {
    title: n?.title ?? '',
    description: n?.description ?? '',
    sourceKind: n?.source.kind ?? prefill.sourceKind ?? 'other',
    sourceLabel: n?.source.label ?? prefill.sourceLabel ?? '',
    grade: n?.grade ?? defaultGrade,
    requirementId: n?.requirementId ?? prefill.requirementId ?? '',
    objectiveEvidence: n?.objectiveEvidence ?? '',
    evidence: n?.evidence.map((e) => ({ value: e.id, label: e.name })) ?? [],
    owner: toOwnerDraft(n?.owner),
    raisedAt: n?.raisedAt ?? todayIso(),
  };
}

function bodyOf(d: Draft) {
  return {
    title: d.title.trim(),
    description: d.description,
    grade: d.grade,
    requirementId: d.requirementId.trim() || null,
    objectiveEvidence: d.objectiveEvidence,
    evidenceIds: d.evidence.map((e) => e.value),
    owner: toOwnerInput(d.owner),
    raisedAt: d.raisedAt,
  };
}

function EvidencePicker(props: { value: Draft['evidence']; onChange: (v: Draft['evidence']) => void; error?: string }) {
  const { org } = useOrg();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useEvidenceChoices(org.id, q);
  const data = useMemo(() => {
    const all = new Map(props.value.map((c) => [c.value, c.label]));
    for (const c of found.data ?? []) if (!all.has(c.value)) all.set(c.value, c.label);
    return [...all].map(([value, label]) => ({ value, label }));
  }, [props.value, found.data]);
  return (
    <MultiSelect
      label="Evidence items"
      description="Items of the evidence register that show it."
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={props.value.map((c) => c.value)}
      onChange={(ids) => props.onChange(ids.map((id) => ({ value: id, label: data.find((c) => c.value === id)?.label ?? id })))}
      nothingFoundMessage={found.isFetching ? 'Loading…' : 'No evidence item matches'}
      error={props.error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * Raise or edit a nonconformity: what did not conform, its grade, the
 * requirement and the objective evidence. Correction, root cause, actions and
 * the effectiveness check are recorded step by step on its page.
 */
export function NonconformityForm({
  nonconformity,
  prefill = {},
  readOnly,
  onSaved,
}: {
  nonconformity: Nonconformity | null;
  prefill?: Prefill;
  readOnly?: boolean;
  onSaved: (n: Nonconformity) => void;
}) {
  const { org } = useOrg();
  const scale = useGradeScale(org.id);
  const grades = scale.data?.grades ?? [];
  const editing = nonconformity !== null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(nonconformity, prefill, ''));
  const grade = draft.grade || grades.find((g) => g.isNonconformity)?.key || grades[0]?.key || '';
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const { dirty, markClean } = useDirty(draft, !readOnly);
  const guard = useLeaveGuard(dirty);
  const versionRef = useRef(versionTag(nonconformity?.updatedAt));
  const create = useCreateNonconformity(org.id);
  const update = useUpdateNonconformity(org.id, nonconformity?.id ?? '', {
    mine: (vars) => vars.body,
    theirs: (current) => bodyOf(draftOf(current as Nonconformity, {}, '')),
    onReload: (current, etag) => {
      versionRef.current = etag;
      const next = draftOf(current as Nonconformity, {}, '');
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
  const gradeOptions = grades.map((g) => ({ value: g.key, label: g.label }));
  if (nonconformity && !grades.some((g) => g.key === nonconformity.grade))
    gradeOptions.push({ value: nonconformity.grade, label: nonconformity.gradeLabel });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || mutation.isPending) return;
    const body = bodyOf({ ...draft, grade });
    try {
      const saved = editing
        ? await update.mutateAsync({ body, ifMatch: versionRef.current })
        : await create.mutateAsync({
            ...body,
            source: {
              kind: draft.sourceKind,
              id: prefill.sourceId ?? null,
              ...(draft.sourceLabel.trim() ? { label: draft.sourceLabel.trim() } : {}),
            },
          } as NcInput);
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
      aria-label={editing ? 'Edit nonconformity' : 'New nonconformity'}
    >
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={640}>
          <TextInput
            label="Title"
            placeholder="What did not conform, in a line"
            required
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorFor('title')}
            maxLength={300}
          />
          <Textarea
            label="Description"
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errorFor('description')}
            autosize
            minRows={3}
          />
          {editing ? (
            <Text size="sm">
              Source: {SOURCE_LABELS[draft.sourceKind]}
              {draft.sourceLabel ? ` ${draft.sourceLabel}` : ''}
            </Text>
          ) : (
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label="Where it was found"
                data={options(SOURCE_LABELS)}
                value={draft.sourceKind}
                allowDeselect={false}
                disabled={!!prefill.sourceId}
                onChange={(v) => v && set('sourceKind', v as SourceKind)}
                error={errorFor('source.kind')}
                miw={180}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                label="Reference"
                description="e.g. the audit or incident number"
                value={draft.sourceLabel}
                disabled={!!prefill.sourceId}
                onChange={(e) => set('sourceLabel', e.currentTarget.value)}
                error={errorFor('source.label')}
                miw={180}
              />
            </Group>
          )}
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label="Grade"
              required
              data={gradeOptions}
              value={grade || null}
              allowDeselect={false}
              onChange={(v) => v && set('grade', v)}
              error={errorFor('grade')}
              miw={200}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label="Raised on"
              type="date"
              required
              value={draft.raisedAt}
              onChange={(e) => set('raisedAt', e.currentTarget.value)}
              error={errorFor('raisedAt')}
              miw={160}
            />
          </Group>
          <TextInput
            label="Requirement or control"
            description="A clause or Annex A control of the catalogue (such as 10.2 or A.6.2.6), or one of your own controls. Leave empty if none."
            value={draft.requirementId}
            onChange={(e) => set('requirementId', e.currentTarget.value)}
            error={errorFor('requirementId')}
            maxLength={100}
          />
          <Textarea
            label="Objective evidence"
            description="What was seen that shows it did not conform."
            value={draft.objectiveEvidence}
            onChange={(e) => set('objectiveEvidence', e.currentTarget.value)}
            error={errorFor('objectiveEvidence')}
            autosize
            minRows={2}
          />
          <EvidencePicker value={draft.evidence} onChange={(v) => set('evidence', v)} error={errorFor('evidenceIds')} />
          <OwnerInput
            label="Owner"
            value={draft.owner}
            onChange={(v) => set('owner', v)}
            error={errorFor('owner') ?? errorFor('owner.userId')}
          />
          <FormError error={update.conflict ? null : mutation.error} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                {editing ? 'Save changes' : 'Raise nonconformity'}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
      <LeaveGuardModal guard={guard} what={nonconformity ? nonconformity.number : 'The new nonconformity'} />
      {nonconformity && <ConflictDialog what={`Nonconformity ${nonconformity.number}`} {...update.conflictDialog} />}
    </Paper>
  );
}
