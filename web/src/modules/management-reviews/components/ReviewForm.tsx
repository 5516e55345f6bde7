import { Alert, Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { emptyOwner, type OwnerDraft, OwnerInput, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { options } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import {
  type ManagementReview,
  type ReviewInput,
  useCreateReview,
  useTopManagement,
  useUpdateReview,
} from '../hooks/useManagementReviews';
import { EDITABLE_STATUS_LABELS } from '../labels';

interface Draft {
  title: string;
  meetingDate: string;
  status: keyof typeof EDITABLE_STATUS_LABELS;
  chair: OwnerDraft;
  attendees: (OwnerDraft & { key: string })[];
}

let seq = 0;
const keyed = (o: OwnerDraft) => ({ ...o, key: `a${++seq}` });

function draftOf(r: ManagementReview | null): Draft {
  return {
    title: r?.title ?? 'Management review',
    meetingDate: r?.meetingDate ?? '',
    status: r && r.status !== 'approved' ? r.status : 'planned',
    chair: toOwnerDraft(r?.chair),
    attendees: (r?.attendees ?? []).map((a) => keyed(toOwnerDraft(a))),
  };
}

function bodyOf(d: Draft, editing: boolean) {
  return {
    title: d.title.trim(),
    meetingDate: d.meetingDate,
    ...(editing ? { status: d.status } : {}),
    chair: toOwnerInput(d.chair),
    attendees: d.attendees.map(toOwnerInput).filter((a): a is NonNullable<typeof a> => a !== null),
  };
}

/**
 * Plan or edit a review's meeting: title, date, chair and who attends. The
 * page warns while no attendee is top management. Minutes, decisions and
 * actions are written on the review's page.
 */
export function ReviewForm({ review, onSaved }: { review: ManagementReview | null; onSaved: (r: ManagementReview) => void }) {
  const { org } = useOrg();
  const editing = review !== null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(review));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const { dirty, markClean } = useDirty(draft);
  const guard = useLeaveGuard(dirty);
  const versionRef = useRef(versionTag(review?.updatedAt));
  const top = useTopManagement(org.id);
  const topIds = new Set((top.data?.members ?? []).map((m) => m.userId));
  const noTop = !draft.attendees.some((a) => a.userId && topIds.has(a.userId));
  const create = useCreateReview(org.id);
  const update = useUpdateReview(org.id, review?.id ?? '', {
    mine: (vars) => vars.body,
    theirs: (current) => bodyOf(draftOf(current as ManagementReview), true),
    onReload: (current, etag) => {
      versionRef.current = etag;
      const next = draftOf(current as ManagementReview);
      setDraft(next);
      markClean(next);
    },
    onOverwritten: (saved) => {
      guard.allowLeave();
      onSaved(saved);
    },
  });
  const mutation = editing ? update : create;
  const errorFor = fieldErrorLookup(mutation.fieldErrors);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(update.conflict ? null : mutation.error, formRef);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    const body = bodyOf(draft, editing);
    try {
      const saved = editing
        ? await update.mutateAsync({ body, ifMatch: versionRef.current })
        : await create.mutateAsync(body as ReviewInput);
      markClean();
      guard.allowLeave();
      onSaved(saved);
    } catch {
      // the problem shows in FormError, a conflict in the ConflictDialog
    }
  };

  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      ref={formRef}
      onSubmit={submit}
      aria-label={editing ? 'Edit review' : 'Plan a review'}
    >
      <Stack gap="md" maw={640}>
        <TextInput
          label="Title"
          required
          value={draft.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errorFor('title')}
          maxLength={300}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label="Meeting date"
            type="date"
            required
            value={draft.meetingDate}
            onChange={(e) => set('meetingDate', e.currentTarget.value)}
            error={errorFor('meetingDate')}
            miw={180}
          />
          {editing && (
            <Select
              label="Status"
              description="Approved comes from approving the review."
              data={options(EDITABLE_STATUS_LABELS)}
              value={draft.status}
              allowDeselect={false}
              onChange={(v) => v && set('status', v as Draft['status'])}
              error={errorFor('status')}
              miw={180}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </Group>
        <OwnerInput
          label="Chair"
          value={draft.chair}
          onChange={(v) => set('chair', v)}
          withEmail={false}
          error={errorFor('chair') ?? errorFor('chair.userId')}
        />
        <RepeatableList
          items={draft.attendees}
          itemKey={(a) => a.key}
          noun="attendee"
          compact
          empty="No attendees yet."
          onAdd={() => set('attendees', [...draft.attendees, keyed(emptyOwner())])}
          onRemove={(i) =>
            set(
              'attendees',
              draft.attendees.filter((_, j) => j !== i),
            )
          }
          renderItem={(a, i) => (
            <OwnerInput
              label={`Attendee ${i + 1}`}
              value={a}
              withEmail={false}
              onChange={(v) =>
                set(
                  'attendees',
                  draft.attendees.map((x, j) => (j === i ? { ...v, key: x.key } : x)),
                )
              }
              error={
                errorFor(`attendees.${i}`) ?? errorFor(`attendees.${i}.userId`) ?? (i === 0 ? errorFor('attendees') : undefined)
              }
            />
          )}
        />
        {noTop && (
          <Alert color="orange" variant="light" title="No top management attends">
            {top.data && top.data.members.length === 0
              ? 'No one is set as top management yet. An administrator sets them under Top management.'
              : `Add a member of top management (${(top.data?.members ?? []).map((m) => m.name).join(', ')}) to the attendees.`}
          </Alert>
        )}
        <FormError error={update.conflict ? null : mutation.error} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {editing ? 'Save changes' : 'Plan review'}
          </Button>
        </Group>
      </Stack>
      <LeaveGuardModal guard={guard} what={review ? review.number : 'The new review'} />
      {review && <ConflictDialog what={`Review ${review.number}`} {...update.conflictDialog} />}
    </Paper>
  );
}
