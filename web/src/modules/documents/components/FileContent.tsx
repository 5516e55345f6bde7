import { Anchor, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { formatSize, UploadButton } from '../../../shared/upload';
import type { DocumentContent } from '../hooks/useDocumentContent';

type FileFields = Extract<DocumentContent, { format: 'file' }>;

/** A version held as an uploaded file (a signed PDF, a Word file): what it is, its download, and a summary. */
export function FileContent({
  orgId,
  content,
  editable,
  onChange,
}: {
  orgId: string;
  content: FileFields;
  editable: boolean;
  onChange(c: DocumentContent): void;
}) {
  return (
    <Stack gap="sm">
      <Paper withBorder p="md" radius="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor
              href={`/api/v1/orgs/${orgId}/files/${content.fileId}/content`}
              fw={600}
              size="sm"
              style={{ overflowWrap: 'anywhere' }}
            >
              {content.fileName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {formatSize(content.size)} · SHA-256 {content.sha256.slice(0, 12)}…
            </Text>
          </Stack>
          {editable && <FileContent.Replace orgId={orgId} label="Replace the file" onChange={onChange} keep={content} />}
        </Group>
      </Paper>
      <Textarea
        label="Summary"
        description="What the file holds, in a few lines: shown with the version and searched."
        autosize
        minRows={2}
        maxLength={4000}
        readOnly={!editable}
        value={content.summary ?? ''}
        onChange={(e) => {
          const summary = e.currentTarget.value;
          onChange({ ...content, summary });
        }}
      />
    </Stack>
  );
}

/** Uploads a file and makes it the draft's content (keeping the summary and change note of `keep`). */
FileContent.Replace = function Replace({
  orgId,
  label,
  onChange,
  keep,
}: {
  orgId: string;
  label: string;
  onChange(c: DocumentContent): void;
  keep?: Partial<FileFields>;
}) {
  return (
    <UploadButton
      orgId={orgId}
      label={label}
      size="xs"
      onUploaded={(f) =>
        onChange({
          format: 'file',
          fileId: f.id,
          fileName: f.name,
          size: f.size,
          sha256: f.sha256,
          summary: keep?.summary ?? '',
          changeNote: keep?.changeNote ?? '',
        })
      }
    />
  );
};
