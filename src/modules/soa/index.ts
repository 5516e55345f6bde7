// The Statement of Applicability (clause 6.1.3): every Annex A control and the
// organization's own controls, each applicable or not with its justification,
// implementation status, owner, and the risks whose treatment relies on it.
import { registerLinkKind } from '../../platform/refs/index.js';
import { isAnnexAId, rowName } from './soa.rules.js';
import { currentOwnControls } from './soa.service.js';

// A "control" link names an Annex A control by its catalogue id (A.6.2.6) or
// an own control by the id the organization gave it (OC-01). Annex A controls
// are always linkable, whether the SoA includes them or not (excluding one a
// risk relies on is flagged in the SoA). An own control is linkable while it
// is in the current draft or the approved version; one removed from both
// reads as unknown.
registerLinkKind({
  kind: 'control',
  noun: 'an Annex A control or an own control in the Statement of Applicability',
  async lookup(db, orgId, ids) {
    const found = new Map(ids.filter(isAnnexAId).map((id) => [id, { label: rowName(id), archived: false, linkable: true }]));
    if (ids.some((id) => !isAnnexAId(id))) {
      const own = await currentOwnControls(db, orgId);
      for (const id of ids) if (own.has(id)) found.set(id, { label: rowName(id, own.get(id)), archived: false, linkable: true });
    }
    return found;
  },
});

export { soaRoutes } from './soa.routes.js';
export { currentSoa, soaRows } from './soa.service.js';
export { type SoaSummary, soaSummary } from './soa.summary.js';
export type { SoaCurrent, SoaRow } from './soa.schemas.js';
export { IMPLEMENTATION_STATUSES, type ImplementationStatus } from './soa.schemas.js';
