import { ActionIcon, Badge, Button, Group, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FieldErrorLookup } from '../../../../shared/problem';
import { SectionCard } from '../../../../shared/ui/SectionCard';
import { addSource, type Method } from './methodForm';

interface Props {
  method: Method;
  onChange: (next: Method) => void;
  errorFor: FieldErrorLookup;
  disabled: boolean;
}

/** The AI risk sources risks are identified from; each can be switched off, own ones added. */
export function SourcesSection({ method, onChange, errorFor, disabled }: Props) {
  const [name, setName] = useState('');
  const inUse = method.riskSources.filter((s) => s.inUse).length;
  const set = (id: string, patch: Partial<Method['riskSources'][number]>) =>
    onChange({ ...method, riskSources: method.riskSources.map((s) => (s.id === id ? { ...s, ...patch } : s)) });
  return (
    <SectionCard
      id="method-sources"
      title="AI risk sources"
      description="The themes risks are identified from for each AI system. The defaults follow the AI risk sources ISO/IEC 42001 points to; switch off the ones that do not apply to your systems, and add your own."
      aside={
        <Badge variant="light" color={inUse ? 'teal' : 'yellow'} radius="sm">
          {inUse} of {method.riskSources.length} in use
        </Badge>
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {method.riskSources.map((s) => (
          <Group key={s.id} gap="xs" wrap="nowrap">
            <Switch
              checked={s.inUse}
              disabled={disabled}
              aria-label={`${s.name} in use`}
              onChange={(e) => set(s.id, { inUse: e.currentTarget.checked })}
            />
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              aria-label={`Name of risk source ${s.id}`}
              maxLength={80}
              value={s.name}
              disabled={disabled}
              c={s.inUse ? undefined : 'dimmed'}
              onChange={(e) => set(s.id, { name: e.currentTarget.value })}
            />
            {!disabled && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove risk source ${s.name}`}
                onClick={() => onChange({ ...method, riskSources: method.riskSources.filter((x) => x.id !== s.id) })}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
      </SimpleGrid>
      {errorFor('riskSources') && (
        <Text size="xs" c="red">
          {errorFor('riskSources')}
        </Text>
      )}
      {!disabled && method.riskSources.length < 40 && (
        <Group gap="xs" wrap="nowrap">
          <TextInput
            size="xs"
            w={280}
            aria-label="New risk source"
            placeholder="e.g. Prompt injection through customer documents"
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="default"
            disabled={!name.trim()}
            onClick={() => {
              onChange(addSource(method, name));
              setName('');
            }}
          >
            Add source
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}
