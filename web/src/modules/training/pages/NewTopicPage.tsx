import { Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { TopicForm } from '../components/TopicForm';

export function NewTopicPage() {
  const { org } = useOrg();
  const navigate = useNavigate();
  const base = `/orgs/${org.id}/training/topics`;
  return (
    <Stack gap="lg">
      <BackLink to={base}>Training topics</BackLink>
      <PageHeader eyebrow="Training" title="Add a training topic" />
      <TopicForm topic={null} onSaved={(t) => navigate(`${base}/${t.id}`)} />
    </Stack>
  );
}
