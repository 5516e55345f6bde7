import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import type { AuditEntry, EntryDescription } from '../../../shared/ui/ChangeHistory';
import { Fields } from '../../../shared/ui/Fields';
import { formatDate, formatDatesIn } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { AcceptanceCard } from '../components/register/AcceptanceCard';
import { LevelBadge } from '../components/register/LevelBadge';
import { TreatmentActions } from '../components/register/TreatmentActions';
import { useEffectiveRiskMethod } from '../hooks/useRiskMethod';
import { type RiskDetail, useRisk, useRiskHistory } from '../hooks/useRisks';
import {
  FLAG_LABELS,
  RISK_FIELD_LABELS,
  STATUS_LABELS,
  type RiskStatus,
  TREATMENT_LABELS,
  type TreatmentOption,
} from '../labels';

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Added to the register', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: e.action };

function RiskView({ risk }: { risk: RiskDetail }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const method = useEffectiveRiskMethod(org.id);
  const history = useRiskHistory(org.id, risk.id);
  const levels = method.content?.levels ?? [];
  const archived = risk.archivedAt !== null;
  const page = `/orgs/${org.id}/risks/${risk.id}`;
  const point = (axis: 'likelihood' | 'impact', v: number | null) => {
    if (!v) return null;
    const p = method.content?.[axis].find((x) => x.value === v);
    return p ? `${v} · ${p.label}` : String(v);
  };
  const formatValue = (field: string, value: unknown) =>
    field === 'nextReviewDate' && typeof value === 'string'
      ? formatDate(value)
      : field === 'acceptance' && value && typeof value === 'object'
        ? `${(value as { acceptedBy?: { name?: string } }).acceptedBy?.name ?? ''}, ${(value as { acceptedAt?: string }).acceptedAt ?? ''}`
        : null;

  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/risks`}>AI risks</BackLink>
      <PageHeader
        eyebrow={`Risk ${risk.number} · ${risk.sourceCategoryName ?? risk.sourceCategory}`}
        title={risk.title}
        badge={
          <Group gap="xs">
            <LevelBadge level={risk.residualLevel ?? risk.inherentLevel} levels={levels} />
            <Badge variant="outline" radius="sm" tt="none" color="gray">
              {STATUS_LABELS[risk.status as RiskStatus] ?? risk.status}
            </Badge>
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        actions={
          canWrite && (
            <>
              <ArchiveAction
                orgId={org.id}
                register="risks"
                record={{ ...risk, name: `${risk.number} ${risk.title}` }}
                archiveText="An archived risk leaves the register, the heatmaps and the SoA links. Its actions and history are kept, and it can be restored."
              />
              {!archived && (
                <Button component={Link} to={`${page}/edit`} variant="default">
                  Edit
                </Button>
              )}
            </>
          )
        }
      />
      {risk.flags.length > 0 && !archived && (
        <Alert
          color={risk.flags.some((f) => f.code === 'review-overdue') ? 'red' : 'orange'}
          variant="light"
          title="What an auditor would flag"
        >
          <Stack gap={2} component="ul" m={0} pl="md">
            {risk.flags.map((f) => (
              <li key={f.code}>
                <Text size="sm">
                  <strong>{FLAG_LABELS[f.code] ?? f.code}:</strong> {formatDatesIn(f.message)}
                </Text>
              </li>
            ))}
          </Stack>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <SectionCard title="The risk">
              <Fields
                labelWidth={170}
                items={[
                  {
                    label: 'AI systems',
                    value: (
                      <Group gap="xs">
                        {risk.aiSystems.map((s) => (
                          <Anchor key={s.id} component={Link} to={`/orgs/${org.id}/inventory/${s.id}`} size="sm">
                            {s.name}
                            {s.archived ? ' (archived)' : ''}
                          </Anchor>
                        ))}
                      </Group>
                    ),
                  },
                  {
                    label: 'Suppliers',
                    value: risk.suppliers.length ? risk.suppliers.map((s) => s.name).join(', ') : null,
                  },
                  { label: 'Risk source', value: risk.sourceCategoryName ?? risk.sourceCategory },
                  { label: 'Cause', value: risk.cause || null },
                  { label: 'Event', value: risk.event || null },
                  { label: 'Consequence', value: risk.consequence || null },
                  { label: 'Owner', value: risk.owner?.name ?? null },
                  { label: 'Next review', value: formatDate(risk.nextReviewDate) },
                ]}
              />
            </SectionCard>
            <SectionCard title="Assessment" description="Levels are computed from the risk method when the risk is saved.">
              <Fields
                labelWidth={170}
                items={[
                  { label: 'Inherent likelihood', value: point('likelihood', risk.inherentLikelihood) },
                  { label: 'Inherent impact', value: point('impact', risk.inherentImpact) },
                  {
                    label: 'Inherent level',
                    value: <LevelBadge level={risk.inherentLevel} name={risk.inherentLevelName} levels={levels} />,
                  },
                  {
                    label: 'Treatment',
                    value: risk.treatmentOption ? TREATMENT_LABELS[risk.treatmentOption as TreatmentOption] : null,
                  },
                  { label: 'Residual likelihood', value: point('likelihood', risk.residualLikelihood) },
                  { label: 'Residual impact', value: point('impact', risk.residualImpact) },
                  {
                    label: 'Residual level',
                    value: <LevelBadge level={risk.residualLevel} name={risk.residualLevelName} levels={levels} />,
                  },
                ]}
              />
            </SectionCard>
            <TreatmentActions risk={risk} canWrite={canWrite} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <AcceptanceCard risk={risk} method={method.content} canWrite={canWrite} />
            <RecordHistoryCard
              id="risk-history-title"
              history={history}
              record={risk}
              fieldLabels={RISK_FIELD_LABELS}
              describe={describe}
              formatValue={formatValue}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function RiskPage() {
  const { org } = useOrg();
  const { riskId = '' } = useParams();
  return (
    <RecordLoader query={useRisk(org.id, riskId)} what="risk">
      {(data) => <RiskView key={data.id} risk={data} />}
    </RecordLoader>
  );
}
