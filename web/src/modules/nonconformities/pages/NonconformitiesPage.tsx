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
import { FlagBadges } from '../../../shared/ui/FlagBadges';
import { formatDate, options } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { GradeBadge, StatusBadge } from '../components/GradeBadge';
import { type NcListQuery, type Nonconformity, useGradeScale } from '../hooks/useNonconformities';
import { FLAG_LABELS, SOURCE_LABELS, STATUS_LABELS } from '../labels';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<NcListQuery, 'cursor' | 'limit'>;
type Row = Nonconformity & { name: string };

const FLAG_FILTERS: Record<string, string> = { any: 'Any flag', ...FLAG_LABELS };

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const key of ['q', 'grade'] as const) {
    const v = textParam(params, key);
    if (v) f[key] = v;
  }
  const status = params.get('status');
  if (status && status in STATUS_LABELS) f.status = status as Filters['status'];
  const source = params.get('sourceKind');
  if (source && source in SOURCE_LABELS) f.sourceKind = source as Filters['sourceKind'];
  const flag = params.get('flag');
  if (flag && flag in FLAG_FILTERS) f.flag = flag as Filters['flag'];
  if (params.get('includeArchived') === 'true') f.includeArchived = 'true';
  const sort = params.get('sort');
  if (sort) f.sort = sort as Filters['sort'];
  return f;
}

const COLUMNS: RegisterColumn<Row>[] = [
  { id: 'grade', label: 'Grade', width: 170, render: (i) => <GradeBadge grade={i.grade} label={i.gradeLabel} /> },
  { id: 'status', label: 'Status', width: 150, render: (i) => <StatusBadge status={i.status} /> },
  {
    id: 'source',
    label: 'Source',
    width: 160,
    render: (i) => (
      <Text size="sm">{i.source.label ? `${SOURCE_LABELS[i.source.kind]} ${i.source.label}` : SOURCE_LABELS[i.source.kind]}</Text>
    ),
  },
  {
    id: 'requirement',
    label: 'Requirement',
    width: 200,
    render: (i) => <Text size="sm">{i.requirement?.label ?? '—'}</Text>,
  },
  {
    id: 'evidenceDueDate',
    label: 'Evidence due',
    sort: 'evidenceDueDate',
    width: 130,
    render: (i) => <Text size="sm">{i.status === 'closed' ? 'Closed' : formatDate(i.evidenceDueDate)}</Text>,
  },
  { id: 'owner', label: 'Owner', width: 150, render: (i) => <Text size="sm">{i.owner?.name ?? '—'}</Text> },
  {
    id: 'flags',
    label: 'Flags',
    width: 180,
    render: (i) => <FlagBadges flags={i.flags} labels={FLAG_LABELS} colorOf={(c) => (c === 'recurrence' ? 'grape' : 'red')} />,
  },
];
const DEFAULT_COLUMNS = ['grade', 'status', 'source', 'evidenceDueDate', 'flags'];

/** Nonconformities and their corrective actions (clause 10.2). */
export function NonconformitiesPage() {
  const { org, can } = useOrg();
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'nonconformities', filters);
  const rows = useMemo(() => list.items.map((i) => ({ ...i, name: `${i.number} ${i.title}` })), [list.items]);
  const scale = useGradeScale(org.id);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/nonconformities`;
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Improvement · Clause 10.2"
        title="Nonconformities"
        description="What did not conform, how it was corrected, why it happened, the corrective actions taken, and whether they worked."
        actions={
          <Group gap="sm">
            <Button component={Link} to={`${base}/settings`} variant="default">
              Grade scale
            </Button>
            {can('write') && (
              <Button component={Link} to={`${base}/new`}>
                Raise nonconformity
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Nonconformities">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter nonconformities">
            <TextInput
              label="Search"
              placeholder="Title or NC number"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={200}
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
            <Select
              label="Grade"
              placeholder="Any"
              clearable
              data={(scale.data?.grades ?? []).map((g) => ({ value: g.key, label: g.label }))}
              value={filters.grade ?? null}
              onChange={(v) => setFilters({ grade: v ?? undefined })}
              w={200}
            />
            <Select
              label="Source"
              placeholder="Any"
              clearable
              data={options(SOURCE_LABELS)}
              value={filters.sourceKind ?? null}
              onChange={(v) => setFilters({ sourceKind: (v as Filters['sourceKind']) ?? undefined })}
              w={180}
            />
            <Select
              label="Flagged"
              placeholder="Any"
              clearable
              data={options(FLAG_FILTERS)}
              value={filters.flag ?? null}
              onChange={(v) => setFilters({ flag: (v as Filters['flag']) ?? undefined })}
              w={170}
            />
          </Group>
          <RegisterTable
            register="nonconformities"
            label="Nonconformities"
            noun="nonconformity"
            list={{ ...list, items: rows } as RegisterList<Row>}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(i) => `${base}/${i.id}`}
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
                title={active ? 'No nonconformity matches' : 'No nonconformities raised'}
                hint={
                  active
                    ? 'Change the search or the filters.'
                    : 'Raise one from an audit finding, an incident, a complaint or anything that did not conform.'
                }
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
