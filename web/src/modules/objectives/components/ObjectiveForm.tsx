import { SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useRecordDraft, useRecordSubmit } from '../../../shared/register';
import { useMemo } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { AiSystemPicker } from '../../../shared/org/AiSystemPicker';
import { OwnerInput } from '../../../shared/org/OwnerInput';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { options } from '../../../shared/ui/format';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type Objective, useCreateObjective, useUpdateObjective } from '../hooks/useObjectives';
import { DIRECTION_LABELS, FIELD_LABELS, STATUS_LABELS, type ObjectiveStatus, type TargetDirection } from '../labels';
import { conflictView, localErrors, toObjectiveDraft, toObjectiveInput } from './objectiveDraft';
import { FormActions } from '../../../shared/ui/FormActions';

const PLACED = Object.keys(FIELD_LABELS);

interface Props {
  objective: Objective | null;
  onSaved: (o: Objective) => void;
  onCancel: () => void;
}

/** Every field of an AI objective, in the order clause 6.2 asks the questions. */
export function ObjectiveForm({ objective, onSaved, onCancel }: Props) {
  const { org } = useOrg();
  const form = useRecordDraft(objective, {
    toDraft: toObjectiveDraft,
    conflictView: (d) => conflictView(d, systemName),
    onSaved,
  });
  const { draft, set, setDraft, guard } = form;
  // names of the linked systems: they stay shown when archived or beyond the picker's search
  const linkedNames = useMemo(() => new Map((objective?.aiSystems ?? []).map((s) => [s.id, s.name])), [objective]);
  const systemName = (id: string) => linkedNames.get(id) ?? id;
  const create = useCreateObjective(org.id);
  const update = useUpdateObjective(org.id, objective?.id ?? '', form.concurrency);
  const { submit, pending, error, errorFor, formRef } = useRecordSubmit(form, {
    record: objective,
    create,
    update,
    toInput: toObjectiveInput,
    localErrors,
  });
  const numeric = draft.targetValue.trim() !== '';

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={objective ? `Edit ${objective.title}` : 'New AI objective'}>
      <Stack>
        <SectionCard title="What is to be achieved" description="The objective in a line, and why it matters for the AI policy.">
          <TextInput
            label="Objective"
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
            maxLength={4000}
          />
          <AiSystemPicker
            orgId={org.id}
            label="AI systems it concerns"
            description="Optional: the AI systems in the inventory this objective is about."
            labels={linkedNames}
            value={draft.aiSystemIds}
            onChange={(v) => set('aiSystemIds', v)}
            clearable
            error={errorFor('aiSystemIds') ?? draft.aiSystemIds.map((_, i) => errorFor(`aiSystemIds.${i}`)).find(Boolean)}
          />
        </SectionCard>
        <SectionCard
          title="Measure and target"
          description="How progress is measured and what counts as success. A numeric target lets OpenAIMS tell whether the objective is on track."
        >
          <TextInput
            label="Measure"
            required
            placeholder="Share of in-scope AI systems with an approved impact assessment"
            value={draft.measure}
            onChange={(e) => set('measure', e.currentTarget.value)}
            error={errorFor('measure')}
            maxLength={500}
          />
          <TextInput
            label="Target"
            required
            placeholder="At least 90% by the end of the year"
            value={draft.target}
            onChange={(e) => set('target', e.currentTarget.value)}
            error={errorFor('target')}
            maxLength={500}
          />
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput
              label="Target value"
              inputMode="decimal"
              value={draft.targetValue}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setDraft((d) => ({ ...d, targetValue: v, targetDirection: d.targetDirection ?? (v.trim() ? 'at-least' : null) }));
              }}
              error={errorFor('targetValue')}
            />
            <TextInput
              label="Unit"
              placeholder="%"
              value={draft.targetUnit}
              onChange={(e) => set('targetUnit', e.currentTarget.value)}
              error={errorFor('targetUnit')}
              maxLength={50}
            />
            <Select
              label="Direction"
              data={options(DIRECTION_LABELS)}
              value={draft.targetDirection}
              onChange={(v) => set('targetDirection', v as TargetDirection | null)}
              clearable={!numeric}
              error={errorFor('targetDirection')}
            />
            <TextInput
              label="Baseline"
              description="Where the measure started"
              inputMode="decimal"
              value={draft.baselineValue}
              onChange={(e) => set('baselineValue', e.currentTarget.value)}
              error={errorFor('baselineValue')}
            />
          </SimpleGrid>
        </SectionCard>
        <SectionCard title="Who, with what, by when">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
          </SimpleGrid>
          <Textarea
            label="Resources"
            description="People, time, budget or tools the objective needs."
            autosize
            minRows={2}
            value={draft.resources}
            onChange={(e) => set('resources', e.currentTarget.value)}
            error={errorFor('resources')}
            maxLength={4000}
          />
          <Textarea
            label="How results are evaluated"
            description="Who evaluates the result, how and when (e.g. at the management review)."
            autosize
            minRows={2}
            value={draft.evaluation}
            onChange={(e) => set('evaluation', e.currentTarget.value)}
            error={errorFor('evaluation')}
            maxLength={4000}
          />
          {objective && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Status
              </Text>
              <SegmentedControl
                data={options(STATUS_LABELS)}
                value={draft.status}
                onChange={(v) => set('status', v as ObjectiveStatus)}
                aria-label="Status"
                w="fit-content"
              />
              <Text size="xs" c="dimmed">
                Mark it achieved or missed once the result is evaluated; while open, its state follows the progress.
              </Text>
            </Stack>
          )}
        </SectionCard>
        <FormError error={error} placed={PLACED} />
        <FormActions
          note={objective ? 'Changes are recorded in the objective’s history.' : 'Objective, measure and target are required.'}
          submitLabel={objective ? 'Save changes' : 'Set objective'}
          pending={pending}
          onCancel={onCancel}
        />
      </Stack>
      <LeaveGuardModal guard={guard} what={objective ? objective.title : 'The new objective'} />
      {objective && <ConflictDialog what={objective.title} {...update.conflictDialog} />}
    </form>
  );
}
