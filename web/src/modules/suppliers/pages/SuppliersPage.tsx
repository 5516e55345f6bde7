import { Button, Checkbox, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import {
  flagParam,
  ListFilterActions,
  RegisterTable,
  textParam,
  useRegisterFilters,
  useRegisterList,
} from '../../../shared/register';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { COLUMNS, DEFAULT_COLUMNS } from '../components/columns';
import type { SupplierListQuery } from '../hooks/useSuppliers';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<SupplierListQuery, 'cursor' | 'limit'>;

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const q = textParam(params, 'q');
  if (q) f.q = q;
  if (flagParam(params, 'overdue')) f.overdue = 'true';
  if (flagParam(params, 'includeArchived')) f.includeArchived = 'true';
  return f;
}

/** The supplier register (A.10.3): who supplies the organization's AI, and whether each has been reviewed. */
export function SuppliersPage() {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'suppliers', filters);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/suppliers`;
  const narrowed = !!filters.q || !!filters.overdue;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Registers · Annex A.10.3"
        title="Suppliers"
        description="Suppliers of AI platforms, APIs, models, datasets and services, with their AI-specific reviews: how they use your data, whether they tell you about model changes and incidents, where data lives and which certifications they hold."
        actions={
          <>
            <Button component={Link} to={`/orgs/${org.id}/inventory`} variant="default">
              AI system inventory
            </Button>
            {canWrite && (
              <Button component={Link} to={`${base}/new`}>
                Add supplier
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Suppliers">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter suppliers">
            <TextInput
              label="Search"
              placeholder="Supplier name"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={300}
            />
            <Checkbox
              label="Only overdue reviews"
              checked={filters.overdue === 'true'}
              onChange={(e) => setFilters({ overdue: e.currentTarget.checked ? 'true' : undefined })}
              mb={8}
            />
          </Group>
          <RegisterTable
            register="suppliers"
            label="Suppliers"
            noun="supplier"
            list={list}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(s) => `${base}/${s.id}`}
            filtered={active > 0}
            archive={
              canWrite
                ? {
                    orgId: org.id,
                    register: 'suppliers',
                    archiveText: (s) =>
                      `An archived supplier leaves the register. Its reviews and history are kept, and it can be restored.${
                        s.aiSystemCount > 0 ? ` ${s.aiSystemCount} AI system(s) still name it as a supplier.` : ''
                      }`,
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
                title={narrowed ? 'No supplier matches' : 'No suppliers yet'}
                hint={
                  narrowed
                    ? 'Change the search or the filters.'
                    : 'Add the vendors whose AI platforms, APIs, models or data your AI systems rely on.'
                }
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
