import { Grid, Stack } from '@mantine/core';
import { useOrg } from '../../../app/orgs/OrgContext';
import { useHome } from '../../../app/journey/useHome';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { DueList } from '../components/DueList';
import { JourneySteps } from '../components/JourneySteps';
import { NextActions } from '../components/NextActions';
import { RecentChanges } from '../components/RecentChanges';

/** The organization's home: the certification journey at a glance. */
export function HomePage() {
  const { org } = useOrg();
  const home = useHome(org.id);
  return (
    <>
      <PageHeader
        eyebrow="Home"
        title={org.name}
        description="Where the organization stands on its way to ISO/IEC 42001 certification, and what to do next."
      />
      <QueryState query={home}>
        {(data) => (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="lg">
                <NextActions actions={data.nextActions} />
                <JourneySteps orgId={org.id} steps={data.steps} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="lg">
                <DueList due={data.due} />
                <RecentChanges home={data} auditLogPath={`/orgs/${org.id}/audit-log`} />
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </QueryState>
    </>
  );
}
