import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ApiError } from '../../../shared/api';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { SupplierForm } from '../components/SupplierForm';
import { useSupplier } from '../hooks/useSuppliers';

export function NewSupplierPage() {
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const base = `/orgs/${org.id}/suppliers`;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={base}>Suppliers</BackLink>
      <PageHeader eyebrow="Registers · Annex A.10.3" title="Add a supplier" />
      {can('write') ? (
        <SupplierForm supplier={null} onSaved={(s) => navigate(`${base}/${s.id}`)} onCancel={() => navigate(base)} />
      ) : (
        <Alert color="gray" variant="light">
          Your role can read suppliers but not add them.
        </Alert>
      )}
    </Stack>
  );
}

export function EditSupplierPage() {
  const { org } = useOrg();
  const { supplierId = '' } = useParams();
  const navigate = useNavigate();
  const supplier = useSupplier(org.id, supplierId);
  const page = `/orgs/${org.id}/suppliers/${supplierId}`;
  if (supplier.error instanceof ApiError && (supplier.error.status === 404 || supplier.error.status === 400))
    return <NotFoundPage what="supplier" />;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={page}>{supplier.data?.name ?? 'Supplier'}</BackLink>
      <PageHeader eyebrow="Suppliers" title={supplier.data ? `Edit ${supplier.data.name}` : 'Edit supplier'} />
      <QueryState query={supplier}>
        {(data) => <SupplierForm key={data.id} supplier={data} onSaved={() => navigate(page)} onCancel={() => navigate(page)} />}
      </QueryState>
    </Stack>
  );
}
