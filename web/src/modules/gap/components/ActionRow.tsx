import { Anchor, Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { formatDate, todayIso } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import type { Member } from '../../../shared/org/orgData';
import { type Action, type ActionStatus, type UpdateActionInput, useUpdateAction } from '../hooks/useGap';
import { ACTION_STATUS_LABELS, EFFORT_LABELS } from '../labels';
import { OWNER_NAME } from './answerDraft';

interface Props {
  orgId: string;
  action: Action;
  members: Member[];
  /** where the action's requirement is answered */
  requirementHref: string;
  canEdit: boolean;
}

const PRIORITY_COLORS: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'gray' };

function ownerChoiceOf(a: Action): string {
  return a.owner?.userId ?? (a.owner?.name ? OWNER_NAME : '');
}

/** One action of the plan, its status, owner and due date changed in place. */
export function ActionRow({ orgId, action: a, members, requirementHref, canEdit }: Props) {
  const update = useUpdateAction(orgId, a.assessmentId);
  const [due, setDue] = useState(a.dueDate);
  const [editing, setEditing] = useState(false);
  const { errorFor } = update;
  const overdue = a.status !== 'done' && a.dueDate < todayIso();
  const save = (body: UpdateActionInput) => update.mutate({ actionId: a.id, body, ifMatch: versionTag(a.updatedAt) });
  const commitDue = () => {
    if (due && due !== a.dueDate) save({ dueDate: due });
  };
  const ownerChoice = ownerChoiceOf(a);

  return (
    <Table.Tr>
      <Table.Td>
        <Badge color={PRIORITY_COLORS[a.priority] ?? 'gray'} variant="light" radius="sm">
          P{a.priority}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={requirementHref} size="sm" fw={700} ff="monospace">
          {a.requirementId}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" td={a.status === 'done' ? 'line-through' : undefined} c={a.status === 'done' ? 'dimmed' : undefined}>
          {a.title}
        </Text>
        {update.error && !update.conflict && !['status', 'dueDate', 'owner.userId', 'owner.name'].some(errorFor) ? (
          <FormError error={update.error} />
        ) : null}
        <ConflictDialog what={`The action for ${a.requirementId}`} {...update.conflictDialog} />
      </Table.Td>
      <Table.Td>
        {canEdit ? (
          <NativeSelect
            aria-label={`Owner of ${a.requirementId}`}
            size="xs"
            value={ownerChoice}
            error={errorFor('owner.userId') ?? errorFor('owner.name')}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v === OWNER_NAME) setEditing(true);
              else save({ owner: v ? { userId: v, name: '' } : null });
            }}
            data={[
              { value: '', label: 'No owner' },
              ...members.map((m) => ({ value: m.userId, label: m.name })),
              { value: OWNER_NAME, label: ownerChoice === OWNER_NAME ? (a.owner?.name ?? '') : 'Someone else…' },
            ]}
          />
        ) : (
          <Text size="sm">{a.owner?.name || '—'}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {canEdit ? (
          <TextInput
            type="date"
            size="xs"
            aria-label={`Due date of ${a.requirementId}`}
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            onBlur={commitDue}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitDue();
            }}
            error={errorFor('dueDate')}
            description={
              overdue ? (
                <Text span size="xs" c="red.8" fw={600}>
                  overdue
                </Text>
              ) : undefined
            }
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        ) : (
          <Text size="sm" c={overdue ? 'red.8' : undefined}>
            {formatDate(a.dueDate)}
            {overdue ? ' (overdue)' : ''}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{EFFORT_LABELS[a.effort]}</Text>
      </Table.Td>
      <Table.Td>
        {canEdit ? (
          <NativeSelect
            aria-label={`Status of ${a.requirementId}`}
            size="xs"
            value={a.status}
            error={errorFor('status')}
            onChange={(e) => save({ status: e.currentTarget.value as ActionStatus })}
            data={(Object.keys(ACTION_STATUS_LABELS) as ActionStatus[]).map((s) => ({
              value: s,
              label: ACTION_STATUS_LABELS[s],
            }))}
          />
        ) : (
          <Text size="sm">{ACTION_STATUS_LABELS[a.status]}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {canEdit && (
          <Button size="xs" variant="subtle" onClick={() => setEditing(true)} aria-label={`Edit action for ${a.requirementId}`}>
            Edit
          </Button>
        )}
        {editing && <EditActionModal orgId={orgId} action={a} members={members} onClose={() => setEditing(false)} />}
      </Table.Td>
    </Table.Tr>
  );
}

function EditActionModal({
  orgId,
  action: a,
  members,
  onClose,
}: {
  orgId: string;
  action: Action;
  members: Member[];
  onClose: () => void;
}) {
  const update = useUpdateAction(orgId, a.assessmentId, onClose);
  // the version of the action the dialog was opened on
  const [version] = useState(() => versionTag(a.updatedAt));
  const [title, setTitle] = useState(a.title);
  const [ownerChoice, setOwnerChoice] = useState(ownerChoiceOf(a) || OWNER_NAME);
  const [ownerName, setOwnerName] = useState(a.owner && !a.owner.userId ? a.owner.name : '');
  const [due, setDue] = useState(a.dueDate);
  const [status, setStatus] = useState<ActionStatus>(a.status);
  const { errorFor } = update;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const owner =
      ownerChoice === ''
        ? null
        : ownerChoice === OWNER_NAME
          ? { userId: null, name: ownerName }
          : { userId: ownerChoice, name: '' };
    update.mutate({ actionId: a.id, body: { title, owner, dueDate: due, status }, ifMatch: version }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={`Action for ${a.requirementId}`} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Action"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errorFor('title')}
            data-autofocus
          />
          <Group grow align="flex-start">
            <NativeSelect
              label="Owner"
              value={ownerChoice}
              onChange={(e) => setOwnerChoice(e.currentTarget.value)}
              error={errorFor('owner.userId')}
              data={[
                { value: '', label: 'No owner' },
                ...members.map((m) => ({ value: m.userId, label: m.name })),
                { value: OWNER_NAME, label: 'Someone else (type a name)' },
              ]}
            />
            {ownerChoice === OWNER_NAME && (
              <TextInput
                label="Owner name"
                required
                value={ownerName}
                onChange={(e) => setOwnerName(e.currentTarget.value)}
                error={errorFor('owner.name')}
              />
            )}
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label="Due date"
              type="date"
              required
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              error={errorFor('dueDate')}
            />
            <NativeSelect
              label="Status"
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as ActionStatus)}
              error={errorFor('status')}
              data={(Object.keys(ACTION_STATUS_LABELS) as ActionStatus[]).map((s) => ({
                value: s,
                label: ACTION_STATUS_LABELS[s],
              }))}
            />
          </Group>
          {!update.conflict && <FormError error={update.error} placed={['title', 'owner', 'dueDate', 'status']} />}
          <ConflictDialog what={`The action for ${a.requirementId}`} {...update.conflictDialog} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save action
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
