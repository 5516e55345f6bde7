import { Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { AuditForm } from '../components/AuditForm';

/** Plan an internal audit. */
export function NewInternalAuditPage() {
  const { org } = useOrg();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/internal-audits`}>Internal audits</BackLink>
      <PageHeader eyebrow="Internal audits" title="Plan an audit" />
      <AuditForm audit={null} onSaved={(a) => navigate(`/orgs/${org.id}/internal-audits/${a.id}`)} />
    </Stack>
  );
}
