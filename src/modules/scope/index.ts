// The AIMS scope (clause 4.3, journey step 1), with the context it rests on:
// internal and external issues (4.1) and interested parties (4.2). Drafted,
// checked against Stage 1 failure points, approved into immutable versions.
import { registerLinkKind } from '../../platform/refs/index.js';
import { versionsByIds } from './scope.service.js';

// A scope link names one version by its id, not "the scope": a record is
// judged against the scope as approved at the time, and an approved version
// is immutable, so the link keeps meaning the same text after the next
// approval (it then shows as superseded). Drafts change and are deleted when
// discarded, so they are not linkable.
registerLinkKind({
  kind: 'scope',
  noun: 'an approved scope version',
  async lookup(db, orgId, ids) {
    const found = await versionsByIds(db, orgId, ids);
    return new Map(
      [...found].map(([id, v]) => [
        id,
        { label: `Scope version ${v.version}`, archived: v.status === 'superseded', linkable: v.status !== 'draft' },
      ]),
    );
  },
});

export { scopeRoutes } from './scope.routes.js';
export {
  approvedScopeEntries,
  approvedScopeSystems,
  approvedScopeVersion,
  type ScopeEntry,
  getOverview as getScopeOverview,
} from './scope.service.js';
export type { ScopeContent, ScopeVersion } from './scope.schemas.js';
