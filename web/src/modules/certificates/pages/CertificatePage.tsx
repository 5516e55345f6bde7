import { Alert, Anchor, Button, Grid, Group, Stack, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { Fields } from '../../../shared/ui/Fields';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { PublishSwitch } from '../components/PublishSwitch';
import { StatusChangeForm } from '../components/StatusChangeForm';
import { CertificateStatusBadge } from '../components/StatusBadge';
import { type Certificate, useCertificate, useCertificateHistory } from '../hooks/useCertificates';
import { IAF_MLA_LABELS, STATUS_LABELS } from '../labels';

const ACTION_WORDS: Record<string, string> = {
  create: 'Recorded',
  update: 'Corrected',
  status: 'Status changed',
  publish: 'Published',
  unpublish: 'Taken off the public page',
  archive: 'Archived',
  restore: 'Restored',
};

function StatusHistory({ certificate: c }: { certificate: Certificate }) {
  const { org } = useOrg();
  const history = useCertificateHistory(org.id, c.id);
  return (
    <SectionCard title="Status history">
      <QueryState query={history}>
        {(h) => (
          <Timeline bulletSize={12} lineWidth={2}>
            {h.items.map((e) => {
              const after = (e.after ?? {}) as {
                status?: keyof typeof STATUS_LABELS;
                statusReason?: string;
                statusChangedOn?: string;
              };
              return (
                <Timeline.Item key={e.id} title={ACTION_WORDS[e.action] ?? e.action}>
                  {e.action === 'status' && after.status && (
                    <Text size="sm">
                      {STATUS_LABELS[after.status]} on {formatDate(after.statusChangedOn)}: {after.statusReason}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.at)} · {e.actor}
                  </Text>
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
      </QueryState>
    </SectionCard>
  );
}

function CertificateView({ certificate: c }: { certificate: Certificate }) {
  const { org, can } = useOrg();
  const [changing, setChanging] = useState(false);
  const back = `/orgs/${org.id}/certificates`;
  return (
    <Stack gap="lg">
      <BackLink to={back}>Certificates</BackLink>
      <PageHeader
        eyebrow={`${c.standard} · Step 13`}
        title={`Certificate ${c.certificateNumber}`}
        badge={<CertificateStatusBadge status={c.status} />}
        description={`Issued by ${c.issuingBody.name} on ${formatDate(c.issueDate)}, expires on ${formatDate(c.expiryDate)}.`}
        actions={
          <>
            {can('write') && c.archivedAt === null && (
              <Button component={Link} to={`${back}/${c.id}/edit`} variant="default">
                Correct
              </Button>
            )}
            {can('approve') && c.storedStatus !== 'withdrawn' && !changing && (
              <Button variant="default" onClick={() => setChanging(true)}>
                Change status
              </Button>
            )}
          </>
        }
      />
      {c.warnings.map((w) => (
        <Alert key={w} color="yellow" variant="light" title="Tell the certification body" role="status">
          {w}
        </Alert>
      ))}
      {changing && <StatusChangeForm certificate={c} onDone={() => setChanging(false)} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <SectionCard title="What the certificate shows">
              <Fields
                labelWidth={190}
                items={[
                  { label: 'Certified organization', value: c.organizationName },
                  { label: 'Certification standard', value: c.standard },
                  { label: 'Certification scope', value: c.scopeStatement },
                  { label: 'Sites covered', value: c.sites.map((s) => `${s.name} (${s.country})`).join('\n') },
                  { label: 'Certificate number', value: c.certificateNumber },
                  { label: 'Issue date', value: formatDate(c.issueDate) },
                  { label: 'Expiry date', value: formatDate(c.expiryDate) },
                  {
                    label: 'Issuing certification body',
                    value: c.issuingBody.certificationBodyId ? (
                      <Anchor
                        component={Link}
                        to={`/orgs/${org.id}/certification-bodies/${c.issuingBody.certificationBodyId}`}
                        size="sm"
                      >
                        {c.issuingBody.name}
                      </Anchor>
                    ) : (
                      c.issuingBody.name
                    ),
                  },
                  { label: 'Accreditation body', value: c.accreditation.body },
                  { label: 'Accreditation number', value: c.accreditation.number },
                  { label: 'IAF MLA signatory', value: IAF_MLA_LABELS[c.accreditation.iafMlaSignatory] },
                ]}
              />
            </SectionCard>
            <SectionCard title="Verification">
              <Fields
                labelWidth={190}
                items={[
                  { label: 'With the issuing body', value: c.verificationRoute },
                  { label: 'Listed in IAF CertSearch', value: c.iafCertSearchListed ? 'Yes' : 'No' },
                  { label: 'Scope version certified', value: c.scopeVersion ? `Version ${c.scopeVersion}` : null },
                  { label: 'Status reason', value: c.statusReason },
                ]}
              />
              <Group>
                <PublishSwitch certificate={c} />
              </Group>
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <StatusHistory certificate={c} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function CertificatePage() {
  const { org } = useOrg();
  const { certificateId = '' } = useParams();
  return (
    <RecordLoader query={useCertificate(org.id, certificateId)} what="certificate">
      {(data) => <CertificateView key={data.id} certificate={data} />}
    </RecordLoader>
  );
}
