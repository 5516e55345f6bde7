import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ApiError } from '../../../shared/api';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { BodyForm } from '../components/BodyForm';
import { useCertificationBody } from '../hooks/useCertificationBodies';

export function NewCertificationBodyPage() {
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const base = `/orgs/${org.id}/certification-bodies`;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={base}>Certification bodies</BackLink>
      <PageHeader eyebrow="Certification · Step 9" title="Add a candidate certification body" />
      {can('write') ? (
        <BodyForm body={null} onSaved={(b) => navigate(`${base}/${b.id}`)} onCancel={() => navigate(base)} />
      ) : (
        <Alert color="gray" variant="light">
          Your role can read the comparison but not add to it.
        </Alert>
      )}
    </Stack>
  );
}

export function EditCertificationBodyPage() {
  const { org } = useOrg();
  const { bodyId = '' } = useParams();
  const navigate = useNavigate();
  const body = useCertificationBody(org.id, bodyId);
  const page = `/orgs/${org.id}/certification-bodies/${bodyId}`;
  if (body.error instanceof ApiError && (body.error.status === 404 || body.error.status === 400))
    return <NotFoundPage what="certification body" />;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={page}>{body.data?.name ?? 'Certification body'}</BackLink>
      <PageHeader eyebrow="Certification · Step 9" title={body.data ? `Edit ${body.data.name}` : 'Edit certification body'} />
      <QueryState query={body}>
        {(data) => <BodyForm key={data.id} body={data} onSaved={() => navigate(page)} onCancel={() => navigate(page)} />}
      </QueryState>
    </Stack>
  );
}
