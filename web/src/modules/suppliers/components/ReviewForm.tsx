import { Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useCurrentSession } from '../../../app/auth/session';
import { useOrg } from '../../../app/orgs/OrgContext';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { addDaysIso, todayIso } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { OwnerInput, type OwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import { RiskLevelSelect } from '../../../shared/org/RiskLevelSelect';
import { useOrgSettings } from '../../../shared/org/orgData';
import {
  type ReviewInput,
  type ReviewQuestion,
  type ReviewQuestionId,
  type SupplierDetail,
  useRecordReview,
} from '../hooks/useSuppliers';
import { ANSWER_LABELS, type Answer } from '../labels';

type Answers = Record<ReviewQuestionId, { answer: Answer | null; notes: string }>;

interface Props {
  supplier: SupplierDetail;
  /** the server's questions (useReviewQuestions) */
  questions: ReviewQuestion[];
  onSaved: () => void;
  onCancel: () => void;
}

/** An AI-specific supplier review: six questions, each answered with notes, then a rating and the next review date. */
export function ReviewForm({ supplier, questions, onSaved, onCancel }: Props) {
  const questionIds = questions.map((q) => q.id);
  const { org } = useOrg();
  const session = useCurrentSession();
  const interval = useOrgSettings(org.id).data?.reviewIntervalDays ?? 365;
  const today = todayIso();
  const [reviewDate, setReviewDate] = useState(today);
  const [reviewer, setReviewer] = useState<OwnerDraft>({ userId: session.user.id, name: session.user.name, email: '' });
  const [answers, setAnswers] = useState<Answers>(
    () => Object.fromEntries(questionIds.map((id) => [id, { answer: null, notes: '' }])) as unknown as Answers,
  );
  const [riskRating, setRiskRating] = useState<string | null>(supplier.riskRating);
  const [nextReviewDate, setNextReviewDate] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const guard = useLeaveGuard(useDirty({ reviewDate, reviewer, answers, riskRating, nextReviewDate, notes }).dirty);
  // the review is made on the supplier as the form opened it (If-Match): it sets the
  // supplier's rating and dates, so a supplier changed since (another review, an
  // edited rating) is a conflict; "Reload theirs" takes the current rating and
  // keeps the answers
  const versionRef = useRef(versionTag(supplier.updatedAt));
  const record = useRecordReview(org.id, supplier.id, {
    mine: ({ body }) => ({ riskRating: body.riskRating, lastReviewDate: body.reviewDate, nextReviewDate: body.nextReviewDate }),
    onReload: (current, etag) => {
      versionRef.current = etag;
      setRiskRating((current as SupplierDetail).riskRating);
      setNextReviewDate(null);
    },
    onOverwritten: () => {
      guard.allowLeave();
      onSaved();
    },
  });
  const errorFor = fieldErrorLookup({ ...record.fieldErrors, ...missing });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(record.conflict ? null : (record.error ?? (Object.keys(missing).length ? missing : null)), formRef);
  // the next review defaults to one review interval after this one
  const nextDue = nextReviewDate ?? (/^\d{4}-\d{2}-\d{2}$/.test(reviewDate) ? addDaysIso(reviewDate, interval) : '');
  const setAnswer = (id: ReviewQuestionId, patch: Partial<Answers[ReviewQuestionId]>) =>
    setAnswers((a) => ({ ...a, [id]: { ...a[id], ...patch } }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (record.isPending) return;
    const local: Record<string, string> = {};
    for (const id of questionIds) if (!answers[id].answer) local[`answers.${id}.answer`] = 'Choose an answer.';
    if (!riskRating) local.riskRating = 'Rate the supplier on the risk scale.';
    setMissing(local);
    if (Object.keys(local).length) return;
    const body: ReviewInput = {
      reviewDate,
      reviewer: toOwnerInput(reviewer) ?? undefined,
      answers: Object.fromEntries(
        questionIds.map((id) => [id, { answer: answers[id].answer as Answer, notes: answers[id].notes.trim() }]),
      ) as ReviewInput['answers'],
      riskRating: riskRating as string,
      nextReviewDate: nextDue,
      notes: notes.trim(),
    };
    record.mutate(
      { body, ifMatch: versionRef.current },
      {
        onSuccess: () => {
          guard.allowLeave();
          onSaved();
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={`Review of ${supplier.name}`}>
      <Stack>
        <SectionCard title="Review">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label="Review date"
              required
              value={reviewDate}
              onChange={(e) => setReviewDate(e.currentTarget.value)}
              error={errorFor('reviewDate')}
            />
            <OwnerInput
              label="Reviewer"
              value={reviewer}
              onChange={setReviewer}
              withEmail={false}
              error={errorFor('reviewer') ?? errorFor('reviewer.name')}
            />
          </SimpleGrid>
        </SectionCard>
        <SectionCard
          title="Questions"
          description="Answer each for this supplier's AI. Notes say what you saw: a contract clause, a trust page, a certificate number."
        >
          {questions.map(({ id, question }, i) => (
            <Paper key={id} withBorder p="md" bg="var(--mantine-color-gray-0)">
              <Radio.Group
                label={`${i + 1}. ${question}`}
                value={answers[id].answer ?? ''}
                onChange={(v) => setAnswer(id, { answer: v as Answer })}
                error={errorFor(`answers.${id}.answer`) ?? errorFor(`answers.${id}`)}
                required
              >
                <Group mt="xs" gap="lg">
                  {(Object.keys(ANSWER_LABELS) as Answer[]).map((a) => (
                    <Radio key={a} value={a} label={ANSWER_LABELS[a]} />
                  ))}
                </Group>
              </Radio.Group>
              <Textarea
                mt="sm"
                label="Notes"
                aria-label={`Notes on question ${i + 1}`}
                autosize
                minRows={1}
                value={answers[id].notes}
                onChange={(e) => setAnswer(id, { notes: e.currentTarget.value })}
                error={errorFor(`answers.${id}.notes`)}
                maxLength={2000}
              />
            </Paper>
          ))}
        </SectionCard>
        <SectionCard title="Outcome">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <RiskLevelSelect
              label="Risk rating"
              required
              value={riskRating}
              onChange={setRiskRating}
              error={errorFor('riskRating')}
              placeholder="Choose a level"
            />
            <TextInput
              type="date"
              label="Next review due"
              description={`Defaults to ${interval} days after the review date.`}
              required
              value={nextDue}
              onChange={(e) => setNextReviewDate(e.currentTarget.value)}
              error={errorFor('nextReviewDate')}
            />
          </SimpleGrid>
          <Textarea
            label="Notes"
            description="Conclusions, conditions, follow-up actions."
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errorFor('notes')}
            maxLength={4000}
          />
        </SectionCard>
        <FormError
          error={record.conflict ? null : record.error}
          placed={['reviewDate', 'reviewer', 'answers', 'riskRating', 'nextReviewDate', 'notes']}
          title="Review not recorded"
        />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Recording the review sets the supplier's rating and next review date.
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending}>
              Record review
            </Button>
          </Group>
        </Group>
      </Stack>
      <LeaveGuardModal guard={guard} what={`The review of ${supplier.name}`} />
      <ConflictDialog what={supplier.name} {...record.conflictDialog} />
    </form>
  );
}
