import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
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
import { BackLink } from '../../../shared/ui/BackLink';
import { formatDate, options } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { RECORD_STATE_LABELS, RecordStateBadge } from '../components/labels';
import { type TrainingRecord, useAllTopics } from '../hooks/useTraining';

type Row = TrainingRecord & { name: string };
interface Filters {
  topicId?: string;
  userId?: string;
  state?: TrainingRecord['state'];
  includeArchived?: 'true';
  sort?: 'completedOn' | '-completedOn' | 'expiresOn' | '-expiresOn';
}

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const topicId = textParam(params, 'topicId');
  if (topicId) f.topicId = topicId;
  const userId = textParam(params, 'userId');
  if (userId) f.userId = userId;
  const state = params.get('state');
  if (state && state in RECORD_STATE_LABELS) f.state = state as Filters['state'];
  if (params.get('includeArchived') === 'true') f.includeArchived = 'true';
  const sort = params.get('sort');
  if (sort && ['completedOn', '-completedOn', 'expiresOn', '-expiresOn'].includes(sort)) f.sort = sort as Filters['sort'];
  return f;
}

const COLUMNS: RegisterColumn<Row>[] = [
  { id: 'topic', label: 'Topic', width: 240, render: (r) => <Text size="sm">{`${r.topic.number} ${r.topic.title}`}</Text> },
  {
    id: 'completedOn',
    label: 'Completed',
    sort: 'completedOn',
    firstSort: 'desc',
    render: (r) => <Text size="sm">{formatDate(r.completedOn)}</Text>,
  },
  {
    id: 'expiresOn',
    label: 'Expires',
    sort: 'expiresOn',
    render: (r) => <Text size="sm">{r.expiresOn ? formatDate(r.expiresOn) : 'Does not expire'}</Text>,
  },
  { id: 'state', label: 'State', width: 110, render: (r) => <RecordStateBadge state={r.state} /> },
  {
    id: 'evidence',
    label: 'Evidence',
    width: 180,
    render: (r) => <Text size="sm">{r.evidence?.name ?? r.file?.name ?? r.evidenceUrl ?? '—'}</Text>,
  },
];

/** Completion records: who completed which topic, when, and until when it counts. */
export function RecordsPage() {
  const { org, can } = useOrg();
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'training-records', filters);
  const topics = useAllTopics(org.id);
  const rows = useMemo(() => list.items.map((r) => ({ ...r, name: r.person.name })), [list.items]);
  const base = `/orgs/${org.id}/training`;
  return (
    <Stack gap="lg">
      <BackLink to={base}>Training matrix</BackLink>
      <PageHeader
        eyebrow="Training · Clause 7.2"
        title="Training records"
        description="Each completed training, with the date it was done and until when it counts."
        actions={
          can('write') && (
            <Group>
              <Button variant="default" component={Link} to={`${base}/records/import`}>
                Import CSV
              </Button>
              <Button component={Link} to={`${base}/records/new`}>
                Record completion
              </Button>
            </Group>
          )
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Training records">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter training records">
            <Select
              label="Topic"
              placeholder="Any"
              clearable
              searchable
              data={(topics.data ?? []).map((t) => ({ value: t.id, label: `${t.number} ${t.title}` }))}
              value={filters.topicId ?? null}
              onChange={(v) => setFilters({ topicId: v ?? undefined })}
              w={260}
            />
            <Select
              label="State"
              placeholder="Any"
              clearable
              data={options(RECORD_STATE_LABELS)}
              value={filters.state ?? null}
              onChange={(v) => setFilters({ state: (v as Filters['state']) ?? undefined })}
              w={160}
            />
          </Group>
          <RegisterTable
            register="training-records"
            label="Training records"
            noun="record"
            list={{ ...list, items: rows } as RegisterList<Row>}
            columns={COLUMNS}
            defaultColumns={['topic', 'completedOn', 'expiresOn', 'state']}
            rowHref={(r) => `${base}/records/${r.id}/edit`}
            filtered={active > 0}
            sort={{
              value: filters.sort ?? '-completedOn',
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
              <Text c="dimmed" size="sm" py="xl" ta="center">
                {active ? 'No records match.' : 'No training recorded yet.'}
              </Text>
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
