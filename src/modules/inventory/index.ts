// AI system inventory (journey step 3): where AI is used, who owns it, how
// risky it is, which suppliers it depends on and how it is monitored. Flags
// what Stage 1 would find missing, detects duplicates, merges them.
import { registerLinkKind } from '../../platform/refs/index.js';
import { provideSupplierDependents } from '../suppliers/index.js';
import { aiSystemLabels, countBySupplier, listBySupplier } from './inventory.repository.js';

registerLinkKind({
  kind: 'ai-system',
  noun: 'an AI system',
  async lookup(db, orgId, ids) {
    const found = await aiSystemLabels(db, orgId, ids);
    return new Map([...found].map(([id, s]) => [id, { label: s.name, archived: s.archived, linkable: true }]));
  },
});
provideSupplierDependents({ count: countBySupplier, list: listBySupplier });

export { inventoryRoutes } from './inventory.routes.js';
export { inventoryTransferRoutes } from './inventory.transfer.routes.js';
export { importInventory, detectFormat, type ImportData } from './inventory.import.js';
export { exportInventory, importTemplate } from './inventory.export.js';
export { IMPORT_FORMATS, type ImportFormat, type ImportReport } from './inventory.transfer.schemas.js';
export { TEMPLATE_HEADERS } from './inventory.columns.js';
export { inventorySummary } from './inventory.summary.js';
export * from './inventory.schemas.js';
