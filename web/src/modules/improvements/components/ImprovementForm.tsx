import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useOrg } from '../../../app/orgs/OrgContext';
import { OwnerInput } from '../../../shared/org/OwnerInput';
import { useRecordDraft, useRecordSubmit } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { options } from '../../../shared/ui/format';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
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
  const form = useRecordDraft(improvement, { toDraft: toImprovementDraft, initial: prefill, conflictView, onSaved });
  const { draft, set, guard } = form;
  const create = useCreateImprovement(org.id);
  const update = useUpdateImprovement(org.id, improvement?.id ?? '', form.concurrency);
  const { submit, pending, error, errorFor, formRef } = useRecordSubmit(form, {
    record: improvement,
    create,
    update,
    toInput: toImprovementInput,
    localErrors,
  });
  const closing = draft.status === 'done' || draft.status === 'rejected';

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
