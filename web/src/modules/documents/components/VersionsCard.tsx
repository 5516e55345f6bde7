import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../../shared/ui/QueryState';
import { VersionHistoryList } from '../../../shared/versioned';
import { type DocumentRecord, exportUrl, useDocumentDiff } from '../hooks/useDocumentContent';
import { DiffView } from './DiffView';

function Diff({ orgId, documentId, from, to }: { orgId: string; documentId: string; from: number; to: number }) {
  const diff = useDocumentDiff(orgId, documentId, from, to);
  return <QueryState query={diff}>{(d) => <DiffView diff={d} />}</QueryState>;
}

/** Every version with its PDF and DOCX, and any two compared line by line right here. */
export function VersionsCard({ record, documentId }: { record: DocumentRecord; documentId: string }) {
  const versions = useQuery(record.versions);
  return (
    <VersionHistoryList
      query={versions}
      what="document"
      documentHref={(version, format) => exportUrl(record.orgId, documentId, version, format)}
      changes={(from, to) => <Diff orgId={record.orgId} documentId={documentId} from={from} to={to} />}
    />
  );
}
