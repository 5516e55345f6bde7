import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import {
  ListFilterActions,
  type RegisterColumn,
  type RegisterList,
  RegisterTable,
  useRegisterFilters,
  useRegisterList,
} from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { refresherLabel } from '../components/labels';
import type { Topic } from '../hooks/useTraining';

type Row = Topic & { name: string };
interface Filters {
  includeArchived?: 'true';
  sort?: 'number' | '-number' | 'title' | '-title';
}

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  if (params.get('includeArchived') === 'true') f.includeArchived = 'true';
  const sort = params.get('sort');
  if (sort && ['number', '-number', 'title', '-title'].includes(sort)) f.sort = sort as Filters['sort'];
  return f;
}

const COLUMNS: RegisterColumn<Row>[] = [
  { id: 'audience', label: 'Who', width: 220, render: (t) => <Text size="sm">{t.audienceLabel}</Text> },
  { id: 'refresher', label: 'Refresher', width: 140, render: (t) => <Text size="sm">{refresherLabel(t.refresherMonths)}</Text> },
  { id: 'document', label: 'Document', width: 200, render: (t) => <Text size="sm">{t.document?.name ?? '—'}</Text> },
];

/** The training topics (7.3): what people must know, who must take each and how often. */
export function TopicsPage() {
  const { org, can } = useOrg();
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'trainings', filters);
  const rows = useMemo(() => list.items.map((t) => ({ ...t, name: `${t.number} ${t.title}` })), [list.items]);
  const base = `/orgs/${org.id}/training`;
  return (
    <Stack gap="lg">
      <BackLink to={base}>Training matrix</BackLink>
      <PageHeader
        eyebrow="Training · Clause 7.3"
        title="Training topics"
        description="What people must know about the AI management system, who must learn it, and how often it is refreshed."
        actions={
          can('write') && (
            <Group>
              <Button component={Link} to={`${base}/topics/new`}>
                Add topic
              </Button>
            </Group>
          )
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Training topics">
        <RegisterTable
          register="training-topics"
          label="Training topics"
          noun="topic"
          list={{ ...list, items: rows } as RegisterList<Row>}
          columns={COLUMNS}
          defaultColumns={['audience', 'refresher']}
          rowHref={(t) => `${base}/topics/${t.id}`}
          filtered={active > 0}
          sort={{
            value: (filters.sort ?? 'number').replace('title', 'name'),
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
            <Text c="dimmed" size="sm" py="xl" ta="center">
              No training topics.
            </Text>
          }
        />
      </Paper>
    </Stack>
  );
}
