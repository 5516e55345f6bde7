// Versioned records: draft, approval into immutable versions, history and
// comparison, written once for the scope, the risk method, the Statement of
// Applicability, documents and policies, and management review minutes.
export { defineVersionedRecord } from './versioned.js';
export type {
  AcceptedException,
  ExceptionInput,
  Overview,
  RecordRef,
  VersionColumns,
  VersionCheck,
  VersionedDefinition,
  VersionedRecord,
  VersionStatus,
  VersionView,
  WriteOptions,
} from './versioned.types.js';
export { type DiffOptions, diffContent, type VersionChange } from './versioned.diff.js';
export {
  acceptedExceptionSchema,
  approveBody,
  compareQuery,
  exceptionInput,
  versionedSchemas,
  versionStatusSchema,
} from './versioned.schemas.js';
export { acceptExceptions } from './versioned.exceptions.js';
export { registerVersionedRoutes, type VersionedRoutesOptions } from './versioned.routes.js';
