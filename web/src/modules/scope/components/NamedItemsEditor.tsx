import { Stack, Textarea, TextInput } from '@mantine/core';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { type NamedDraft, newNamed } from './scopeForm';

interface Props {
  items: NamedDraft[];
  onChange: (items: NamedDraft[]) => void;
  /** e.g. "product or service" */
  noun: string;
  nameLabel: string;
  descriptionLabel: string;
  /** API path of the list, e.g. "productsAndServices" */
  path: string;
  errorFor: (path: string) => string | undefined;
  disabled: boolean;
  empty: string;
}

/** A list of named things with a description (products and services, departments). */
export function NamedItemsEditor({ items, onChange, noun, nameLabel, descriptionLabel, path, errorFor, disabled, empty }: Props) {
  const update = (i: number, patch: Partial<NamedDraft>) => onChange(items.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <RepeatableList
      items={items}
      itemKey={(s) => s.key}
      noun={noun}
      itemTitle={(s) => s.name}
      disabled={disabled}
      empty={empty}
      onAdd={() => onChange([...items, newNamed()])}
      onRemove={(i) => onChange(items.filter((_, j) => j !== i))}
      renderItem={(s, i) => (
        <Stack gap="sm">
          <TextInput
            label={nameLabel}
            required
            value={s.name}
            onChange={(e) => update(i, { name: e.currentTarget.value })}
            error={errorFor(`${path}.${i}.name`)}
            disabled={disabled}
          />
          <Textarea
            label={descriptionLabel}
            autosize
            minRows={1}
            value={s.description}
            onChange={(e) => update(i, { description: e.currentTarget.value })}
            error={errorFor(`${path}.${i}.description`)}
            disabled={disabled}
          />
        </Stack>
      )}
    />
  );
}
