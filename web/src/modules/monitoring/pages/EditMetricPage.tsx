import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { MetricForm } from '../components/MetricForm';
import { useMetric } from '../hooks/useMonitoring';

/** Edit a metric; an archived one is shown read-only, as the API refuses to change it. */
export function EditMetricPage() {
  const { org, can } = useOrg();
  const { metricId = '' } = useParams();
  const navigate = useNavigate();
  const back = `/orgs/${org.id}/monitoring/metrics/${metricId}`;
  return (
    <RecordLoader query={useMetric(org.id, metricId)} what="metric">
      {(m) => {
        const readOnly = !!m.archivedAt || !can('write');
        return (
          <Stack gap="lg">
            <BackLink to={back}>{m.name}</BackLink>
            <PageHeader eyebrow="Monitoring · Metric" title={`Edit ${m.name}`} />
            {readOnly && (
              <Alert color="gray" title="Read-only">
                {m.archivedAt
                  ? 'This metric is archived: restore it to change it.'
                  : 'You may view this metric but not change it.'}
              </Alert>
            )}
            {/* keyed by id: another metric's edit page starts from that metric */}
            <MetricForm key={m.id} metric={m} readOnly={readOnly} onSaved={() => navigate(back)} />
          </Stack>
        );
      }}
    </RecordLoader>
  );
}
