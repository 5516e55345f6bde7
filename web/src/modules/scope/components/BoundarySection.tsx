import { Textarea } from '@mantine/core';
import { ScopeSectionCard, type SectionProps } from './ScopeSectionCard';

export function BoundarySection({ draft, onChange, errorFor, checks, disabled }: SectionProps) {
  return (
    <ScopeSectionCard
      sectionId="scope-boundary"
      checks={checks}
      description="One or two sentences a buyer can read on the certificate: which AI systems, services and sites. Avoid wording like “all AI activities”."
    >
      <Textarea
        label="Boundary statement"
        autosize
        minRows={3}
        maxRows={10}
        value={draft.boundaryStatement}
        onChange={(e) => onChange({ boundaryStatement: e.currentTarget.value })}
        error={errorFor('boundaryStatement')}
        disabled={disabled}
      />
    </ScopeSectionCard>
  );
}
