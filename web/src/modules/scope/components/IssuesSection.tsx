import { Grid, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { ScopeSectionCard, type SectionProps } from './ScopeSectionCard';
import { type IssueDraft, newIssue } from './scopeForm';

export function IssuesSection({ draft, onChange, errorFor, checks, disabled }: SectionProps) {
  const items = draft.issues;
  const update = (i: number, patch: Partial<IssueDraft>) =>
    onChange({ issues: items.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <ScopeSectionCard
      sectionId="scope-issues"
      checks={checks}
      description="Circumstances inside and outside the organization that affect what the AIMS must achieve, e.g. new AI regulation, customer demands, skills."
    >
      <RepeatableList
        items={items}
        itemKey={(s) => s.key}
        noun="issue"
        itemTitle={(s) => s.description}
        disabled={disabled}
        empty="No issue recorded yet."
        onAdd={() => onChange({ issues: [...items, newIssue()] })}
        onRemove={(i) => onChange({ issues: items.filter((_, j) => j !== i) })}
        renderItem={(s, i) => (
          <Stack gap="sm">
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput
                  label="Issue"
                  required
                  value={s.description}
                  onChange={(e) => update(i, { description: e.currentTarget.value })}
                  error={errorFor(`issues.${i}.description`)}
                  disabled={disabled}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <NativeSelect
                  label="Internal or external issue"
                  data={[
                    { value: 'external', label: 'External' },
                    { value: 'internal', label: 'Internal' },
                  ]}
                  value={s.kind}
                  onChange={(e) => update(i, { kind: e.currentTarget.value as IssueDraft['kind'] })}
                  error={errorFor(`issues.${i}.kind`)}
                  disabled={disabled}
                />
              </Grid.Col>
            </Grid>
            <Textarea
              label="Effect on the AIMS"
              autosize
              minRows={2}
              value={s.effect}
              onChange={(e) => update(i, { effect: e.currentTarget.value })}
              error={errorFor(`issues.${i}.effect`)}
              disabled={disabled}
            />
          </Stack>
        )}
      />
    </ScopeSectionCard>
  );
}
