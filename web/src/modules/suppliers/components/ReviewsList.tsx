import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import { formatDate } from '../../../shared/ui/format';
import { RiskBadge } from '../../../shared/org/RiskBadge';
import type { SupplierReview } from '../hooks/useSuppliers';
import { type ReviewQuestionId, useReviewQuestions } from '../hooks/useSuppliers';
import { ANSWER_LABELS, type Answer } from '../labels';

/** Green when the answer is good news for the organization (for some questions that is "no"), red when it is not. */
function answerColor(answer: string, good: 'yes' | 'no' | undefined): string {
  if (answer === 'partial') return 'yellow';
  if (answer === 'unknown' || !good) return 'gray';
  return answer === good ? 'teal' : 'red';
}

/** Past AI-specific reviews, newest first; each opens to its answers. */
export function ReviewsList({ reviews }: { reviews: SupplierReview[] }) {
  const questions = useReviewQuestions().data ?? [];
  if (reviews.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No review recorded yet.
      </Text>
    );
  }
  return (
    <Accordion variant="separated" defaultValue={reviews[0].id}>
      {reviews.map((r) => (
        <Accordion.Item key={r.id} value={r.id}>
          <Accordion.Control>
            <Group gap="sm" wrap="wrap">
              <Text size="sm" fw={600}>
                Review of {formatDate(r.reviewDate)}
              </Text>
              <RiskBadge level={r.riskRating} />
              <Text size="xs" c="dimmed">
                {r.reviewer ? `by ${r.reviewer} · ` : ''}next due {formatDate(r.nextReviewDate)}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm" component="ol" m={0} pl="md">
              {questions.map(({ id, question, goodAnswer }) => {
                const a = r.answers[id as ReviewQuestionId];
                return (
                  <li key={id}>
                    <Text size="sm">{question}</Text>
                    <Group gap="xs" mt={2} wrap="wrap" align="flex-start">
                      {a ? (
                        <Badge size="sm" variant="light" radius="sm" color={answerColor(a.answer, goodAnswer)}>
                          {ANSWER_LABELS[a.answer as Answer] ?? a.answer}
                        </Badge>
                      ) : (
                        <Text size="xs" c="dimmed">
                          Not answered
                        </Text>
                      )}
                      {a?.notes && (
                        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                          {a.notes}
                        </Text>
                      )}
                    </Group>
                  </li>
                );
              })}
            </Stack>
            {r.notes && (
              <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <strong>Notes:</strong> {r.notes}
              </Text>
            )}
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
