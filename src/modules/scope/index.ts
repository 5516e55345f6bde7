// The AIMS scope (clause 4.3, journey step 1), with the context it rests on:
// internal and external issues (4.1) and interested parties (4.2). Drafted,
// checked against Stage 1 failure points, approved into immutable versions.
export { scopeRoutes } from './scope.routes.js';
export {
  approvedScopeSystems,
  getOverview as getScopeOverview,
  versionsByIds as scopeVersionsByIds,
} from './scope.service.js';
export type { ScopeContent, ScopeVersion } from './scope.schemas.js';
