import { Anchor, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { useFetchInScopeSystems } from '../hooks/useInventoryLinks';
import { InventoryRecordSelect } from './InventoryRecordSelect';
import { ScopeSectionCard, type SectionProps } from './ScopeSectionCard';
import { linkEntry, MAX_AI_SYSTEMS, mergeInventoryRecords, newAiSystem } from './scopeForm';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function mergeMessage(r: { linked: number; added: number; left: number }, found: number, complete: boolean): string {
  if (found === 0) return 'No AI system in the inventory is marked in scope.';
  const added = plural(r.added, 'AI system', 'AI systems');
  const linked = plural(r.linked, 'entry', 'entries');
  const done =
    r.added > 0 && r.linked > 0
      ? `Added ${added} from the inventory and linked ${linked} of the same name.`
      : r.added > 0
        ? `Added ${added} from the inventory.`
        : r.linked > 0
          ? `Linked ${linked} of the same name to the inventory.`
          : 'Every AI system the inventory marks in scope is already listed.';
  const save = r.added + r.linked > 0 ? ' Save the draft to keep the change.' : '';
  const cut = r.left > 0 || !complete ? ` The scope lists at most ${MAX_AI_SYSTEMS} AI systems; some were left out.` : '';
  return `${done}${save}${cut}`;
}

export function AiSystemsSection({ draft, onChange, errorFor, checks, disabled }: SectionProps) {
  const { org } = useOrg();
  const items = draft.aiSystems;
  // the inventory answers after a moment; merge into the list as it is then
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const fetchInScope = useFetchInScopeSystems(org.id);
  const [merged, setMerged] = useState<string | null>(null);

  const update = (i: number, patch: Partial<(typeof items)[number]>) =>
    onChange({ aiSystems: items.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  const addInScope = async () => {
    setMerged(null);
    try {
      const { systems, complete } = await fetchInScope.mutateAsync(MAX_AI_SYSTEMS + itemsRef.current.length);
      const result = mergeInventoryRecords(itemsRef.current, systems);
      if (result.added + result.linked > 0) onChange({ aiSystems: result.items });
      setMerged(mergeMessage(result, systems.length, complete));
    } catch {
      // shown below the button from the mutation's error
    }
  };

  return (
    <ScopeSectionCard
      sectionId="scope-ai-systems"
      checks={checks}
      description={
        <>
          The AI systems the management system governs: models, AI features and AI-enabled tools, by the name your teams use. Link
          each to its record in the{' '}
          <Anchor component={Link} to={`/orgs/${org.id}/inventory`} inherit>
            inventory
          </Anchor>{' '}
          so the scope and the inventory agree.
        </>
      }
    >
      {!disabled && (
        <Stack gap={4}>
          <Group gap="sm">
            <Button variant="default" size="sm" onClick={addInScope} loading={fetchInScope.isPending}>
              Add in-scope systems from inventory
            </Button>
          </Group>
          <Text size="sm" c={fetchInScope.isError ? 'red' : 'dimmed'} role="status" aria-live="polite">
            {fetchInScope.isError ? 'The inventory could not be read. Try again.' : merged}
          </Text>
        </Stack>
      )}
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
            <InventoryRecordSelect
              orgId={org.id}
              value={s.aiSystemId}
              fallbackLabel={s.name}
              taken={new Set(items.flatMap((o, j) => (j !== i && o.aiSystemId ? [o.aiSystemId] : [])))}
              onChange={(record) => update(i, linkEntry(s, record))}
              error={errorFor(`aiSystems.${i}.aiSystemId`)}
              disabled={disabled}
            />
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
