import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import type { AuditEntry, EntryDescription } from '../../../shared/ui/ChangeHistory';
import { BackLink } from '../../../shared/ui/BackLink';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { Fields } from '../../../shared/ui/Fields';
import { formatDateTime } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { AddUpdateCard } from '../components/AddUpdateCard';
import { CommunicationsCard } from '../components/CommunicationsCard';
import { IncidentTimeline } from '../components/IncidentTimeline';
import { SeverityBadge, StatusBadge } from '../components/SeverityBadge';
import { StatusActions } from '../components/StatusActions';
import { type Incident, useIncident, useIncidentHistory } from '../hooks/useIncidents';
import {
  DETECTED_HOW_LABELS,
  HARM_LABELS,
  INCIDENT_FIELD_LABELS,
  type IncidentStatus,
  SEVERITY_LABELS,
  type Severity,
  SOURCE_LABELS,
  STATUS_LABELS,
} from '../labels';

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Recorded', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  'add-update': { title: 'Update added', color: 'gray' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: 'Changed' };
// statuses and severities in words; people and lists by name
const formatValue = (field: string, value: unknown): string | null => {
  if (field === 'status' && typeof value === 'string') return STATUS_LABELS[value as IncidentStatus] ?? null;
  if (field === 'severity' && typeof value === 'string') return SEVERITY_LABELS[value as Severity] ?? null;
  if ((field === 'detectedAt' || field === 'closedAt') && typeof value === 'string') return formatDateTime(value);
  if (field === 'escalation') return (value as { to?: { name?: string } } | null)?.to?.name ?? 'No one';
  if (field === 'communications' && Array.isArray(value)) return `${value.length} recorded`;
  if (field === 'linkedRiskIds' && Array.isArray(value)) return value.length ? `${value.length} linked` : 'None';
  if (field === 'peopleAffected' && value && typeof value === 'object') {
    const p = value as { count: number | null; description?: string };
    return [p.count === null ? 'Number not known' : String(p.count), p.description].filter(Boolean).join(' · ');
  }
  if (field === 'harmCategories' && Array.isArray(value))
    return value.map((h) => HARM_LABELS[h as keyof typeof HARM_LABELS] ?? h).join(', ') || 'None';
  return null;
};

function Escalation({ incident, orgId }: { incident: Incident; orgId: string }) {
  const { to, at } = incident.escalation;
  if (!to)
    return (
      <Alert color="red" variant="light" title="Not escalated">
        <Text size="sm">
          Not escalated: the incident escalation role is vacant.{' '}
          <Anchor component={Link} to={`/orgs/${orgId}/roles`} size="sm">
            Name a holder in Governance roles
          </Anchor>{' '}
          or name the person on this incident.
        </Text>
      </Alert>
    );
  return (
    <Text size="sm" aria-label="Escalation">
      Escalated to <strong>{to.name}</strong>
      {at ? ` on ${formatDateTime(at)}` : ''}
    </Text>
  );
}

