import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { DraftDialogs, DraftStatusCard, useDraftEditor } from '../../../shared/versioned';
import type { Document } from '../hooks/useDocuments';
import { useSubmitForReview } from '../hooks/useDocuments';
import type { DocumentContent, DocumentRecord, DocumentVersion } from '../hooks/useDocumentContent';
import { versionTag } from '../../../shared/register';
import { formatDate } from '../../../shared/ui/format';
import { FileContent } from './FileContent';
import { MarkdownView } from './MarkdownView';

type Overview = { approved: DocumentVersion | null; draft: DocumentVersion | null };

const EMPTY: DocumentContent = { format: 'markdown', body: '', changeNote: '' };
const same = (a: DocumentContent, b: DocumentContent) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The document's text: Markdown beside its preview (stacked on a phone), or
 * an uploaded file; saved as a draft, sent for review, approved or
 * discarded through the versioned kit (If-Match, conflict dialog, leave guard).
 */
export function ContentEditor({
  record,
  overview,
  document: doc,
}: {
  record: DocumentRecord;
  overview: Overview;
  document: Document;
}) {
  const editor = useDraftEditor({ record, overview, initial: () => EMPTY, same });
  const { form, setForm, canWrite, dirty } = editor;
  const submit = useSubmitForReview(record.orgId, doc.id);
  const [note, setNote] = useState('');
  const inReview = doc.status === 'in review';
  const canSubmit = canWrite && overview.draft !== null && !dirty && !inReview;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="document-text-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="md" id="document-text-title">
            Text
          </Title>
          {inReview && (
            <Badge color="blue" variant="light" tt="none">
              Draft in review since {formatDate(doc.reviewRequestedAt?.slice(0, 10))}
            </Badge>
          )}
        </Group>
        <DraftStatusCard
          editor={editor}
          what="document"
          emptyText="Nothing written yet. Write the text below, or upload a file, and save a draft."
          approvedNote={doc.nextReviewDate ? `Next review by ${formatDate(doc.nextReviewDate)}.` : undefined}
          hint={
            canWrite && !overview.draft && overview.approved && !dirty
              ? `Change the text to start a draft of version ${overview.approved.version + 1}.`
              : undefined
          }
          placed={['content.body', 'content.changeNote', 'content.summary']}
        />
        {canWrite && overview.draft && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            {!inReview && (
              <TextInput
                label="Note to the approvers"
                placeholder="Optional"
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                maxLength={1000}
                w={260}
              />
            )}
            <Button
              variant="light"
              disabled={!canSubmit}
              loading={submit.isPending}
              onClick={() => submit.mutate({ ifMatch: versionTag(doc.updatedAt), note }, { onSuccess: () => setNote('') })}
            >
              {inReview ? 'In review' : 'Submit for review'}
            </Button>
            <Text size="xs" c="dimmed">
              {dirty
                ? 'Save the draft first.'
                : inReview
                  ? 'Approvers have been asked to review it.'
                  : 'Asks the approvers to review the saved draft.'}
            </Text>
          </Group>
        )}
        <form {...editor.formProps} aria-label="Document text">
          {form.format === 'markdown' ? (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <Textarea
                  label="Markdown"
                  description="# for headings, - for lists, **bold**, _italic_, | tables |."
                  autosize
                  minRows={14}
                  maxRows={40}
                  value={form.body}
                  onChange={(e) => {
                    const body = e.currentTarget.value;
                    setForm((f) => (f.format === 'markdown' ? { ...f, body } : f));
                  }}
                  readOnly={!canWrite}
                  error={editor.errorFor('body')}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                />
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    Preview
                  </Text>
                  <Paper withBorder p="md" radius="sm" mih={120} role="region" aria-label="Preview">
                    {form.body.trim() ? (
                      <MarkdownView source={form.body} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        The text appears here as it will be exported.
                      </Text>
                    )}
                  </Paper>
                </Stack>
              </SimpleGrid>
            </Stack>
          ) : (
            <FileContent orgId={record.orgId} content={form} editable={canWrite} onChange={(c) => setForm(c)} />
          )}
          {canWrite && (
            <Stack gap="xs" mt="sm">
              <TextInput
                label="Change note"
                description="What this version changes, e.g. 'Annual review: roles updated'."
                value={form.changeNote ?? ''}
                onChange={(e) => {
                  const changeNote = e.currentTarget.value;
                  setForm((f) => ({ ...f, changeNote }));
                }}
                error={editor.errorFor('changeNote')}
                maxLength={500}
              />
              <Group gap="xs">
                {form.format === 'markdown' ? (
                  <FileContent.Replace orgId={record.orgId} label="Upload a file instead" onChange={(c) => setForm(c)} />
                ) : (
                  <Button variant="subtle" size="xs" onClick={() => setForm({ ...EMPTY, changeNote: form.changeNote })}>
                    Write the text here instead
                  </Button>
                )}
              </Group>
            </Stack>
          )}
        </form>
      </Stack>
      <DraftDialogs
        editor={editor}
        what="document"
        approveTitle={(n) => `Approve version ${n}`}
        approveIntro="The approved version becomes the document in force: the one people read, acknowledge and auditors see. It can no longer change; later changes start a new version. The next review date is set from the approval date."
        checks={[]}
        discardText={
          overview.approved
            ? 'The draft and its unsaved changes are thrown away; the document stays at its approved version.'
            : 'The draft and its unsaved changes are thrown away; the document has no text again.'
        }
      />
    </Paper>
  );
}
