import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { TopicForm } from '../components/TopicForm';
import { useTopic } from '../hooks/useTraining';

/** Edit a topic; an archived one is read-only, as the API refuses to change it. */
export function EditTopicPage() {
  const { org, can } = useOrg();
  const { topicId = '' } = useParams();
  const navigate = useNavigate();
  const topic = useTopic(org.id, topicId);
  const back = `/orgs/${org.id}/training/topics/${topicId}`;
  return (
    <RecordLoader query={topic} what="training topic">
      {(t) => {
        const readOnly = !!t.archivedAt || !can('write');
        return (
          <Stack gap="lg">
            <BackLink to={back}>{t.number}</BackLink>
            <PageHeader eyebrow={`Training · ${t.number}`} title={`Edit ${t.title}`} />
            {readOnly && (
              <Alert color="gray" title="Read-only">
                {t.archivedAt ? 'This topic is archived: restore it to change it.' : 'You may view this topic but not change it.'}
              </Alert>
            )}
            <TopicForm key={t.id} topic={t} readOnly={readOnly} onSaved={() => navigate(back)} />
          </Stack>
        );
      }}
    </RecordLoader>
  );
}