function IncidentView({ incident }: { incident: Incident }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const archived = incident.archivedAt !== null;
  const page = `/orgs/${org.id}/incidents/${incident.id}`;
  const report = `/api/v1/orgs/${org.id}/incidents/${incident.id}/report`;
  const people = incident.peopleAffected;
  const history = useIncidentHistory(org.id, incident.id);
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/incidents`}>AI incidents</BackLink>
      <PageHeader
        eyebrow={`Incident ${incident.number}`}
        title={incident.title}
        badge={
          <Group gap="xs">
            <SeverityBadge severity={incident.severity} />
            <StatusBadge status={incident.status} />
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        actions={
          <Group gap="sm">
            <DownloadButton variant="default" href={`${report}?format=pdf`}>
              Report (PDF)
            </DownloadButton>
            <DownloadButton variant="default" href={`${report}?format=docx`}>
              Report (DOCX)
            </DownloadButton>
            {canWrite && (
              <ArchiveAction
                orgId={org.id}
                register="incidents"
                record={{ ...incident, name: `${incident.number} ${incident.title}` }}
                archiveText="Archive an incident recorded by mistake. It leaves the register and the counts; its timeline is kept and it can be restored."
              />
            )}
            {canWrite && !archived && (
              <Button component={Link} to={`${page}/edit`} variant="default">
                Edit
              </Button>
            )}
            {canWrite && (
              <Button
                component={Link}
                to={`/orgs/${org.id}/nonconformities/new?${new URLSearchParams({ sourceKind: 'incident', sourceId: incident.id, sourceLabel: incident.number })}`}
                variant="default"
              >
                Raise nonconformity
              </Button>
            )}
            {canWrite && incident.lessonsLearned && (
              <Button
                component={Link}
                to={`/orgs/${org.id}/improvements/new?${new URLSearchParams({
                  sourceKind: 'incident',
                  sourceId: incident.id,
                  sourceLabel: incident.number,
                  title: `Lessons from ${incident.number}`.slice(0, 200),
                  description: incident.lessonsLearned,
                })}`}
                variant="default"
              >
                Log lessons as improvement
              </Button>
            )}
          </Group>
        }
      />
      <Escalation incident={incident} orgId={org.id} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <SectionCard title="What happened">
              <Fields
                labelWidth={170}
                items={[
                  { label: 'Description', value: incident.description || null },
                  {
                    label: 'AI system',
                    value: incident.aiSystem ? (
                      <Anchor component={Link} to={`/orgs/${org.id}/inventory/${incident.aiSystem.id}`} size="sm">
                        {incident.aiSystem.name}
                      </Anchor>
                    ) : (
                      'Not tied to one AI system'
                    ),
                  },
                  { label: 'Detected', value: formatDateTime(incident.detectedAt) },
                  { label: 'How', value: DETECTED_HOW_LABELS[incident.detectedHow] },
                  { label: 'Came from', value: SOURCE_LABELS[incident.source.kind] },
                  { label: 'Harm', value: incident.harmCategories.map((h) => HARM_LABELS[h]).join(', ') || null },
                  {
                    label: 'People affected',
                    value:
                      people.count === null && !people.description
                        ? null
                        : [people.count === null ? 'Number not known' : String(people.count), people.description]
                            .filter(Boolean)
                            .join(' · '),
                  },
                  {
                    label: 'Linked risks',
                    value: incident.linkedRisks.length ? (
                      <Group gap="xs">
                        {incident.linkedRisks.map((r) => (
                          <Anchor key={r.id} component={Link} to={`/orgs/${org.id}/risks/${r.id}`} size="sm">
                            {r.name}
                          </Anchor>
                        ))}
                      </Group>
                    ) : null,
                  },
                  { label: 'Containment', value: incident.containment || null },
                  { label: 'Root cause', value: incident.rootCause || null },
                  { label: 'Lessons learned', value: incident.lessonsLearned || null },
                  { label: 'Closed', value: incident.closedAt ? formatDateTime(incident.closedAt) : 'Not closed yet' },
                ]}
              />
            </SectionCard>
            <IncidentTimeline orgId={org.id} incidentId={incident.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <StatusActions orgId={org.id} incident={incident} canWrite={canWrite} />
            <CommunicationsCard orgId={org.id} incident={incident} canWrite={canWrite} />
            {canWrite && !archived && <AddUpdateCard orgId={org.id} incidentId={incident.id} />}
            <RecordHistoryCard
              id="incident-history-title"
              history={history}
              record={incident}
              fieldLabels={INCIDENT_FIELD_LABELS}
              describe={describe}
              formatValue={(field, value) =>
                field === 'aiSystemId'
                  ? value
                    ? value === incident.aiSystem?.id
                      ? incident.aiSystem.name
                      : 'Another AI system'
                    : 'Not tied to one'
                  : formatValue(field, value)
              }
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** One incident: what happened, its escalation, status steps, communications, updates and timeline. */
export function IncidentPage() {
  const { org } = useOrg();
  const { incidentId = '' } = useParams();
  return (
    <RecordLoader query={useIncident(org.id, incidentId)} what="incident">
      {(data) => <IncidentView incident={data} />}
    </RecordLoader>
  );
}
