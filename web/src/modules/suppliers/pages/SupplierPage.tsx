import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import { Fields } from '../../../shared/ui/Fields';
import { formatDate, formatDatesIn } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import type { EntryDescription } from '../../../shared/ui/ChangeHistory';
import type { AuditEntry } from '../../audit-log';
import { RiskBadge } from '../../../shared/org/RiskBadge';
import { DEPENDENCY_LABELS, type Dependency } from '../labels';
import { ReviewsList } from '../components/ReviewsList';
import { type SupplierDetail, useSupplier, useSupplierHistory, useSupplierReviews } from '../hooks/useSuppliers';
import { SUPPLIER_FIELD_LABELS, SUPPLIER_FLAG_LABELS, SUPPLIER_KIND_LABELS, type SupplierKind } from '../labels';

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Added to the register', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  review: { title: 'Reviewed', color: 'violet' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: e.action };
const formatValue = (field: string, value: unknown) =>
  field === 'kinds' && Array.isArray(value)
    ? value.map((k) => SUPPLIER_KIND_LABELS[k as SupplierKind] ?? k).join(', ') || '—'
    : (field === 'nextReviewDate' || field === 'lastReviewDate') && typeof value === 'string'
      ? formatDate(value)
      : null;

function DependentSystems({ orgId, supplier }: { orgId: string; supplier: SupplierDetail }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="dependents-title">
      <Title order={2} fz="md" id="dependents-title" mb="sm">
        AI systems that depend on it ({supplier.aiSystems.length})
      </Title>
      {supplier.aiSystems.length === 0 ? (
        <Text size="sm" c="dimmed">
          No AI system in the inventory names this supplier.
        </Text>
      ) : (
        <Table verticalSpacing={6} aria-labelledby="dependents-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>AI system</Table.Th>
              <Table.Th>Dependency</Table.Th>
              <Table.Th>Risk level</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {supplier.aiSystems.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/orgs/${orgId}/inventory/${s.id}`} size="sm" fw={600}>
                    {s.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{DEPENDENCY_LABELS[s.dependency as Dependency] ?? s.dependency}</Text>
                </Table.Td>
                <Table.Td>
                  <RiskBadge level={s.riskLevel} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function SupplierView({ supplier }: { supplier: SupplierDetail }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const reviews = useSupplierReviews(org.id, supplier.id);
  const history = useSupplierHistory(org.id, supplier.id);
  const archived = supplier.archivedAt !== null;
  const page = `/orgs/${org.id}/suppliers/${supplier.id}`;

  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/suppliers`}>Suppliers</BackLink>
      <PageHeader
        eyebrow="Supplier · Annex A.10.3"
        title={supplier.name}
        badge={
          <Group gap="xs">
            <RiskBadge level={supplier.riskRating} />
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        description={supplier.description || undefined}
        actions={
          canWrite && (
            <>
              <ArchiveAction
                orgId={org.id}
                register="suppliers"
                record={supplier}
                archiveText={`An archived supplier leaves the register. Its reviews and history are kept, and it can be restored.${
                  supplier.aiSystems.length > 0 ? ` ${supplier.aiSystems.length} AI system(s) still name it as a supplier.` : ''
                }`}
              />
              {!archived && (
                <>
                  <Button component={Link} to={`${page}/edit`} variant="default">
                    Edit
                  </Button>
                  <Button component={Link} to={`${page}/review`}>
                    Record review
                  </Button>
                </>
              )}
            </>
          )
        }
      />
      {supplier.flags.length > 0 && !archived && (
        <Alert
          color={supplier.flags.some((f) => f.code === 'review-overdue') ? 'red' : 'orange'}
          variant="light"
          title="What an auditor would flag"
        >
          <Stack gap={2} component="ul" m={0} pl="md">
            {supplier.flags.map((f) => (
              <li key={f.code}>
                <Text size="sm">
                  <strong>{SUPPLIER_FLAG_LABELS[f.code] ?? f.code}:</strong> {formatDatesIn(f.message)}
                </Text>
              </li>
            ))}
          </Stack>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <SectionCard title="Details">
              <Fields
                labelWidth={170}
                items={[
                  {
                    label: 'Supplies',
                    value: supplier.kinds.map((k) => SUPPLIER_KIND_LABELS[k as SupplierKind] ?? k).join(', '),
                  },
                  {
                    label: 'Website',
                    value: supplier.website ? (
                      <Anchor href={supplier.website} target="_blank" rel="noopener noreferrer" size="sm">
                        {supplier.website}
                      </Anchor>
                    ) : null,
                  },
                  { label: 'Contact', value: supplier.contact },
                  { label: 'Certifications', value: supplier.certifications.join(', ') },
                  { label: 'Risk rating', value: supplier.riskRating ? <RiskBadge level={supplier.riskRating} /> : null },
                  { label: 'Last review', value: formatDate(supplier.lastReviewDate) },
                  { label: 'Next review due', value: formatDate(supplier.nextReviewDate) },
                ]}
              />
            </SectionCard>
            <Paper withBorder p="lg" component="section" aria-labelledby="reviews-title">
              <Group justify="space-between" mb="md">
                <Title order={2} fz="md" id="reviews-title">
                  AI-specific reviews
                </Title>
                {canWrite && !archived && (
                  <Button component={Link} to={`${page}/review`} size="xs" variant="light">
                    Record review
                  </Button>
                )}
              </Group>
              <QueryState query={reviews}>{({ items }) => <ReviewsList reviews={items} />}</QueryState>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <DependentSystems orgId={org.id} supplier={supplier} />
            <RecordHistoryCard
              id="supplier-history-title"
              history={history}
              record={supplier}
              fieldLabels={SUPPLIER_FIELD_LABELS}
              describe={describe}
              formatValue={formatValue}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function SupplierPage() {
  const { org } = useOrg();
  const { supplierId = '' } = useParams();
  return (
    <RecordLoader query={useSupplier(org.id, supplierId)} what="supplier">
      {(data) => <SupplierView key={data.id} supplier={data} />}
    </RecordLoader>
  );
}
