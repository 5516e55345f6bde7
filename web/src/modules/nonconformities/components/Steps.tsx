import { Badge, Button, Checkbox, Group, List, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { type OwnerDraft, OwnerInput, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConfirmModal } from '../../../shared/ui/ConfirmModal';
import { formatDate, options, todayIso } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import {
  type CorrectiveAction,
  type NcPatch,
  type Nonconformity,
  useCreateAction,
  useDeleteAction,
  useUpdateAction,
  useUpdateNonconformity,
} from '../hooks/useNonconformities';
import {
  ACTION_STATUS_LABELS,
  type ActionStatus,
  BLOCKER_LABELS,
  CATEGORY_LABELS,
  type CauseCategory,
  METHOD_LABELS,
  type RootCauseMethod,
  RESULT_LABELS,
} from '../labels';

// The workflow of a nonconformity as steps on its page, each a small form
// that saves only its own fields (with If-Match, on the version shown), warns
// before unsaved changes are lost, and cannot be sent twice.

interface StepProps {
  n: Nonconformity;
  readOnly: boolean;
}

/** A step's form state: starts from the record, follows it while not edited, and saves its fields. */
function useStep<D>(n: Nonconformity, draftOf: (n: Nonconformity) => D, readOnly: boolean, notify: string) {
  const { org } = useOrg();
  const [draft, setDraft] = useState<D>(() => draftOf(n));
  const { dirty, markClean } = useDirty(draft, !readOnly);
  const guard = useLeaveGuard(dirty);
  const update = useUpdateNonconformity(org.id, n.id, undefined, notify);
  const seen = useRef(n.updatedAt);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the record only when it changes and the form is untouched
  useEffect(() => {
    if (seen.current === n.updatedAt) return;
    seen.current = n.updatedAt;
    if (!dirty) {
      const next = draftOf(n);
      setDraft(next);
      markClean(next);
    }
  }, [n.updatedAt]);
  const save = async (body: NcPatch) => {
    if (readOnly || update.isPending) return;
    try {
      const saved = await update.mutateAsync({ body, ifMatch: versionTag(n.updatedAt) });
      const next = draftOf(saved);
      seen.current = saved.updatedAt;
      setDraft(next);
      markClean(next);
    } catch {
      // shown in FormError
    }
  };
  return { draft, setDraft, guard, update, save, errorFor: fieldErrorLookup(update.fieldErrors) };
}

function StepCard({
  step,
  title,
  done,
  children,
  description,
}: {
  step: number;
  title: string;
  done: boolean;
  children: ReactNode;
  description?: string;
}) {
  return (
    <SectionCard
      title={`${step}. ${title}`}
      description={description}
      aside={
        <Badge color={done ? 'teal' : 'gray'} variant="light" radius="sm" tt="none" style={{ flexShrink: 0 }}>
          {done ? 'Recorded' : 'To do'}
        </Badge>
      }
    >
      {children}
    </SectionCard>
  );
}

const fieldsetStyle = { border: 0, padding: 0, margin: 0, minWidth: 0 };

/** Step 2: the correction (fixing what was found) and the containment (stopping it spreading). */
export function CorrectionStep({ n, readOnly }: StepProps) {
  const draftOf = (x: Nonconformity) => ({
    correction: x.correction.text,
    correctionDate: x.correction.date ?? '',
    containment: x.containment.text,
    containmentDate: x.containment.date ?? '',
  });
  const { draft, setDraft, guard, update, save, errorFor } = useStep(n, draftOf, readOnly, 'Correction saved');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({
      correction: { text: draft.correction, date: draft.correctionDate || null },
      containment: { text: draft.containment, date: draft.containmentDate || null },
    });
  };
  return (
    <StepCard step={2} title="Correction and containment" done={!!(n.correction.text.trim() || n.containment.text.trim())}>
      <form onSubmit={submit} aria-label="Correction and containment">
        <fieldset disabled={readOnly} style={fieldsetStyle}>
          <Stack gap="sm">
            <Textarea
              label="Correction"
              description="What was done to fix what was found."
              value={draft.correction}
              onChange={(e) => setDraft({ ...draft, correction: e.currentTarget.value })}
              error={errorFor('correction.text')}
              autosize
              minRows={2}
            />
            <TextInput
              label="Corrected on"
              type="date"
              value={draft.correctionDate}
              onChange={(e) => setDraft({ ...draft, correctionDate: e.currentTarget.value })}
              error={errorFor('correction.date')}
              w={180}
            />
            <Textarea
              label="Containment"
              description="What was done so it does no more harm meanwhile."
              value={draft.containment}
              onChange={(e) => setDraft({ ...draft, containment: e.currentTarget.value })}
              error={errorFor('containment.text')}
              autosize
              minRows={2}
            />
            <TextInput
              label="Contained on"
              type="date"
              value={draft.containmentDate}
              onChange={(e) => setDraft({ ...draft, containmentDate: e.currentTarget.value })}
              error={errorFor('containment.date')}
              w={180}
            />
            <FormError error={update.error} />
            {!readOnly && (
              <Group>
                <Button type="submit" variant="default" loading={update.isPending}>
                  Save correction
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
      <LeaveGuardModal guard={guard} what="The correction" />
    </StepCard>
  );
}

const WHYS = 5;

/** Step 3: the root cause, by five whys or by cause categories, and its summary. */
export function RootCauseStep({ n, readOnly }: StepProps) {
  const draftOf = (x: Nonconformity) => ({
    method: x.rootCause.method,
    whys: Array.from({ length: WHYS }, (_, i) => x.rootCause.whys[i] ?? ''),
    categories: x.rootCause.categories,
    summary: x.rootCause.summary,
  });
  const { draft, setDraft, guard, update, save, errorFor } = useStep(n, draftOf, readOnly, 'Root cause saved');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // trailing empty whys are left out
    const whys = [...draft.whys];
    while (whys.length && !whys[whys.length - 1].trim()) whys.pop();
    void save({ rootCause: { method: draft.method, whys, categories: draft.categories, summary: draft.summary } });
  };
  return (
    <StepCard step={3} title="Root cause" done={!!n.rootCause.summary.trim()}>
      <form onSubmit={submit} aria-label="Root cause">
        <fieldset disabled={readOnly} style={fieldsetStyle}>
          <Stack gap="sm">
            <Select
              label="Method"
              data={options(METHOD_LABELS)}
              value={draft.method}
              allowDeselect={false}
              onChange={(v) => v && setDraft({ ...draft, method: v as RootCauseMethod })}
              w={220}
              comboboxProps={{ withinPortal: true }}
            />
            {draft.method === 'five-whys' &&
              draft.whys.map((w, i) => (
                <TextInput
                  // biome-ignore lint/suspicious/noArrayIndexKey: the five whys are fixed positions
                  key={i}
                  label={`Why ${i + 1}`}
                  value={w}
                  onChange={(e) => {
                    const whys = [...draft.whys];
                    whys[i] = e.currentTarget.value;
                    setDraft({ ...draft, whys });
                  }}
                  error={errorFor(`rootCause.whys.${i}`)}
                />
              ))}
            {draft.method === 'cause-categories' && (
              <Checkbox.Group
                label="Cause categories"
                value={draft.categories}
                onChange={(v) => setDraft({ ...draft, categories: v as CauseCategory[] })}
                error={errorFor('rootCause.categories')}
              >
                <Group gap="md" mt={4}>
                  {Object.entries(CATEGORY_LABELS).map(([value, label]) => (
                    <Checkbox key={value} value={value} label={label} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            <Textarea
              label="Root cause summary"
              description="Needed to close."
              value={draft.summary}
              onChange={(e) => setDraft({ ...draft, summary: e.currentTarget.value })}
              error={errorFor('rootCause.summary')}
              autosize
              minRows={2}
            />
            <FormError error={update.error} />
            {!readOnly && (
              <Group>
                <Button type="submit" variant="default" loading={update.isPending}>
                  Save root cause
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
      <LeaveGuardModal guard={guard} what="The root cause" />
    </StepCard>
  );
}

interface ActionDraft {
  title: string;
  owner: OwnerDraft;
  dueDate: string;
  note: string;
}
const emptyAction = (): ActionDraft => ({ title: '', owner: toOwnerDraft(null), dueDate: '', note: '' });

/** Step 4: corrective actions (add, edit, mark done, remove). */
export function ActionsStep({ n, readOnly }: StepProps) {
  const { org } = useOrg();
  const [editing, setEditing] = useState<CorrectiveAction | null>(null);
  const [draft, setDraft] = useState<ActionDraft>(emptyAction);
  const [removing, setRemoving] = useState<CorrectiveAction | null>(null);
  const { dirty, markClean } = useDirty(draft, !readOnly);
  const guard = useLeaveGuard(dirty);
  const create = useCreateAction(org.id, n.id);
  const update = useUpdateAction(org.id, n.id);
  const remove = useDeleteAction(org.id, n.id);
  const mutation = editing ? update : create;
  const errorFor = fieldErrorLookup(mutation.fieldErrors);
  const busy = create.isPending || update.isPending || remove.isPending;
  const body = () => ({
    title: draft.title.trim(),
    owner: toOwnerInput(draft.owner),
    dueDate: draft.dueDate || null,
    note: draft.note,
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || busy) return;
    try {
      if (editing) await update.mutateAsync({ actionId: editing.id, body: body() });
      else await create.mutateAsync(body());
      const next = emptyAction();
      setDraft(next);
      markClean(next);
      setEditing(null);
    } catch {
      // shown in FormError
    }
  };
  const setStatus = (a: CorrectiveAction, status: ActionStatus) => {
    if (!busy) update.mutate({ actionId: a.id, body: { status } });
  };
  const open = n.actions.filter((a) => a.status !== 'done').length;
  return (
    <StepCard
      step={4}
      title="Corrective actions"
      done={n.actions.length > 0 && open === 0}
      description={`Plan by ${formatDate(n.planDueDate)}; everything done and shown effective by ${formatDate(n.evidenceDueDate)}.`}
    >
      {n.actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No corrective action yet.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Corrective actions">
          {n.actions.map((a) => (
            <Paper key={a.id} withBorder p="sm" component="li" data-action-status={a.status}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {a.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[
                      a.owner?.name,
                      a.dueDate ? `due ${formatDate(a.dueDate)}` : 'no due date',
                      a.doneOn ? `done ${formatDate(a.doneOn)}` : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {a.note && (
                    <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {a.note}
                    </Text>
                  )}
                </Stack>
                <Group gap={6}>
                  <Badge color={a.status === 'done' ? 'teal' : a.overdue ? 'red' : 'gray'} variant="light" radius="sm" tt="none">
                    {a.overdue ? `${ACTION_STATUS_LABELS[a.status]}, overdue` : ACTION_STATUS_LABELS[a.status]}
                  </Badge>
                  {!readOnly && (
                    <>
                      {a.status !== 'done' ? (
                        <Button size="compact-sm" onClick={() => setStatus(a, 'done')} disabled={busy}>
                          Mark done
                        </Button>
                      ) : (
                        <Button size="compact-sm" variant="default" onClick={() => setStatus(a, 'in-progress')} disabled={busy}>
                          Reopen
                        </Button>
                      )}
                      <Button
                        size="compact-sm"
                        variant="default"
                        disabled={busy}
                        onClick={() => {
                          setEditing(a);
                          const next = { title: a.title, owner: toOwnerDraft(a.owner), dueDate: a.dueDate ?? '', note: a.note };
                          setDraft(next);
                          markClean(next);
                        }}
                      >
                        Edit
                      </Button>
                      <Button size="compact-sm" variant="subtle" color="red" disabled={busy} onClick={() => setRemoving(a)}>
                        Remove
                      </Button>
                    </>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {!readOnly && (
        <form onSubmit={submit} aria-label={editing ? 'Edit corrective action' : 'Add corrective action'}>
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {editing ? 'Edit corrective action' : 'Add a corrective action'}
            </Text>
            <TextInput
              label="Action"
              required
              value={draft.title}
              onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
              error={errorFor('title')}
              maxLength={300}
            />
            <Group grow align="flex-start" wrap="wrap">
              <OwnerInput
                label="Owner"
                value={draft.owner}
                withEmail={false}
                onChange={(v) => setDraft({ ...draft, owner: v })}
                error={errorFor('owner') ?? errorFor('owner.userId')}
                miw={180}
              />
              <TextInput
                label="Due"
                type="date"
                value={draft.dueDate}
                onChange={(e) => setDraft({ ...draft, dueDate: e.currentTarget.value })}
                error={errorFor('dueDate')}
                miw={150}
              />
            </Group>
            <Textarea
              label="Note"
              value={draft.note}
              onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
              error={errorFor('note')}
              autosize
              minRows={1}
            />
            <FormError error={mutation.error} />
            <Group>
              <Button type="submit" variant="default" loading={mutation.isPending} disabled={busy && !mutation.isPending}>
                {editing ? 'Save action' : 'Add action'}
              </Button>
              {editing && (
                <Button
                  variant="subtle"
                  onClick={() => {
                    const next = emptyAction();
                    setEditing(null);
                    setDraft(next);
                    markClean(next);
                  }}
                >
                  Cancel
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      )}
      <ConfirmModal
        opened={removing !== null}
        title="Remove this corrective action?"
        confirmLabel="Remove"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={async () => {
          if (!removing || remove.isPending) return;
          try {
            await remove.mutateAsync(removing.id);
            setRemoving(null);
          } catch {
            // shown in the modal
          }
        }}
        onClose={() => setRemoving(null)}
      >
        <Text size="sm">{removing?.title} is removed from the plan; its history is kept.</Text>
      </ConfirmModal>
      <LeaveGuardModal guard={guard} what="The corrective action" />
    </StepCard>
  );
}

/** Step 5: plan the effectiveness check, then record what it found. */
export function EffectivenessStep({ n, readOnly }: StepProps) {
  const draftOf = (x: Nonconformity) => ({
    plannedOn: x.effectiveness.plannedOn ?? '',
    method: x.effectiveness.method,
    result: x.effectiveness.result ?? '',
    checkedOn: x.effectiveness.checkedOn ?? '',
    checkedBy: toOwnerDraft(x.effectiveness.checkedBy),
  });
  const { draft, setDraft, guard, update, save, errorFor } = useStep(n, draftOf, readOnly, 'Effectiveness check saved');
  const e = n.effectiveness;
  const body = () => ({
    plannedOn: draft.plannedOn || null,
    method: draft.method,
    result: (draft.result || null) as 'effective' | 'not-effective' | null,
    checkedOn: draft.checkedOn || null,
    checkedBy: toOwnerInput(draft.checkedBy),
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const b = body();
    // moving into the check once it is planned; a result that is not effective reopens it on the server
    const status =
      b.result === null && b.plannedOn && (n.status === 'open' || n.status === 'action-planned' || n.status === 'actions-done')
        ? 'effectiveness-check'
        : undefined;
    void save({ effectiveness: b, ...(status ? { status } : {}) });
  };
  return (
    <StepCard step={5} title="Effectiveness check" done={e.result === 'effective'}>
      {e.result && (
        <Text size="sm" aria-label="Effectiveness result">
          Checked {e.checkedOn ? formatDate(e.checkedOn) : ''}
          {e.checkedBy ? ` by ${e.checkedBy.name}` : ''}: <strong>{RESULT_LABELS[e.result]}</strong>
        </Text>
      )}
      <form onSubmit={submit} aria-label="Effectiveness check">
        <fieldset disabled={readOnly} style={fieldsetStyle}>
          <Stack gap="sm">
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label="Check planned for"
                type="date"
                value={draft.plannedOn}
                onChange={(ev) => setDraft({ ...draft, plannedOn: ev.currentTarget.value })}
                error={errorFor('effectiveness.plannedOn')}
                miw={150}
              />
              <Select
                label="Result"
                placeholder="Not checked yet"
                clearable
                data={options(RESULT_LABELS)}
                value={draft.result || null}
                onChange={(v) => setDraft({ ...draft, result: v ?? '' })}
                error={errorFor('effectiveness.result')}
                miw={150}
                comboboxProps={{ withinPortal: true }}
              />
            </Group>
            <Textarea
              label="How it is checked"
              value={draft.method}
              onChange={(ev) => setDraft({ ...draft, method: ev.currentTarget.value })}
              error={errorFor('effectiveness.method')}
              autosize
              minRows={1}
            />
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label="Checked on"
                type="date"
                max={todayIso()}
                value={draft.checkedOn}
                onChange={(ev) => setDraft({ ...draft, checkedOn: ev.currentTarget.value })}
                error={errorFor('effectiveness.checkedOn')}
                miw={150}
              />
              <OwnerInput
                label="Checked by"
                value={draft.checkedBy}
                withEmail={false}
                onChange={(v) => setDraft({ ...draft, checkedBy: v })}
                error={errorFor('effectiveness.checkedBy') ?? errorFor('effectiveness.checkedBy.userId')}
                miw={180}
              />
            </Group>
            <FormError error={update.error} />
            {!readOnly && (
              <Group>
                <Button type="submit" variant="default" loading={update.isPending}>
                  {draft.result ? 'Record result' : 'Save plan'}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
      <LeaveGuardModal guard={guard} what="The effectiveness check" />
    </StepCard>
  );
}

/** Close (or reopen): disabled with what is still missing, in words, until the API would allow it. */
export function CloseStep({ n, readOnly }: StepProps) {
  const { org } = useOrg();
  const update = useUpdateNonconformity(org.id, n.id, undefined, n.status === 'closed' ? 'Reopened' : 'Nonconformity closed');
  const blockers = n.closeBlockers.map((b) =>
    b.field === 'actions'
      ? `${b.message.charAt(0).toUpperCase()}${b.message.slice(1)} (step 4)`
      : (BLOCKER_LABELS[b.field] ?? b.message),
  );
  const send = (status: 'closed' | 'action-planned') => {
    if (update.isPending) return;
    update.mutate({ body: { status }, ifMatch: versionTag(n.updatedAt) });
  };
  return (
    <SectionCard title="Close" description="Closing needs the root cause, every corrective action done and an effective check.">
      {n.status === 'closed' ? (
        <Stack gap="sm">
          <Text size="sm">Closed {n.closedAt ? formatDate(n.closedAt.slice(0, 10)) : ''}.</Text>
          {!readOnly && (
            <Group>
              <Button variant="default" loading={update.isPending} onClick={() => send('action-planned')}>
                Reopen
              </Button>
            </Group>
          )}
        </Stack>
      ) : (
        <Stack gap="sm">
          {blockers.length > 0 && (
            <div>
              <Text size="sm" fw={600} id="close-blockers">
                Still needed before closing:
              </Text>
              <List size="sm" aria-labelledby="close-blockers">
                {blockers.map((b) => (
                  <List.Item key={b}>{b}</List.Item>
                ))}
              </List>
            </div>
          )}
          {!readOnly && (
            <Group>
              <Button
                color="teal"
                disabled={blockers.length > 0}
                loading={update.isPending}
                onClick={() => send('closed')}
                aria-describedby={blockers.length ? 'close-blockers' : undefined}
              >
                Close nonconformity
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <FormError error={update.error} />
    </SectionCard>
  );
}
