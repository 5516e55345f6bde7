import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../../shared/api';
import { fieldErrorLookup, fieldErrorsOf } from '../../../shared/problem';
import { useOrgMutation } from '../../../shared/register';
import { formatSize, type StoredFile, UploadButton } from '../../../shared/upload';
import { options } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { type Document, useCoreSet } from '../hooks/useDocuments';
import { CATEGORY_LABELS, type DocumentCategory } from '../labels';
import { typeOptions } from './typeOptions';

interface Props {
  orgId: string;
  /** null: closed; upload: the first version is an uploaded file */
  mode: { kind: 'new' | 'upload'; docType: string } | null;
  onClose(): void;
  onCreated(document: Document): void;
}

const categoryFor = (docType: string): DocumentCategory =>
  docType === 'ai-policy' ? 'policy' : docType.endsWith('-records') ? 'record' : 'procedure';

/**
 * A new document: its register fields, and for an upload the file that
 * becomes its first draft (a signed PDF, a Word file). The rest (owner,
 * review, audience) is set on the document's page.
 */
export function NewDocumentModal({ orgId, mode, onClose, onCreated }: Props) {
  const coreSet = useCoreSet(orgId);
  const [title, setTitle] = useState('');
  const [docType, setDocType] = useState('other');
  const [category, setCategory] = useState<DocumentCategory>('procedure');
  const [file, setFile] = useState<StoredFile | null>(null);
  const [summary, setSummary] = useState('');
  const [tried, setTried] = useState(false);
  const upload = mode?.kind === 'upload';
  // each opening starts from the type it was opened for (a refetch of the core set leaves the typing alone)
  const titles = useRef<Record<string, string>>({});
  for (const r of coreSet.data?.items ?? []) titles.current[r.key] = r.title;
  useEffect(() => {
    if (!mode) return;
    setDocType(mode.docType);
    setCategory(categoryFor(mode.docType));
    setTitle(mode.docType === 'other' ? '' : (titles.current[mode.docType] ?? ''));
  }, [mode]);
  // creating the document and saving the file as its draft are two writes; the form waits for both
  const create = useOrgMutation(
    orgId,
    async () => {
      const doc = await unwrap(
        api.POST('/api/v1/orgs/{orgId}/documents', { params: { path: { orgId } }, body: { title, docType, category } }),
      );
      if (upload && file) {
        await unwrap(
          api.PUT('/api/v1/orgs/{orgId}/documents/{documentId}/content/draft', {
            params: { path: { orgId, documentId: doc.id }, header: { 'if-match': 'W/"none"' } },
            body: {
              content: {
                format: 'file',
                fileId: file.id,
                fileName: file.name,
                size: file.size,
                sha256: file.sha256,
                ...(summary.trim() ? { summary: summary.trim() } : {}),
                changeNote: 'Uploaded',
              },
            },
          }),
        );
      }
      return doc;
    },
    { invalidates: ['documents'], notify: upload ? 'Document uploaded' : 'Document added' },
  );
  const errorFor = fieldErrorLookup(fieldErrorsOf(create.error));
  const guard = useLeaveGuard(useDirty({ title, file, summary }, mode !== null).dirty);
  const close = () => {
    setFile(null);
    setSummary('');
    setTried(false);
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setTried(true);
    if (create.isPending || (upload && !file)) return;
    create.mutate(undefined, {
      onSuccess: (doc) => {
        guard.allowLeave();
        close();
        onCreated(doc);
      },
    });
  };
  return (
    <Modal opened={mode !== null} onClose={close} title={upload ? 'Upload a document' : 'New document'} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errorFor('title')}
            data-autofocus
            maxLength={300}
          />
          <Select
            label="Type"
            data={typeOptions(coreSet.data?.items)}
            value={docType}
            onChange={(v) => v && setDocType(v)}
            error={errorFor('docType')}
            allowDeselect={false}
            searchable
          />
          <Select
            label="Category"
            data={options(CATEGORY_LABELS)}
            value={category}
            onChange={(v) => v && setCategory(v as DocumentCategory)}
            error={errorFor('category')}
            allowDeselect={false}
          />
          {upload && (
            <Stack gap="xs">
              {file ? (
                <Alert color="teal" variant="light" title="Uploaded" withCloseButton onClose={() => setFile(null)}>
                  {file.name} ({formatSize(file.size)})
                </Alert>
              ) : (
                <UploadButton orgId={orgId} onUploaded={setFile} label="Choose the file" />
              )}
              {tried && !file && (
                <Text size="sm" c="red">
                  Choose the file to upload.
                </Text>
              )}
              <Textarea
                label="Summary"
                description="Optional: what the file holds, shown with the version."
                autosize
                minRows={2}
                maxLength={4000}
                value={summary}
                onChange={(e) => setSummary(e.currentTarget.value)}
              />
            </Stack>
          )}
          <FormError error={create.error} placed={['title', 'docType', 'category']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              {upload ? 'Add the document' : 'Add document'}
            </Button>
          </Group>
        </Stack>
      </form>
      <LeaveGuardModal guard={guard} what="The new document" />
    </Modal>
  );
}
