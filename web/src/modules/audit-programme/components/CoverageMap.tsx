import { Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { Fragment, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/ui/format';
import { QueryState } from '../../../shared/ui/QueryState';
import { type Coverage, useCoverage } from '../hooks/useAuditProgramme';
import { auditStatusLabel, groupLabel } from '../labels';

const PROGRAMME_WORDS: Record<Coverage['programme']['status'], string> = {
  approved: 'approved programme',
  draft: 'programme draft',
  none: 'no programme yet',
};

function CoverageTable({ coverage: c, orgId, canPlan }: { coverage: Coverage; orgId: string; canPlan: boolean }) {
  const [gapsOnly, setGapsOnly] = useState(false);
  const rows = useMemo(() => (gapsOnly ? c.requirements.filter((r) => !r.covered) : c.requirements), [c, gapsOnly]);
  const gapIds = c.requirements.filter((r) => !r.covered).map((r) => r.id);
  const planHref = `/orgs/${orgId}/internal-audits/new?requirementIds=${encodeURIComponent(gapIds.join(','))}`;
  const audits = `/orgs/${orgId}/internal-audits`;
  let lastGroup = '';

  return (
    <Stack gap="md">
      {c.note && (
        <Alert color="blue" variant="light" title="Read with care">
          {c.note}
        </Alert>
      )}
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Text fw={600} role="status" aria-live="polite" data-testid="coverage-count">
            {c.gaps === 0 ? `All ${c.total} audited in this cycle` : `${c.gaps} of ${c.total} not audited in this cycle`}
          </Text>
          <Text size="sm" c="dimmed">
            Cycle {formatDate(c.cycle.start)} to {formatDate(c.cycle.end)} ({PROGRAMME_WORDS[c.programme.status]}
            {c.programme.version ? `, version ${c.programme.version}` : ''}) · {c.audits.length}{' '}
            {c.audits.length === 1 ? 'internal audit' : 'internal audits'} planned or done in it
          </Text>
        </Stack>
        <Group gap="md">
          <Switch label="Gaps only" checked={gapsOnly} onChange={(e) => setGapsOnly(e.currentTarget.checked)} />
          {canPlan && c.gaps > 0 && (
            <Button component={Link} to={planHref} variant="light">
              Plan an audit for the gaps
            </Button>
          )}
        </Group>
      </Group>
      <Box
        className="coverage-frame"
        style={{
          overflow: 'auto',
          maxHeight: '70vh',
          maxWidth: '100%',
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 8,
        }}
        tabIndex={0}
        role="region"
        aria-label="Coverage map: requirements by internal audit"
      >
        <Table stickyHeader striped={false} withColumnBorders highlightOnHover={false} miw={320 + c.audits.length * 96}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th
                style={{ position: 'sticky', left: 0, zIndex: 3, background: 'var(--mantine-color-body)', minWidth: 220 }}
              >
                Requirement
              </Table.Th>
              {c.audits.map((a) => (
                <Table.Th key={a.id} style={{ minWidth: 96, textAlign: 'center', verticalAlign: 'bottom' }}>
                  <Anchor component={Link} to={`${audits}/${a.id}`} size="sm" fw={600} title={a.title}>
                    {a.number}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {auditStatusLabel(a.status)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.plannedStart ? formatDate(a.plannedStart) : 'No date'}
                  </Text>
                </Table.Th>
              ))}
              {c.audits.length === 0 && (
                <Table.Th>
                  <Text size="sm" c="dimmed" fw={400}>
                    No internal audit planned or done in this cycle
                  </Text>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const group = groupLabel(r.kind, r.group);
              const header = group !== lastGroup;
              lastGroup = group;
              const covered = new Set(r.auditIds);
              return (
                <Fragment key={r.id}>
                  {header && (
                    <Table.Tr>
                      <Table.Th
                        colSpan={Math.max(1, c.audits.length) + 1}
                        bg="gray.0"
                        style={{ position: 'sticky', left: 0 }}
                        scope="colgroup"
                      >
                        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                          {group}
                        </Text>
                      </Table.Th>
                    </Table.Tr>
                  )}
                  <Table.Tr
                    data-gap={r.covered ? undefined : 'true'}
                    bg={r.covered ? undefined : 'red.0'}
                    aria-label={r.covered ? undefined : `${r.id} not audited in this cycle`}
                  >
                    <Table.Th
                      scope="row"
                      style={{
                        position: 'sticky',
                        left: 0,
                        zIndex: 1,
                        background: r.covered ? 'var(--mantine-color-body)' : 'var(--mantine-color-red-0)',
                        fontWeight: 400,
                      }}
                    >
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {r.id}
                        </Text>
                        <Text size="sm" lineClamp={2}>
                          {r.title}
                        </Text>
                        {!r.covered && (
                          <Badge color="red" variant="light" size="xs" style={{ flexShrink: 0 }}>
                            Gap
                          </Badge>
                        )}
                      </Group>
                    </Table.Th>
                    {c.audits.map((a) => (
                      <Table.Td key={a.id} style={{ textAlign: 'center' }}>
                        {covered.has(a.id) ? (
                          <Text
                            component="span"
                            c="teal.8"
                            fw={700}
                            aria-label={`Covered by ${a.number}`}
                            title={`Covered by ${a.number}`}
                          >
                            ✓
                          </Text>
                        ) : (
                          <Text component="span" c="gray.4" aria-hidden>
                            ·
                          </Text>
                        )}
                      </Table.Td>
                    ))}
                    {c.audits.length === 0 && <Table.Td />}
                  </Table.Tr>
                </Fragment>
              );
            })}
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={c.audits.length + 1}>
                  <Text size="sm" c="dimmed" py="md" ta="center">
                    No gaps: every requirement is covered by an audit of this cycle.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Box>
    </Stack>
  );
}

/** Which clause requirements and applicable Annex A controls the internal audits of the cycle cover, and which none does. */
export function CoverageMap({ orgId, canPlan }: { orgId: string; canPlan: boolean }) {
  const coverage = useCoverage(orgId);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="coverage-title">
      <Title order={2} fz="md" mb="md" id="coverage-title">
        Coverage map
      </Title>
      <QueryState query={coverage}>{(data) => <CoverageTable coverage={data} orgId={orgId} canPlan={canPlan} />}</QueryState>
    </Paper>
  );
}
