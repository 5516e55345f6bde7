import { ApiError, type Problem } from '../api';

// Uploading a file (evidence, a document version) to the organization's file
// store: POST /api/v1/orgs/{orgId}/files, multipart with one part "file". It
// goes through XMLHttpRequest because fetch reports no upload progress, and
// people uploading a 40 MB PDF over a slow line need to see it move. The
// request carries what the typed client adds to every POST: the session's
// CSRF token and an Idempotency-Key (one per upload, so a retry of the same
// call after a lost answer is replayed, not stored twice).

/** What the API answers for a stored file (the storage kit's StoredFile). */
export interface StoredFile {
  id: string;
  orgId: string;
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
  uploadedBy: string | null;
  uploadedAt: string;
}

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0..100, whole numbers */
  percent: number;
}

export interface UploadOptions {
  orgId: string;
  file: File;
  /** the session's CSRF token (useUpload reads it from the signed-in session) */
  csrfToken: string | null;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
  /** reuse to retry the same upload; default a fresh key */
  idempotencyKey?: string;
}

export const filesUrl = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/files`;

function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; plain HTTP on a LAN has only getRandomValues
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Uploads one file; resolves with the stored file, rejects with an ApiError (or an AbortError). */
export function uploadFile({ orgId, file, csrfToken, onProgress, signal, idempotencyKey }: UploadOptions): Promise<StoredFile> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Upload cancelled', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', filesUrl(orgId));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey ?? randomKey());
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      const total = e.lengthComputable ? e.total : file.size;
      onProgress?.({ loaded: e.loaded, total, percent: total ? Math.min(100, Math.round((e.loaded / total) * 100)) : 0 });
    };
    xhr.onload = () => {
      const data = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as StoredFile);
      else reject(new ApiError(xhr.status, data as Partial<Problem> | undefined));
    };
    xhr.onerror = () => reject(new ApiError(0, { title: 'The upload failed: the connection was lost. Try again.' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** "1.2 MB": a file size in words people read. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let n = bytes / 1024;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i += 1;
  }
  return `${n >= 10 ? Math.round(n) : n.toFixed(1)} ${units[i]}`;
}
