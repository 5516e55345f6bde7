import { Alert, Anchor, Badge, Button, Grid, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordLoader, versionTag } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { formatDate, formatDateTime, formatDatesIn } from '../../../shared/ui/format';
import { PageHeader, StatusBadge } from '../../../shared/ui/PageHeader';
import { LevelBadge, ReassessmentBadge } from '../components/LevelBadge';
import { type ImpactAssessmentDetail, useApproveAssessment, useImpactAssessment } from '../hooks/useImpactAssessments';
import { categoryWord } from '../labels';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Title order={2} fz="md" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const Para = ({ text }: { text: string }) => (
  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} c={text ? undefined : 'dimmed'}>
    {text || 'Not stated'}
  </Text>
);

function People({ label, items }: { label: string; items: string[] }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {items.length ? (
        <Group gap={6} mt={4}>
          {items.map((i) => (
            <Badge key={i} variant="default" radius="sm" tt="none" style={{ maxWidth: '100%' }}>
              {i}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          None named
        </Text>
      )}
    </div>
  );
}

function AssessmentView({ a }: { a: ImpactAssessmentDetail }) {
  const { org, can } = useOrg();
  const approve = useApproveAssessment(org.id);
  const base = `/orgs/${org.id}/impact-assessments`;
  const draft = a.status === 'draft' && !a.archivedAt;
  const inForce = a.status === 'approved' && !a.archivedAt;
  const pendingDraft = a.versions.find((v) => v.status === 'draft' && v.id !== a.id);
  const reassess = pendingDraft ? (
    <Button component={Link} to={`${base}/${pendingDraft.id}/edit`} variant={a.reassessment.needed ? 'filled' : 'default'}>
      Continue the reassessment
    </Button>
  ) : (
    <Button component={Link} to={`${base}/new?from=${a.id}`} variant={a.reassessment.needed ? 'filled' : 'default'}>
      Start a reassessment
    </Button>
  );

  return (
    <Stack gap="lg">
      <BackLink to={base}>Impact assessments</BackLink>
      <PageHeader
        eyebrow="Impact assessment · Clause 6.1.4 · Annex A.5"
        title={`Impact assessment of ${a.name}`}
        badge={
          <Group gap="xs">
            <StatusBadge status={a.status} />
            <ReassessmentBadge reassessment={a.reassessment} />
            {a.archivedAt && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            {can('write') && (
              <ArchiveAction
                orgId={org.id}
                register="impact-assessments"
                record={a}
                archiveText="An archived assessment no longer counts for its AI system. It is kept with its history and can be restored."
              />
            )}
            {draft && can('write') && (
              <Button component={Link} to={`${base}/${a.id}/edit`} variant="default">
                Edit
              </Button>
            )}
            {draft && can('approve') && (
              <Button loading={approve.isPending} onClick={() => approve.mutate({ id: a.id, ifMatch: versionTag(a.updatedAt) })}>
                Approve
              </Button>
            )}
            {inForce && can('write') && reassess}
          </>
        }
      />
      {approve.error && (
        <Alert color="red" variant="light" title="Not approved">
          {approve.error.message}
          <List size="sm" mt={4}>
            {Object.entries(approve.fieldErrors).map(([f, m]) => (
              <List.Item key={f}>
                {f}: {m}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {a.reassessment.needed && (
        <Alert color="orange" variant="light" title="Reassessment needed">
          The AI system has changed since this assessment was approved, or its review is due:
          <List size="sm" mt={4}>
            {a.reassessment.reasons.map((r) => (
              <List.Item key={r}>{formatDatesIn(r)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section title="Context">
              <Stack gap="sm">
                <Text size="sm">
                  AI system:{' '}
                  <Anchor component={Link} to={`/orgs/${org.id}/inventory/${a.aiSystemId}`} fw={600} inherit>
                    {a.name}
                  </Anchor>
                </Text>
                <Text size="sm" fw={600}>
                  Intended purpose
                </Text>
                <Para text={a.intendedPurpose} />
                <Text size="sm" fw={600}>
                  Context of use
                </Text>
                <Para text={a.contextOfUse} />
              </Stack>
            </Section>
            <Section title="Who is affected">
              <Stack gap="sm">
                <People label="Individuals" items={a.affectedIndividuals} />
                <People label="Groups of individuals" items={a.affectedGroups} />
                <People label="Societies" items={a.affectedSocieties} />
              </Stack>
            </Section>
            <Section title="Potential impacts">
              {a.impacts.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No impact assessed yet.
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  <Table verticalSpacing={8} aria-label="Potential impacts">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Impact</Table.Th>
                        <Table.Th>Before mitigation</Table.Th>
                        <Table.Th>Mitigations</Table.Th>
                        <Table.Th>Residual</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {a.impacts.map((i) => (
                        <Table.Tr key={i.id}>
                          <Table.Td style={{ overflowWrap: 'anywhere', verticalAlign: 'top' }}>
                            <Text size="sm" fw={600}>
                              {i.label || categoryWord(i.category)}
                            </Text>
                            {i.label && (
                              <Text size="xs" c="dimmed">
                                {categoryWord(i.category)}
                              </Text>
                            )}
                            <Text size="sm">{i.description}</Text>
                          </Table.Td>
                          <Table.Td style={{ verticalAlign: 'top' }}>
                            <LevelBadge level={i.level} />
                          </Table.Td>
                          <Table.Td style={{ overflowWrap: 'anywhere', verticalAlign: 'top' }}>
                            <Para text={i.mitigations} />
                          </Table.Td>
                          <Table.Td style={{ verticalAlign: 'top' }}>
                            <Stack gap={4}>
                              <LevelBadge level={i.residualLevel} />
                              {i.riskId && (
                                <Anchor component={Link} to={`/orgs/${org.id}/risks/${i.riskId}`} size="sm">
                                  Risk in the register
                                </Anchor>
                              )}
                            </Stack>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Section>
            <Section title="Reasonably foreseeable misuse">
              <Para text={a.foreseeableMisuse} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Section title="Approval">
              <Stack gap={6}>
                <Text size="sm">Highest residual impact:</Text>
                <LevelBadge level={a.highestResidual} />
                <Text size="sm">Assessor: {a.assessor?.name || '—'}</Text>
                <Text size="sm">
                  {a.approval ? `Approved by ${a.approval.name} on ${formatDateTime(a.approval.at)}` : 'Not approved yet'}
                </Text>
                <Text size="sm">Next review: {a.nextReviewDate ? formatDate(a.nextReviewDate) : '—'}</Text>
              </Stack>
            </Section>
            <Section title="Assessments of this AI system">
              <Stack gap={6}>
                {a.versions.map((v) => (
                  <Group key={v.id} gap="xs">
                    <StatusBadge status={v.status} />
                    {v.id === a.id ? (
                      <Text size="sm">This one</Text>
                    ) : (
                      <Anchor component={Link} to={`${base}/${v.id}`} size="sm">
                        {v.approvedAt
                          ? `Approved ${formatDate(v.approvedAt.slice(0, 10))}`
                          : `Started ${formatDate(v.createdAt.slice(0, 10))}`}
                      </Anchor>
                    )}
                  </Group>
                ))}
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ImpactAssessmentPage() {
  const { org } = useOrg();
  const { assessmentId = '' } = useParams();
  return (
    <RecordLoader query={useImpactAssessment(org.id, assessmentId)} what="impact assessment">
      {(a) => <AssessmentView key={a.id} a={a} />}
    </RecordLoader>
  );
}
