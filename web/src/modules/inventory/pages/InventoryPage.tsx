import { Alert, Anchor, Button, Center, Checkbox, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { plural } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { BulkEditModal } from '../components/BulkEditModal';
import { ColumnChooser } from '../components/ColumnChooser';
import { COLUMNS, DEFAULT_COLUMNS } from '../components/columns';
import { DuplicatesPanel } from '../components/DuplicatesPanel';
import { EmptyInventory } from '../components/EmptyInventory';
import { ExportMenu } from '../components/ExportMenu';
import { InventoryFiltersBar } from '../components/InventoryFiltersBar';
import { InventoryTable } from '../components/InventoryTable';
import { SummaryCounts } from '../components/SummaryCounts';
import { useAiSystemList, useDuplicates, useInventorySummary } from '../hooks/useAiSystems';
import { useInventoryFilters } from '../hooks/useInventoryFilters';

const KNOWN_COLUMNS = new Set(COLUMNS.map((c) => c.id));

/** Step 3 of the journey: where the organization's AI use is known, complete and trusted. */
export function InventoryPage() {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const { filters, setFilters, clearFilters, showOnly, active } = useInventoryFilters();
  const summary = useInventorySummary(org.id);
  const duplicates = useDuplicates(org.id);
  const list = useAiSystemList(org.id, filters);
  const [columns, setColumns] = useLocalStorage<string[]>({
    key: 'openaims.inventory.columns',
    defaultValue: DEFAULT_COLUMNS,
    getInitialValueInEffect: false,
  });
  const visibleColumns = Array.isArray(columns) ? columns.filter((c) => KNOWN_COLUMNS.has(c)) : DEFAULT_COLUMNS;
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const [notice, setNotice] = useState<ReactNode>(null);
  const duplicatesHeading = useRef<HTMLHeadingElement>(null);

  // a selection belongs to the rows on screen: a new filter starts a new one
  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the filters change
  useEffect(() => setSelected(new Set()), [filterKey]);

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const select = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const showDuplicates = () => {
    const el = duplicatesHeading.current;
    if (!el) return;
    el.scrollIntoView({ behavior: 'smooth', block: 'center' });
    el.focus({ preventScroll: true });
  };
  const groups = duplicates.data?.items ?? [];
  const empty = summary.data?.total === 0 && !filters.includeArchived;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Step 3 of 14"
        title="AI system inventory"
        description="Every AI system, tool, model and AI-enabled workflow the organization uses or provides, with its owners, purpose, data, suppliers, risk level and monitoring. Stage 1 fails when AI systems are missing, duplicated or not risk-rated."
        actions={
          <>
            <Button component={Link} to={`/orgs/${org.id}/suppliers`} variant="default">
              Suppliers
            </Button>
            {canWrite && (
              <Button component={Link} to={`/orgs/${org.id}/inventory/import`} variant="default">
                Import
              </Button>
            )}
            <ExportMenu orgId={org.id} />
            {canWrite && (
              <Button component={Link} to={`/orgs/${org.id}/inventory/new`}>
                Add AI system
              </Button>
            )}
          </>
        }
      />
      {notice && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      )}
      <QueryState query={summary}>
        {(data) =>
          empty ? (
            <EmptyInventory orgId={org.id} canWrite={canWrite} onShowArchived={() => setFilters({ includeArchived: 'true' })} />
          ) : (
            <SummaryCounts
              summary={data}
              filters={filters}
              activeFilters={active}
              onApply={(only) => showOnly(only ?? {})}
              onDuplicates={showDuplicates}
            />
          )
        }
      </QueryState>
      {groups.length > 0 && (
        <DuplicatesPanel
          orgId={org.id}
          groups={groups}
          canWrite={canWrite}
          headingRef={duplicatesHeading}
          onMerged={(kept, group) =>
            setNotice(
              <>
                Merged {plural(group.ids.length - 1, 'duplicate')} into{' '}
                <Anchor component={Link} to={`/orgs/${org.id}/inventory/${kept.id}`} inherit fw={600}>
                  {kept.name}
                </Anchor>
                . The others are archived; their history shows on its page.
              </>,
            )
          }
        />
      )}
      {!empty && (
        <Paper withBorder p="lg" component="section" aria-label="AI systems">
          <Stack gap="md">
            <InventoryFiltersBar filters={filters} setFilters={setFilters} />
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Group gap="sm">
                <Text size="sm" c="dimmed" role="status" aria-live="polite">
                  {list.data
                    ? `${plural(items.length, 'AI system')} shown${list.hasNextPage ? ', more below' : ''}${active ? ' (filtered)' : ''}`
                    : ''}
                </Text>
                {list.isFetching && !list.isFetchingNextPage && list.data && <Loader size="xs" aria-label="Updating" />}
                {canWrite && selected.size > 0 && (
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {selected.size} selected
                    </Text>
                    <Button size="xs" onClick={() => setBulkOpen(true)}>
                      Edit selected…
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
                      Clear selection
                    </Button>
                  </Group>
                )}
              </Group>
              <Group gap="sm">
                <Checkbox
                  label="Show archived"
                  checked={filters.includeArchived === 'true'}
                  onChange={(e) => setFilters({ includeArchived: e.currentTarget.checked ? 'true' : undefined })}
                />
                <Button variant="subtle" size="sm" onClick={clearFilters} disabled={active === 0}>
                  Clear filters
                </Button>
                <ColumnChooser value={visibleColumns} onChange={setColumns} />
              </Group>
            </Group>
            <QueryState query={list}>
              {() =>
                items.length === 0 ? (
                  <Stack align="center" gap="xs" py="xl">
                    <Text fw={600}>No AI systems match</Text>
                    <Text size="sm" c="dimmed">
                      Change the search or the filters to see more.
                    </Text>
                    <Button variant="light" size="xs" onClick={clearFilters}>
                      Clear filters
                    </Button>
                  </Stack>
                ) : (
                  <>
                    <InventoryTable
                      orgId={org.id}
                      items={items}
                      columns={visibleColumns}
                      sort={filters.sort ?? 'name'}
                      onSort={(sort) => setFilters({ sort: sort === 'name' ? undefined : sort }, true)}
                      selected={selected}
                      onSelect={select}
                      selectable={canWrite}
                    />
                    {list.hasNextPage && (
                      <Center>
                        <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                          Load more
                        </Button>
                      </Center>
                    )}
                  </>
                )
              }
            </QueryState>
          </Stack>
        </Paper>
      )}
      {bulkOpen && (
        <BulkEditModal
          ids={[...selected]}
          opened
          onClose={() => setBulkOpen(false)}
          onDone={(n) => {
            setBulkOpen(false);
            setSelected(new Set());
            setNotice(`Updated ${plural(n, 'AI system')}.`);
          }}
        />
      )}
    </Stack>
  );
}
