import { Button, Checkbox, Group, Paper, Select, Stack } from '@mantine/core';
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
import type { AssessmentListQuery } from '../hooks/useImpactAssessments';
import { EmptyState } from '../../../shared/ui/EmptyState';

type Filters = Omit<AssessmentListQuery, 'cursor' | 'limit'>;
const STATUSES = ['draft', 'approved', 'superseded'] as const;

function read(params: URLSearchParams): Filters {
  const f: Filters = {};
  const status = textParam(params, 'status');
  if (status && (STATUSES as readonly string[]).includes(status)) f.status = status as Filters['status'];
  if (flagParam(params, 'includeSuperseded')) f.includeSuperseded = 'true';
  if (flagParam(params, 'includeArchived')) f.includeArchived = 'true';
  return f;
}

/** AI system impact assessments (6.1.4, A.5): one in force per system, with drafts and what needs reassessing. */
export function ImpactAssessmentsPage() {
  const { org, can } = useOrg();
  const { filters, setFilters, clearFilters, active } = useRegisterFilters(read);
  const list = useRegisterList(org.id, 'impact-assessments', filters);
  const base = `/orgs/${org.id}/impact-assessments`;
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Planning · Clause 6.1.4 · Annex A.5"
        title="Impact assessments"
        description="For each AI system: who it can affect, what could happen to them, how likely and how severe, and what is left after mitigation. A high residual impact raises a risk when the assessment is approved; a material change to the system calls for a reassessment."
        actions={
          can('write') && (
            <Button component={Link} to={`${base}/new`}>
              New impact assessment
            </Button>
          )
        }
      />
      <Paper withBorder p="lg" component="section" aria-label="Impact assessments">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter impact assessments">
            <Select
              label="Status"
              placeholder="Draft or approved"
              data={STATUSES.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) }))}
              value={filters.status ?? null}
              onChange={(v) => setFilters({ status: (v ?? undefined) as Filters['status'] })}
              clearable
              w={200}
            />
            <Checkbox
              label="Include superseded ones"
              checked={filters.includeSuperseded === 'true'}
              onChange={(e) => setFilters({ includeSuperseded: e.currentTarget.checked ? 'true' : undefined })}
              mb={8}
            />
          </Group>
          <RegisterTable
            register="impact-assessments"
            label="Impact assessments"
            noun="impact assessment"
            list={list}
            columns={COLUMNS}
            defaultColumns={DEFAULT_COLUMNS}
            rowHref={(a) => `${base}/${a.id}`}
            filtered={active > 0}
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
                title={active > 0 ? 'No impact assessment matches' : 'No impact assessments yet'}
                hint={
                  active > 0 ? 'Change the filters.' : 'Start with the AI systems that decide about people or reach customers.'
                }
              />
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
