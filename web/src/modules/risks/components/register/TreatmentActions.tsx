import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useOrg } from '../../../../app/orgs/OrgContext';
import { OwnerInput, toOwnerDraft, toOwnerInput } from '../../../../shared/org/OwnerInput';
import { fieldErrorLookup } from '../../../../shared/problem';
import { versionTag } from '../../../../shared/register';
import { ConfirmModal } from '../../../../shared/ui/ConfirmModal';
import { ConflictDialog } from '../../../../shared/ui/ConflictDialog';
import { FormError } from '../../../../shared/ui/FormError';
import { formatDate, options } from '../../../../shared/ui/format';
import { LeaveGuardModal } from '../../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../../shared/ui/useLeaveGuard';
import {
  type ActionInput,
  type RiskDetail,
  type TreatmentAction,
  useControlChoices,
  useCreateAction,
  useDeleteAction,
  useUpdateAction,
} from '../../hooks/useRisks';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../labels';

function draftOf(a: TreatmentAction | null) {
  return {
    title: a?.title ?? '',
    owner: toOwnerDraft(a?.owner),
    dueDate: a?.dueDate ?? '',
    status: (a?.status ?? 'planned') as ActionStatus,
    controlIds: a?.controlIds ?? [],
  };
}

/** Adds an action, or edits one (title, owner, due date, status, controls) on the version it opened on. */
function ActionForm({ riskId, action, onDone }: { riskId: string; action: TreatmentAction | null; onDone: () => void }) {
  const { org } = useOrg();
  const [draft, setDraft] = useState(() => draftOf(action));
  const [version, setVersion] = useState(versionTag(action?.updatedAt));
  const { dirty, markClean } = useDirty(draft);
  const guard = useLeaveGuard(dirty);
  const controls = useControlChoices(org.id);
  const create = useCreateAction(org.id, riskId);
  const update = useUpdateAction(org.id, riskId, {
    mine: (vars) => vars.body,
    onReload: (current, etag) => {
      const next = draftOf(current as TreatmentAction);
      setDraft(next);
      setVersion(etag);
      markClean(next);
    },
    onOverwritten: () => {
      guard.allowLeave();
      onDone();
    },
  });
  const m = action ? update : create;
  const errorFor = fieldErrorLookup(m.fieldErrors);
  const data = [
    ...(controls.data ?? []),
    ...draft.controlIds.filter((id) => !controls.data?.some((c) => c.value === id)).map((id) => ({ value: id, label: id })),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (m.isPending) return;
    const body: ActionInput = {
      title: draft.title.trim(),
      owner: toOwnerInput(draft.owner),
      dueDate: draft.dueDate || null,
      status: draft.status,
      controlIds: draft.controlIds,
    };
    const done = () => {
      guard.allowLeave();
      onDone();
    };
    if (action) update.mutate({ actionId: action.id, body, ifMatch: version }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={action ? `Edit action ${action.title}` : 'New treatment action'}>
      <Stack gap="sm">
        <TextInput
          label="Action"
          required
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
          error={errorFor('title')}
          maxLength={300}
        />
        <Group grow align="flex-start">
          <OwnerInput
            label="Owner"
            value={draft.owner}
            onChange={(o) => setDraft({ ...draft, owner: o })}
            error={errorFor('owner')}
            withEmail={false}
          />
          <TextInput
            type="date"
            label="Due"
            value={draft.dueDate}
            onChange={(e) => setDraft({ ...draft, dueDate: e.currentTarget.value })}
            error={errorFor('dueDate')}
          />
          <Select
            label="Status"
            data={options(ACTION_STATUS_LABELS)}
            value={draft.status}
            onChange={(v) => setDraft({ ...draft, status: (v ?? 'planned') as ActionStatus })}
            error={errorFor('status')}
          />
        </Group>
        <MultiSelect
          label="Controls it relies on"
          description="Annex A controls and your own controls, from the Statement of Applicability."
          searchable
          data={data}
          value={draft.controlIds}
          onChange={(v) => setDraft({ ...draft, controlIds: v })}
          error={errorFor('controlIds') ?? Object.entries(m.fieldErrors).find(([k]) => k.startsWith('controlIds.'))?.[1]}
          comboboxProps={{ withinPortal: true }}
        />
        {!update.conflict && <FormError error={m.error} placed={['title', 'owner', 'dueDate', 'status', 'controlIds']} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={m.isPending}>
            {action ? 'Save action' : 'Add action'}
          </Button>
        </Group>
      </Stack>
      <LeaveGuardModal guard={guard} what="The treatment action" />
      {action && <ConflictDialog what={`The action “${action.title}”`} {...update.conflictDialog} />}
    </form>
  );
}

/** A row's status changed in place, on the version shown; a newer one opens the conflict. */
function StatusCell({ riskId, action, disabled }: { riskId: string; action: TreatmentAction; disabled: boolean }) {
  const { org } = useOrg();
  const update = useUpdateAction(org.id, riskId, { mine: (vars) => vars.body, onReload: () => {} });
  return (
    <>
      <Select
        aria-label={`Status of ${action.title}`}
        size="xs"
        w={130}
        data={options(ACTION_STATUS_LABELS)}
        value={action.status}
        disabled={disabled || update.isPending}
        onChange={(v) =>
          v && update.mutate({ actionId: action.id, body: { status: v as ActionStatus }, ifMatch: versionTag(action.updatedAt) })
        }
      />
      <ConflictDialog what={`The action “${action.title}”`} {...update.conflictDialog} />
    </>
  );
}

export function TreatmentActions({ risk, canWrite }: { risk: RiskDetail; canWrite: boolean }) {
  const { org } = useOrg();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [removing, setRemoving] = useState<TreatmentAction | null>(null);
  const remove = useDeleteAction(org.id, risk.id);
  const writable = canWrite && !risk.archivedAt;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="actions-title">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="md" id="actions-title">
          Treatment actions ({risk.actions.length})
        </Title>
        {writable && editing !== 'new' && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            Add action
          </Button>
        )}
      </Group>
      <Stack gap="md">
        {editing === 'new' && <ActionForm riskId={risk.id} action={null} onDone={() => setEditing(null)} />}
        {risk.actions.length === 0 && editing !== 'new' ? (
          <Text size="sm" c="dimmed">
            No treatment action yet. Above the acceptance threshold a risk needs treatment or an acceptance.
          </Text>
        ) : (
          <Table verticalSpacing="xs" aria-labelledby="actions-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Controls</Table.Th>
                {writable && <Table.Th w={1} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {risk.actions.map((a) =>
                editing === a.id ? (
                  <Table.Tr key={a.id}>
                    <Table.Td colSpan={writable ? 6 : 5}>
                      <ActionForm riskId={risk.id} action={a} onDone={() => setEditing(null)} />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={a.id}>
                    <Table.Td maw={260}>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {a.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{a.owner?.name ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={a.overdue ? 'red.8' : undefined} fw={a.overdue ? 600 : undefined}>
                        {a.dueDate ? formatDate(a.dueDate) : '—'}
                        {a.overdue ? ' (overdue)' : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusCell riskId={risk.id} action={a} disabled={!writable} />
                    </Table.Td>
                    <Table.Td miw={120} maw={260}>
                      <Group gap={4}>
                        {a.controls.map((c) => (
                          <Badge
                            key={c.id}
                            variant="outline"
                            radius="sm"
                            tt="none"
                            color={c.kind === 'own' ? 'violet' : 'blue'}
                            title={c.label}
                            styles={{ label: { overflow: 'visible' } }}
                          >
                            {c.kind === 'own' ? c.label : c.id}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    {writable && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Anchor component="button" size="sm" onClick={() => setEditing(a.id)}>
                            Edit
                          </Anchor>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Remove ${a.title}`}
                            onClick={() => setRemoving(a)}
                          >
                            ×
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title="Remove this treatment action?"
        confirmLabel="Remove"
        busy={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(
            { actionId: removing.id, ifMatch: versionTag(removing.updatedAt) },
            { onSuccess: () => setRemoving(null) },
          )
        }
      >
        “{removing?.title}” leaves the risk; the removal is kept in the audit log.
      </ConfirmModal>
    </Paper>
  );
}
