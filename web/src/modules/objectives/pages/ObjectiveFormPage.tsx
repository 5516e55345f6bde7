import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ApiError } from '../../../shared/api';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { ObjectiveForm } from '../components/ObjectiveForm';
import { useObjective } from '../hooks/useObjectives';

export function NewObjectivePage() {
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const base = `/orgs/${org.id}/objectives`;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={base}>AI objectives</BackLink>
      <PageHeader eyebrow="Planning · Clause 6.2" title="Set an AI objective" />
      {can('write') ? (
        <ObjectiveForm objective={null} onSaved={(o) => navigate(`${base}/${o.id}`)} onCancel={() => navigate(base)} />
      ) : (
        <Alert color="gray" variant="light">
          Your role can read AI objectives but not set them.
        </Alert>
      )}
    </Stack>
  );
}

export function EditObjectivePage() {
  const { org } = useOrg();
  const { objectiveId = '' } = useParams();
  const navigate = useNavigate();
  const objective = useObjective(org.id, objectiveId);
  const page = `/orgs/${org.id}/objectives/${objectiveId}`;
  if (objective.error instanceof ApiError && (objective.error.status === 404 || objective.error.status === 400))
    return <NotFoundPage what="AI objective" />;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={page}>{objective.data?.title ?? 'AI objective'}</BackLink>
      <PageHeader eyebrow="AI objectives" title={objective.data ? `Edit ${objective.data.title}` : 'Edit AI objective'} />
      <QueryState query={objective}>
        {(data) => (
          <ObjectiveForm key={data.id} objective={data} onSaved={() => navigate(page)} onCancel={() => navigate(page)} />
        )}
      </QueryState>
    </Stack>
  );
}
