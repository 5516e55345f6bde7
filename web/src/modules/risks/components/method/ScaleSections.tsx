import { ActionIcon, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { FieldErrorLookup } from '../../../../shared/problem';
import { SectionCard } from '../../../../shared/ui/SectionCard';
import {
  type Axis,
  addDimension,
  addPoint,
  MAX_POINTS,
  type Method,
  MIN_POINTS,
  removeDimension,
  removeTopPoint,
} from './methodForm';

interface Props {
  method: Method;
  onChange: (next: Method) => void;
  errorFor: FieldErrorLookup;
  disabled: boolean;
}

function ScaleSizeButtons({ method, onChange, axis, disabled }: Props & { axis: Axis }) {
  const n = method[axis].length;
  if (disabled) return null;
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" disabled={n >= MAX_POINTS} onClick={() => onChange(addPoint(method, axis))}>
        Add point {n + 1}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        disabled={n <= MIN_POINTS}
        onClick={() => onChange(removeTopPoint(method, axis))}
      >
        Remove point {n}
      </Button>
    </Group>
  );
}

/** The likelihood scale: a label and what it means for an AI system, point by point. */
export function LikelihoodSection(props: Props) {
  const { method, onChange, errorFor, disabled } = props;
  const set = (i: number, patch: Partial<Method['likelihood'][number]>) =>
    onChange({ ...method, likelihood: method.likelihood.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <SectionCard
      id="method-likelihood"
      title="Likelihood scale"
      description="How probable a risk event is. Describe each point with what you would actually observe for an AI system: drift, incidents seen at vendors, complaints, test results. Bare words like “Likely” are what a Stage 1 auditor calls generic."
      aside={<ScaleSizeButtons {...props} axis="likelihood" />}
    >
      {method.likelihood.map((p, i) => (
        <Group key={p.value} align="flex-start" wrap="nowrap" gap="sm">
          <Text fw={700} w={24} pt={28} ta="right" aria-hidden>
            {p.value}
          </Text>
          <TextInput
            label={`Likelihood ${p.value}: label`}
            w={180}
            maxLength={60}
            value={p.label}
            disabled={disabled}
            error={errorFor(`likelihood.${i}.label`) ?? errorFor(`likelihood.${i}.value`)}
            onChange={(e) => set(i, { label: e.currentTarget.value })}
          />
          <Textarea
            label={`Likelihood ${p.value}: what it means for an AI system`}
            style={{ flex: 1 }}
            autosize
            minRows={1}
            maxLength={1000}
            value={p.descriptor}
            disabled={disabled}
            error={errorFor(`likelihood.${i}.descriptor`)}
            onChange={(e) => set(i, { descriptor: e.currentTarget.value })}
          />
        </Group>
      ))}
    </SectionCard>
  );
}

function DimensionsEditor({ method, onChange, disabled }: Props) {
  const [name, setName] = useState('');
  const setDim = (id: string, patch: Partial<Method['impactDimensions'][number]>) =>
    onChange({ ...method, impactDimensions: method.impactDimensions.map((d) => (d.id === id ? { ...d, ...patch } : d)) });
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)">
      <Text size="sm" fw={600} mb={4}>
        Impact dimensions
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        Who or what a risk can harm. Tick the ones about people affected by the AI system: at least one is expected (6.1.4).
      </Text>
      <Stack gap={6}>
        {method.impactDimensions.map((d) => (
          <Group key={d.id} gap="sm" wrap="nowrap">
            <TextInput
              aria-label={`Dimension name (${d.id})`}
              size="xs"
              style={{ flex: 1 }}
              maxLength={80}
              value={d.name}
              disabled={disabled}
              onChange={(e) => setDim(d.id, { name: e.currentTarget.value })}
            />
            <Checkbox
              size="xs"
              label="About people"
              checked={d.aboutPeople}
              disabled={disabled}
              onChange={(e) => setDim(d.id, { aboutPeople: e.currentTarget.checked })}
            />
            {!disabled && (
              <Tooltip label={`Remove ${d.name}`}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove dimension ${d.name}`}
                  disabled={method.impactDimensions.length <= 1}
                  onClick={() => onChange(removeDimension(method, d.id))}
                >
                  ×
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
        {!disabled && method.impactDimensions.length < 12 && (
          <Group gap="sm" wrap="nowrap">
            <TextInput
              size="xs"
              aria-label="New dimension name"
              placeholder="e.g. The environment"
              style={{ flex: 1 }}
              maxLength={80}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Button
              size="xs"
              variant="default"
              disabled={!name.trim()}
              onClick={() => {
                onChange(addDimension(method, name, true));
                setName('');
              }}
            >
              Add dimension
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The impact scale: per point a label, a summary and what it means for each dimension. */
export function ImpactSection(props: Props) {
  const { method, onChange, errorFor, disabled } = props;
  const set = (i: number, patch: Partial<Method['impact'][number]>) =>
    onChange({ ...method, impact: method.impact.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <SectionCard
      id="method-impact"
      title="Impact scale"
      description="How bad the consequence is: for the organization and for the individuals, groups and society the AI system affects. One descriptor per dimension; leave one empty only where a point has no effect there."
      aside={<ScaleSizeButtons {...props} axis="impact" />}
    >
      <DimensionsEditor {...props} />
      {method.impact.map((p, i) => (
        <Paper key={p.value} withBorder radius="md" p="sm">
          <Group align="flex-start" wrap="nowrap" gap="sm" mb="xs">
            <Text fw={700} w={24} pt={28} ta="right" aria-hidden>
              {p.value}
            </Text>
            <TextInput
              label={`Impact ${p.value}: label`}
              w={180}
              maxLength={60}
              value={p.label}
              disabled={disabled}
              error={errorFor(`impact.${i}.label`) ?? errorFor(`impact.${i}.value`)}
              onChange={(e) => set(i, { label: e.currentTarget.value })}
            />
            <Textarea
              label={`Impact ${p.value}: summary`}
              style={{ flex: 1 }}
              autosize
              minRows={1}
              maxLength={1000}
              value={p.descriptor}
              disabled={disabled}
              error={errorFor(`impact.${i}.descriptor`)}
              onChange={(e) => set(i, { descriptor: e.currentTarget.value })}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" pl={32}>
            {method.impactDimensions.map((d) => (
              <Textarea
                key={d.id}
                label={d.name || d.id}
                aria-label={`Impact ${p.value} for ${d.name || d.id}`}
                size="xs"
                autosize
                minRows={1}
                maxLength={1000}
                value={p.dimensions[d.id] ?? ''}
                disabled={disabled}
                error={errorFor(`impact.${i}.dimensions.${d.id}`)}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  set(i, { dimensions: { ...p.dimensions, [d.id]: value } });
                }}
              />
            ))}
          </SimpleGrid>
        </Paper>
      ))}
    </SectionCard>
  );
}
