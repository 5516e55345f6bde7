import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { emptyOwner, type OwnerDraft, OwnerInput, toOwnerInput } from '../../../shared/org/OwnerInput';
import { fieldErrorLookup } from '../../../shared/problem';
import { formatDate } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { type ManagementReview, type ReviewAction, useAddAction, useUpdateAction } from '../hooks/useManagementReviews';

function ActionRow({
  action,
  onToggle,
  busy,
  canWrite,
}: {
  action: ReviewAction;
  onToggle: () => void;
  busy: boolean;
  canWrite: boolean;
}) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" component="li" aria-label={action.text}>
      <Stack gap={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
        <Text size="sm" td={action.status === 'done' ? 'line-through' : undefined}>
          {action.text}
        </Text>
        <Text size="xs" c="dimmed">
          {action.owner?.name ?? 'No owner'} · {action.dueDate ? `due ${formatDate(action.dueDate)}` : 'no due date'}
          {action.doneOn ? ` · done ${formatDate(action.doneOn)}` : ''}
        </Text>
      </Stack>
      <Group gap="xs">
        {action.status === 'done' ? (
          <Badge color="teal" variant="light">
            Done
          </Badge>
        ) : action.overdue ? (
          <Badge color="red" variant="light">
            Overdue
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            Open
          </Badge>
        )}
        {canWrite && (
          <Button size="xs" variant="default" onClick={onToggle} loading={busy} disabled={busy}>
            {action.status === 'done' ? 'Reopen' : 'Mark done'}
          </Button>
        )}
      </Group>
    </Group>
  );
}

/** The actions the review gives: an owner and a due date each, tracked to done (also after approval). */
export function ActionsCard({ orgId, review, canWrite }: { orgId: string; review: ManagementReview; canWrite: boolean }) {
  const canAdd = canWrite && review.status !== 'approved' && !review.archivedAt;
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<OwnerDraft>(emptyOwner());
  const [dueDate, setDueDate] = useState('');
  const { dirty, markClean } = useDirty({ text, owner, dueDate }, canAdd);
  const guard = useLeaveGuard(dirty);
  const add = useAddAction(orgId, review.id);
  const toggle = useUpdateAction(orgId, review.id);
  const errorFor = fieldErrorLookup(add.fieldErrors);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending || !text.trim()) return;
    try {
      await add.mutateAsync({ text, owner: toOwnerInput(owner), dueDate: dueDate || null });
      setText('');
      setOwner(emptyOwner());
      setDueDate('');
      markClean({ text: '', owner: emptyOwner(), dueDate: '' });
    } catch {
      // shown in FormError
    }
  };
  return (
    <SectionCard title="Actions">
      <Stack gap="md">
        {review.actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            No actions yet.
          </Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Actions">
            {review.actions.map((a) => (
              <ActionRow
                key={a.id}
                action={a}
                canWrite={canWrite && !review.archivedAt}
                busy={toggle.isPending && toggle.variables?.actionId === a.id}
                onToggle={() => {
                  if (toggle.isPending) return;
                  toggle.mutate({ actionId: a.id, body: { status: a.status === 'done' ? 'open' : 'done' } });
                }}
              />
            ))}
          </Stack>
        )}
        {canAdd && (
          <form onSubmit={submit} aria-label="Add an action">
            <Stack gap="sm">
              <TextInput
                label="Action"
                placeholder="What is to be done"
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={errorFor('text')}
              />
              <Group grow align="flex-start" wrap="wrap">
                <OwnerInput
                  label="Owner"
                  value={owner}
                  onChange={setOwner}
                  withEmail={false}
                  error={errorFor('owner') ?? errorFor('owner.userId')}
                  miw={200}
                />
                <TextInput
                  label="Due date"
                  type="date"
                  value={dueDate}
                  onChange={(e) => setDueDate(e.currentTarget.value)}
                  error={errorFor('dueDate')}
                  miw={160}
                />
              </Group>
              <FormError error={add.error} />
              <Group>
                <Button type="submit" loading={add.isPending} disabled={!text.trim()}>
                  Add action
                </Button>
              </Group>
            </Stack>
            <LeaveGuardModal guard={guard} what="The new action" />
          </form>
        )}
      </Stack>
    </SectionCard>
  );
}
