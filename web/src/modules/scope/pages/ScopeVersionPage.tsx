import { Anchor, Breadcrumbs, Grid, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDateTime } from '../../../shared/ui/format';
import { Markdown } from '../../../shared/ui/Markdown';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { PageHeader, StatusBadge } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { ChecksPanel } from '../components/ChecksPanel';
import { InventoryLinks } from '../components/InventoryLinks';
import { type AcceptedException, useScopeVersion } from '../hooks/useScope';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** The warnings that were open when this version was approved, with the approver's reasons. */
function AcceptedExceptions({ exceptions }: { exceptions: AcceptedException[] }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="accepted-exceptions-title">
      <Title order={2} fz="md" mb="xs" id="accepted-exceptions-title">
        Warnings accepted at approval
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Open when this version was approved; the approver gave these reasons.
      </Text>
      <List spacing="sm" size="sm" aria-label="Warnings accepted at approval">
        {exceptions.map((e) => (
          <List.Item key={`${e.code}|${e.field}`}>
            <Text size="sm">{e.message}</Text>
            <Text size="sm">
              <Text span fw={600}>
                Reason:
              </Text>{' '}
              {e.reason}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

/** One version of the scope as it was saved or approved, read-only. */
export function ScopeVersionPage() {
  const { org } = useOrg();
  const version = Number(useParams().version);
  const query = useScopeVersion(org.id, version);

  return (
    <Stack gap="lg" maw={1200}>
      <Breadcrumbs>
        <Anchor component={Link} to={`/orgs/${org.id}/scope`} size="sm">
          Define scope
        </Anchor>
        <Text size="sm">Version {version}</Text>
      </Breadcrumbs>
      <QueryState query={query}>
        {(v) => (
          <>
            <PageHeader
              eyebrow="Scope · Clause 4.3"
              title={`Scope version ${v.version}`}
              badge={<StatusBadge status={v.status} />}
              actions={(['pdf', 'docx'] as const).map((format) => (
                <DownloadButton
                  key={format}
                  variant="default"
                  href={`/api/v1/orgs/${org.id}/scope/versions/${v.version}/statement?format=${format}`}
                >
                  {format === 'pdf' ? 'Statement (PDF)' : 'Statement (Word DOCX)'}
                </DownloadButton>
              ))}
            />
            <Grid gap="lg" align="flex-start">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <Paper withBorder radius="md" p="lg" component="article" aria-label={`Scope statement, version ${v.version}`}>
                  <Stack gap="sm">
                    <Markdown source={v.statement} />
                    <InventoryLinks orgId={org.id} aiSystems={v.content.aiSystems} />
                  </Stack>
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Stack gap="md">
                  <Paper withBorder radius="md" p="md">
                    <Title order={2} fz="md" mb="sm">
                      Record
                    </Title>
                    <Stack gap="sm">
                      <Fact label="Status" value={v.status} />
                      <Fact label="Created" value={formatDateTime(v.createdAt)} />
                      <Fact label="Last saved" value={formatDateTime(v.updatedAt)} />
                      {v.approvedAt && (
                        <Fact
                          label="Approved"
                          value={`${formatDateTime(v.approvedAt)}${v.approvedByName ? ` by ${v.approvedByName}` : ''}`}
                        />
                      )}
                      {v.approvalNote && <Fact label="Approval note" value={v.approvalNote} />}
                    </Stack>
                    {v.version > 1 && (
                      <Anchor
                        component={Link}
                        to={`/orgs/${org.id}/scope/compare?from=${v.version - 1}&to=${v.version}`}
                        size="sm"
                        mt="md"
                        display="inline-block"
                      >
                        Compare with version {v.version - 1}
                      </Anchor>
                    )}
                  </Paper>
                  {v.acceptedExceptions.length > 0 && <AcceptedExceptions exceptions={v.acceptedExceptions} />}
                  <ChecksPanel checks={v.checks} checked stale={false} linkSections={false} />
                </Stack>
              </Grid.Col>
            </Grid>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
