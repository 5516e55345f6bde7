import { Alert, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import type { AuditEntry, EntryDescription } from '../../../shared/ui/ChangeHistory';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { formatDate, formatDatesIn } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { AcknowledgementsCard } from '../components/AcknowledgementsCard';
import { StatusBadge } from '../components/columns';
import { ContentEditor } from '../components/ContentEditor';
import { MarkdownView } from '../components/MarkdownView';
import { FileContent } from '../components/FileContent';
import { MetadataCard } from '../components/MetadataCard';
import { RetireModal } from '../components/RetireModal';
import { VersionsCard } from '../components/VersionsCard';
import { type Document, useDocument, useDocumentHistory } from '../hooks/useDocuments';
import { exportUrl, useDocumentRecord } from '../hooks/useDocumentContent';
import { CATEGORY_LABELS, FIELD_LABELS, FLAG_LABELS } from '../labels';

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Added', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
  retire: { title: 'Retired', color: 'gray' },
  submit: { title: 'Sent for review', color: 'blue' },
  'review-withdrawn': { title: 'Review withdrawn', color: 'gray' },
  approve: { title: 'Version approved', color: 'teal' },
  supersede: { title: 'Version superseded', color: 'gray' },
  acknowledge: { title: 'Acknowledged', color: 'teal' },
  delete: { title: 'Draft discarded', color: 'gray' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: e.action };
const formatValue = (field: string, value: unknown) =>
  field === 'nextReviewDate' && typeof value === 'string' ? formatDate(value) : null;

/** A retired or archived document: its approved text, read only. */
function ReadOnlyText({ orgId, document: doc }: { orgId: string; document: Document }) {
  const record = useDocumentRecord(orgId, doc.id);
  const overview = useQuery(record.overview);
  return (
    <QueryState query={overview}>
      {({ approved, draft }) => {
        const shown = approved ?? draft;
        if (!shown) return <Text c="dimmed">No text was written.</Text>;
        return shown.content.format === 'markdown' ? (
          <MarkdownView source={shown.content.body} />
        ) : (
          <FileContent orgId={orgId} content={shown.content} editable={false} onChange={() => undefined} />
        );
      }}
    </QueryState>
  );
}

function Editor({ orgId, document: doc }: { orgId: string; document: Document }) {
  const record = useDocumentRecord(orgId, doc.id);
  const overview = useQuery(record.overview);
  return (
    <QueryState query={overview}>
      {(o) => <ContentEditor key={`${doc.id}`} record={record} overview={o} document={doc} />}
    </QueryState>
  );
}

function DocumentView({ document: doc }: { document: Document }) {
  const { org, can } = useOrg();
  const history = useDocumentHistory(org.id, doc.id);
  const record = useDocumentRecord(org.id, doc.id);
  const [retiring, setRetiring] = useState(false);
  const archived = doc.archivedAt !== null;
  const retired = doc.status === 'retired';
  const editable = can('write') && !archived && !retired;
  const shownVersion = doc.approvedVersion;

  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/documents`}>Documents</BackLink>
      <PageHeader
        eyebrow={`${doc.number} · ${CATEGORY_LABELS[doc.category]}`}
        title={doc.title}
        badge={
          <Group gap="xs">
            <StatusBadge status={doc.status} />
            {doc.approvedVersion && (
              <Badge variant="outline" color="gray" radius="sm" tt="none">
                Version {doc.approvedVersion}
                {doc.approvedAt ? ` · approved ${formatDate(doc.approvedAt.slice(0, 10))}` : ''}
              </Badge>
            )}
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            {shownVersion && (
              <>
                <DownloadButton variant="default" href={exportUrl(org.id, doc.id, shownVersion, 'pdf')}>
                  PDF
                </DownloadButton>
                <DownloadButton variant="default" href={exportUrl(org.id, doc.id, shownVersion, 'docx')}>
                  DOCX
                </DownloadButton>
              </>
            )}
            {can('approve') && !retired && !archived && (
              <Button variant="default" color="red" onClick={() => setRetiring(true)}>
                Retire…
              </Button>
            )}
            {can('write') && (
              <ArchiveAction
                orgId={org.id}
                register="documents"
                record={{ ...doc, name: doc.title }}
                archiveText="An archived document leaves the register. Its versions, acknowledgements and history are kept, and it can be restored."
              />
            )}
          </>
        }
      />
      {retired && (
        <Alert color="gray" variant="light" title="Retired">
          {doc.retiredAt ? `Retired on ${formatDate(doc.retiredAt.slice(0, 10))}. ` : ''}
          {doc.retiredReason}
        </Alert>
      )}
      {doc.flags.length > 0 && !archived && !retired && (
        <Alert
          color={doc.flags.some((f) => f.severity === 'warning') ? 'orange' : 'blue'}
          variant="light"
          title="What an auditor would ask about"
        >
          <Stack gap={2} component="ul" m={0} pl="md">
            {doc.flags.map((f) => (
              <li key={f.code}>
                <Text size="sm">
                  <strong>{FLAG_LABELS[f.code] ?? f.code}:</strong> {formatDatesIn(f.message)}
                </Text>
              </li>
            ))}
          </Stack>
        </Alert>
      )}
      {editable ? <Editor orgId={org.id} document={doc} /> : <ReadOnlyText orgId={org.id} document={doc} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <VersionsCard record={record} documentId={doc.id} />
            {doc.requiresAcknowledgement && <AcknowledgementsCard orgId={org.id} document={doc} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <MetadataCard orgId={org.id} document={doc} editable={editable} />
            <RecordHistoryCard
              id="document-history-title"
              history={history}
              record={doc}
              fieldLabels={FIELD_LABELS}
              describe={describe}
              formatValue={formatValue}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <RetireModal orgId={org.id} document={doc} opened={retiring} onClose={() => setRetiring(false)} />
    </Stack>
  );
}

/** One controlled document: its text and versions, who acknowledged it, and its control data. */
export function DocumentPage() {
  const { org } = useOrg();
  const { documentId = '' } = useParams();
  return (
    <RecordLoader query={useDocument(org.id, documentId)} what="document">
      {(data) => <DocumentView key={data.id} document={data} />}
    </RecordLoader>
  );
}
