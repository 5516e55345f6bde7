import { Chip, Group, NativeSelect, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import type { FieldErrorLookup } from '../../../../shared/problem';
import { SectionCard } from '../../../../shared/ui/SectionCard';
import type { Method } from './methodForm';

interface Props {
  method: Method;
  onChange: (next: Method) => void;
  errorFor: FieldErrorLookup;
  disabled: boolean;
}

type AcceptRole = Method['acceptance']['acceptAboveBy'][number];
const ROLES: { value: AcceptRole; label: string }[] = [
  { value: 'owner', label: 'Owner' },
  { value: 'admin', label: 'Admin' },
  { value: 'editor', label: 'Editor' },
  { value: 'contributor', label: 'Contributor' },
];

/** Acceptance criteria: the threshold, who may accept above it, and how often risks are reviewed. */
export function AcceptanceSection({ method, onChange, errorFor, disabled }: Props) {
  const acceptance = method.acceptance;
  const set = (patch: Partial<Method['acceptance']>) => onChange({ ...method, acceptance: { ...acceptance, ...patch } });
  const above = method.levels.slice(method.levels.findIndex((l) => l.id === acceptance.maxAcceptableLevel) + 1);
  return (
    <SectionCard
      id="method-acceptance"
      title="Acceptance criteria"
      description="Up to the threshold a risk owner may accept a risk. Above it a risk needs treatment, or acceptance by one of the roles named here."
    >
      <NativeSelect
        label="Highest level a risk owner may accept"
        w={320}
        data={method.levels.map((l) => ({ value: l.id, label: l.name || l.id }))}
        value={acceptance.maxAcceptableLevel}
        disabled={disabled}
        error={errorFor('acceptance.maxAcceptableLevel')}
        onChange={(e) => set({ maxAcceptableLevel: e.currentTarget.value })}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="accept-above-label">
          Roles that may accept a risk above it
          {above.length > 0 && (
            <Text span size="sm" c="dimmed">
              {' '}
              ({above.map((l) => l.name).join(', ')})
            </Text>
          )}
        </Text>
        <Chip.Group multiple value={acceptance.acceptAboveBy} onChange={(v) => set({ acceptAboveBy: v as AcceptRole[] })}>
          <Group gap="xs" role="group" aria-labelledby="accept-above-label">
            {ROLES.map((r) => (
              <Chip key={r.value} value={r.value} disabled={disabled} size="sm">
                {r.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {(errorFor('acceptance.acceptAboveBy') || acceptance.acceptAboveBy.length === 0) && (
          <Text size="xs" c="red">
            {errorFor('acceptance.acceptAboveBy') ?? 'Name at least one role.'}
          </Text>
        )}
      </Stack>
      <Textarea
        label="Notes on acceptance"
        description="e.g. acceptance above the threshold is minuted at the AI governance board"
        autosize
        minRows={1}
        maxLength={2000}
        value={acceptance.notes}
        disabled={disabled}
        error={errorFor('acceptance.notes')}
        onChange={(e) => set({ notes: e.currentTarget.value })}
      />
      <NumberInput
        label="Review each risk every (months)"
        description="The default next review date of a risk"
        w={320}
        min={1}
        max={36}
        allowDecimal={false}
        value={method.reviewIntervalMonths}
        disabled={disabled}
        error={errorFor('reviewIntervalMonths')}
        onChange={(v) => onChange({ ...method, reviewIntervalMonths: typeof v === 'number' ? v : Number(v) || 0 })}
      />
    </SectionCard>
  );
}
