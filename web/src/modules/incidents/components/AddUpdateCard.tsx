import { Button, Group, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrorLookup } from '../../../shared/problem';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { fromLocalInput, useAddIncidentUpdate } from '../hooks/useIncidents';

/** A running note on the incident's timeline: what was found or done, and when. */
export function AddUpdateCard({ orgId, incidentId }: { orgId: string; incidentId: string }) {
  const [note, setNote] = useState('');
  const [at, setAt] = useState('');
  const draft = { note, at };
  const { dirty, markClean } = useDirty(draft, true);
  const guard = useLeaveGuard(dirty);
  const add = useAddIncidentUpdate(orgId, incidentId);
  const errorFor = fieldErrorLookup(add.fieldErrors);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending || !note.trim()) return;
    try {
      await add.mutateAsync({ note, ...(at ? { at: fromLocalInput(at) } : {}) });
      setNote('');
      setAt('');
      markClean({ note: '', at: '' });
    } catch {
      // shown in FormError
    }
  };
  return (
    <SectionCard title="Add an update">
      <form onSubmit={submit} aria-label="Add an update">
        <Textarea
          label="Update"
          placeholder="What was found or done"
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errorFor('note')}
        />
        <Group align="flex-end" mt="sm" gap="sm" wrap="wrap">
          <TextInput
            label="When it happened"
            description="Leave empty for now."
            type="datetime-local"
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={errorFor('at')}
          />
          <Button type="submit" loading={add.isPending} disabled={!note.trim()}>
            Add update
          </Button>
        </Group>
        <FormError error={add.error} />
        <LeaveGuardModal guard={guard} what="The update" />
      </form>
    </SectionCard>
  );
}
