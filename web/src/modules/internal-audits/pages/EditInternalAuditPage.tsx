import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { AuditForm } from '../components/AuditForm';
import { useAudit } from '../hooks/useInternalAudits';

/** Change an audit's plan; a reported, closed or archived audit is read-only here. */
export function EditInternalAuditPage() {
  const { org, can } = useOrg();
  const { auditId = '' } = useParams();
  const navigate = useNavigate();
  const back = `/orgs/${org.id}/internal-audits/${auditId}`;
  return (
    <RecordLoader query={useAudit(org.id, auditId)} what="internal audit">
      {(a) => {
        const done = a.status === 'reported' || a.status === 'closed';
        const readOnly = !!a.archivedAt || done || !can('write');
        return (
          <Stack gap="lg">
            <BackLink to={back}>{a.number}</BackLink>
            <PageHeader eyebrow={`Internal audit ${a.number}`} title={`Edit ${a.title}`} />
            {readOnly && (
              <Alert color="gray" title="Read-only">
                {a.archivedAt
                  ? 'This audit is archived: restore it to change it.'
                  : done
                    ? 'This audit is reported: its plan is kept as it was audited.'
                    : 'You may view this audit but not change it.'}
              </Alert>
            )}
            <AuditForm key={a.id} audit={a} readOnly={readOnly} onSaved={() => navigate(back)} />
          </Stack>
        );
      }}
    </RecordLoader>
  );
}
