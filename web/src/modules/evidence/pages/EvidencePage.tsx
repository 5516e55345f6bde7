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
import { AREA_LABELS, FLAG_LABELS, KIND_LABELS, STATE_LABELS, StateBadge } from '../components/labels';
import type { Evidence, EvidenceListQuery } from '../hooks/useEvidence';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<EvidenceListQuery, 'cursor' | 'limit'>;
type Row = Evidence & { name: string };

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const key of ['q', 'controlId', 'requirementId', 'aiSystemId', 'riskId'] as const) {
    const v = textParam(params, key);
    if (v) f[key] = v;
  }
  const state = params.get('state');
  if (state && state in STATE_LABELS) f.state = state as Filters['state'];
  const kind = params.get('kind');
  if (kind && kind in KIND_LABELS) f.kind = kind as Filters['kind'];
  const area = params.get('area');
  if (area && area in AREA_LABELS) f.area = area as Filters['area'];
  if (params.get('flagged') === 'true') f.flagged = 'true';
  if (params.get('includeArchived') === 'true') f.includeArchived = 'true';
  const sort = params.get('sort');
  if (sort) f.sort = sort as Filters['sort'];
  return f;
}

const COLUMNS: RegisterColumn<Row>[] = [
  { id: 'state', label: 'State', width: 110, render: (e) => <StateBadge state={e.state} /> },
  { id: 'kind', label: 'Kind', width: 80, render: (e) => <Text size="sm">{KIND_LABELS[e.kind]}</Text> },
  {
    id: 'controls',
    label: 'Evidences',
    width: 200,
    render: (e) => (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {[...e.requirementIds, ...e.controlIds, ...e.aiSystems.map((a) => a.name), ...e.risks.map((r) => r.name)].join(', ') ||
          '—'}
      </Text>
    ),
  },
  {
    id: 'collectedOn',
    label: 'Collected',
    sort: 'collectedOn',
    render: (e) => <Text size="sm">{formatDate(e.collectedOn)}</Text>,
  },
  {
    id: 'validUntil',
    label: 'Valid until',
    sort: 'validUntil',
    render: (e) => <Text size="sm">{e.validUntil ? formatDate(e.validUntil) : 'No end'}</Text>,
  },
  { id: 'area', label: 'Area', width: 150, render: (e) => <Text size="sm">{e.areaLabel}</Text> },
  { id: 'flags', label: 'Flags', width: 200, render: (e) => <FlagBadges flags={e.flags} labels={FLAG_LABELS} /> },
];
const DEFAULT_COLUMNS = ['state', 'controls', 'validUntil', 'flags'];

/** The evidence register (clauses 7.5, 9.1): files, links and records, what they evidence and until when. */
export function EvidencePage() {
  const { org, can } = useOrg();
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'evidence', filters);
  const rows = useMemo(() => list.items.map((e) => ({ ...e, name: `${e.number} ${e.title}` })), [list.items]);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/evidence`;
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Support · Clauses 7.5, 9.1"
        title="Evidence"
        description="What shows that requirements and controls are met: stored files, links and records, each with when it was collected and until when it holds."
        actions={
          <Group gap="sm">
            <Button variant="default" component={Link} to={`${base}/coverage`}>
              Coverage
            </Button>
            {can('write') && (
              <Button component={Link} to={`${base}/new`}>
                Add evidence
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Evidence">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter evidence">
            <TextInput
              label="Search"
              placeholder="Title or EV number"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={240}
            />
            <TextInput
              label="Control or clause"
              placeholder="A.6.2.6"
              value={filters.controlId ?? filters.requirementId ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value.trim();
                const isControl = !/^\d/.test(v);
                setFilters({ controlId: v && isControl ? v : undefined, requirementId: v && !isControl ? v : undefined }, true);
              }}
              w={160}
            />
            <Select
              label="State"
              placeholder="Any"
              clearable
              data={options(STATE_LABELS)}
              value={filters.state ?? null}
              onChange={(v) => setFilters({ state: (v as Filters['state']) ?? undefined })}
              w={140}
            />
            <Select
              label="Area"
              placeholder="Any"
              clearable
              data={options(AREA_LABELS)}
              value={filters.area ?? null}
              onChange={(v) => setFilters({ area: (v as Filters['area']) ?? undefined })}
              w={200}
            />
          </Group>
          <RegisterTable
            register="evidence"
            label="Evidence"
            noun="evidence item"
            list={{ ...list, items: rows } as RegisterList<Row>}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(e) => `${base}/${e.id}`}
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
                title={active ? 'No evidence matches' : 'No evidence yet'}
                hint={
                  active
                    ? 'Change the search or the filters.'
                    : 'Add a file, a link or a record and link it to the controls it shows.'
                }
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
