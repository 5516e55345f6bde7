import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ApiError } from '../../../shared/api';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { RoleForm } from '../components/RoleForm';
import { useRole } from '../hooks/useRoles';

export function NewRolePage() {
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const base = `/orgs/${org.id}/roles`;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={base}>Governance roles</BackLink>
      <PageHeader eyebrow="Support · Clause 5.3" title="Add a governance role" />
      {can('write') ? (
        <RoleForm record={null} onSaved={(r) => navigate(`${base}/${r.id}`)} onCancel={() => navigate(base)} />
      ) : (
        <Alert color="gray" variant="light">
          Your role can read governance roles but not add them.
        </Alert>
      )}
    </Stack>
  );
}

export function EditRolePage() {
  const { org } = useOrg();
  const { roleId = '' } = useParams();
  const navigate = useNavigate();
  const role = useRole(org.id, roleId);
  const page = `/orgs/${org.id}/roles/${roleId}`;
  if (role.error instanceof ApiError && (role.error.status === 404 || role.error.status === 400))
    return <NotFoundPage what="governance role" />;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={page}>{role.data?.name ?? 'Governance role'}</BackLink>
      <PageHeader eyebrow="Governance roles" title={role.data ? `Edit ${role.data.name}` : 'Edit governance role'} />
      <QueryState query={role}>
        {(data) => <RoleForm key={data.id} record={data} onSaved={() => navigate(page)} onCancel={() => navigate(page)} />}
      </QueryState>
    </Stack>
  );
}
