import type { paths } from '../api-types';

// Registers are the organization's lists of records under
// /api/v1/orgs/{orgId}/<register>: a GET answering { items, nextCursor },
// and POST .../{id}/archive and .../restore. These types find them in the
// OpenAPI document, so a register the API does not have fails typecheck.

type OrgPath = keyof paths & `/api/v1/orgs/{orgId}/${string}`;
type ListAnswer = { items: unknown[]; nextCursor: string | null };
type Answer200<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer A } } } };
}
  ? A
  : never;

/** 'ai-systems', 'suppliers', ...: the org-scoped paths whose GET is a cursor list. */
export type RegisterName = {
  [P in OrgPath]: P extends `/api/v1/orgs/{orgId}/${infer R}`
    ? R extends `${string}/${string}`
      ? never
      : // a path without a GET (never) would otherwise pass the list test
        [Answer200<P>] extends [never]
        ? never
        : Answer200<P> extends ListAnswer
          ? R
          : never
    : never;
}[OrgPath];

export type RegisterPath<R extends RegisterName> = `/api/v1/orgs/{orgId}/${R}`;
export type RegisterPage<R extends RegisterName> = Answer200<RegisterPath<R>> & ListAnswer;
export type RegisterItem<R extends RegisterName> = RegisterPage<R>['items'][number];
type ListQueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;
/** A register's filters, sort and search: its list query without the paging. */
export type RegisterQuery<R extends RegisterName> = Omit<ListQueryOf<RegisterPath<R>>, 'cursor' | 'limit'>;

/** The registers whose records can be archived and restored. */
export type ArchivableRegister = {
  [P in OrgPath]: P extends `/api/v1/orgs/{orgId}/${infer R}/{${string}}/archive` ? R : never;
}[OrgPath];

/** What every register row has. */
export interface RegisterRecord {
  id: string;
  name: string;
  archivedAt: string | null;
}

/** The key of everything cached about a register; invalidating it refreshes all its reads. */
export const registerKey = (orgId: string, register: string) => ['orgs', orgId, register] as const;
