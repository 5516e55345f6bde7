import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { OwnerInput } from '../../../shared/org/OwnerInput';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { options } from '../../../shared/ui/format';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { type Improvement, useCreateImprovement, useUpdateImprovement } from '../hooks/useImprovements';
import { FIELD_LABELS, type ImprovementSource, type ImprovementStatus, SOURCE_LABELS, STATUS_LABELS } from '../labels';
import { conflictView, type ImprovementDraft, localErrors, toImprovementDraft, toImprovementInput } from './improvementDraft';
import { FormActions } from '../../../shared/ui/FormActions';

const PLACED = [...Object.keys(FIELD_LABELS), 'source.kind', 'source.label'];

interface Props {
  improvement: Improvement | null;
  /** a new improvement's fields given by the page that sent the user here (its source, a title) */
  prefill?: Partial<ImprovementDraft>;
  onSaved: (i: Improvement) => void;
  onCancel: () => void;
}

/** Every field of an improvement: what, where it came from, who, by when, and what came of it. */
export function ImprovementForm({ improvement, prefill, onSaved, onCancel }: Props) {
  const { org } = useOrg();
  const [draft, setDraft] = useState(() => ({ ...toImprovementDraft(improvement), ...(improvement ? {} : prefill) }));
  const [checked, setChecked] = useState<Record<string, string>>({});
  const { dirty, markClean } = useDirty(draft);
  const guard = useLeaveGuard(dirty);
  const versionRef = useRef(versionTag(improvement?.updatedAt));
  const create = useCreateImprovement(org.id);
  const update = useUpdateImprovement(org.id, improvement?.id ?? '', {
    mine: (vars) => vars.shown,
    theirs: (current) => conflictView(toImprovementDraft(current as Improvement)),
    onReload: (current, etag) => {
      versionRef.current = etag;
      const next = toImprovementDraft(current as Improvement);
      setDraft(next);
      markClean(next);
    },
    onOverwritten: (saved) => {
      guard.allowLeave();
      onSaved(saved);
    },
  });
  const pending = create.isPending || update.isPending;
  const error = improvement ? update.error : create.error;
  const errorFor = fieldErrorLookup({ ...(improvement ? update.fieldErrors : create.fieldErrors), ...checked });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(update.conflict ? null : (error ?? (Object.keys(checked).length ? checked : null)), formRef);
  const set = <K extends keyof ImprovementDraft>(key: K, value: ImprovementDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const closing = draft.status === 'done' || draft.status === 'rejected';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const local = localErrors(draft);
    setChecked(local);
    if (Object.keys(local).length) return;
    const done = (saved: Improvement) => {
      guard.allowLeave();
      onSaved(saved);
    };
    const body = toImprovementInput(draft);
    if (improvement) update.mutate({ body, ifMatch: versionRef.current, shown: conflictView(draft) }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={improvement ? `Edit ${improvement.number}` : 'New improvement'}>
      <Stack>
        <SectionCard title="What is to be improved" description="The improvement in a line, and what it changes.">
          <TextInput
            label="Improvement"
            required
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorFor('title')}
            maxLength={200}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errorFor('description')}
            maxLength={8000}
          />
          <Textarea
            label="Expected benefit"
            description="What it should bring to the AI management system."
            autosize
            minRows={2}
            value={draft.benefit}
            onChange={(e) => set('benefit', e.currentTarget.value)}
            error={errorFor('benefit')}
            maxLength={4000}
          />
        </SectionCard>
        <SectionCard title="Where it came from">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Source"
              data={options(SOURCE_LABELS)}
              value={draft.sourceKind}
              onChange={(v) => v && set('sourceKind', v as ImprovementSource)}
              allowDeselect={false}
              error={errorFor('source.kind') ?? errorFor('source')}
            />
            <TextInput
              label="Reference"
              description="Optional: the audit, incident or review it came from."
              value={draft.sourceLabel}
              onChange={(e) => set('sourceLabel', e.currentTarget.value)}
              error={errorFor('source.label')}
              maxLength={300}
            />
          </SimpleGrid>
        </SectionCard>
        <SectionCard title="Who, by when, and what came of it">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <OwnerInput
              label="Owner"
              value={draft.owner}
              onChange={(v) => set('owner', v)}
              error={errorFor('owner') ?? errorFor('owner.name') ?? errorFor('owner.userId')}
              emailError={errorFor('owner.email')}
            />
            <TextInput
              type="date"
              label="Due date"
              value={draft.dueDate}
              onChange={(e) => set('dueDate', e.currentTarget.value)}
              error={errorFor('dueDate')}
            />
            <Select
              label="Status"
              data={options(STATUS_LABELS)}
              value={draft.status}
              onChange={(v) => v && set('status', v as ImprovementStatus)}
              allowDeselect={false}
              error={errorFor('status')}
            />
          </SimpleGrid>
          <Textarea
            label="Outcome"
            description={
              closing
                ? 'Required: what changed and whether it worked, or why it was rejected.'
                : 'Once done or rejected: what came of it.'
            }
            required={closing}
            autosize
            minRows={2}
            value={draft.outcome}
            onChange={(e) => set('outcome', e.currentTarget.value)}
            error={errorFor('outcome')}
            maxLength={8000}
          />
        </SectionCard>
        <FormError error={error} placed={PLACED} />
        <FormActions
          note={improvement ? 'Changes are recorded in the improvement’s history.' : 'Only the improvement itself is required.'}
          submitLabel={improvement ? 'Save changes' : 'Log improvement'}
          pending={pending}
          onCancel={onCancel}
        />
      </Stack>
      <LeaveGuardModal guard={guard} what={improvement ? improvement.number : 'The new improvement'} />
      {improvement && <ConflictDialog what={improvement.number} {...update.conflictDialog} />}
    </form>
  );
}
