// The register kit: one definition per register gives org-scoped list, get,
// create, update, archive, restore and history, audited, with its routes.
export type { ListQueryBase, RegisterDefinition, RegisterRoutesSpec, RegisterTable, RowOf, SortSpec } from './definition.js';
export { registerRoutes } from './routes.js';
export {
  type AnyRegister,
  changedSince,
  createRecord,
  findRow,
  getRecord,
  insertRecord,
  listRecords,
  lockRow,
  recordHistory,
  registerLinkKindOf,
  setArchived,
  updateRecord,
} from './store.js';
export {
  etagOf,
  expectedUpdatedAt,
  IF_MATCH_NOTE,
  ifMatchHeaders,
  ifMatchOf,
  isStale,
  laterThan,
  StaleMarker,
  StaleWrite,
  staleProblemSchema,
  withStale,
} from './concurrency.js';
