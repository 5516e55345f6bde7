import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ApiError } from '../../../shared/api';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { AuditForm } from '../components/AuditForm';
import { useAudit } from '../hooks/useCertificationAudits';

export function NewCertificationAuditPage() {
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const base = `/orgs/${org.id}/certification-audits`;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={base}>Certification audits</BackLink>
      <PageHeader eyebrow="Certification" title="Plan a certification audit" />
      {can('write') ? (
        <AuditForm audit={null} onSaved={(a) => navigate(`${base}/${a.id}`)} onCancel={() => navigate(base)} />
      ) : (
        <Alert color="gray" variant="light">
          Your role can read the certification audits but not plan them.
        </Alert>
      )}
    </Stack>
  );
}

export function EditCertificationAuditPage() {
  const { org } = useOrg();
  const { auditId = '' } = useParams();
  const navigate = useNavigate();
  const audit = useAudit(org.id, auditId);
  const page = `/orgs/${org.id}/certification-audits/${auditId}`;
  if (audit.error instanceof ApiError && (audit.error.status === 404 || audit.error.status === 400))
    return <NotFoundPage what="certification audit" />;
  const d = audit.data;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={page}>{d ? d.label : 'Certification audit'}</BackLink>
      <PageHeader eyebrow="Certification audits" title={d ? `Edit ${d.number}` : 'Edit audit'} />
      <QueryState query={audit}>
        {(data) => <AuditForm key={data.id} audit={data} onSaved={() => navigate(page)} onCancel={() => navigate(page)} />}
      </QueryState>
    </Stack>
  );
}
