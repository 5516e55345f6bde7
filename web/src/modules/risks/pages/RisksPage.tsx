import { Alert, Anchor, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useCurrentSession } from '../../../app/auth/session';
import { useOrg } from '../../../app/orgs/OrgContext';
import {
  flagParam,
  ListFilterActions,
  RegisterTable,
  textParam,
  useRegisterFilters,
  useRegisterList,
} from '../../../shared/register';
import { options } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type Cell, Heatmap } from '../components/register/Heatmap';
import { DEFAULT_COLUMNS, riskColumns, toRow } from '../components/register/columns';
import { type RiskListQuery, useRiskHeatmap, useRiskOrgFlags } from '../hooks/useRisks';
import { FLAG_LABELS, STATUS_LABELS } from '../labels';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<RiskListQuery, 'cursor' | 'limit'>;
const STATUSES = Object.keys(STATUS_LABELS) as NonNullable<Filters['status']>[];
const FLAGS = ['above-threshold-untreated', 'review-overdue'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SORTS = ['number', 'name', 'inherentLevel', 'residualLevel', 'nextReviewDate', 'updatedAt', 'createdAt'];

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const q = textParam(params, 'q');
  if (q) f.q = q;
  const sort = params.get('sort');
  if (sort && SORTS.includes(sort.replace(/^-/, ''))) f.sort = sort as Filters['sort'];
  const status = params.get('status');
  if (status && (STATUSES as string[]).includes(status)) f.status = status as Filters['status'];
  const flag = params.get('flag');
  if (flag && (FLAGS as readonly string[]).includes(flag)) f.flag = flag as Filters['flag'];
  for (const key of ['level', 'residualLevel'] as const) {
    const v = textParam(params, key, 31);
    if (v) f[key] = v;
  }
  for (const key of ['aiSystemId', 'owner'] as const) {
    const v = params.get(key);
    if (v && UUID.test(v)) f[key] = v;
  }
  // a control's id (A.6.2.6, OC-01): the risks whose treatment relies on it (the SoA links here)
  const controlId = textParam(params, 'controlId', 100);
  if (controlId) f.controlId = controlId;
  const l = Number(params.get('likelihood'));
  const i = Number(params.get('impact'));
  if (Number.isInteger(l) && Number.isInteger(i) && l >= 1 && l <= 10 && i >= 1 && i <= 10) {
    f.likelihood = l;
    f.impact = i;
    if (params.get('cell') === 'residual') f.cell = 'residual';
  }
  if (flagParam(params, 'includeArchived')) f.includeArchived = 'true';
  return f;
}

