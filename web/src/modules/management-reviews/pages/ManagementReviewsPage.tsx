import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
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
import { FlagBadges } from '../../../shared/ui/FlagBadges';
import { formatDate, formatDateTime, options } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import type { ManagementReview, ReviewListQuery } from '../hooks/useManagementReviews';
import { FLAG_LABELS, STATUS_COLORS, STATUS_LABELS } from '../labels';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<ReviewListQuery, 'cursor' | 'limit'>;
type Row = ManagementReview & { name: string };

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

export function ReviewStatusBadge({ status }: { status: ManagementReview['status'] }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

const COLUMNS: RegisterColumn<Row>[] = [
  {
    id: 'meetingDate',
    label: 'Meeting',
    sort: 'meetingDate',
    width: 120,
    render: (r) => <Text size="sm">{formatDate(r.meetingDate)}</Text>,
  },
  { id: 'status', label: 'Status', width: 140, render: (r) => <ReviewStatusBadge status={r.status} /> },
  {
    id: 'actions',
    label: 'Open actions',
    width: 120,
    render: (r) => <Text size="sm">{r.actions.filter((a) => a.status === 'open').length}</Text>,
  },
  {
    id: 'approval',
    label: 'Approved',
    width: 200,
    render: (r) => <Text size="sm">{r.approval ? `${formatDateTime(r.approval.at)} by ${r.approval.by.name}` : '—'}</Text>,
  },
  {
    id: 'flags',
    label: 'Flags',
    width: 200,
    render: (r) => <FlagBadges flags={r.flags} labels={FLAG_LABELS} />,
  },
];
const DEFAULT_COLUMNS = ['meetingDate', 'status', 'actions', 'flags'];

/** Management reviews (clause 9.3): the meetings where top management reviews the AI management system. */
export function ManagementReviewsPage() {
  const { org, can } = useOrg();
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'management-reviews', filters);
  const rows = useMemo(() => list.items.map((r) => ({ ...r, name: `${r.number} ${r.title}` })), [list.items]);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/management-reviews`;
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Evaluation · Clause 9.3"
        title="Management reviews"
        description="Top management looks at how the AI management system is doing: the inputs are compiled and frozen, then the minutes, decisions and actions are recorded and approved."
        actions={
          <Group gap="sm">
            {can('admin') && (
              <Button component={Link} to={`${base}/settings`} variant="default">
                Top management
              </Button>
            )}
            {can('write') && (
              <Button component={Link} to={`${base}/new`}>
                Plan a review
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Management reviews">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter management reviews">
            <TextInput
              label="Search"
              placeholder="Title or MR number"
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
              w={180}
            />
          </Group>
          <RegisterTable
            register="management-reviews"
            label="Management reviews"
            noun="management review"
            list={{ ...list, items: rows } as RegisterList<Row>}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(r) => `${base}/${r.id}`}
            filtered={active > 0}
            sort={{
              value: (filters.sort ?? '-meetingDate').replace('title', 'name'),
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
                title={active ? 'No review matches' : 'No management review planned yet'}
                hint={active ? 'Change the search or the filters.' : 'Plan the first review: pick a date and who attends.'}
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
