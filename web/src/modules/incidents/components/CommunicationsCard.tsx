import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCurrentSession } from '../../../app/auth/session';
import { type OwnerDraft, OwnerInput, toOwnerInput } from '../../../shared/org/OwnerInput';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { formatDateTime } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { fromLocalInput, type Incident, useUpdateIncident } from '../hooks/useIncidents';

interface Draft {
  party: string;
  when: string;
  what: string;
  by: OwnerDraft;
}

/** Who was told what and when (customers, a regulator, the people affected…), with a form to add one. */
export function CommunicationsCard({ orgId, incident, canWrite }: { orgId: string; incident: Incident; canWrite: boolean }) {
  const { user } = useCurrentSession();
  const fresh = (): Draft => ({
    party: '',
    // empty: now, to the second (a date-time input keeps only minutes)
    when: '',
    what: '',
    by: { userId: user.id, name: user.name, email: '' },
  });
  const [draft, setDraft] = useState<Draft>(fresh);
  const [open, setOpen] = useState(false);
  const { dirty, markClean } = useDirty(draft, open);
  const guard = useLeaveGuard(dirty);
  const update = useUpdateIncident(orgId, incident.id, undefined, 'Communication added');
  const errors = fieldErrorLookup(update.fieldErrors);
  const n = incident.communications.length;
  const errorFor = (f: string) => errors(`communications.${n}.${f}`);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    const by = toOwnerInput(draft.by);
    const entry = {
      party: draft.party.trim(),
      when: draft.when ? fromLocalInput(draft.when) : new Date().toISOString(),
      what: draft.what,
      by: by ?? { userId: null, name: '' },
    };
    try {
      await update.mutateAsync({
        body: { communications: [...incident.communications, entry] },
        ifMatch: versionTag(incident.updatedAt),
      });
      const next = fresh();
      setDraft(next);
      markClean(next);
      setOpen(false);
    } catch {
      // shown in FormError
    }
  };

  return (
    <SectionCard title="Communications" description="Interested parties told about the incident.">
      {n === 0 ? (
        <Text size="sm" c="dimmed">
          {incident.noCommunicationReason
            ? `No communication needed: ${incident.noCommunicationReason}`
            : 'No one has been told yet.'}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {incident.communications.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list only grows at its end
            <li key={`${c.when}-${i}`}>
              <Text size="sm" fw={600}>
                {c.party}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(c.when)} · by {c.by.name}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {c.what}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {canWrite && !open && !incident.archivedAt && (
        <Group>
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            Add communication
          </Button>
        </Group>
      )}
      {open && (
        <form onSubmit={submit} aria-label="Add communication">
          <Stack gap="sm">
            <TextInput
              label="Told whom"
              placeholder="Customers, the regulator, the people affected…"
              required
              value={draft.party}
              onChange={(e) => set('party', e.currentTarget.value)}
              error={errorFor('party')}
              maxLength={200}
            />
            <TextInput
              label="When"
              description="Leave empty for now."
              type="datetime-local"
              value={draft.when}
              onChange={(e) => set('when', e.currentTarget.value)}
              error={errorFor('when')}
            />
            <Textarea
              label="What was said"
              required
              autosize
              minRows={2}
              value={draft.what}
              onChange={(e) => set('what', e.currentTarget.value)}
              error={errorFor('what')}
            />
            <OwnerInput label="By" withEmail={false} value={draft.by} onChange={(v) => set('by', v)} error={errorFor('by')} />
            <FormError error={update.error} />
            <Group gap="sm">
              <Button type="submit" loading={update.isPending}>
                Save communication
              </Button>
              <Button
                variant="subtle"
                onClick={() => {
                  const next = fresh();
                  setDraft(next);
                  markClean(next);
                  setOpen(false);
                }}
              >
                Cancel
              </Button>
            </Group>
          </Stack>
          <LeaveGuardModal guard={guard} what="The new communication" />
        </form>
      )}
    </SectionCard>
  );
}
