import { Group, Radio, TagsInput, Textarea } from '@mantine/core';
import { ScopeSectionCard, type SectionProps } from './ScopeSectionCard';
import type { InclusionField } from './scopeForm';

const COPY: Record<InclusionField, { sectionId: string; label: string; description: string; notes: string }> = {
  internalAiTools: {
    sectionId: 'scope-internal-tools',
    label: 'Internal AI tools',
    description: 'AI your own staff use at work: coding assistants, chat assistants, AI in office or HR software.',
    notes: 'Notes on internal AI tools',
  },
  customerFacingAiFeatures: {
    sectionId: 'scope-customer-facing',
    label: 'Customer-facing AI features',
    description: 'AI your customers or end users meet in your products and services.',
    notes: 'Notes on customer-facing AI features',
  },
  thirdPartyAiSystems: {
    sectionId: 'scope-third-party',
    label: 'Third-party AI systems',
    description: 'AI platforms, APIs and models you buy or integrate from suppliers.',
    notes: 'Notes on third-party AI systems',
  },
};

const toRadio = (v: boolean | null) => (v === null ? 'undecided' : v ? 'yes' : 'no');
const fromRadio = (v: string) => (v === 'yes' ? true : v === 'no' ? false : null);

export function InclusionSection({
  field,
  draft,
  onChange,
  errorFor,
  checks,
  disabled,
}: SectionProps & { field: InclusionField }) {
  const copy = COPY[field];
  const value = draft[field];
  const set = (patch: Partial<typeof value>) => onChange({ [field]: { ...value, ...patch } } as Partial<typeof draft>);
  const third = field === 'thirdPartyAiSystems' ? draft.thirdPartyAiSystems : null;

  return (
    <ScopeSectionCard sectionId={copy.sectionId} checks={checks} description={copy.description}>
      <Radio.Group
        label={copy.label}
        value={toRadio(value.included)}
        onChange={(v) => set({ included: fromRadio(v) })}
        error={errorFor(`${field}.included`)}
      >
        <Group gap="lg" mt="xs">
          <Radio value="yes" label="Included in scope" disabled={disabled} />
          <Radio value="no" label="Excluded from scope" disabled={disabled} />
          <Radio value="undecided" label="Not decided yet" disabled={disabled} />
        </Group>
      </Radio.Group>
      {third && (
        <TagsInput
          label="Vendors"
          description="Suppliers of third-party AI in scope, e.g. the model or platform providers. Press Enter after each."
          value={third.vendors}
          onChange={(vendors) => onChange({ thirdPartyAiSystems: { ...third, vendors } })}
          error={
            errorFor('thirdPartyAiSystems.vendors') ??
            third.vendors.map((_, i) => errorFor(`thirdPartyAiSystems.vendors.${i}`)).find(Boolean)
          }
          disabled={disabled}
          clearable
        />
      )}
      <Textarea
        label={copy.notes}
        description="Which ones, and the reason for the decision."
        autosize
        minRows={2}
        value={value.notes}
        onChange={(e) => set({ notes: e.currentTarget.value })}
        error={errorFor(`${field}.notes`)}
        disabled={disabled}
      />
    </ScopeSectionCard>
  );
}
