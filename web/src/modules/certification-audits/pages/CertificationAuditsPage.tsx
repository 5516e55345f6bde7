import { Button, Group, Paper, Select, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import {
  flagParam,
  ListFilterActions,
  type RegisterList,
  RegisterTable,
  useRegisterFilters,
  useRegisterList,
} from '../../../shared/register';
import { options } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type AuditRow, COLUMNS, DEFAULT_COLUMNS } from '../components/columns';
import type { AuditListQuery } from '../hooks/useCertificationAudits';
import { type AuditStatus, type AuditType, STATUS_LABELS, TYPE_LABELS } from '../labels';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<AuditListQuery, 'cursor' | 'limit'>;
type Sort = NonNullable<Filters['sort']>;
const SORTS: Sort[] = ['number', '-number', 'startDate', '-startDate', 'updatedAt', '-updatedAt'];

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const type = params.get('type');
  if (type && type in TYPE_LABELS) f.type = type as AuditType;
  const status = params.get('status');
  if (status && status in STATUS_LABELS) f.status = status as AuditStatus;
  if (flagParam(params, 'includeArchived')) f.includeArchived = 'true';
  const sort = params.get('sort') as Sort | null;
  if (sort && SORTS.includes(sort)) f.sort = sort;
  return f;
}

// The register table sorts its first column as "name": an audit is named by its number.
const toTableSort = (s: string) => s.replace('number', 'name');
const toApiSort = (s: string) => s.replace('name', 'number') as Sort;

/** Certification audits (steps 10, 11 and 14): Stage 1, Stage 2, then surveillance and recertification. */
export function CertificationAuditsPage() {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'certification-audits', filters);
  const rows = useMemo(() => list.items.map((a) => ({ ...a, name: a.label })), [list.items]);
  const base = `/orgs/${org.id}/certification-audits`;
  const narrowed = !!filters.type || !!filters.status;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Steps 10, 11 and 14 · Certification"
        title="Certification audits"
        description="The audits of your certification body: Stage 1 (readiness and documents), Stage 2 (implementation and effectiveness), then surveillance each year and recertification. Each audit has its room: the body's auditors get access for the audit's days, raise requests you answer with your records, and record findings."
        actions={
          canWrite && (
            <Button component={Link} to={`${base}/new`}>
              Plan an audit
            </Button>
          )
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Certification audits">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter certification audits">
            <Select
              label="Type"
              placeholder="Any"
              clearable
              data={options(TYPE_LABELS)}
              value={filters.type ?? null}
              onChange={(v) => setFilters({ type: (v as AuditType | null) ?? undefined })}
              w={180}
            />
            <Select
              label="Status"
              placeholder="Any"
              clearable
              data={options(STATUS_LABELS)}
              value={filters.status ?? null}
              onChange={(v) => setFilters({ status: (v as AuditStatus | null) ?? undefined })}
              w={160}
            />
          </Group>
          <RegisterTable
            register="certification-audits"
            label="Certification audits"
            noun="audit"
            list={{ ...list, items: rows } as RegisterList<AuditRow>}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(a) => `${base}/${a.id}`}
            filtered={active > 0}
            sort={{
              value: toTableSort(filters.sort ?? '-startDate'),
              onChange: (sort) => setFilters({ sort: sort === '-startDate' ? undefined : toApiSort(sort) }, true),
            }}
            archive={
              canWrite
                ? {
                    orgId: org.id,
                    register: 'certification-audits',
                    archiveText: () => 'An archived audit leaves the list. Its room, findings and history are kept.',
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
                title={narrowed ? 'No audit matches' : 'No certification audit planned yet'}
                hint={
                  narrowed
                    ? 'Change the filters.'
                    : 'Once your certification body has proposed dates, plan the Stage 1 audit here and give its auditors access to the audit room.'
                }
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
