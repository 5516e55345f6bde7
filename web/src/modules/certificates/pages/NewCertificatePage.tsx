import { Alert, Stack } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { CertificateForm } from '../components/CertificateForm';
import { useCreateCertificate, usePrefill } from '../hooks/useCertificates';

/** "New certificate from decision": the form filled from the decision, the profile, the approved scope and the chosen body. */
export function NewCertificatePage() {
  const { org } = useOrg();
  const [params] = useSearchParams();
  const decisionId = params.get('decisionId') ?? '';
  const prefill = usePrefill(org.id, decisionId);
  const create = useCreateCertificate(org.id);
  const navigate = useNavigate();
  const back = `/orgs/${org.id}/certificates`;
  return (
    <Stack gap="lg">
      <BackLink to={back}>Certificates</BackLink>
      <PageHeader
        eyebrow="Step 13"
        title="New certificate from decision"
        description="Check each field against the certificate the body issued, then record it."
      />
      {!decisionId ? (
        <Alert color="blue" variant="light">
          Open this form from a granted decision on the Certificates page.
        </Alert>
      ) : (
        <QueryState query={prefill}>
          {(p) => (
            <CertificateForm
              prefill={p}
              pending={create.isPending}
              error={create.error}
              errorFor={create.errorFor}
              onCancel={() => navigate(back)}
              onSubmit={(body) => create.mutate(body, { onSuccess: (c) => navigate(`${back}/${c.id}`) })}
            />
          )}
        </QueryState>
      )}
    </Stack>
  );
}
