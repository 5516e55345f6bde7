import type { paths } from '../api-types';

// A versioned record's shapes, found in the OpenAPI document from its base
// path (the server's registerVersionedRoutes): a path the API does not serve
// as a versioned record fails typecheck, and a schema change reaches every page.

type OrgPath = keyof paths & `/api/v1/orgs/{orgId}/${string}`;

/** '/api/v1/orgs/{orgId}/scope', '/api/v1/orgs/{orgId}/risk-method', ...: the bases with a draft to approve. */
export type VersionedPath = { [P in OrgPath]: P extends `${infer B}/draft/approve` ? B : never }[OrgPath];

type Op<P, M extends string> = P extends keyof paths ? (M extends keyof paths[P] ? NonNullable<paths[P][M]> : never) : never;
type Json200<P, M extends string> =
  Op<P, M> extends { responses: { 200: { content: { 'application/json': infer A } } } } ? A : never;

/** The approved version and the draft (plus what the record adds, e.g. the method's `suggested`). */
export type OverviewOf<P extends VersionedPath> = Json200<P, 'get'>;
/** One version: content, status, approval and the derived fields (checks, statement...). */
export type VersionOf<P extends VersionedPath> = Json200<`${P}/versions/{version}`, 'get'>;
/** What PUT <path>/draft takes as `content`. */
export type ContentOf<P extends VersionedPath> =
  Op<`${P}/draft`, 'put'> extends {
    requestBody: { content: { 'application/json': { content: infer C } } };
  }
    ? C
    : never;
/** One difference in a comparison. */
export type ChangeOf<P extends VersionedPath> = Json200<`${P}/compare`, 'get'> extends { changes: (infer C)[] } ? C : never;
/** The path parameters besides orgId, e.g. { documentId } for a keyed record; {} for one per organization. */
export type KeyParamsOf<P extends VersionedPath> =
  Op<P, 'get'> extends { parameters: { path: infer A } } ? Omit<A, 'orgId'> : never;

/** What every version has, whatever the record: the kit's components need only this. */
export interface VersionSummary {
  id: string;
  version: number;
  status: 'draft' | 'approved' | 'superseded';
  createdAt: string;
  updatedAt: string;
  approvedByName: string | null;
  approvedAt: string | null;
  approvalNote: string | null;
  acceptedExceptions: { code: string; field: string; message: string; reason: string }[];
}

export interface OverviewSummary {
  approved: VersionSummary | null;
  draft: VersionSummary | null;
}

/** A check of a version (the server's rules), as the approval dialog needs it. */
export interface VersionCheck {
  code: string;
  field?: string;
  severity: string;
  message: string;
}
