import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { NonconformityForm } from '../components/NonconformityForm';
import { useNonconformity } from '../hooks/useNonconformities';

/** Edit what a nonconformity is; an archived one is read-only, as the API refuses to change it. */
export function EditNonconformityPage() {
  const { org, can } = useOrg();
  const { nonconformityId = '' } = useParams();
  const navigate = useNavigate();
  const back = `/orgs/${org.id}/nonconformities/${nonconformityId}`;
  return (
    <RecordLoader query={useNonconformity(org.id, nonconformityId)} what="nonconformity">
      {(n) => {
        const readOnly = !!n.archivedAt || !can('write');
        return (
          <Stack gap="lg">
            <BackLink to={back}>{n.number}</BackLink>
            <PageHeader eyebrow={`Nonconformity ${n.number}`} title={`Edit ${n.title}`} />
            {readOnly && (
              <Alert color="gray" title="Read-only">
                {n.archivedAt
                  ? 'This nonconformity is archived: restore it to change it.'
                  : 'You may view this nonconformity but not change it.'}
              </Alert>
            )}
            <NonconformityForm key={n.id} nonconformity={n} readOnly={readOnly} onSaved={() => navigate(back)} />
          </Stack>
        );
      }}
    </RecordLoader>
  );
}
