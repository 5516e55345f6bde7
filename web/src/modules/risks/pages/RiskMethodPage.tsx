import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useOrg } from '../../../app/orgs/OrgContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { MethodVersions } from '../components/method/MethodVersions';
import { RiskMethodEditor } from '../components/method/RiskMethodEditor';
import { useRiskMethodRecord } from '../hooks/useRiskMethod';

/** The AI risk method (6.1.2): scales, matrix, acceptance criteria and AI risk sources, drafted and approved. */
export function RiskMethodPage() {
  const { org } = useOrg();
  const method = useRiskMethodRecord(org.id);
  const overview = useQuery(method.overview);
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Planning · Clause 6.1.2"
        title="Risk method"
        description="How your organization assesses AI risks: what likelihood and impact mean for your AI systems and the people they affect, which combinations are acceptable, who may accept more, and the AI risk sources risks are identified from. Auditors reject criteria that are generic; the checks say where yours are."
      />
      <QueryState query={overview}>{(data) => <RiskMethodEditor key={org.id} record={method} overview={data} />}</QueryState>
      <MethodVersions record={method} />
    </Stack>
  );
}
