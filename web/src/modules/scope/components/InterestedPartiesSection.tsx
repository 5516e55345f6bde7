import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { ScopeSectionCard, type SectionProps } from './ScopeSectionCard';
import { newParty, type PartyDraft } from './scopeForm';

const ADDRESSED = [
  { value: 'undecided', label: 'Not decided yet' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export function InterestedPartiesSection({ draft, onChange, errorFor, checks, disabled }: SectionProps) {
  const items = draft.interestedParties;
  const update = (i: number, patch: Partial<PartyDraft>) =>
    onChange({ interestedParties: items.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <ScopeSectionCard
      sectionId="scope-parties"
      checks={checks}
      description="Who has a stake in your AI (customers, regulators, staff, suppliers), what they require, and whether the AIMS addresses it."
    >
      <RepeatableList
        items={items}
        itemKey={(s) => s.key}
        noun="interested party"
        itemTitle={(s) => s.name}
        disabled={disabled}
        empty="No interested party recorded yet."
        onAdd={() => onChange({ interestedParties: [...items, newParty()] })}
        onRemove={(i) => onChange({ interestedParties: items.filter((_, j) => j !== i) })}
        renderItem={(p, i) => (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label="Interested party"
                required
                value={p.name}
                onChange={(e) => update(i, { name: e.currentTarget.value })}
                error={errorFor(`interestedParties.${i}.name`)}
                disabled={disabled}
              />
              <NativeSelect
                label="Internal or external party"
                data={[
                  { value: 'external', label: 'External' },
                  { value: 'internal', label: 'Internal' },
                ]}
                value={p.kind}
                onChange={(e) => update(i, { kind: e.currentTarget.value as PartyDraft['kind'] })}
                error={errorFor(`interestedParties.${i}.kind`)}
                disabled={disabled}
              />
              <NativeSelect
                label="Addressed through the AIMS?"
                data={ADDRESSED}
                value={p.addressedByAims === null ? 'undecided' : p.addressedByAims ? 'yes' : 'no'}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update(i, { addressedByAims: v === 'undecided' ? null : v === 'yes' });
                }}
                error={errorFor(`interestedParties.${i}.addressedByAims`)}
                disabled={disabled}
              />
            </SimpleGrid>
            <Textarea
              label="Their requirements"
              autosize
              minRows={2}
              value={p.requirements}
              onChange={(e) => update(i, { requirements: e.currentTarget.value })}
              error={errorFor(`interestedParties.${i}.requirements`)}
              disabled={disabled}
            />
          </Stack>
        )}
      />
    </ScopeSectionCard>
  );
}
