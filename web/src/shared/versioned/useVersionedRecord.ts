import { queryOptions } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, type Schemas, unwrap } from '../api';
import { ifMatchHeader } from '../register';
import type { ChangeOf, ContentOf, KeyParamsOf, OverviewOf, VersionedPath, VersionOf } from './types';

export type ApprovalException = Schemas['ApprovalExceptionInput'];

export interface VersionedRecordOptions<P extends VersionedPath> {
  orgId: string;
  /** the record's base path in the API, e.g. '/api/v1/orgs/{orgId}/scope' */
  path: P;
  /** the path's other parameters, e.g. { documentId } for '/api/v1/orgs/{orgId}/documents/{documentId}' */
  params?: KeyParamsOf<P>;
  /** its reads are cached under ['orgs', orgId, ...queryKey]: ['scope'], ['documents', documentId] */
  queryKey: readonly [string, ...string[]];
  /** other reads a write makes stale, by their second key part: the method's writes re-score ['risks'] */
  alsoInvalidates?: string[];
  /** the notification after an approval; none by default */
  approvedMessage?: (approved: VersionOf<P>) => string;
}

/** One versioned record: its reads as query options (for useQuery) and its writes. */
export interface VersionedRecord<O, V, C, Ch> {
  orgId: string;
  /** every read of the record starts with this key */
  key: readonly unknown[];
  overviewKey: readonly unknown[];
  /** the second key parts a write makes stale (for useOrgMutation's invalidates) */
  invalidates: string[];
  approvedMessage?: (approved: V) => string;
  overview: ReturnType<typeof queryOptions<O>>;
  versions: ReturnType<typeof queryOptions<{ items: V[] }>>;
  version(n: number): ReturnType<typeof queryOptions<V>>;
  compare(from: number, to: number): ReturnType<typeof queryOptions<{ from: number; to: number; changes: Ch[] }>>;
  saveDraft(content: C, ifMatch: string): Promise<V>;
  approve(note: string, exceptions: ApprovalException[], ifMatch: string): Promise<V>;
  discard(ifMatch: string): Promise<void>;
}

export type RecordOf<P extends VersionedPath> = VersionedRecord<OverviewOf<P>, VersionOf<P>, ContentOf<P>, ChangeOf<P>>;

// The typed client cannot take a path chosen at run time; the types above
// (from the OpenAPI document) stand for it at the edges instead.
type Init = { params: { path: object; query?: object; header?: object }; body?: unknown };
type Call = (url: string, init: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const client = api as unknown as Record<'GET' | 'PUT' | 'POST' | 'DELETE', Call>;

/**
 * A versioned record of the API (the server's registerVersionedRoutes) for
 * the web: `useQuery(record.overview)`, `useQuery(record.versions)`, and the
 * writes useDraftEditor sends.
 */
export function useVersionedRecord<P extends VersionedPath>(options: VersionedRecordOptions<P>): RecordOf<P> {
  const { orgId, path, params, queryKey, alsoInvalidates, approvedMessage } = options;
  const paramsKey = JSON.stringify(params ?? {});
  const keyKey = JSON.stringify(queryKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: params and queryKey by value (callers pass literals)
  return useMemo(() => {
    const pathParams = { orgId, ...(params ?? {}) };
    const run = <T>(method: keyof typeof client, suffix: string, init: Omit<Init, 'params'> & Partial<Init> = {}) =>
      unwrap(client[method](`${path}${suffix}`, { ...init, params: { path: pathParams, ...init.params } })) as Promise<T>;
    const key = ['orgs', orgId, ...queryKey] as const;
    const overviewKey = [...key, 'overview'] as const;
    return {
      orgId,
      key,
      overviewKey,
      invalidates: [queryKey[0], ...(alsoInvalidates ?? [])],
      approvedMessage,
      overview: queryOptions({ queryKey: overviewKey, queryFn: () => run<OverviewOf<P>>('GET', '') }),
      versions: queryOptions({
        queryKey: [...key, 'versions'],
        queryFn: () => run<{ items: VersionOf<P>[] }>('GET', '/versions'),
      }),
      version: (n: number) =>
        queryOptions({
          queryKey: [...key, 'versions', n],
          enabled: Number.isInteger(n) && n > 0,
          queryFn: () => run<VersionOf<P>>('GET', '/versions/{version}', { params: { path: { ...pathParams, version: n } } }),
        }),
      compare: (from: number, to: number) =>
        queryOptions({
          queryKey: [...key, 'compare', from, to],
          enabled: from > 0 && to > 0 && from !== to,
          queryFn: () =>
            run<{ from: number; to: number; changes: ChangeOf<P>[] }>('GET', '/compare', {
              params: { path: pathParams, query: { from, to } },
            }),
        }),
      saveDraft: (content: ContentOf<P>, ifMatch: string) =>
        run<VersionOf<P>>('PUT', '/draft', { params: { path: pathParams, header: ifMatchHeader(ifMatch) }, body: { content } }),
      approve: (note: string, exceptions: ApprovalException[], ifMatch: string) =>
        run<VersionOf<P>>('POST', '/draft/approve', {
          params: { path: pathParams, header: ifMatchHeader(ifMatch) },
          body: { ...(note.trim() ? { note: note.trim() } : {}), ...(exceptions.length ? { exceptions } : {}) },
        }),
      discard: (ifMatch: string) =>
        run<void>('DELETE', '/draft', { params: { path: pathParams, header: ifMatchHeader(ifMatch) } }),
    } as RecordOf<P>;
  }, [orgId, path, paramsKey, keyKey]);
}
