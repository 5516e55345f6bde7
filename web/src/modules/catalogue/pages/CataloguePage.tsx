import { Stack, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { CrosswalkView } from '../components/CrosswalkView';
import { RequirementsBrowser } from '../components/RequirementsBrowser';
import { useCatalogue, useCrosswalk, useCrosswalks } from '../hooks/useCatalogue';

const REQUIREMENTS_TAB = 'requirements';

/** The ISO/IEC 42001 catalogue with our guidance, and the crosswalks from other frameworks to it. */
export function CataloguePage() {
  const { org } = useOrg();
  const [params, setParams] = useSearchParams();
  const tab = params.get('view') ?? REQUIREMENTS_TAB;
  const catalogue = useCatalogue();
  const crosswalks = useCrosswalks();
  const crosswalk = useCrosswalk(tab === REQUIREMENTS_TAB ? null : tab);

  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/gap-assessment`}>Gap assessment</BackLink>
      <PageHeader
        eyebrow={`Step 2 of 14 · Reference${catalogue.data ? ` · catalogue ${catalogue.data.version}` : ''}`}
        title="ISO/IEC 42001 catalogue"
        description="The 32 management-system requirements (clauses 4 to 10) and the 38 Annex A controls, each with OpenAIMS's guidance in its own words: the intent, the questions a gap assessor asks, the evidence an auditor samples. The crosswalks show how ISO/IEC 27001, the NIST AI RMF and the EU AI Act relate to it."
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== REQUIREMENTS_TAB ? { view: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value={REQUIREMENTS_TAB}>Requirements and controls</Tabs.Tab>
          {crosswalks.data?.items.map((c) => (
            <Tabs.Tab key={c.id} value={c.id}>
              {c.title.replace(/ to ISO\/IEC 42001$/, '')}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={REQUIREMENTS_TAB}>
          <QueryState query={catalogue}>{(data) => <RequirementsBrowser catalogue={data} />}</QueryState>
        </Tabs.Panel>
        {crosswalks.data?.items.map((c) => (
          <Tabs.Panel key={c.id} value={c.id}>
            <QueryState query={crosswalk}>{(data) => <CrosswalkView crosswalk={data} />}</QueryState>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
