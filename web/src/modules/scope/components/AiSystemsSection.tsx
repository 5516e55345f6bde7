import { Stack, Textarea, TextInput } from '@mantine/core';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { ScopeSectionCard, type SectionProps } from './ScopeSectionCard';
import { newAiSystem } from './scopeForm';

export function AiSystemsSection({ draft, onChange, errorFor, checks, disabled }: SectionProps) {
  const items = draft.aiSystems;
  const update = (i: number, patch: Partial<(typeof items)[number]>) =>
    onChange({ aiSystems: items.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <ScopeSectionCard
      sectionId="scope-ai-systems"
      checks={checks}
      description="The AI systems the management system governs: models, AI features and AI-enabled tools, by the name your teams use."
    >
      <RepeatableList
        items={items}
        itemKey={(s) => s.key}
        noun="AI system"
        itemTitle={(s) => s.name}
        disabled={disabled}
        empty="No AI system named yet."
        onAdd={() => onChange({ aiSystems: [...items, newAiSystem()] })}
        onRemove={(i) => onChange({ aiSystems: items.filter((_, j) => j !== i) })}
        renderItem={(s, i) => (
          <Stack gap="sm">
            <TextInput
              label="AI system name"
              required
              value={s.name}
              onChange={(e) => update(i, { name: e.currentTarget.value })}
              error={errorFor(`aiSystems.${i}.name`)}
              disabled={disabled}
            />
            <Textarea
              label="What it does and who uses it"
              autosize
              minRows={2}
              value={s.description}
              onChange={(e) => update(i, { description: e.currentTarget.value })}
              error={errorFor(`aiSystems.${i}.description`)}
              disabled={disabled}
            />
          </Stack>
        )}
      />
    </ScopeSectionCard>
  );
}
