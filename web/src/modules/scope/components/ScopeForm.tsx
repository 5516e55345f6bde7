import { Stack } from '@mantine/core';
import type { Site } from '../../organizations';
import { AiSystemsSection } from './AiSystemsSection';
import { BoundarySection } from './BoundarySection';
import { CountriesSection } from './CountriesSection';
import { ExclusionsSection } from './ExclusionsSection';
import { InclusionSection } from './InclusionSection';
import { InterestedPartiesSection } from './InterestedPartiesSection';
import { IssuesSection } from './IssuesSection';
import { ProductsSitesSection } from './ProductsSitesSection';
import type { SectionProps } from './ScopeSectionCard';

/** Every ScopeContent field, grouped by the question it answers. */
export function ScopeForm({ sites, orgId, ...props }: SectionProps & { sites: Site[]; orgId: string }) {
  return (
    <Stack gap="md">
      <BoundarySection {...props} />
      <AiSystemsSection {...props} />
      <ProductsSitesSection {...props} sites={sites} orgId={orgId} />
      <InclusionSection {...props} field="internalAiTools" />
      <InclusionSection {...props} field="customerFacingAiFeatures" />
      <InclusionSection {...props} field="thirdPartyAiSystems" />
      <CountriesSection {...props} />
      <ExclusionsSection {...props} />
      <InterestedPartiesSection {...props} />
      <IssuesSection {...props} />
    </Stack>
  );
}
