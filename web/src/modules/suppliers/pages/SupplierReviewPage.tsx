import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ApiError } from '../../../shared/api';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { ReviewForm } from '../components/ReviewForm';
import { useReviewQuestions, useSupplier } from '../hooks/useSuppliers';

export function SupplierReviewPage() {
  const { org, can } = useOrg();
  const { supplierId = '' } = useParams();
  const navigate = useNavigate();
  const supplier = useSupplier(org.id, supplierId);
  const questions = useReviewQuestions();
  const page = `/orgs/${org.id}/suppliers/${supplierId}`;
  if (supplier.error instanceof ApiError && (supplier.error.status === 404 || supplier.error.status === 400))
    return <NotFoundPage what="supplier" />;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={page}>{supplier.data?.name ?? 'Supplier'}</BackLink>
      <PageHeader
        eyebrow="Supplier review · Annex A.10.3"
        title={supplier.data ? `Review ${supplier.data.name}` : 'Supplier review'}
        description="An AI-specific review: how the supplier treats your data and models, what it tells you and when, and what it has shown you."
      />
      {can('write') ? (
        <QueryState query={supplier}>
          {(data) => (
            <QueryState query={questions}>
              {(items) => (
                <ReviewForm
                  key={data.id}
                  supplier={data}
                  questions={items}
                  onSaved={() => navigate(page)}
                  onCancel={() => navigate(page)}
                />
              )}
            </QueryState>
          )}
        </QueryState>
      ) : (
        <Alert color="gray" variant="light">
          Your role can read reviews but not record them.
        </Alert>
      )}
    </Stack>
  );
}
