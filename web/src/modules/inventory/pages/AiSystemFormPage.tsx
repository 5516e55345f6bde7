import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ApiError } from '../../../shared/api';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { AiSystemForm } from '../components/AiSystemForm';
import { useAiSystem } from '../hooks/useAiSystems';

export function NewAiSystemPage() {
  const { org, can } = useOrg();
  const navigate = useNavigate();
  // "Add to inventory" from the scope's missing names opens the form with the name filled in
  const [params] = useSearchParams();
  const base = `/orgs/${org.id}/inventory`;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={base}>AI system inventory</BackLink>
      <PageHeader
        eyebrow="Step 3 of 14 · AI system inventory"
        title="Add an AI system"
        description="Record what you know now; the inventory flags what an auditor would find missing, so you can complete it later."
      />
      {can('write') ? (
        <AiSystemForm
          system={null}
          initialName={params.get('name') ?? undefined}
          onSaved={(s) => navigate(`${base}/${s.id}`)}
          onCancel={() => navigate(base)}
        />
      ) : (
        <Alert color="gray" variant="light">
          Your role can read the inventory but not add to it.
        </Alert>
      )}
    </Stack>
  );
}

export function EditAiSystemPage() {
  const { org } = useOrg();
  const { aiSystemId = '' } = useParams();
  const navigate = useNavigate();
  const system = useAiSystem(org.id, aiSystemId);
  const page = `/orgs/${org.id}/inventory/${aiSystemId}`;
  if (system.error instanceof ApiError && (system.error.status === 404 || system.error.status === 400))
    return <NotFoundPage what="AI system" />;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={page}>{system.data?.name ?? 'AI system'}</BackLink>
      <PageHeader eyebrow="AI system inventory" title={system.data ? `Edit ${system.data.name}` : 'Edit AI system'} />
      <QueryState query={system}>
        {(data) =>
          data.archivedAt ? (
            <Alert color="gray" variant="light">
              This AI system is archived. Restore it on its page before editing it.
            </Alert>
          ) : (
            <AiSystemForm key={data.id} system={data} onSaved={() => navigate(page)} onCancel={() => navigate(page)} />
          )
        }
      </QueryState>
    </Stack>
  );
}
