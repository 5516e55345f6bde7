import { Button, Checkbox, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import {
  flagParam,
  ListFilterActions,
  RegisterTable,
  textParam,
  useRegisterFilters,
  useRegisterList,
} from '../../../shared/register';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { COLUMNS, DEFAULT_COLUMNS } from '../components/columns';
import { exportHref, type RoleListQuery } from '../hooks/useRoles';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<RoleListQuery, 'cursor' | 'limit'>;
type Sort = NonNullable<Filters['sort']>;
const SORTS: Sort[] = ['vacancy', 'name', '-name', 'updatedAt', '-updatedAt'];

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const q = textParam(params, 'q');
  if (q) f.q = q;
  if (flagParam(params, 'flagged')) f.flagged = 'true';
  if (flagParam(params, 'vacant')) f.vacant = 'true';
  if (flagParam(params, 'includeArchived')) f.includeArchived = 'true';
  const sort = params.get('sort') as Sort | null;
  if (sort && SORTS.includes(sort)) f.sort = sort;
  return f;
}

/** Governance roles (clause 5.3, A.3.2): who holds each AI governance role, who stands in, and which are vacant. */
export function RolesPage() {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'roles', filters);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/roles`;
  const narrowed = !!filters.q || !!filters.flagged || !!filters.vacant;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Support · Clause 5.3 · Annex A.3.2"
        title="Governance roles"
        description="Who is responsible for what in the AI management system: each role with its holder and deputy, what it is responsible for and what it may decide. Vacant roles come first."
        actions={
          <>
            <DownloadButton variant="default" href={exportHref(org.id, 'xlsx')} filename="ai-roles-and-responsibilities.xlsx">
              Export XLSX
            </DownloadButton>
            <DownloadButton variant="default" href={exportHref(org.id, 'pdf')} filename="ai-roles-and-responsibilities.pdf">
              Export PDF
            </DownloadButton>
            <DownloadButton variant="default" href={exportHref(org.id, 'docx')} filename="ai-roles-and-responsibilities.docx">
              Export DOCX
            </DownloadButton>
            {canWrite && (
              <Button component={Link} to={`${base}/new`}>
                Add role
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Governance roles">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter governance roles">
            <TextInput
              label="Search"
              placeholder="Role or holder"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={280}
            />
            <Checkbox
              label="Only vacant"
              checked={filters.vacant === 'true'}
              onChange={(e) => setFilters({ vacant: e.currentTarget.checked ? 'true' : undefined })}
              mb={8}
            />
            <Checkbox
              label="Only flagged"
              checked={filters.flagged === 'true'}
              onChange={(e) => setFilters({ flagged: e.currentTarget.checked ? 'true' : undefined })}
              mb={8}
            />
          </Group>
          <RegisterTable
            register="roles"
            label="Governance roles"
            noun="role"
            list={list}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(r) => `${base}/${r.id}`}
            filtered={active > 0}
            sort={{
              value: filters.sort ?? 'vacancy',
              onChange: (sort) => setFilters({ sort: sort === 'vacancy' ? undefined : (sort as Sort) }, true),
            }}
            archive={
              canWrite
                ? {
                    orgId: org.id,
                    register: 'roles',
                    archiveText: () =>
                      'Archive a role the organization no longer uses. It leaves the list and the export; its history is kept and it can be restored.',
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
                title={narrowed ? 'No role matches' : 'No governance roles'}
                hint={narrowed ? 'Change the search or the filters.' : 'Add the roles your AI management system relies on.'}
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
