import { Anchor, Badge, Button, Center, Checkbox, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDate, plural, todayIso } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { RiskBadge } from '../../../shared/org/RiskBadge';
import { SupplierFlagBadges } from '../components/SupplierFlagBadges';
import { useSupplierList } from '../hooks/useSuppliers';
import { SUPPLIER_KIND_LABELS, type SupplierKind } from '../labels';

/** The supplier register (A.10.3): who supplies the organization's AI, and whether each has been reviewed. */
export function SuppliersPage() {
  const { org, can } = useOrg();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [overdue, setOverdue] = useState(false);
  const [archived, setArchived] = useState(false);
  const list = useSupplierList(org.id, {
    ...(debouncedQ ? { q: debouncedQ } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
    ...(archived ? { includeArchived: 'true' as const } : {}),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const today = todayIso();
  const base = `/orgs/${org.id}/suppliers`;

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
            {can('write') && (
              <Button component={Link} to={`${base}/new`}>
                Add supplier
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Group component="search" align="flex-end" gap="lg" aria-label="Filter suppliers">
            <TextInput
              label="Search"
              placeholder="Supplier name"
              type="search"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={300}
            />
            <Checkbox
              label="Only overdue reviews"
              checked={overdue}
              onChange={(e) => setOverdue(e.currentTarget.checked)}
              mb={8}
            />
            <Checkbox label="Show archived" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} mb={8} />
          </Group>
          <QueryState query={list}>
            {() =>
              items.length === 0 ? (
                <Stack align="center" gap={4} py="xl">
                  <Text fw={600}>{debouncedQ || overdue ? 'No supplier matches' : 'No suppliers yet'}</Text>
                  <Text size="sm" c="dimmed">
                    {debouncedQ || overdue
                      ? 'Change the search or the filters.'
                      : 'Add the vendors whose AI platforms, APIs, models or data your AI systems rely on.'}
                  </Text>
                </Stack>
              ) : (
                <>
                  <Table.ScrollContainer minWidth={900}>
                    <Table verticalSpacing="sm" highlightOnHover aria-label="Suppliers">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Name</Table.Th>
                          <Table.Th>Supplies</Table.Th>
                          <Table.Th>Risk rating</Table.Th>
                          <Table.Th>Last review</Table.Th>
                          <Table.Th>Next review due</Table.Th>
                          <Table.Th ta="right">AI systems</Table.Th>
                          <Table.Th>Flags</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {items.map((s) => {
                          const late = !!s.nextReviewDate && s.nextReviewDate < today;
                          return (
                            <Table.Tr key={s.id}>
                              <Table.Td>
                                <Group gap={6} wrap="nowrap">
                                  <Anchor component={Link} to={`${base}/${s.id}`} fw={600} size="sm">
                                    {s.name}
                                  </Anchor>
                                  {s.archivedAt && (
                                    <Badge size="xs" color="gray" variant="light" radius="sm">
                                      archived
                                    </Badge>
                                  )}
                                </Group>
                              </Table.Td>
                              <Table.Td>
                                <Text size="sm">
                                  {s.kinds.map((k) => SUPPLIER_KIND_LABELS[k as SupplierKind] ?? k).join(', ') || '—'}
                                </Text>
                              </Table.Td>
                              <Table.Td>
                                <RiskBadge level={s.riskRating} />
                              </Table.Td>
                              <Table.Td>
                                <Text size="sm" c={s.lastReviewDate ? undefined : 'dimmed'}>
                                  {s.lastReviewDate ? formatDate(s.lastReviewDate) : 'Never'}
                                </Text>
                              </Table.Td>
                              <Table.Td>
                                <Text
                                  size="sm"
                                  c={late ? 'red.8' : s.nextReviewDate ? undefined : 'dimmed'}
                                  fw={late ? 600 : undefined}
                                >
                                  {s.nextReviewDate ? formatDate(s.nextReviewDate) : '—'}
                                  {late ? ' (overdue)' : ''}
                                </Text>
                              </Table.Td>
                              <Table.Td ta="right">
                                <Text size="sm">{s.aiSystemCount}</Text>
                              </Table.Td>
                              <Table.Td>
                                <SupplierFlagBadges flags={s.flags} />
                              </Table.Td>
                            </Table.Tr>
                          );
                        })}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  <Center>
                    {list.hasNextPage ? (
                      <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                        Load more
                      </Button>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {plural(items.length, 'supplier')}
                      </Text>
                    )}
                  </Center>
                </>
              )
            }
          </QueryState>
        </Stack>
      </Paper>
    </Stack>
  );
}
