import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDate } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { useCoverage, useSoaApplicability } from '../hooks/useEvidence';

/** Where evidence stands: per area, and per control with excluded controls greyed and uncovered ones marked. */
export function CoveragePage() {
  const { org } = useOrg();
  const coverage = useCoverage(org.id);
  const applicable = useSoaApplicability(org.id);
  const base = `/orgs/${org.id}/evidence`;
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Support · Clauses 7.5, 9.1"
        title="Evidence coverage"
        description="How much current evidence each area, clause and control has. A control without valid evidence is marked; controls the Statement of Applicability excludes are greyed."
      />
      <QueryState query={coverage}>
        {(c) => (
          <>
            <Paper withBorder p="lg" component="section" aria-label="Areas">
              <Stack gap="sm">
                {c.areas.map((a) => (
                  <div key={a.area}>
                    <Group justify="space-between">
                      <Anchor component={Link} to={`${base}?area=${a.area}`} size="sm" fw={600}>
                        {a.label}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {a.requirementsCovered} of {a.requirementsTotal} covered · {a.valid} valid of {a.items}
                      </Text>
                    </Group>
                    <Progress
                      value={a.requirementsTotal ? (100 * a.requirementsCovered) / a.requirementsTotal : 0}
                      aria-label={`${a.label}: ${a.requirementsCovered} of ${a.requirementsTotal} covered`}
                    />
                  </div>
                ))}
              </Stack>
            </Paper>
            <Paper withBorder p="lg" component="section" aria-label="Controls">
              <Text fw={600} mb="sm">
                Controls: {c.totals.controlsCovered} of {c.totals.controlsTotal} with valid evidence
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                {c.controls.map((k) => {
                  const excluded = applicable.data?.get(k.controlId) === false;
                  const covered = k.valid + k.expiring > 0;
                  return (
                    <Paper
                      key={k.controlId}
                      withBorder
                      p="sm"
                      data-testid={`coverage-${k.controlId}`}
                      data-covered={covered}
                      style={{
                        opacity: excluded ? 0.5 : 1,
                        borderColor: !covered && !excluded ? 'var(--mantine-color-red-5)' : undefined,
                      }}
                    >
                      <Anchor component={Link} to={`${base}?controlId=${encodeURIComponent(k.controlId)}`} size="sm" fw={600}>
                        {k.controlId} {k.title}
                      </Anchor>
                      <Group gap={6} mt={4}>
                        <Badge color={k.valid > 0 ? 'green' : 'gray'} variant="light">
                          {k.valid} valid
                        </Badge>
                        {k.expiring > 0 && (
                          <Badge color="yellow" variant="light">
                            {k.expiring} expiring
                          </Badge>
                        )}
                        {k.expired > 0 && (
                          <Badge color="red" variant="light">
                            {k.expired} expired
                          </Badge>
                        )}
                        {excluded && <Badge color="gray">Excluded</Badge>}
                      </Group>
                      <Text size="xs" c="dimmed" mt={4}>
                        {k.latestCollectedOn ? `Latest collected ${formatDate(k.latestCollectedOn)}` : 'No evidence yet'}
                      </Text>
                    </Paper>
                  );
                })}
              </SimpleGrid>
            </Paper>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
