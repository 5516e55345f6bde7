// The versioned-record kit, web half: the pages of a record that is drafted
// and approved (the server's src/platform/versioned). A page:
//   const record = useVersionedRecord({ orgId, path: '/api/v1/orgs/{orgId}/scope', queryKey: ['scope'] });
//   const overview = useQuery(record.overview);  // then, keyed by org, an editor:
//   const editor = useDraftEditor({ record, overview, initial, same });
//   <form {...editor.formProps}> ...fields on editor.form / editor.setForm... </form>
//   <DraftStatusCard editor={editor} what="scope" ... />  <DraftDialogs editor={editor} what="scope" ... />
//   <VersionHistoryList query={useQuery(record.versions)} what="scope" ... />
// and for a version's page VersionFacts and AcceptedExceptions; for a
// comparison CompareVersionsPicker and VersionChanges (useQuery(record.compare(from, to))).
export { CompareVersionsPicker } from './CompareVersionsPicker';
export { DiscardDraftModal, DraftDialogs } from './DraftDialogs';
export { DraftStatusCard } from './DraftStatusCard';
export type { ChangeOf, ContentOf, OverviewOf, VersionCheck, VersionedPath, VersionOf, VersionSummary } from './types';
export { type DraftEditor, type DraftEditorView, useDraftEditor } from './useDraftEditor';
export {
  type ApprovalException,
  type RecordOf,
  type VersionedRecord,
  type VersionedRecordOptions,
  useVersionedRecord,
} from './useVersionedRecord';
export { type VersionChange, VersionChanges } from './VersionChanges';
export { AcceptedExceptions, VersionFacts } from './VersionFacts';
export { type DocumentFormat, VersionHistoryList } from './VersionHistoryList';
