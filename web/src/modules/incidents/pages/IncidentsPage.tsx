import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { useAiSystemChoices } from '../../../shared/org/AiSystemPicker';
import {
  ListFilterActions,
  type RegisterColumn,
  type RegisterList,
  RegisterTable,
  textParam,
  useRegisterFilters,
  useRegisterList,
} from '../../../shared/register';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { FlagBadges } from '../../../shared/ui/FlagBadges';
import { formatDateTime, options } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SeverityBadge, StatusBadge } from '../components/SeverityBadge';
import type { Incident, IncidentListQuery } from '../hooks/useIncidents';
import { FLAG_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../labels';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<IncidentListQuery, 'cursor' | 'limit'>;
type Row = Incident & { name: string };

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const key of ['q', 'aiSystemId'] as const) {
    const v = textParam(params, key);
    if (v) f[key] = v;
  }
  const status = params.get('status');
  if (status && status in STATUS_LABELS) f.status = status as Filters['status'];
  const severity = params.get('severity');
  if (severity && severity in SEVERITY_LABELS) f.severity = severity as Filters['severity'];
  if (params.get('flag') === 'not-escalated') f.flag = 'not-escalated';
  if (params.get('includeArchived') === 'true') f.includeArchived = 'true';
  const sort = params.get('sort');
  if (sort) f.sort = sort as Filters['sort'];
  return f;
}

const COLUMNS: RegisterColumn<Row>[] = [
  { id: 'severity', label: 'Severity', sort: 'severity', width: 110, render: (i) => <SeverityBadge severity={i.severity} /> },
  { id: 'status', label: 'Status', width: 110, render: (i) => <StatusBadge status={i.status} /> },
  {
    id: 'aiSystem',
    label: 'AI system',
    width: 180,
    render: (i) => <Text size="sm">{i.aiSystem?.name ?? 'Not tied to one'}</Text>,
  },
  {
    id: 'detectedAt',
    label: 'Detected',
    sort: 'detectedAt',
    render: (i) => <Text size="sm">{formatDateTime(i.detectedAt)}</Text>,
  },
  { id: 'escalation', label: 'Escalated to', width: 160, render: (i) => <Text size="sm">{i.escalation.to?.name ?? '—'}</Text> },
  {
    id: 'flags',
    label: 'Flags',
    width: 160,
    render: (i) => <FlagBadges flags={i.flags} labels={FLAG_LABELS} colorOf={() => 'red'} />,
  },
];
const DEFAULT_COLUMNS = ['severity', 'status', 'aiSystem', 'detectedAt', 'flags'];

/** The AI incident register (Annex A.8.4). */
export function IncidentsPage() {
  const { org, can } = useOrg();
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'incidents', filters);
  const rows = useMemo(() => list.items.map((i) => ({ ...i, name: `${i.number} ${i.title}` })), [list.items]);
  const systems = useAiSystemChoices(org.id, '');
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/incidents`;
  const exportQuery = new URLSearchParams(
    Object.entries({ status: filters.status, severity: filters.severity, aiSystemId: filters.aiSystemId }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Operation · Annex A.8.4"
        title="AI incidents"
        description="What went wrong with an AI system, how serious it was, who it was escalated to, who was told, and how it was closed."
        actions={
          <Group gap="sm">
            <DownloadButton
              variant="default"
              href={`/api/v1/orgs/${org.id}/incidents/export?format=xlsx${exportQuery.size ? `&${exportQuery}` : ''}`}
            >
              Export
            </DownloadButton>
            {can('write') && (
              <Button component={Link} to={`${base}/new`}>
                Record incident
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Incidents">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter incidents">
            <TextInput
              label="Search"
              placeholder="Title or INC number"
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
              w={140}
            />
            <Select
              label="Severity"
              placeholder="Any"
              clearable
              data={options(SEVERITY_LABELS)}
              value={filters.severity ?? null}
              onChange={(v) => setFilters({ severity: (v as Filters['severity']) ?? undefined })}
              w={140}
            />
            <Select
              label="AI system"
              placeholder="Any"
              clearable
              searchable
              data={systems.data ?? []}
              value={filters.aiSystemId ?? null}
              onChange={(v) => setFilters({ aiSystemId: v ?? undefined })}
              w={200}
            />
          </Group>
          <RegisterTable
            register="incidents"
            label="Incidents"
            noun="incident"
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
                title={active ? 'No incident matches' : 'No incidents recorded'}
                hint={active ? 'Change the search or the filters.' : 'Record an incident as soon as something goes wrong.'}
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
