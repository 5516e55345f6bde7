import { Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { useAddObservation } from '../hooks/useMonitoring';

/** A local date and time input's value ("2025-03-14T15:04") as an ISO timestamp. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Record one value by hand: a count of complaints, a score from a manual check. */
export function ObservationForm({ aiSystemId, metricId, unit }: { aiSystemId: string; metricId: string; unit: string }) {
  const { org } = useOrg();
  const add = useAddObservation(org.id, aiSystemId);
  const [value, setValue] = useState<number | string>('');
  const [observedAt, setObservedAt] = useState('');
  const guard = useLeaveGuard(value !== '' || observedAt !== '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending || typeof value !== 'number') return;
    try {
      const at = toIso(observedAt);
      await add.mutateAsync({ metricId, value, ...(at ? { observedAt: at } : {}) });
      setValue('');
      setObservedAt('');
    } catch {
      // shown in FormError
    }
  };
  return (
    <SectionCard title="Add a value" description="For values counted or checked by hand.">
      <form onSubmit={submit} aria-label="Add a value">
        <Stack gap="sm">
          <NumberInput
            label={unit ? `Value (${unit})` : 'Value'}
            value={value}
            onChange={setValue}
            error={add.errorFor('value') ?? add.errorFor('observations.0.value')}
            decimalScale={6}
            required
          />
          <TextInput
            type="datetime-local"
            label="Observed at"
            description="Leave empty for now."
            value={observedAt}
            onChange={(e) => setObservedAt(e.currentTarget.value)}
            error={add.errorFor('observedAt')}
          />
          <FormError error={add.error} placed={['value', 'observedAt']} />
          <Group>
            <Button type="submit" loading={add.isPending} disabled={typeof value !== 'number'}>
              Add value
            </Button>
          </Group>
          {add.isSuccess && (
            <Text size="xs" c="dimmed" role="status">
              Recorded.
            </Text>
          )}
        </Stack>
      </form>
      <LeaveGuardModal guard={guard} what="This page" />
    </SectionCard>
  );
}
