import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import {
  ListFilterActions,
  type RegisterColumn,
  RegisterTable,
  textParam,
  useRegisterFilters,
  useRegisterList,
} from '../../../shared/register';
import { formatDate, formatDateTime, options } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { SystemSelect } from '../components/SystemSelect';
import { type Metric, type MetricListQuery, useBreaches } from '../hooks/useMonitoring';
import { formatMetricValue, KIND_LABELS, MetricStateBadge, STATE_LABELS } from '../labels';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<MetricListQuery, 'cursor' | 'limit'>;

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const q = textParam(params, 'q');
  if (q) f.q = q;
  const aiSystemId = textParam(params, 'aiSystemId');
  if (aiSystemId) f.aiSystemId = aiSystemId;
  const state = params.get('state');
  if (state && state in STATE_LABELS) f.state = state as Filters['state'];
  if (params.get('includeArchived') === 'true') f.includeArchived = 'true';
  const sort = params.get('sort');
  if (sort) f.sort = sort as Filters['sort'];
  return f;
}

const COLUMNS: RegisterColumn<Metric>[] = [
  { id: 'state', label: 'State', width: 190, render: (m) => <MetricStateBadge state={m.state} /> },
  {
    id: 'aiSystem',
    label: 'AI system',
    width: 180,
    render: (m) => <Text size="sm">{m.aiSystem.name}</Text>,
  },
  { id: 'kind', label: 'Kind', width: 110, render: (m) => <Text size="sm">{KIND_LABELS[m.kind]}</Text> },
  {
    id: 'latest',
    label: 'Latest value',
    width: 170,
    render: (m) => (
      <Text size="sm">
        {m.latest ? formatMetricValue(m.latest.value, m.unit) : 'None yet'}
        {m.latest && (
          <Text span size="xs" c="dimmed" display="block">
            {formatDateTime(m.latest.observedAt)}
          </Text>
        )}
      </Text>
    ),
  },
  {
    id: 'threshold',
    label: 'Threshold',
    width: 130,
    render: (m) => (
      <Text size="sm">
        {m.direction === 'higher-is-better' ? 'at least ' : 'at most '}
        {formatMetricValue(m.threshold, m.unit)}
      </Text>
    ),
  },
  {
    id: 'nextReviewDue',
    label: 'Next review',
    sort: 'nextReviewDue',
    width: 120,
    render: (m) => <Text size="sm">{formatDate(m.nextReviewDue)}</Text>,
  },
  { id: 'owner', label: 'Owner', width: 150, render: (m) => <Text size="sm">{m.owner?.name ?? '—'}</Text> },
];
const DEFAULT_COLUMNS = ['state', 'aiSystem', 'latest', 'threshold', 'nextReviewDue'];

/** The open breaches: the tasks of monitoring, each with who owns it and since when. */
function OpenBreaches({ aiSystemId }: { aiSystemId?: string }) {
  const { org } = useOrg();
  const breaches = useBreaches(org.id, { status: 'open', limit: 200, ...(aiSystemId ? { aiSystemId } : {}) });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="open-breaches-title">
      <Title order={2} fz="md" id="open-breaches-title" mb="sm">
        Open breaches
      </Title>
      <QueryState query={breaches}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No open breach.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" aria-labelledby="open-breaches-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Metric</Table.Th>
                    <Table.Th>AI system</Table.Th>
                    <Table.Th>Owner</Table.Th>
                    <Table.Th>Since</Table.Th>
                    <Table.Th>Worst value</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td className="wrap-anywhere">
                        <Anchor component={Link} to={`/orgs/${org.id}/monitoring/metrics/${b.metricId}`} size="sm" fw={600}>
                          {b.metricName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td className="wrap-anywhere">
                        <Text size="sm">{b.aiSystemName}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{b.assignee?.name ?? 'Not assigned'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(b.startedAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatMetricValue(b.worstValue, b.unit)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {nextCursor && (
                <Text size="xs" c="dimmed" mt="xs">
                  The {items.length} most recent are shown; filter by AI system to see the others.
                </Text>
              )}
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Paper>
  );
}

/** Monitoring (clause 9.1, A.6.2.6): the metrics watched on each AI system, their state, and the breaches to act on. */
export function MonitoringPage() {
  const { org, can } = useOrg();
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'monitoring-metrics', filters);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/monitoring`;
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Performance evaluation · Clause 9.1, A.6.2.6"
        title="Monitoring"
        description="What is measured on each AI system in use, the threshold that calls for action, and the breaches still to resolve."
        actions={
          can('write') && (
            <Button component={Link} to={`${base}/metrics/new${filters.aiSystemId ? `?aiSystemId=${filters.aiSystemId}` : ''}`}>
              Add metric
            </Button>
          )
        }
      />
      <OpenBreaches aiSystemId={filters.aiSystemId} />
      <Paper withBorder p="lg" component="section" aria-label="Metrics">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter metrics">
            <TextInput
              label="Search"
              placeholder="Metric name"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={220}
              maw="100%"
            />
            <SystemSelect
              orgId={org.id}
              value={filters.aiSystemId ?? null}
              onChange={(v) => setFilters({ aiSystemId: v ?? undefined })}
              placeholder="Any"
              clearable
              w={260}
              maw="100%"
            />
            <Select
              label="State"
              placeholder="Any"
              clearable
              data={options(STATE_LABELS)}
              value={filters.state ?? null}
              onChange={(v) => setFilters({ state: (v as Filters['state']) ?? undefined })}
              w={200}
              maw="100%"
            />
          </Group>
          <RegisterTable
            register="monitoring-metrics"
            label="Metrics"
            noun="metric"
            list={list}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(m) => `${base}/metrics/${m.id}`}
            filtered={active > 0}
            sort={{
              value: filters.sort ?? 'name',
              onChange: (sort) => setFilters({ sort: sort as Filters['sort'] }, true),
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
                title={active ? 'No metric matches' : 'No metric yet'}
                hint={
                  active
                    ? 'Change the search or the filters.'
                    : 'Add a metric to an AI system: what you measure, and the threshold that calls for action.'
                }
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
