import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import {
  ListFilterActions,
  type RegisterColumn,
  type RegisterList,
  RegisterTable,
  textParam,
  useRegisterFilters,
  useRegisterList,
} from '../../../shared/register';
import { formatDate, options } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { AuditStatusBadge } from '../components/StatusBadge';
import type { AuditListQuery, InternalAudit } from '../hooks/useInternalAudits';
import { STATUS_LABELS } from '../labels';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<AuditListQuery, 'cursor' | 'limit'>;
type Row = InternalAudit & { name: string };

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const q = textParam(params, 'q');
  if (q) f.q = q;
  const status = params.get('status');
  if (status && status in STATUS_LABELS) f.status = status as Filters['status'];
  if (params.get('includeArchived') === 'true') f.includeArchived = 'true';
  const sort = params.get('sort');
  if (sort) f.sort = sort as Filters['sort'];
  return f;
}

const COLUMNS: RegisterColumn<Row>[] = [
  { id: 'status', label: 'Status', width: 120, render: (a) => <AuditStatusBadge status={a.status} /> },
  {
    id: 'plannedStart',
    label: 'Planned',
    sort: 'plannedStart',
    width: 200,
    render: (a) => (
      <Text size="sm">
        {a.plannedStart ? `${formatDate(a.plannedStart)}${a.plannedEnd ? ` to ${formatDate(a.plannedEnd)}` : ''}` : 'Not dated'}
      </Text>
    ),
  },
  {
    id: 'lead',
    label: 'Lead auditor',
    width: 170,
    render: (a) => <Text size="sm">{a.auditors.find((x) => x.lead)?.name ?? 'Not named'}</Text>,
  },
  {
    id: 'progress',
    label: 'Checklist',
    width: 140,
    render: (a) => <Text size="sm">{a.itemCount ? `${a.answeredCount} of ${a.itemCount} answered` : 'Not started'}</Text>,
  },
  { id: 'requirements', label: 'Requirements', width: 120, render: (a) => <Text size="sm">{a.requirementIds.length}</Text> },
];
const DEFAULT_COLUMNS = ['status', 'plannedStart', 'lead', 'progress'];

/** Internal audits (clause 9.2): planned, under way and reported. */
export function InternalAuditsPage() {
  const { org, can } = useOrg();
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'internal-audits', filters);
  const rows = useMemo(() => list.items.map((a) => ({ ...a, name: `${a.number} ${a.title}` })), [list.items]);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/internal-audits`;
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Performance evaluation · Clause 9.2"
        title="Internal audits"
        description="Plan each audit with its scope and independent auditors, work through its checklist during the interviews, raise what you find and issue the report."
        actions={
          can('write') && (
            <Button component={Link} to={`${base}/new`}>
              Plan audit
            </Button>
          )
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Audits">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter audits">
            <TextInput
              label="Search"
              placeholder="Title or IA number"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={220}
            />
            <Select
              label="Status"
              placeholder="Any"
              clearable
              data={options(STATUS_LABELS)}
              value={filters.status ?? null}
              onChange={(v) => setFilters({ status: (v as Filters['status']) ?? undefined })}
              w={160}
            />
          </Group>
          <RegisterTable
            register="internal-audits"
            label="Internal audits"
            noun="audit"
            list={{ ...list, items: rows } as RegisterList<Row>}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(a) => `${base}/${a.id}`}
            filtered={active > 0}
            sort={{
              value: (filters.sort ?? '-number').replace('title', 'name'),
              onChange: (sort) => setFilters({ sort: sort.replace('name', 'title') as Filters['sort'] }, true),
            }}
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
                title={active ? 'No audit matches' : 'No internal audits yet'}
                hint={active ? 'Change the search or the filters.' : 'Plan the first audit: its scope, dates and auditors.'}
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
