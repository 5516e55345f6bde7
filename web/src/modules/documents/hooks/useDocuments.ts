import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

// The document register's reads and writes (register fields, core set,
// templates); a document's text and versions: useDocumentContent.ts.

export type Document = Schemas['Document'];
export type CoreSetRow = Schemas['DocumentCoreSetRow'];
export type DocumentTemplate = Schemas['DocumentTemplateSummary'];
export type DocumentInput = paths['/api/v1/orgs/{orgId}/documents']['post']['requestBody']['content']['application/json'];
export type DocumentListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/documents']['get']['parameters']['query']>;

export const documentsKey = (orgId: string) => registerKey(orgId, 'documents');
export const documentKey = (orgId: string, id: string) => [...documentsKey(orgId), 'document', id] as const;
// every write of a document refreshes the register's reads (its list, core set, flags, content)
const INVALIDATES = ['documents'];

export function useDocument(orgId: string, documentId: string) {
  return useQuery({
    queryKey: documentKey(orgId, documentId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/documents/{documentId}', { params: { path: { orgId, documentId } } })),
  });
}

export function useDocumentHistory(orgId: string, documentId: string) {
  return useQuery({
    queryKey: [...documentKey(orgId, documentId), 'history'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/documents/{documentId}/history', { params: { path: { orgId, documentId } } })),
  });
}

export function useCoreSet(orgId: string) {
  return useQuery({
    queryKey: [...documentsKey(orgId), 'core-set'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/documents/core-set', { params: { path: { orgId } } })),
  });
}

export function useTemplates(orgId: string) {
  return useQuery({
    queryKey: [...documentsKey(orgId), 'templates'],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/documents/templates', { params: { path: { orgId } } })),
  });
}

export function useCreateDocument(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: DocumentInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/documents', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

export function useCreateFromTemplate(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: { templateId: string; title?: string }) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/documents/from-template', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

/** An edit of the register fields: what it sends, the ETag of the copy the form opened on. */
export interface DocumentEdit {
  body: Partial<DocumentInput>;
  ifMatch: string;
}

export function useUpdateDocument(orgId: string, documentId: string, concurrency?: Concurrency<DocumentEdit, Document>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: DocumentEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/documents/{documentId}', {
          params: { path: { orgId, documentId }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}

export function useSubmitForReview(orgId: string, documentId: string) {
  return useOrgMutation(
    orgId,
    ({ ifMatch, note }: { ifMatch: string; note?: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/documents/{documentId}/content/draft/submit', {
          params: { path: { orgId, documentId }, header: ifMatchHeader(ifMatch) },
          // the note goes to the approvers in their notification
          body: note?.trim() ? { note: note.trim() } : {},
        }),
      ),
    { invalidates: INVALIDATES, notify: 'Sent for review', notifyError: true },
  );
}

export function useRetireDocument(orgId: string, documentId: string) {
  return useOrgMutation(
    orgId,
    ({ reason, ifMatch }: { reason: string; ifMatch: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/documents/{documentId}/retire', {
          params: { path: { orgId, documentId }, header: ifMatchHeader(ifMatch) },
          body: { reason },
        }),
      ),
    { invalidates: INVALIDATES, notify: 'Document retired' },
  );
}
