import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { IncidentForm } from '../components/IncidentForm';
import { useIncident } from '../hooks/useIncidents';

/** Edit an incident; an archived one is read-only, as the API refuses to change it. */
export function EditIncidentPage() {
  const { org, can } = useOrg();
  const { incidentId = '' } = useParams();
  const navigate = useNavigate();
  const back = `/orgs/${org.id}/incidents/${incidentId}`;
  return (
    <RecordLoader query={useIncident(org.id, incidentId)} what="incident">
      {(i) => {
        const readOnly = !!i.archivedAt || !can('write');
        return (
          <Stack gap="lg">
            <BackLink to={back}>{i.number}</BackLink>
            <PageHeader eyebrow={`Incident ${i.number}`} title={`Edit ${i.title}`} />
            {readOnly && (
              <Alert color="gray" title="Read-only">
                {i.archivedAt
                  ? 'This incident is archived: restore it to change it.'
                  : 'You may view this incident but not change it.'}
              </Alert>
            )}
            <IncidentForm key={i.id} incident={i} readOnly={readOnly} onSaved={() => navigate(back)} />
          </Stack>
        );
      }}
    </RecordLoader>
  );
}
