import { ActionIcon, Badge, Button, Group, Menu, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { FieldErrorLookup } from '../../../../shared/problem';
import { SectionCard } from '../../../../shared/ui/SectionCard';
import { addLevel, levelColor, levelName, MAX_LEVELS, type Method, moveLevel, removeLevel, setCell } from './methodForm';

interface Props {
  method: Method;
  onChange: (next: Method) => void;
  errorFor: FieldErrorLookup;
  disabled: boolean;
}

function LevelsEditor({ method, onChange, errorFor, disabled }: Props) {
  const [name, setName] = useState('');
  const rename = (id: string, value: string) =>
    onChange({ ...method, levels: method.levels.map((l) => (l.id === id ? { ...l, name: value } : l)) });
  return (
    <Stack gap={6} aria-label="Risk levels, lowest first" role="group">
      <Text size="sm" fw={600}>
        Levels, lowest first
      </Text>
      {method.levels.map((l, i) => (
        <Group key={l.id} gap="xs" wrap="nowrap">
          <Badge color={levelColor(method, l.id)} variant="filled" radius="sm" w={16} h={16} p={0} aria-hidden />
          <TextInput
            aria-label={`Name of level ${i + 1} (${l.id})`}
            size="xs"
            w={200}
            maxLength={60}
            value={l.name}
            disabled={disabled}
            error={errorFor(`levels.${i}.name`)}
            onChange={(e) => rename(l.id, e.currentTarget.value)}
          />
          {!disabled && (
            <>
              <ActionIcon
                variant="subtle"
                aria-label={`Move ${l.name} lower`}
                disabled={i === 0}
                onClick={() => onChange(moveLevel(method, l.id, -1))}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={`Move ${l.name} higher`}
                disabled={i === method.levels.length - 1}
                onClick={() => onChange(moveLevel(method, l.id, 1))}
              >
                ↑
              </ActionIcon>
              <Tooltip label="Remove; its cells go to the next lower level">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove level ${l.name}`}
                  disabled={method.levels.length <= 2}
                  onClick={() => onChange(removeLevel(method, l.id))}
                >
                  ×
                </ActionIcon>
              </Tooltip>
            </>
          )}
        </Group>
      ))}
      {errorFor('levels') && (
        <Text size="xs" c="red">
          {errorFor('levels')}
        </Text>
      )}
      {!disabled && method.levels.length < MAX_LEVELS && (
        <Group gap="xs" wrap="nowrap">
          <TextInput
            size="xs"
            w={200}
            aria-label="New level name"
            placeholder="e.g. Extreme"
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="default"
            disabled={!name.trim()}
            onClick={() => {
              onChange(addLevel(method, name));
              setName('');
            }}
          >
            Add as highest level
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** One cell: its level in colour; a menu changes it. */
function Cell({ method, onChange, errorFor, disabled, l, i }: Props & { l: number; i: number }) {
  const id = method.matrix[l - 1]?.[i - 1] ?? '';
  const name = levelName(method, id);
  const where = `Likelihood ${l} (${method.likelihood[l - 1].label}), impact ${i} (${method.impact[i - 1].label})`;
  const error = errorFor(`matrix.${l - 1}.${i - 1}`);
  const face = (
    <Button
      fullWidth
      size="compact-sm"
      variant={error ? 'outline' : 'light'}
      color={error ? 'red' : levelColor(method, id)}
      aria-label={`${where}: ${name}${disabled ? '' : '. Change level'}`}
      title={error}
      style={{ cursor: disabled ? 'default' : undefined }}
    >
      {name || '?'}
    </Button>
  );
  if (disabled) return face;
  return (
    <Menu position="bottom" withinPortal shadow="md">
      <Menu.Target>{face}</Menu.Target>
      <Menu.Dropdown aria-label={where}>
        <Menu.Label>{where}</Menu.Label>
        {method.levels.map((lv) => (
          <Menu.Item
            key={lv.id}
            leftSection={<Badge color={levelColor(method, lv.id)} variant="filled" w={12} h={12} p={0} aria-hidden />}
            fw={lv.id === id ? 700 : undefined}
            onClick={() => onChange(setCell(method, l, i, lv.id))}
          >
            {lv.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The matrix: likelihood down (highest on top), impact across; every cell names a level. */
export function MatrixSection(props: Props) {
  const { method, errorFor } = props;
  const rows = method.likelihood.map((p) => p.value).reverse();
  return (
    <SectionCard
      id="method-matrix"
      title="Risk matrix and levels"
      description="Each pair of likelihood and impact gives a risk level. Risks on the AI systems are scored with this matrix, both before treatment (inherent) and after (residual)."
    >
      <LevelsEditor {...props} />
      {errorFor('matrix') && (
        <Text size="sm" c="red" role="alert">
          {errorFor('matrix')}
        </Text>
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={4} aria-label="Risk matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>
                <Text size="xs" c="dimmed">
                  Likelihood ↓ · Impact →
                </Text>
              </Table.Th>
              {method.impact.map((p) => (
                <Table.Th key={p.value} ta="center" scope="col">
                  <Text size="xs" fw={700}>
                    {p.value}
                  </Text>
                  <Text size="xs" lineClamp={1}>
                    {p.label}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((l) => (
              <Table.Tr key={l}>
                <Table.Th scope="row">
                  <Text size="xs" fw={700} span>
                    {l}{' '}
                  </Text>
                  <Text size="xs" span>
                    {method.likelihood[l - 1].label}
                  </Text>
                </Table.Th>
                {method.impact.map((p) => (
                  <Table.Td key={p.value}>
                    <Cell {...props} l={l} i={p.value} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  );
}
