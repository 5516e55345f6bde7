import { Anchor, Breadcrumbs, Grid, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { Markdown } from '../../../shared/ui/Markdown';
import { PageHeader, StatusBadge } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { AcceptedExceptions, VersionFacts } from '../../../shared/versioned';
import { ChecksPanel } from '../components/ChecksPanel';
import { InventoryLinks } from '../components/InventoryLinks';
import { useScopeRecord } from '../hooks/useScope';

/** One version of the scope as it was saved or approved, read-only. */
export function ScopeVersionPage() {
  const { org } = useOrg();
  const version = Number(useParams().version);
  const query = useQuery(useScopeRecord(org.id).version(version));

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
                  <VersionFacts version={v} compareHref={(from, to) => `/orgs/${org.id}/scope/compare?from=${from}&to=${to}`} />
                  <AcceptedExceptions version={v} />
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
