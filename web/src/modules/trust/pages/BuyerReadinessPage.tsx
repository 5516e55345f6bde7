import { Grid, Stack, Text } from '@mantine/core';
import { useOrg } from '../../../app/orgs/OrgContext';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { AnswerCard } from '../components/AnswerCard';
import { PublishCard } from '../components/PublishCard';
import { TimelineCard } from '../components/TimelineCard';
import { useBuyerAnswers, useTimeline } from '../hooks/useTrust';

/** How long certification may take, and the answers buyers ask for, drafted from the records. */
export function BuyerReadinessPage() {
  const { org, can } = useOrg();
  const timeline = useTimeline(org.id);
  const answers = useBuyerAnswers(org.id);
  return (
    <>
      <PageHeader
        eyebrow="Certification"
        title="Buyer readiness"
        description="Each answer is drafted from your records; read it, edit it in your own words, and publish the set as your trust page. These answers do not replace legal, privacy, security or sector review where those apply."
        actions={
          <DownloadButton href={`/api/v1/orgs/${org.id}/buyer-answers/report?format=pdf`} variant="default">
            Answers as PDF
          </DownloadButton>
        }
      />
      <Stack gap="lg">
        <QueryState query={timeline}>{(t) => <TimelineCard timeline={t} />}</QueryState>
        <QueryState query={answers}>
          {(a) => (
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Stack gap="md">
                  <Text size="sm" c="dimmed">
                    The seven questions buyers most often ask about AI governance.
                  </Text>
                  {a.items.map((item) => (
                    <AnswerCard key={`${item.id}-${item.etag}`} orgId={org.id} answer={item} canWrite={can('write')} />
                  ))}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <PublishCard orgId={org.id} orgName={org.name} page={a.trustPage} canPublish={can('approve')} />
              </Grid.Col>
            </Grid>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
