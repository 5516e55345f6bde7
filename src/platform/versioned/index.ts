// Versioned records: draft, approval into immutable versions, history and
// comparison, written once for the scope, the risk method, the Statement of
// Applicability, documents and policies, and management review minutes.
export {
  type AcceptedException,
  defineVersionedRecord,
  type ExceptionInput,
  type Overview,
  type RecordRef,
  type VersionColumns,
  type VersionedDefinition,
  type VersionedRecord,
  type VersionCheck,
  type VersionStatus,
  type VersionView,
  type WriteOptions,
} from './versioned.js';
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
