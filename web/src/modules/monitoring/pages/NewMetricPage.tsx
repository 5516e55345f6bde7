import { Stack } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { MetricForm } from '../components/MetricForm';

/** Add a metric; `?aiSystemId=` (from the AI system page) picks the system. */
export function NewMetricPage() {
  const { org } = useOrg();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const aiSystemId = params.get('aiSystemId');
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/monitoring`}>Monitoring</BackLink>
      <PageHeader
        eyebrow="Monitoring"
        title="Add metric"
        description="Something measured about an AI system in use, with the threshold that calls for action."
      />
      <MetricForm metric={null} aiSystemId={aiSystemId} onSaved={(m) => navigate(`/orgs/${org.id}/monitoring/metrics/${m.id}`)} />
    </Stack>
  );
}
