import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { RiskForm } from '../components/register/RiskForm';
import { useEffectiveRiskMethod } from '../hooks/useRiskMethod';
import { useRisk } from '../hooks/useRisks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A new risk; ?aiSystemId= starts it on that AI system (from the system's page). */
export function NewRiskPage() {
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const method = useEffectiveRiskMethod(org.id);
  const base = `/orgs/${org.id}/risks`;
  const system = params.get('aiSystemId');
  const initial = system && UUID.test(system) ? [system] : [];
  const back = initial.length ? `/orgs/${org.id}/inventory/${initial[0]}` : base;
  return (
    <Stack gap="lg" maw={1040}>
      <BackLink to={back}>{initial.length ? 'AI system' : 'AI risks'}</BackLink>
      <PageHeader eyebrow="AI risks · Clause 6.1.2" title="Add a risk" />
      {can('write') ? (
        <QueryState query={method}>
          {() =>
            method.content && (
              <RiskForm
                risk={null}
                method={method.content}
                initialAiSystemIds={initial}
                onSaved={(r) => navigate(`${base}/${r.id}`)}
                onCancel={() => navigate(back)}
              />
            )
          }
        </QueryState>
      ) : (
        <Alert color="gray" variant="light">
          Your role can read risks but not add them.
        </Alert>
      )}
    </Stack>
  );
}

export function EditRiskPage() {
  const { org } = useOrg();
  const { riskId = '' } = useParams();
  const navigate = useNavigate();
  const risk = useRisk(org.id, riskId);
  const method = useEffectiveRiskMethod(org.id);
  const page = `/orgs/${org.id}/risks/${riskId}`;
  return (
    <RecordLoader query={risk} what="risk">
      {(data) => (
        <Stack gap="lg" maw={1040}>
          <BackLink to={page}>{data.number}</BackLink>
          <PageHeader eyebrow="AI risks" title={`Edit ${data.number} ${data.title}`} />
          <QueryState query={method}>
            {() =>
              method.content && (
                <RiskForm
                  key={data.id}
                  risk={data}
                  method={method.content}
                  onSaved={() => navigate(page)}
                  onCancel={() => navigate(page)}
                />
              )
            }
          </QueryState>
        </Stack>
      )}
    </RecordLoader>
  );
}
