import { Button, Checkbox, Group, Menu, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import {
  flagParam,
  ListFilterActions,
  type RegisterList,
  RegisterTable,
  textParam,
  useRegisterFilters,
  useRegisterList,
} from '../../../shared/register';
import { options } from '../../../shared/ui/format';
import { notify } from '../../../shared/ui/notifications';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ApprovalRuleSwitch } from '../components/ApprovalRuleSwitch';
import { columns, DEFAULT_COLUMNS, type DocumentRow } from '../components/columns';
import { CoreSetCard, type StartActions } from '../components/CoreSetCard';
import { FromTemplateModal } from '../components/FromTemplateModal';
import { NewDocumentModal } from '../components/NewDocumentModal';
import { typeOptions } from '../components/typeOptions';
import { type DocumentListQuery, useCoreSet, useTemplates } from '../hooks/useDocuments';
import { type DocumentStatus, STATUS_LABELS } from '../labels';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<DocumentListQuery, 'cursor' | 'limit'>;
type Sort = NonNullable<Filters['sort']>;

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const q = textParam(params, 'q');
  if (q) f.q = q;
  const status = params.get('status');
  if (status && status in STATUS_LABELS) f.status = status as DocumentStatus;
  const docType = textParam(params, 'docType');
  if (docType) f.docType = docType;
  if (flagParam(params, 'flagged')) f.flagged = 'true';
  if (flagParam(params, 'includeArchived')) f.includeArchived = 'true';
  const sort = params.get('sort');
  if (sort && /^-?(number|title|nextReviewDate|updatedAt)$/.test(sort)) f.sort = sort as Sort;
  return f;
}

// The register table sorts its first column as "name"; a document's name is its title.
const toTableSort = (s: string) => s.replace('title', 'name');
const toApiSort = (s: string) => s.replace('name', 'title') as Sort;

/** Document control (clause 7.5): the core set and where each is held, then every controlled document. */
export function DocumentsPage() {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const navigate = useNavigate();
  const base = `/orgs/${org.id}/documents`;
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'documents', filters);
  const coreSet = useCoreSet(org.id);
  const templates = useTemplates(org.id);
  const rows = useMemo(() => list.items.map((d) => ({ ...d, name: d.title })), [list.items]);
  const cols = useMemo(() => columns(coreSet.data?.items), [coreSet.data]);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [newMode, setNewMode] = useState<{ kind: 'new' | 'upload'; docType: string } | null>(null);
  const narrowed = !!filters.q || !!filters.status || !!filters.docType || !!filters.flagged;

  const start: StartActions | null = canWrite
    ? {
        templateFor: (docType) => templates.data?.items.find((t) => t.docType === docType)?.id ?? null,
        fromTemplate: setTemplateId,
        upload: (docType) => setNewMode({ kind: 'upload', docType }),
        create: (docType) => setNewMode({ kind: 'new', docType }),
      }
    : null;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Support · Clause 7.5"
        title="Documents"
        description="The AI management system's controlled documents: each with its owner, approved version, review date and who must read it. Policies and procedures are written here from our templates or uploaded; records the other pages keep stay live there."
        actions={
          start && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button>Add a document</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setTemplateId('')}>New from template</Menu.Item>
                <Menu.Item onClick={() => start.create('other')}>New document</Menu.Item>
                <Menu.Item onClick={() => start.upload('other')}>Upload</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )
        }
      />
      <CoreSetCard orgId={org.id} actions={start} />
      {can('admin') && (
        <Paper withBorder p="md" component="section" aria-label="Approval rule">
          <ApprovalRuleSwitch orgId={org.id} />
        </Paper>
      )}
      <Paper withBorder p="lg" component="section" aria-label="Document register">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter documents">
            <TextInput
              label="Search"
              placeholder="Title or DOC-001"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={240}
            />
            <Select
              label="Status"
              placeholder="Any"
              clearable
              data={options(STATUS_LABELS)}
              value={filters.status ?? null}
              onChange={(v) => setFilters({ status: (v as DocumentStatus | null) ?? undefined })}
              w={150}
            />
            <Select
              label="Type"
              placeholder="Any"
              clearable
              searchable
              data={typeOptions(coreSet.data?.items)}
              value={filters.docType ?? null}
              onChange={(v) => setFilters({ docType: v ?? undefined })}
              w={240}
            />
            <Checkbox
              label="Only flagged"
              checked={filters.flagged === 'true'}
              onChange={(e) => setFilters({ flagged: e.currentTarget.checked ? 'true' : undefined })}
              mb={8}
            />
          </Group>
          <RegisterTable
            register="documents"
            label="Documents"
            noun="document"
            list={{ ...list, items: rows } as RegisterList<DocumentRow>}
            columns={cols}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(d) => `${base}/${d.id}`}
            filtered={active > 0}
            sort={{
              value: toTableSort(filters.sort ?? 'number'),
              onChange: (sort) => setFilters({ sort: sort === 'number' ? undefined : toApiSort(sort) }, true),
            }}
            archive={
              canWrite
                ? {
                    orgId: org.id,
                    register: 'documents',
                    archiveText: () =>
                      'An archived document leaves the register. Its versions, acknowledgements and history are kept, and it can be restored.',
                  }
                : undefined
            }
            toolbarEnd={
              <ListFilterActions
                includeArchived={filters.includeArchived === 'true'}
                setIncludeArchived={(on) => setFilters({ includeArchived: on ? 'true' : undefined })}
                clearFilters={clearFilters}
                active={active}
              />
            }
            empty={
              <EmptyState
                title={narrowed ? 'No document matches' : 'No documents yet'}
                hint={
                  narrowed
                    ? 'Change the search or the filters.'
                    : 'Start with the AI policy: "Add a document", then "New from template".'
                }
              />
            }
          />
        </Stack>
      </Paper>
      <FromTemplateModal
        orgId={org.id}
        templateId={templateId}
        onClose={() => setTemplateId(null)}
        onCreated={(doc) => {
          if (doc.missing.length)
            notify({
              title: 'Draft created',
              message: `${doc.missing.length} ${doc.missing.length === 1 ? 'detail is' : 'details are'} marked in the text to complete.`,
            });
          navigate(`${base}/${doc.id}`);
        }}
      />
      <NewDocumentModal
        orgId={org.id}
        mode={newMode}
        onClose={() => setNewMode(null)}
        onCreated={(doc) => navigate(`${base}/${doc.id}`)}
      />
    </Stack>
  );
}
