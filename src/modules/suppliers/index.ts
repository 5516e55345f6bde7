// Supplier register (Annex A.10.3): who provides the AI platforms, APIs,
// models, datasets and services the organization depends on, and the
// AI-specific reviews that show each supplier is still acceptable.
import { registerLinkKind } from '../../platform/refs/index.js';
import { supplierLabels } from './suppliers.repository.js';

registerLinkKind({
  kind: 'supplier',
  noun: 'a supplier',
  async lookup(db, orgId, ids) {
    const found = await supplierLabels(db, orgId, ids);
    return new Map([...found].map(([id, s]) => [id, { label: s.name, archived: s.archived, linkable: true }]));
  },
});

export { supplierRoutes } from './suppliers.routes.js';
export { insertSupplier, supplierReviewSummary, toSupplier } from './suppliers.service.js';
export { findSuppliersByNameKey, supplierLabels } from './suppliers.repository.js';
export { provideSupplierDependents, type SupplierDependent } from './suppliers.dependents.js';
export { SUPPLIER_KINDS, REVIEW_QUESTIONS, type SupplierInput } from './suppliers.schemas.js';
