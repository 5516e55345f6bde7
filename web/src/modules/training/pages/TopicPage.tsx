import { Anchor, Badge, Button, Paper, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { describeEntry, formatTopicValue, TOPIC_FIELDS } from '../components/history';
import { refresherLabel } from '../components/labels';
import { useTopic, useTopicHistory } from '../hooks/useTraining';

/** One training topic: who must take it, how often, and its completion records. */
export function TopicPage() {
  const { org, can } = useOrg();
  const { topicId = '' } = useParams();
  const topic = useTopic(org.id, topicId);
  const history = useTopicHistory(org.id, topicId);
  const base = `/orgs/${org.id}/training`;
  return (
    <RecordLoader query={topic} what="training topic">
      {(t) => (
        <Stack gap="lg">
          <BackLink to={`${base}/topics`}>Training topics</BackLink>
          <PageHeader
            eyebrow={`Training · ${t.number}`}
            title={t.title}
            badge={t.archivedAt ? <Badge color="gray">Archived</Badge> : undefined}
            description={t.description || undefined}
            actions={
              can('write') && (
                <>
                  <ArchiveAction
                    orgId={org.id}
                    register="trainings"
                    record={{ ...t, name: t.title }}
                    archiveText="An archived topic leaves the matrix. Its completion records and history are kept, and it can be restored."
                  />
                  {!t.archivedAt && (
                    <Button component={Link} to={`${base}/topics/${t.id}/edit`}>
                      Edit
                    </Button>
                  )}
                </>
              )
            }
          />
          <Paper withBorder p="lg">
            <Stack gap="xs">
              <Text size="sm">
                <b>Who must take it:</b> {t.audienceLabel}
              </Text>
              <Text size="sm">
                <b>Refresher:</b> {refresherLabel(t.refresherMonths)}
              </Text>
              <Text size="sm">
                <b>Document:</b>{' '}
                {t.document ? (
                  <Anchor component={Link} to={`/orgs/${org.id}/documents/${t.document.id}`}>
                    {t.document.name}
                  </Anchor>
                ) : (
                  'None'
                )}
              </Text>
              <Anchor component={Link} to={`${base}/records?topicId=${t.id}`} size="sm">
                Completion records of this topic
              </Anchor>
            </Stack>
          </Paper>
          <RecordHistoryCard
            id="topic-history-title"
            history={history}
            record={t}
            fieldLabels={TOPIC_FIELDS}
            describe={describeEntry}
            formatValue={formatTopicValue}
          />
        </Stack>
      )}
    </RecordLoader>
  );
}
