import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { FormError } from '../../../shared/ui/FormError';
import { todayIso } from '../../../shared/ui/format';
import { type Certificate, type StatusChange, useChangeStatus } from '../hooks/useCertificates';

type Stored = StatusChange['status'];
const CHOICES: Record<Stored, string> = { valid: 'Valid (reinstated)', suspended: 'Suspended', withdrawn: 'Withdrawn' };

/** Record what the certification body did to the certificate: suspend, withdraw or reinstate, why, and when. */
export function StatusChangeForm({ certificate: c, onDone }: { certificate: Certificate; onDone: () => void }) {
  const { org } = useOrg();
  const change = useChangeStatus(org.id, c.id);
  const [status, setStatus] = useState<Stored>(c.storedStatus === 'valid' ? 'suspended' : 'valid');
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(todayIso());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!change.isPending) change.mutate({ status, reason, on }, { onSuccess: onDone });
  };
  const data = (Object.keys(CHOICES) as Stored[])
    .filter((s) => s !== c.storedStatus)
    .map((s) => ({ value: s, label: CHOICES[s] }));
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label="Change the certificate's status">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="New status"
            data={data}
            value={status}
            allowDeselect={false}
            onChange={(v) => setStatus((v as Stored) ?? status)}
          />
          <TextInput
            label="On"
            type="date"
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
            error={change.errorFor('body.on')}
          />
        </SimpleGrid>
        <Textarea
          label="Reason"
          description="What the certification body decided and why"
          required
          autosize
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={change.errorFor('body.reason')}
        />
        <FormError error={change.error} placed={['body.reason', 'body.on']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={change.isPending}>
            Record status
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
