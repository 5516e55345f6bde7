import { Stack, Textarea, TextInput } from '@mantine/core';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { ScopeSectionCard, type SectionProps } from './ScopeSectionCard';
import { newExclusion } from './scopeForm';

export function ExclusionsSection({ draft, onChange, errorFor, checks, disabled }: SectionProps) {
  const items = draft.exclusions;
  const update = (i: number, patch: Partial<(typeof items)[number]>) =>
    onChange({ exclusions: items.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <ScopeSectionCard
      sectionId="scope-exclusions"
      checks={checks}
      description="Name what is left out and why. An auditor accepts a justified exclusion; an unexplained gap is a finding."
    >
      <RepeatableList
        items={items}
        itemKey={(s) => s.key}
        noun="exclusion"
        itemTitle={(s) => s.item}
        disabled={disabled}
        empty="Nothing excluded yet."
        onAdd={() => onChange({ exclusions: [...items, newExclusion()] })}
        onRemove={(i) => onChange({ exclusions: items.filter((_, j) => j !== i) })}
        renderItem={(s, i) => (
          <Stack gap="sm">
            <TextInput
              label="Excluded item"
              required
              value={s.item}
              onChange={(e) => update(i, { item: e.currentTarget.value })}
              error={errorFor(`exclusions.${i}.item`)}
              disabled={disabled}
            />
            <Textarea
              label="Justification"
              autosize
              minRows={2}
              value={s.justification}
              onChange={(e) => update(i, { justification: e.currentTarget.value })}
              error={errorFor(`exclusions.${i}.justification`)}
              disabled={disabled}
            />
          </Stack>
        )}
      />
    </ScopeSectionCard>
  );
}
