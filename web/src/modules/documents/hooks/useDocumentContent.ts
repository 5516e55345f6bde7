import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import { useOrgMutation } from '../../../shared/register';
import { type ContentOf, type RecordOf, useVersionedRecord, type VersionOf } from '../../../shared/versioned';
import { documentKey } from './useDocuments';

// A document's text: the versioned kit's draft and approved versions under
// /documents/{id}/content (the web versioned kit does the reads and writes),
// the line diff of any two versions, and who acknowledged the approved one.

const CONTENT_PATH = '/api/v1/orgs/{orgId}/documents/{documentId}/content';
export type DocumentRecord = RecordOf<typeof CONTENT_PATH>;
export type DocumentVersion = VersionOf<typeof CONTENT_PATH>;
export type DocumentContent = ContentOf<typeof CONTENT_PATH>;
export type DocumentDiff = Schemas['DocumentDiff'];
export type Acknowledgements = Schemas['DocumentAcknowledgements'];

const INVALIDATES = ['documents'];
const contentKey = (orgId: string, id: string) => [...documentKey(orgId, id), 'content'] as const;

/** The document's content as a versioned record; its reads sit under the document's key, so any document write refreshes them. */
export function useDocumentRecord(orgId: string, documentId: string): DocumentRecord {
  return useVersionedRecord({
    orgId,
    path: CONTENT_PATH,
    params: { documentId },
    queryKey: ['documents', 'document', documentId, 'content'],
    approvedMessage: (v) => `Version ${v.version} approved`,
  });
}

export function useDocumentDiff(orgId: string, documentId: string, from: number, to: number) {
  return useQuery({
    queryKey: [...contentKey(orgId, documentId), 'diff', from, to],
    enabled: from > 0 && to > 0 && from !== to,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/documents/{documentId}/diff', {
          params: { path: { orgId, documentId }, query: { from, to } },
        }),
      ),
  });
}

export function useAcknowledgements(orgId: string, documentId: string, enabled = true) {
  return useQuery({
    queryKey: [...documentKey(orgId, documentId), 'acknowledgements'],
    enabled,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/documents/{documentId}/acknowledgements', { params: { path: { orgId, documentId } } }),
      ),
  });
}

export function useAcknowledge(orgId: string, documentId: string) {
  return useOrgMutation(
    orgId,
    (version: number) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/documents/{documentId}/acknowledgements', {
          params: { path: { orgId, documentId } },
          body: { version },
        }),
      ),
    { invalidates: INVALIDATES, notify: 'Acknowledged', notifyError: true },
  );
}

/** Where one version is exported: PDF or DOCX (a file version: the file itself). */
export const exportUrl = (orgId: string, documentId: string, version: number, format: 'pdf' | 'docx') =>
  `/api/v1/orgs/${orgId}/documents/${documentId}/versions/${version}/export?format=${format}`;