/** The AI risk register (6.1.2, 8.2, 8.3): every risk on the organization's AI systems, scored with its risk method. */
export function RisksPage() {
  const { org, can } = useOrg();
  const session = useCurrentSession();
  const canWrite = can('write');
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'risks', filters);
  const rows = useMemo(() => ({ ...list, items: list.items.map(toRow) }), [list]);
  const heatmap = useRiskHeatmap(org.id, { ...(filters.aiSystemId ? { aiSystemId: filters.aiSystemId } : {}) });
  const orgFlags = useRiskOrgFlags(org.id);
  const levels = heatmap.data?.levels ?? [];
  const columns = useMemo(() => riskColumns(levels), [levels]);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/risks`;
  const cellOf = (which: 'inherent' | 'residual'): Cell | null =>
    filters.likelihood && filters.impact && (filters.cell ?? 'inherent') === which
      ? { likelihood: filters.likelihood, impact: filters.impact }
      : null;
  const selectCell = (which: 'inherent' | 'residual') => (cell: Cell | null) =>
    setFilters({
      likelihood: cell?.likelihood,
      impact: cell?.impact,
      cell: cell && which === 'residual' ? 'residual' : undefined,
    } as Partial<Filters>);
  const missing = orgFlags.data?.items ?? [];
  const missingTotal = orgFlags.data?.total ?? 0;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Planning · Clauses 6.1.2, 8.2, 8.3"
        title="AI risks"
        description="Risks to people, groups, society and the organization from its AI systems: where each comes from, how likely and how bad it is before and after treatment, what is done about it and who accepted what remains."
        actions={
          <>
            <Button component={Link} to={`/orgs/${org.id}/risk-method`} variant="default">
              Risk method
            </Button>
            {canWrite && (
              <Button component={Link} to={`${base}/new`}>
                Add risk
              </Button>
            )}
          </>
        }
      />
      {missing.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          title={`${missingTotal} AI system${missingTotal === 1 ? '' : 's'} in scope with no risk assessed`}
        >
          <Text size="sm">
            {missing.slice(0, 8).map((m, k) => (
              <span key={m.aiSystemId}>
                {k > 0 ? ', ' : ''}
                <Anchor component={Link} to={`/orgs/${org.id}/inventory/${m.aiSystemId}`} size="sm">
                  {m.name}
                </Anchor>
              </span>
            ))}
            {missingTotal > 8 ? ` and ${missingTotal - 8} more` : ''}
          </Text>
        </Alert>
      )}
      {heatmap.data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Heatmap
            title="Inherent risk"
            heatmap={heatmap.data}
            which="inherent"
            selected={cellOf('inherent')}
            onSelect={selectCell('inherent')}
          />
          <Heatmap
            title="Residual risk"
            heatmap={heatmap.data}
            which="residual"
            selected={cellOf('residual')}
            onSelect={selectCell('residual')}
          />
        </SimpleGrid>
      )}
      <Paper withBorder p="lg" component="section" aria-label="Risks">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="md" aria-label="Filter risks" wrap="wrap">
            <TextInput
              label="Search"
              placeholder="Title or number (R-012)"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={240}
            />
            <Select
              label="Inherent level"
              clearable
              data={levels.map((l) => ({ value: l.id, label: l.name }))}
              value={filters.level ?? null}
              onChange={(v) => setFilters({ level: v ?? undefined })}
              w={150}
            />
            <Select
              label="Residual level"
              clearable
              data={[...levels.map((l) => ({ value: l.id, label: l.name })), { value: 'none', label: 'Not assessed' }]}
              value={filters.residualLevel ?? null}
              onChange={(v) => setFilters({ residualLevel: v ?? undefined })}
              w={150}
            />
            <Select
              label="Status"
              clearable
              data={options(STATUS_LABELS)}
              value={filters.status ?? null}
              onChange={(v) => setFilters({ status: (v ?? undefined) as Filters['status'] })}
              w={150}
            />
            <Select
              label="Flag"
              clearable
              data={FLAGS.map((f) => ({ value: f, label: FLAG_LABELS[f] }))}
              value={filters.flag ?? null}
              onChange={(v) => setFilters({ flag: (v ?? undefined) as Filters['flag'] })}
              w={210}
            />
            <Checkbox
              label="I own"
              checked={filters.owner === session.user.id}
              onChange={(e) => setFilters({ owner: e.currentTarget.checked ? session.user.id : undefined })}
              mb={8}
            />
          </Group>
          {(filters.likelihood || filters.aiSystemId || filters.controlId) && (
            <Text size="sm" c="dimmed">
              {filters.likelihood
                ? `Showing the ${filters.cell === 'residual' ? 'residual' : 'inherent'} cell likelihood ${filters.likelihood}, impact ${filters.impact}. `
                : ''}
              {filters.aiSystemId ? 'Showing the risks of one AI system. ' : ''}
              {filters.controlId ? `Showing the risks whose treatment relies on ${filters.controlId}. ` : ''}
              <Anchor
                component="button"
                size="sm"
                onClick={() =>
                  setFilters({
                    likelihood: undefined,
                    impact: undefined,
                    cell: undefined,
                    aiSystemId: undefined,
                    controlId: undefined,
                  })
                }
              >
                Show all
              </Anchor>
            </Text>
          )}
          <RegisterTable
            register="risks"
            label="Risks"
            noun="risk"
            list={rows}
            columns={columns}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(r) => `${base}/${r.id}`}
            filtered={active > 0}
            sort={{
              value: filters.sort ?? 'number',
              onChange: (sort) => setFilters({ sort: sort === 'number' ? undefined : (sort as Filters['sort']) }, true),
            }}
            archive={
              canWrite
                ? {
                    orgId: org.id,
                    register: 'risks',
                    archiveText: () =>
                      'An archived risk leaves the register, the heatmaps and the SoA links. Its actions and history are kept, and it can be restored.',
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
                title={active > 0 ? 'No risk matches' : 'No risks yet'}
                hint={
                  active > 0
                    ? 'Change the search or the filters, or click the heatmap cell again.'
                    : 'Add the risks of your AI systems: start from an AI system’s page or with “Add risk”.'
                }
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
