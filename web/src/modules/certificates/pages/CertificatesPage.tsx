import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDate } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { DecisionForm } from '../components/DecisionForm';
import { PublishSwitch } from '../components/PublishSwitch';
import { CertificateStatusBadge, OutcomeBadge } from '../components/StatusBadge';
import { useCertificates, useDecisions } from '../hooks/useCertificates';

/** Step 13: the certification body's decisions and the certificates they led to. */
export function CertificatesPage() {
  const { org, can } = useOrg();
  const canApprove = can('approve');
  const canWrite = can('write');
  const [recording, setRecording] = useState(false);
  const decisions = useDecisions(org.id);
  const certificates = useCertificates(org.id);
  const base = `/orgs/${org.id}/certificates`;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Step 13 · Certification decision"
        title="Certificates"
        description="What the certification body decided after the audit, and the certificate it issued: every field the certificate shows, its status, and whether buyers can check it on its public verification page. The organization is certified only while it holds a valid certificate."
        actions={
          canApprove &&
          !recording && (
            <Button onClick={() => setRecording(true)} aria-expanded={recording}>
              Record decision
            </Button>
          )
        }
      />
      {recording && <DecisionForm onDone={() => setRecording(false)} />}

      <SectionCard title="Certification decisions">
        <QueryState query={decisions}>
          {(d) =>
            d.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                No decision recorded yet. When the certification body decides after the Stage 2 audit, record its decision here
                {canApprove ? ' with "Record decision"' : ''}.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="sm" aria-label="Certification decisions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Audit</Table.Th>
                      <Table.Th>Outcome</Table.Th>
                      <Table.Th>Decided on</Table.Th>
                      <Table.Th>Decided by</Table.Th>
                      <Table.Th>Certificate</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.items.map((x) => (
                      <Table.Tr key={x.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/orgs/${org.id}/certification-audits/${x.audit.id}`} size="sm">
                            {x.audit.label}
                          </Anchor>
                          {x.warnings.map((w) => (
                            <Text key={w} size="xs" c="orange.8">
                              {w}
                            </Text>
                          ))}
                        </Table.Td>
                        <Table.Td>
                          <OutcomeBadge outcome={x.outcome} />
                        </Table.Td>
                        <Table.Td>{formatDate(x.decidedOn)}</Table.Td>
                        <Table.Td>{x.decidedBy}</Table.Td>
                        <Table.Td>
                          {x.certificateId ? (
                            <Anchor component={Link} to={`${base}/${x.certificateId}`} size="sm">
                              Open certificate
                            </Anchor>
                          ) : x.outcome === 'granted' && canWrite ? (
                            <Button component={Link} to={`${base}/new?decisionId=${x.id}`} size="xs" variant="light">
                              New certificate from decision
                            </Button>
                          ) : (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </SectionCard>

      <SectionCard title="Certificates">
        <QueryState query={certificates}>
          {(c) =>
            c.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                No certificate recorded. After a granted decision, use "New certificate from decision": the fields are filled from
                the decision, the organization profile, the approved scope and the chosen certification body.
              </Text>
            ) : (
              <Stack gap="sm">
                {c.items.map((x) => (
                  <Paper key={x.id} withBorder p="md" radius="md">
                    <Group justify="space-between" wrap="wrap" gap="sm">
                      <Stack gap={2}>
                        <Group gap="xs">
                          <Anchor component={Link} to={`${base}/${x.id}`} fw={600}>
                            {x.certificateNumber}
                          </Anchor>
                          <CertificateStatusBadge status={x.status} />
                        </Group>
                        <Text size="sm" c="dimmed">
                          {x.standard} · {x.issuingBody.name} · {formatDate(x.issueDate)} to {formatDate(x.expiryDate)}
                        </Text>
                      </Stack>
                      <PublishSwitch certificate={x} />
                    </Group>
                    {x.warnings.map((w) => (
                      <Alert key={w} color="yellow" variant="light" mt="sm" p="xs">
                        {w}
                      </Alert>
                    ))}
                  </Paper>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </SectionCard>
    </Stack>
  );
}
