// Supplier register (Annex A.10.3): who provides the AI platforms, APIs,
// models, datasets and services the organization depends on, and the
// AI-specific reviews that show each supplier is still acceptable.
export { supplierRoutes } from './suppliers.routes.js';
export { insertSupplier, supplierReviewSummary, toSupplier } from './suppliers.service.js';
export { findSuppliersByNameKey, supplierNames } from './suppliers.repository.js';
export { SUPPLIER_KINDS, REVIEW_QUESTIONS, type SupplierInput } from './suppliers.schemas.js';
export { todayUtc } from './suppliers.rules.js';
