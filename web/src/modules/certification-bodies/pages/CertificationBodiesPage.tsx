import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ListFilterActions, RegisterTable, textParam, useRegisterFilters, useRegisterList } from '../../../shared/register';
import { options } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { COLUMNS, DEFAULT_COLUMNS } from '../components/columns';
import type { BodyListQuery } from '../hooks/useCertificationBodies';
import { type BodyStatus, PARTY_KIND_LABELS, type PartyKind, STATUS_LABELS } from '../labels';

type Filters = Omit<BodyListQuery, 'cursor' | 'limit'>;
type Sort = NonNullable<Filters['sort']>;
const SORTS: Sort[] = ['name', '-name', 'updatedAt', '-updatedAt'];

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const q = textParam(params, 'q');
  if (q) f.q = q;
  const status = params.get('status');
  if (status && status in STATUS_LABELS) f.status = status as BodyStatus;
  const kind = params.get('partyKind');
  if (kind && kind in PARTY_KIND_LABELS) f.partyKind = kind as PartyKind;
  if (params.get('includeArchived') === 'true') f.includeArchived = 'true';
  const sort = params.get('sort') as Sort | null;
  if (sort && SORTS.includes(sort)) f.sort = sort;
  return f;
}

/** Journey step 9: the candidate certification bodies, one row each, with what the checklist holds against them. */
export function CertificationBodiesPage() {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'certification-bodies', filters);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }, true), 300);
  const base = `/orgs/${org.id}/certification-bodies`;
  const narrowed = !!filters.q || !!filters.status || !!filters.partyKind;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Certification · Step 9"
        title="Certification bodies"
        description="Compare the bodies that could certify your AI management system: who issues the certificate, whether its accreditation covers ISO/IEC 42001, how buyers verify it, when it can audit, its surveillance terms and its quote. Choose one with the reasons written down."
        actions={
          <Group gap="sm">
            <Button component={Link} to={`${base}/compare`} variant="default">
              Compare side by side
            </Button>
            <Button component={Link} to={`${base}/quote-request`} variant="default">
              Quote request pack
            </Button>
            {canWrite && (
              <Button component={Link} to={`${base}/new`}>
                Add a candidate
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Candidate certification bodies">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter certification bodies">
            <TextInput
              label="Search"
              placeholder="Name"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={240}
              maw="100%"
            />
            <Select
              label="Status"
              placeholder="Any"
              clearable
              data={options(STATUS_LABELS)}
              value={filters.status ?? null}
              onChange={(v) => setFilters({ status: (v as BodyStatus | null) ?? undefined })}
              w={160}
            />
            <Select
              label="Issuer"
              placeholder="Any"
              clearable
              data={options(PARTY_KIND_LABELS)}
              value={filters.partyKind ?? null}
              onChange={(v) => setFilters({ partyKind: (v as PartyKind | null) ?? undefined })}
              w={200}
            />
          </Group>
          <RegisterTable
            register="certification-bodies"
            label="Certification bodies"
            noun="certification body"
            list={list}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(b) => `${base}/${b.id}`}
            filtered={active > 0}
            sort={{
              value: filters.sort ?? 'name',
              onChange: (sort) => setFilters({ sort: sort === 'name' ? undefined : (sort as Sort) }, true),
            }}
            archive={
              canWrite
                ? {
                    orgId: org.id,
                    register: 'certification-bodies',
                    archiveText: () =>
                      'An archived candidate leaves the comparison. Its history is kept, and it can be restored.',
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
              <Stack align="center" gap={4} py="xl">
                <Text fw={600}>{narrowed ? 'No certification body matches' : 'No candidate bodies yet'}</Text>
                <Text size="sm" c="dimmed" ta="center">
                  {narrowed
                    ? 'Change the search or the filters.'
                    : 'Add two or three bodies you are considering, then compare them side by side. The quote request pack gathers what they will ask you.'}
                </Text>
              </Stack>
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
