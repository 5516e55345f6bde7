import { Button, Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { options } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { Markdown } from '../../../shared/ui/Markdown';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { type ManagementReview, useUpdateReview } from '../hooks/useManagementReviews';
import { DECISION_KIND_LABELS, type DecisionKind } from '../labels';

interface Decision {
  id?: string;
  key: string;
  text: string;
  kind: DecisionKind;
}
interface Draft {
  minutes: string;
  decisions: Decision[];
}

let seq = 0;
const draftOf = (r: ManagementReview): Draft => ({
  minutes: r.minutes,
  decisions: r.decisions.map((d) => ({ ...d, key: d.id })),
});
const bodyOf = (d: Draft) => ({
  minutes: d.minutes,
  decisions: d.decisions.map(({ id, text, kind }) => ({ ...(id ? { id } : {}), text: text.trim(), kind })),
});

/** The minutes (Markdown, with a preview) and the decisions taken; read-only once approved. */
export function MinutesCard({ orgId, review, canWrite }: { orgId: string; review: ManagementReview; canWrite: boolean }) {
  const readOnly = !canWrite || review.status === 'approved' || !!review.archivedAt;
  const [draft, setDraft] = useState(() => draftOf(review));
  const [view, setView] = useState<'write' | 'preview'>(readOnly ? 'preview' : 'write');
  const { dirty, markClean } = useDirty(draft, !readOnly);
  const guard = useLeaveGuard(dirty);
  const versionRef = useRef(versionTag(review.updatedAt));
  // another write on the review (preparing the inputs) moves its version: an
  // untouched form follows it, an edited one keeps its text for the conflict dialog
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the review's version only
  useEffect(() => {
    if (dirtyRef.current) return;
    versionRef.current = versionTag(review.updatedAt);
    const next = draftOf(review);
    setDraft(next);
    markClean(next);
  }, [review.updatedAt]);
  const update = useUpdateReview(
    orgId,
    review.id,
    {
      mine: (vars) => vars.body,
      theirs: (current) => bodyOf(draftOf(current as ManagementReview)),
      onReload: (current, etag) => {
        versionRef.current = etag;
        const next = draftOf(current as ManagementReview);
        setDraft(next);
        markClean(next);
      },
      onOverwritten: (saved) => {
        versionRef.current = versionTag(saved.updatedAt);
        const next = draftOf(saved);
        setDraft(next);
        markClean(next);
      },
    },
    'Minutes saved',
  );
  const errorFor = fieldErrorLookup(update.fieldErrors);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || update.isPending) return;
    try {
      const saved = await update.mutateAsync({ body: bodyOf(draft), ifMatch: versionRef.current });
      versionRef.current = versionTag(saved.updatedAt);
      const next = draftOf(saved);
      setDraft(next);
      markClean(next);
    } catch {
      // shown in FormError or the ConflictDialog
    }
  };
  const setDecision = (i: number, patch: Partial<Decision>) =>
    setDraft((d) => ({ ...d, decisions: d.decisions.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));

  if (readOnly)
    return (
      <SectionCard title="Minutes and decisions">
        <Stack gap="md">
          {review.minutes.trim() ? <Markdown source={review.minutes} /> : <Text c="dimmed">No minutes are recorded.</Text>}
          <Stack gap={4} aria-label="Decisions">
            <Text fw={600}>Decisions</Text>
            {review.decisions.length === 0 && <Text c="dimmed">No decisions are recorded.</Text>}
            {review.decisions.map((d) => (
              <Text key={d.id} size="sm">
                <strong>{DECISION_KIND_LABELS[d.kind]}:</strong> {d.text}
              </Text>
            ))}
          </Stack>
        </Stack>
      </SectionCard>
    );

  return (
    <SectionCard title="Minutes and decisions">
      <form onSubmit={submit} aria-label="Minutes and decisions">
        <Stack gap="md">
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as 'write' | 'preview')}
            data={[
              { value: 'write', label: 'Write' },
              { value: 'preview', label: 'Preview' },
            ]}
            w="fit-content"
          />
          {view === 'write' ? (
            <Textarea
              label="Minutes"
              description="Markdown: # headings, - lists, **bold**."
              autosize
              minRows={6}
              value={draft.minutes}
              onChange={(e) => {
                const minutes = e.currentTarget.value;
                setDraft((d) => ({ ...d, minutes }));
              }}
              error={errorFor('minutes')}
            />
          ) : draft.minutes.trim() ? (
            <Markdown source={draft.minutes} />
          ) : (
            <Text c="dimmed">Nothing written yet.</Text>
          )}
          <Text fw={600}>Decisions</Text>
          <RepeatableList
            items={draft.decisions}
            itemKey={(d) => d.key}
            noun="decision"
            empty="No decisions yet. Improvement decisions go to the improvement log when the review is approved."
            onAdd={() =>
              setDraft((d) => ({ ...d, decisions: [...d.decisions, { key: `new${++seq}`, text: '', kind: 'improvement' }] }))
            }
            onRemove={(i) => setDraft((d) => ({ ...d, decisions: d.decisions.filter((_, j) => j !== i) }))}
            renderItem={(d, i) => (
              <Stack gap="xs">
                <Textarea
                  label="Decision"
                  autosize
                  minRows={1}
                  value={d.text}
                  onChange={(e) => setDecision(i, { text: e.currentTarget.value })}
                  error={errorFor(`decisions.${i}.text`)}
                />
                <Select
                  label="Kind"
                  data={options(DECISION_KIND_LABELS)}
                  value={d.kind}
                  allowDeselect={false}
                  onChange={(v) => v && setDecision(i, { kind: v as DecisionKind })}
                  w={280}
                  comboboxProps={{ withinPortal: true }}
                />
              </Stack>
            )}
          />
          <FormError error={update.conflict ? null : update.error} />
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!dirty}>
              Save minutes and decisions
            </Button>
          </Group>
        </Stack>
        <LeaveGuardModal guard={guard} what="The minutes" />
        <ConflictDialog what={`Review ${review.number}`} {...update.conflictDialog} />
      </form>
    </SectionCard>
  );
}
