import { Badge, Button, Grid, Group, Stack, Tabs, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import type { EntryDescription } from '../../../shared/ui/ChangeHistory';
import { Fields } from '../../../shared/ui/Fields';
import { formatDate } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SectionCard } from '../../../shared/ui/SectionCard';
import type { AuditEntry } from '../../audit-log';
import { AccessCard } from '../components/AccessCard';
import { StatusBadge } from '../components/Badges';
import { FindingsCard } from '../components/FindingsCard';
import { RequestsCard } from '../components/RequestsCard';
import { type CertificationAudit, useAudit, useAuditHistory } from '../hooks/useCertificationAudits';
import { type AuditStatus, FIELD_LABELS, OUTCOME_LABELS, STATUS_LABELS, TEAM_ROLE_LABELS, TYPE_LABELS } from '../labels';

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Planned', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
  'grant-access': { title: 'Auditor access given', color: 'violet' },
  'end-access': { title: 'Auditor access ended', color: 'gray' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: 'Changed' };

function formatValue(field: string, value: unknown): string | null {
  if (/^(planned|actual)(Start|End)$/.test(field) && typeof value === 'string') return formatDate(value);
  if (field === 'status' && typeof value === 'string') return STATUS_LABELS[value as AuditStatus] ?? value;
  if (field === 'outcome' && typeof value === 'string') return OUTCOME_LABELS[value as keyof typeof OUTCOME_LABELS] ?? value;
  if (field === 'team' && Array.isArray(value)) return value.map((m: { name: string }) => m.name).join(', ');
  return null;
}

const dates = (start: string | null, end: string | null) =>
  start ? `${formatDate(start)}${end && end !== start ? ` – ${formatDate(end)}` : ''}` : null;

function Overview({ audit: a }: { audit: CertificationAudit }) {
  const { org } = useOrg();
  const history = useAuditHistory(org.id, a.id);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="lg">
          <SectionCard title="Details">
            <Fields
              labelWidth={170}
              items={[
                { label: 'Type', value: a.label.replace(/^CA-\d+ /, '') || TYPE_LABELS[a.type] },
                { label: 'Certification body', value: a.certificationBody?.label },
                { label: 'Planned', value: dates(a.plannedStart, a.plannedEnd) },
                { label: 'Actual', value: dates(a.actualStart, a.actualEnd) },
                { label: 'Status', value: STATUS_LABELS[a.status] },
                { label: 'Outcome', value: OUTCOME_LABELS[a.outcome] },
                { label: 'Sites visited', value: a.sites.join(', ') },
              ]}
            />
          </SectionCard>
          <SectionCard title="Audit team">
            {a.team.length === 0 ? (
              <Text size="sm" c="dimmed">
                No one named yet: edit the audit to add the body's lead auditor and team.
              </Text>
            ) : (
              <Stack gap={4} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
                {a.team.map((m) => (
                  <Text key={`${m.name}-${m.email}`} component="li" size="sm">
                    {m.name} · {TEAM_ROLE_LABELS[m.role]}
                    {m.email ? ` · ${m.email}` : ''}
                  </Text>
                ))}
              </Stack>
            )}
          </SectionCard>
          <SectionCard title="Requirements sampled">
            {a.requirementsSampled.length === 0 ? (
              <Text size="sm" c="dimmed">
                None recorded.
              </Text>
            ) : (
              <Stack gap={2} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
                {a.requirementsSampled.map((r) => (
                  <Text key={r.id} component="li" size="sm">
                    {r.id} {r.title}
                  </Text>
                ))}
              </Stack>
            )}
          </SectionCard>
          {a.notes && (
            <SectionCard title="Notes">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.notes}
              </Text>
            </SectionCard>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <RecordHistoryCard
          id="certification-audit-history-title"
          history={history}
          record={a}
          fieldLabels={FIELD_LABELS}
          describe={describe}
          formatValue={formatValue}
        />
      </Grid.Col>
    </Grid>
  );
}

function AuditView({ audit: a }: { audit: CertificationAudit }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  // raising requests and findings: the body's auditors and who runs the audit here
  const canRoom = can('audit-room');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'room' ? 'room' : 'overview';
  const archived = a.archivedAt !== null;
  const page = `/orgs/${org.id}/certification-audits/${a.id}`;
  const waiting = a.counts.openRequests + a.counts.openFindings;
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/certification-audits`}>Certification audits</BackLink>
      <PageHeader
        eyebrow={`${a.number} · Certification`}
        title={`${a.label.replace(/^CA-\d+ /, '')} audit`}
        badge={
          <Group gap="xs">
            <StatusBadge status={a.status} />
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        description={`${dates(a.startDate, a.endDate)} · ${OUTCOME_LABELS[a.outcome]}`}
        actions={
          canWrite && (
            <>
              <ArchiveAction
                orgId={org.id}
                register="certification-audits"
                record={{ ...a, name: a.label }}
                archiveText="An archived audit leaves the list. Its room, findings and history are kept, and it can be restored."
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
      <Tabs value={tab} onChange={(v) => setParams(v === 'room' ? { tab: 'room' } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab
            value="room"
            rightSection={
              waiting > 0 ? (
                <Badge size="xs" color="yellow" variant="filled" circle aria-label={`${waiting} open`}>
                  {waiting}
                </Badge>
              ) : undefined
            }
          >
            Audit room
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          <Overview audit={a} />
        </Tabs.Panel>
        <Tabs.Panel value="room" pt="lg">
          <Stack gap="lg">
            {can('admin') && <AccessCard orgId={org.id} audit={a} />}
            <RequestsCard orgId={org.id} audit={a} canRoom={canRoom} canAnswer={canWrite} />
            <FindingsCard orgId={org.id} audit={a} canRoom={canRoom} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function CertificationAuditPage() {
  const { org } = useOrg();
  const { auditId = '' } = useParams();
  return (
    <RecordLoader query={useAudit(org.id, auditId)} what="certification audit">
      {(data) => <AuditView key={data.id} audit={data} />}
    </RecordLoader>
  );
}
