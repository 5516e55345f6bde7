import { Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { IncidentForm } from '../components/IncidentForm';

/** Record an incident: it is escalated as soon as it is saved. */
export function NewIncidentPage() {
  const { org } = useOrg();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/incidents`}>AI incidents</BackLink>
      <PageHeader eyebrow="AI incidents" title="Record an incident" />
      <IncidentForm incident={null} onSaved={(i) => navigate(`/orgs/${org.id}/incidents/${i.id}`)} />
    </Stack>
  );
}
