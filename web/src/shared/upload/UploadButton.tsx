import { Alert, Button, type ButtonProps, CloseButton, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { Session } from '../api';
import { errorMessage } from '../problem';
import { formatSize, type StoredFile, type UploadProgress, uploadFile } from './uploadFile';

/** The signed-in session's cache key (app/auth/session.ts): where the CSRF token is held. */
const SESSION_KEY = ['session'];

export interface Upload {
  /** the file being sent, while it is */
  file: File | null;
  progress: UploadProgress | null;
  error: unknown;
  busy: boolean;
  start(file: File): Promise<StoredFile | null>;
  cancel(): void;
  reset(): void;
}

/** One upload at a time, with its progress, error and a cancel; start() resolves null when cancelled or failed. */
export function useUpload(orgId: string): Upload {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  const start = useCallback(
    async (next: File) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setFile(next);
      setError(null);
      setProgress({ loaded: 0, total: next.size, percent: 0 });
      try {
        const csrfToken = client.getQueryData<Session | null>(SESSION_KEY)?.csrfToken ?? null;
        return await uploadFile({ orgId, file: next, csrfToken, onProgress: setProgress, signal: controller.signal });
      } catch (e) {
        if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
        return null;
      } finally {
        if (abort.current === controller) abort.current = null;
        setFile(null);
        setProgress(null);
      }
    },
    [client, orgId],
  );
  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setError(null), []);
  return { file, progress, error, busy: file !== null, start, cancel, reset };
}

interface Props extends Omit<ButtonProps, 'onClick' | 'loading' | 'children'> {
  orgId: string;
  /** called with the stored file once the upload is done */
  onUploaded(file: StoredFile): void;
  /** the button's words (default "Upload a file") */
  label?: string;
  /** the file chooser's filter, e.g. ".pdf,.docx" */
  accept?: string;
  disabled?: boolean;
}

/**
 * A button that picks a file and uploads it at once, showing a progress bar
 * (with how much of how much, and a cancel) while it goes, and the problem if
 * the API refuses it (too large, a file type that is not accepted).
 */
export function UploadButton({ orgId, onUploaded, label = 'Upload a file', accept, disabled, ...rest }: Props) {
  const upload = useUpload(orgId);
  const { file, progress } = upload;
  // lets the same file be picked again after a failed or cancelled upload
  const resetPicker = useRef<() => void>(null);
  return (
    <Stack gap={6}>
      {file && progress ? (
        <Stack gap={4} aria-live="polite">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" truncate="end" style={{ minWidth: 0 }}>
              Uploading {file.name}: {formatSize(progress.loaded)} of {formatSize(progress.total)}
            </Text>
            <CloseButton size="sm" aria-label={`Cancel the upload of ${file.name}`} onClick={upload.cancel} />
          </Group>
          <Progress value={progress.percent} aria-label={`Upload of ${file.name}`} animated={progress.percent < 100} />
        </Stack>
      ) : (
        <FileButton
          accept={accept}
          resetRef={resetPicker}
          onChange={async (picked) => {
            if (!picked) return;
            const stored = await upload.start(picked);
            resetPicker.current?.();
            if (stored) onUploaded(stored);
          }}
          disabled={disabled}
        >
          {(props) => (
            <Button variant="default" {...rest} {...props} disabled={disabled}>
              {label}
            </Button>
          )}
        </FileButton>
      )}
      {upload.error != null && (
        <Alert color="red" variant="light" title="Not uploaded" withCloseButton onClose={upload.reset}>
          {errorMessage(upload.error)}
        </Alert>
      )}
    </Stack>
  );
}
