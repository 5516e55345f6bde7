import { Alert, Anchor, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../shared/ui/FormError';
import { type AuditItem, useNcGrades, useRaiseNonconformity } from '../hooks/useInternalAudits';

/** "Raise nonconformity" on an item found nonconforming: opened once, then linked. */
export function RaiseNonconformity({
  orgId,
  auditId,
  item,
  readOnly,
}: {
  orgId: string;
  auditId: string;
  item: AuditItem;
  readOnly: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [grade, setGrade] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const grades = useNcGrades(orgId);
  const raise = useRaiseNonconformity(orgId, auditId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!grade || raise.isPending) return;
    try {
      await raise.mutateAsync({ itemId: item.id, grade, ...(title.trim() ? { title: title.trim() } : {}) });
      setOpen(false);
    } catch {
      // shown in the form
    }
  };
  if (item.nonconformity)
    return (
      <Alert color="red" variant="light" title="Nonconformity raised">
        <Anchor component={Link} to={`/orgs/${orgId}/nonconformities/${item.nonconformity.id}`} size="sm">
          {item.nonconformity.number}: follow its correction and corrective action
        </Anchor>
      </Alert>
    );
  return (
    <Alert color="red" variant="light" title="Nonconformity">
      <Stack gap="xs">
        <Text size="sm">Raise it in the nonconformity register so its correction and corrective action are tracked.</Text>
        {!readOnly && (
          <Group>
            <Button size="xs" color="red" onClick={() => setOpen(true)} disabled={!item.notes.trim()}>
              Raise nonconformity
            </Button>
            {!item.notes.trim() && (
              <Text size="xs" c="dimmed">
                Write what was found in the notes first.
              </Text>
            )}
          </Group>
        )}
      </Stack>
      <Modal opened={open} onClose={() => setOpen(false)} title="Raise nonconformity">
        <form onSubmit={submit} aria-label="Raise nonconformity">
          <Stack gap="md">
            <Select
              label="Grade"
              required
              data={grades.data ?? []}
              value={grade}
              onChange={setGrade}
              error={raise.errorFor('grade')}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label="Title"
              description="Leave empty to use the audit item."
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={300}
              error={raise.errorFor('title')}
            />
            <FormError error={raise.error} placed={['grade', 'title']} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={raise.isPending} disabled={!grade}>
                Raise
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Alert>
  );
}
