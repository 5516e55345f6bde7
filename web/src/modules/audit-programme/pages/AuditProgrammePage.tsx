import { Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { CoverageMap } from '../components/CoverageMap';
import { ProgrammeEditor } from '../components/ProgrammeEditor';
import { ProgrammeVersions } from '../components/ProgrammeVersions';
import { useAuditProgrammeRecord } from '../hooks/useAuditProgramme';

type Tab = 'programme' | 'coverage';

/** The internal audit programme (9.2.2): the programme, drafted and approved, and the coverage map of its cycle. */
export function AuditProgrammePage() {
  const { org, can } = useOrg();
  const record = useAuditProgrammeRecord(org.id);
  const overview = useQuery(record.overview);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'coverage' ? 'coverage' : 'programme';
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Performance evaluation · Clause 9.2.2"
        title="Audit programme"
        description="How internal audits are planned over the certification cycle: how often, with which methods, who is responsible, how results are reported and how auditors stay independent. The coverage map shows which requirements the audits of the cycle look at, and which none does yet."
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'coverage' ? { tab: 'coverage' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="programme">Programme</Tabs.Tab>
          <Tabs.Tab value="coverage">Coverage map</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="programme" pt="lg">
          <Stack gap="lg">
            <QueryState query={overview}>{(data) => <ProgrammeEditor key={org.id} record={record} overview={data} />}</QueryState>
            <ProgrammeVersions record={record} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="coverage" pt="lg">
          <CoverageMap orgId={org.id} canPlan={can('write')} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
