// AI system inventory (journey step 3): where AI is used, who owns it, how
// risky it is, which suppliers it depends on and how it is monitored. Flags
// what Stage 1 would find missing, detects duplicates, merges them.
export { inventoryRoutes } from './inventory.routes.js';
export { checkReferences, flagContext, getAiSystem, insertAiSystem, inventorySummary, replaceAiSystem } from './inventory.service.js';
export { rowToInput, inputToColumns } from './inventory.mapping.js';
export { findByExternalIds, supplierLinks } from './inventory.repository.js';
export * from './inventory.schemas.js';
