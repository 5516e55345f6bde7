import { Button, Checkbox, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
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
import { COLUMNS, DEFAULT_COLUMNS, type ObjectiveRow } from '../components/columns';
import type { ObjectiveListQuery } from '../hooks/useObjectives';
import { type ObjectiveStatus, STATUS_LABELS } from '../labels';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<ObjectiveListQuery, 'cursor' | 'limit'>;
type Sort = NonNullable<Filters['sort']>;
const SORTS: Sort[] = ['title', '-title', 'dueDate', '-dueDate', 'updatedAt', '-updatedAt'];

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const q = textParam(params, 'q');
  if (q) f.q = q;
  const status = params.get('status');
  if (status && status in STATUS_LABELS) f.status = status as ObjectiveStatus;
  if (flagParam(params, 'overdue')) f.overdue = 'true';
  if (flagParam(params, 'includeArchived')) f.includeArchived = 'true';
  const sort = params.get('sort') as Sort | null;
  if (sort && SORTS.includes(sort)) f.sort = sort;
  return f;
}

// The register table sorts its first column as "name"; an objective's name is its title.
const toTableSort = (s: string) => s.replace('title', 'name');
const toApiSort = (s: string) => s.replace('name', 'title') as Sort;

/** AI objectives (clause 6.2): what the AI management system is to achieve, and whether each is on track. */
export function ObjectivesPage() {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'objectives', filters);
  const rows = useMemo(() => list.items.map((o) => ({ ...o, name: o.title })), [list.items]);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/objectives`;
  const narrowed = !!filters.q || !!filters.overdue || !!filters.status;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Planning · Clause 6.2"
        title="AI objectives"
        description="What the AI management system is to achieve: each objective with how it is measured, its target, who owns it, the resources it needs, when it is due and how the results are evaluated. Progress recorded over time shows whether it is on track."
        actions={
          canWrite && (
            <Button component={Link} to={`${base}/new`}>
              Set an objective
            </Button>
          )
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="AI objectives">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter AI objectives">
            <TextInput
              label="Search"
              placeholder="Objective"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={280}
            />
            <Select
              label="Status"
              placeholder="Any"
              clearable
              data={options(STATUS_LABELS)}
              value={filters.status ?? null}
              onChange={(v) => setFilters({ status: (v as ObjectiveStatus | null) ?? undefined })}
              w={160}
            />
            <Checkbox
              label="Only overdue"
              checked={filters.overdue === 'true'}
              onChange={(e) => setFilters({ overdue: e.currentTarget.checked ? 'true' : undefined })}
              mb={8}
            />
          </Group>
          <RegisterTable
            register="objectives"
            label="AI objectives"
            noun="objective"
            list={{ ...list, items: rows } as RegisterList<ObjectiveRow>}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(o) => `${base}/${o.id}`}
            filtered={active > 0}
            sort={{
              value: toTableSort(filters.sort ?? 'dueDate'),
              onChange: (sort) => setFilters({ sort: sort === 'dueDate' ? undefined : toApiSort(sort) }, true),
            }}
            archive={
              canWrite
                ? {
                    orgId: org.id,
                    register: 'objectives',
                    archiveText: () =>
                      'An archived objective leaves the list. Its progress entries and history are kept, and it can be restored.',
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
                title={narrowed ? 'No objective matches' : 'No AI objectives yet'}
                hint={
                  narrowed
                    ? 'Change the search or the filters.'
                    : 'Set measurable objectives consistent with the AI policy, e.g. the share of AI systems with an approved impact assessment.'
                }
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
