import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { formatDateTime } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { type BuyerAnswer, useEditAnswer, useRevertAnswer } from '../hooks/useTrust';

/** One buyer question: the answer buyers would read, the figures behind it, and edit/revert for writers. */
export function AnswerCard({ orgId, answer, canWrite }: { orgId: string; answer: BuyerAnswer; canWrite: boolean }) {
  const [text, setText] = useState<string | null>(null);
  const [etag, setEtag] = useState(answer.etag);
  const editing = text !== null;
  const save = useEditAnswer(orgId, answer.id, {
    mine: (v) => ({ text: v.text }),
    theirs: (current) => ({ text: (current as BuyerAnswer | null)?.answer ?? '' }),
    onReload: (current, tag) => {
      setText((current as BuyerAnswer).answer);
      setEtag(tag);
    },
    onOverwritten: () => setText(null),
  });
  const revert = useRevertAnswer(orgId, answer.id);
  const headingId = `q-${answer.id}`;
  const startEdit = () => {
    setEtag(answer.etag);
    setText(answer.answer);
  };
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby={headingId} data-testid={`answer-${answer.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} fz="md" fw={650} id={headingId}>
            {answer.question}
          </Title>
          <Group gap={6}>
            {answer.edited ? (
              <Badge variant="light" color="blue">
                Edited
              </Badge>
            ) : (
              <Badge variant="light" color="gray">
                Generated from your records
              </Badge>
            )}
          </Group>
        </Group>
        {answer.dataChangedSinceEdit && (
          <Alert color="orange" variant="light" title="Data changed since you edited">
            The records behind this answer changed after it was edited. The generated answer now reads: “{answer.draft}”
          </Alert>
        )}
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ text: text ?? '', ifMatch: etag }, { onSuccess: () => setText(null) });
            }}
          >
            <Stack gap="sm">
              <Textarea
                label="Answer"
                autosize
                minRows={3}
                value={text ?? ''}
                onChange={(e) => setText(e.currentTarget.value)}
                error={save.errorFor('body.text')}
              />
              <FormError error={save.conflict ? null : save.error} placed={['body.text']} />
              <Group gap="sm">
                <Button type="submit" loading={save.isPending}>
                  Save answer
                </Button>
                <Button variant="default" onClick={() => setText(null)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="answer-text">
            {answer.answer}
          </Text>
        )}
        {answer.edited && (
          <Text size="xs" c="dimmed">
            Edited by {answer.edited.editedBy} on {formatDateTime(answer.edited.editedAt)}.
          </Text>
        )}
        <Group gap="lg" wrap="wrap">
          {answer.figures.map((f) => (
            <Text key={f.label} size="sm">
              <Text span c="dimmed">
                {f.label}:
              </Text>{' '}
              {f.value}
            </Text>
          ))}
        </Group>
        <Group gap="md" wrap="wrap" justify="space-between">
          <Group gap="md">
            {answer.links.map((l) =>
              l.href.startsWith('/orgs/') ? (
                <Anchor key={l.href} component={Link} to={l.href} size="sm">
                  {l.label}
                </Anchor>
              ) : (
                <Anchor key={l.href} href={l.href} size="sm" target="_blank" rel="noreferrer">
                  {l.label}
                </Anchor>
              ),
            )}
          </Group>
          {canWrite && !editing && (
            <Group gap="xs">
              {answer.edited && (
                <Button
                  variant="subtle"
                  size="xs"
                  loading={revert.isPending}
                  onClick={() => revert.mutate({ ifMatch: answer.etag })}
                >
                  Revert to generated
                </Button>
              )}
              <Button variant="light" size="xs" onClick={startEdit}>
                Edit answer
              </Button>
            </Group>
          )}
        </Group>
      </Stack>
      <ConflictDialog what="This answer" {...save.conflictDialog} />
    </Paper>
  );
}
