// AI system inventory (journey step 3): where AI is used, who owns it, how
// risky it is, which suppliers it depends on and how it is monitored. Flags
// what Stage 1 would find missing, detects duplicates, merges them.
export { inventoryRoutes } from './inventory.routes.js';
export { inventoryTransferRoutes } from './inventory.transfer.routes.js';
export { importInventory, detectFormat, type ImportData } from './inventory.import.js';
export { exportInventory, importTemplate } from './inventory.export.js';
export { IMPORT_FORMATS, type ImportFormat, type ImportReport } from './inventory.transfer.schemas.js';
export { TEMPLATE_HEADERS } from './inventory.columns.js';
export {
  checkReferences,
  flagContext,
  getAiSystem,
  insertAiSystem,
  inventorySummary,
  replaceAiSystem,
} from './inventory.service.js';
export { rowToInput, inputToColumns } from './inventory.mapping.js';
export { aiSystemNames, findByExternalIds, supplierLinks } from './inventory.repository.js';
export * from './inventory.schemas.js';
