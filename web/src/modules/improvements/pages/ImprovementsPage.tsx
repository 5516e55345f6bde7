import { Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
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
import { PageHeader } from '../../../shared/ui/PageHeader';
import { COLUMNS, DEFAULT_COLUMNS, type ImprovementRow } from '../components/columns';
import { type ImprovementListQuery, useImprovementSummary } from '../hooks/useImprovements';
import { type ImprovementSource, type ImprovementStatus, SOURCE_LABELS, STATUS_LABELS } from '../labels';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<ImprovementListQuery, 'cursor' | 'limit'>;
type Sort = NonNullable<Filters['sort']>;
const SORTS: Sort[] = ['number', '-number', 'title', '-title', 'dueDate', '-dueDate', 'updatedAt', '-updatedAt'];

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const q = textParam(params, 'q');
  if (q) f.q = q;
  const status = params.get('status');
  if (status && status in STATUS_LABELS) f.status = status as ImprovementStatus;
  const source = params.get('sourceKind');
  if (source && source in SOURCE_LABELS) f.sourceKind = source as ImprovementSource;
  if (flagParam(params, 'open')) f.open = 'true';
  if (flagParam(params, 'includeArchived')) f.includeArchived = 'true';
  const sort = params.get('sort') as Sort | null;
  if (sort && SORTS.includes(sort)) f.sort = sort;
  return f;
}

// The register table sorts its first column as "name": an improvement is named by its number.
const toTableSort = (s: string) => s.replace('number', 'name');
const toApiSort = (s: string) => s.replace('name', 'number') as Sort;

/** The continual improvement log (clause 10.1): what is being improved, where each idea came from, and what came of it. */
export function ImprovementsPage() {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'improvements', filters);
  const summary = useImprovementSummary(org.id);
  const rows = useMemo(() => list.items.map((i) => ({ ...i, name: `${i.number} ${i.title}` })), [list.items]);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/improvements`;
  const narrowed = !!filters.q || !!filters.status || !!filters.sourceKind || !!filters.open;
  const s = summary.data;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Improvement · Clause 10.1"
        title="Continual improvement"
        description="The log of what the organization improves in its AI management system: each improvement with where it came from (an audit, an incident, a management review, monitoring, a concern or a suggestion), who owns it, what it should bring and what came of it."
        actions={
          canWrite && (
            <Button component={Link} to={`${base}/new`}>
              Log an improvement
            </Button>
          )
        }
      />
      {s && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {s.open} open · {s.done} done
        </Text>
      )}
      <Paper withBorder p="lg" component="section" aria-label="Improvements">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter improvements">
            <TextInput
              label="Search"
              placeholder="Improvement or IMP number"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={260}
              maw="100%"
            />
            <Select
              label="Status"
              placeholder="Any"
              clearable
              data={options(STATUS_LABELS)}
              value={filters.status ?? null}
              onChange={(v) => setFilters({ status: (v as ImprovementStatus | null) ?? undefined })}
              w={160}
            />
            <Select
              label="Source"
              placeholder="Any"
              clearable
              data={options(SOURCE_LABELS)}
              value={filters.sourceKind ?? null}
              onChange={(v) => setFilters({ sourceKind: (v as ImprovementSource | null) ?? undefined })}
              w={200}
            />
            <Checkbox
              label="Only open"
              checked={filters.open === 'true'}
              onChange={(e) => setFilters({ open: e.currentTarget.checked ? 'true' : undefined })}
              mb={8}
            />
          </Group>
          <RegisterTable
            register="improvements"
            label="Improvements"
            noun="improvement"
            list={{ ...list, items: rows } as RegisterList<ImprovementRow>}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(i) => `${base}/${i.id}`}
            filtered={active > 0}
            sort={{
              value: toTableSort(filters.sort ?? '-number'),
              onChange: (sort) => setFilters({ sort: sort === '-number' ? undefined : toApiSort(sort) }, true),
            }}
            archive={
              canWrite
                ? {
                    orgId: org.id,
                    register: 'improvements',
                    archiveText: () => 'An archived improvement leaves the log. Its history is kept, and it can be restored.',
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
                title={narrowed ? 'No improvement matches' : 'No improvements logged yet'}
                hint={
                  narrowed
                    ? 'Change the search or the filters.'
                    : 'Log what you change to make the AI management system work better: from audit findings, incidents, reviews or anyone’s suggestion.'
                }
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
