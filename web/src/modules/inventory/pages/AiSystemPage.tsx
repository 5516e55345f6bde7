import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { ArchiveAction, RecordFooter, RecordLoader } from '../../../shared/register';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { ChangeHistory } from '../../../shared/ui/ChangeHistory';
import { describeAiSystemEntry, formatAiSystemValue, recordNames } from '../components/aiSystemHistory';
import { AiSystemFields } from '../components/AiSystemFields';
import { FlagsCard } from '../components/FlagsCard';
import { type AiSystem, useAiSystem, useAiSystemHistory } from '../hooks/useAiSystems';
import { DEPENDENCY_LABELS, type Dependency, FIELD_LABELS } from '../labels';
import { RiskBadge } from '../../../shared/org/RiskBadge';
import { ImpactAssessmentCard } from '../../impact-assessments';
import { AiSystemRisks } from '../../risks';
import { AiSystemMonitoringCard } from '../../monitoring';

function SuppliersCard({ orgId, system }: { orgId: string; system: AiSystem }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="suppliers-title">
      <Title order={2} fz="md" id="suppliers-title" mb="sm">
        Suppliers
      </Title>
      {system.suppliers.length === 0 ? (
        <Text size="sm" c="dimmed">
          No supplier dependency recorded.
        </Text>
      ) : (
        <Table verticalSpacing={6} aria-labelledby="suppliers-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Supplier</Table.Th>
              <Table.Th>Dependency</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {system.suppliers.map((l) => (
              <Table.Tr key={l.supplierId}>
                <Table.Td>
                  <Anchor component={Link} to={`/orgs/${orgId}/suppliers/${l.supplierId}`} size="sm" fw={600}>
                    {l.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{DEPENDENCY_LABELS[l.dependency as Dependency] ?? l.dependency}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function HistoryCard({ orgId, system }: { orgId: string; system: AiSystem }) {
  const history = useAiSystemHistory(orgId, system.id);
  const supplierNames = new Map(system.suppliers.map((s) => [s.supplierId, s.name]));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="history-title">
      <Title order={2} fz="md" id="history-title" mb="md">
        Change history
      </Title>
      <QueryState query={history}>
        {({ items }) => (
          <ChangeHistory
            entries={items}
            fieldLabels={FIELD_LABELS}
            describe={describeAiSystemEntry(system.id, recordNames(items))}
            formatValue={formatAiSystemValue(supplierNames)}
          />
        )}
      </QueryState>
    </Paper>
  );
}

function AiSystemView({ system }: { system: AiSystem }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const history = useAiSystemHistory(org.id, system.id);
  const archived = system.archivedAt !== null;
  const base = `/orgs/${org.id}/inventory`;

  return (
    <Stack gap="lg">
      <BackLink to={base}>AI system inventory</BackLink>
      <PageHeader
        eyebrow="AI system"
        title={system.name}
        badge={
          <Group gap="xs">
            <RiskBadge level={system.riskLevel} />
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                {system.mergedIntoId ? 'Merged' : 'Archived'}
              </Badge>
            )}
          </Group>
        }
        description={system.purpose || undefined}
        actions={
          canWrite && (
            <>
              <ArchiveAction
                orgId={org.id}
                register="ai-systems"
                record={system}
                restorable={!system.mergedIntoId}
                archiveText="An archived system leaves the inventory and its counts. Its record and history are kept, and it can be restored."
              />
              {!archived && (
                <Button component={Link} to={`${base}/${system.id}/edit`}>
                  Edit
                </Button>
              )}
            </>
          )
        }
      />
      {system.mergedIntoId && (
        <Alert color="gray" variant="light" title="Merged into another record">
          This record was a duplicate and was merged on {formatDateTime(system.archivedAt)}.{' '}
          <Anchor component={Link} to={`${base}/${system.mergedIntoId}`} inherit fw={600}>
            Open the record it was merged into
          </Anchor>
          ; its history includes this one's.
        </Alert>
      )}
      {archived && !system.mergedIntoId && (
        <Alert color="gray" variant="light" title="Archived">
          Archived on {formatDateTime(system.archivedAt)}. It is left out of the inventory and its counts; restore it to edit it.
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <AiSystemFields system={system} />
            <AiSystemRisks aiSystemId={system.id} archived={archived} />
            <HistoryCard orgId={org.id} system={system} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            {!archived && <FlagsCard flags={system.flags} editTo={canWrite ? `${base}/${system.id}/edit` : undefined} />}
            <SuppliersCard orgId={org.id} system={system} />
            <ImpactAssessmentCard aiSystemId={system.id} archived={archived} />
            <AiSystemMonitoringCard aiSystemId={system.id} archived={archived} />
            <Paper withBorder p="lg">
              <RecordFooter
                record={system}
                history={history.data?.items}
                extra={system.lastReviewDate ? ` · last reviewed ${formatDate(system.lastReviewDate)}` : ''}
              />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function AiSystemPage() {
  const { org } = useOrg();
  const { aiSystemId = '' } = useParams();
  return (
    <RecordLoader query={useAiSystem(org.id, aiSystemId)} what="AI system">
      {(data) => <AiSystemView key={data.id} system={data} />}
    </RecordLoader>
  );
}
