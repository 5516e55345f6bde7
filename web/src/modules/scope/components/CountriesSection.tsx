import { TagsInput } from '@mantine/core';
import { ScopeSectionCard, type SectionProps } from './ScopeSectionCard';

export function CountriesSection({ draft, onChange, errorFor, checks, disabled }: SectionProps) {
  return (
    <ScopeSectionCard sectionId="scope-countries" checks={checks}>
      <TagsInput
        label="Countries and business units"
        description="e.g. Germany, EU sales unit, Platform division. Press Enter after each."
        value={draft.countriesOrBusinessUnits}
        onChange={(countriesOrBusinessUnits) => onChange({ countriesOrBusinessUnits })}
        error={
          errorFor('countriesOrBusinessUnits') ??
          draft.countriesOrBusinessUnits.map((_, i) => errorFor(`countriesOrBusinessUnits.${i}`)).find(Boolean)
        }
        disabled={disabled}
        clearable
      />
    </ScopeSectionCard>
  );
}
