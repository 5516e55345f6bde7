// Supplier register (Annex A.10.3): who provides the AI platforms, APIs,
// models, datasets and services the organization depends on, and the
// AI-specific reviews that show each supplier is still acceptable.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { supplierRegister } from './suppliers.register.js';

registerLinkKind(
  registerLinkKindOf(supplierRegister, { kind: 'supplier', noun: 'a supplier', columns: ['name'], label: (r) => r.name }),
);

export { supplierRoutes } from './suppliers.routes.js';
export { insertSupplier, supplierReviewSummary, toSupplier } from './suppliers.service.js';
export { findSuppliersByNameKey } from './suppliers.repository.js';
export { supplierReviewsDue } from './suppliers.due.js';
export { provideSupplierDependents, type SupplierDependent } from './suppliers.dependents.js';
export { SUPPLIER_KINDS, REVIEW_QUESTIONS, type SupplierInput } from './suppliers.schemas.js';
