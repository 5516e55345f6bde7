// The register kit: what a register page (a list of an organization's
// records with its detail pages) is built from. A new register needs only its
// columns and its form.
export { ArchiveAction } from './ArchiveAction';
export { ColumnChooser, useRegisterColumns } from './ColumnChooser';
export { ListFilterActions } from './ListFilterActions';
export { RecordFooter } from './RecordFooter';
export { RecordHistoryCard } from './RecordHistoryCard';
export { RecordLoader } from './RecordLoader';
export { type RegisterColumn, RegisterTable } from './RegisterTable';
export {
  type ArchivableRegister,
  type RegisterItem,
  type RegisterName,
  type RegisterQuery,
  type RegisterRecord,
  registerKey,
} from './types';
export { useArchiveRecord } from './useArchiveRecord';
export { type RecordEdit, useRecordDraft, useRecordSubmit } from './useRecordForm';
export {
  type Concurrency,
  type OpenConflict,
  type OrgMutation,
  type OrgMutationOptions,
  useOrgMutation,
} from './useOrgMutation';
export { conflictOf, differences, type FieldDifference, ifMatchHeader, versionTag } from './conflict';
export { flagParam, textParam, useRegisterFilters } from './useRegisterFilters';
export { PAGE_SIZE, type RegisterList, useRegisterList } from './useRegisterList';
