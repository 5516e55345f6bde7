import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { plural } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { ListFilterActions, RegisterTable, useRegisterList } from '../../../shared/register';
import { BulkEditModal } from '../components/BulkEditModal';
import { COLUMNS, DEFAULT_COLUMNS, externalIdNote } from '../components/columns';
import { DuplicatesPanel } from '../components/DuplicatesPanel';
import { EmptyInventory } from '../components/EmptyInventory';
import { ExportMenu } from '../components/ExportMenu';
import { InventoryFiltersBar } from '../components/InventoryFiltersBar';
import { ScopeGapsModal } from '../components/ScopeGapsModal';
import { SummaryCounts } from '../components/SummaryCounts';
import { useDuplicates, useInventorySummary } from '../hooks/useAiSystems';
import { useInventoryFilters } from '../hooks/useInventoryFilters';
import type { Sort } from '../labels';

/** Step 3 of the journey: where the organization's AI use is known, complete and trusted. */
export function InventoryPage() {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const { filters, setFilters, clearFilters, showOnly, active } = useInventoryFilters();
  const summary = useInventorySummary(org.id);
  const duplicates = useDuplicates(org.id);
  const list = useRegisterList(org.id, 'ai-systems', filters);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const [scopeGapsOpen, setScopeGapsOpen] = useState(false);
  const [notice, setNotice] = useState<ReactNode>(null);
  const duplicatesHeading = useRef<HTMLHeadingElement>(null);

  // a selection belongs to the rows on screen: a new filter starts a new one
  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the filters change
  useEffect(() => setSelected(new Set()), [filterKey]);

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
              onScopeGaps={() => setScopeGapsOpen(true)}
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
            <RegisterTable
              register="inventory"
              label="AI systems"
              noun="AI system"
              list={list}
              columns={COLUMNS}
              defaultColumns={DEFAULT_COLUMNS}
              rowHref={(s) => `/orgs/${org.id}/inventory/${s.id}`}
              nameNote={externalIdNote}
              archivedLabel={(s) => (s.mergedIntoId ? 'merged' : 'archived')}
              sort={{
                value: filters.sort ?? 'name',
                onChange: (sort) => setFilters({ sort: sort === 'name' ? undefined : (sort as Sort) }, true),
              }}
              selection={canWrite ? { selected, onChange: select } : undefined}
              filtered={active > 0}
              toolbar={
                canWrite &&
                selected.size > 0 && (
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
                )
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
                <Stack align="center" gap="xs" py="xl">
                  <Text fw={600}>No AI systems match</Text>
                  <Text size="sm" c="dimmed">
                    Change the search or the filters to see more.
                  </Text>
                  <Button variant="light" size="xs" onClick={clearFilters}>
                    Clear filters
                  </Button>
                </Stack>
              }
            />
          </Stack>
        </Paper>
      )}
      <ScopeGapsModal orgId={org.id} canWrite={canWrite} opened={scopeGapsOpen} onClose={() => setScopeGapsOpen(false)} />
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
