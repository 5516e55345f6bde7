import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { fieldErrorLookup } from '../../../shared/problem';
import { BackLink } from '../../../shared/ui/BackLink';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { type Grade, useGradeScale, useSaveSettings } from '../hooks/useNonconformities';

const MAX = 8;

function GradeScaleForm({ initial, readOnly }: { initial: Grade[]; readOnly: boolean }) {
  const { org } = useOrg();
  const [grades, setGrades] = useState<Grade[]>(initial);
  const { dirty, markClean } = useDirty(grades, !readOnly);
  const guard = useLeaveGuard(dirty);
  const save = useSaveSettings(org.id);
  const errorFor = fieldErrorLookup(save.fieldErrors);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the saved scale only while untouched
  useEffect(() => {
    if (!dirty) setGrades(initial);
  }, [initial]);
  const set = (i: number, patch: Partial<Grade>) => setGrades(grades.map((g, k) => (k === i ? { ...g, ...patch } : g)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || save.isPending) return;
    try {
      const saved = await save.mutateAsync({ grades });
      setGrades(saved.grades);
      markClean(saved.grades);
    } catch {
      // shown in FormError
    }
  };
  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} aria-label="Grade scale">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          {grades.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: grades are edited in place; a new one has no key yet
            <Paper key={i} withBorder p="sm" aria-label={`Grade ${i + 1}`}>
              <Stack gap="xs">
                <Group grow align="flex-start" wrap="wrap">
                  <TextInput
                    label="Words"
                    required
                    value={g.label}
                    onChange={(e) => set(i, { label: e.currentTarget.value })}
                    error={errorFor(`grades.${i}.label`)}
                    miw={180}
                  />
                  <TextInput
                    label="Key"
                    description="Lowercase, for exports and the API"
                    required
                    value={g.key}
                    onChange={(e) => set(i, { key: e.currentTarget.value })}
                    error={errorFor(`grades.${i}.key`)}
                    miw={140}
                  />
                </Group>
                <Group grow align="flex-start" wrap="wrap">
                  <NumberInput
                    label="Days to plan actions"
                    min={1}
                    max={730}
                    allowDecimal={false}
                    value={g.planDays}
                    onChange={(v) => set(i, { planDays: typeof v === 'number' ? v : 0 })}
                    error={errorFor(`grades.${i}.planDays`)}
                    miw={140}
                  />
                  <NumberInput
                    label="Days to close with evidence"
                    min={1}
                    max={1460}
                    allowDecimal={false}
                    value={g.evidenceDays}
                    onChange={(v) => set(i, { evidenceDays: typeof v === 'number' ? v : 0 })}
                    error={errorFor(`grades.${i}.evidenceDays`)}
                    miw={140}
                  />
                </Group>
                <Group justify="space-between">
                  <Checkbox
                    label="Counts as a nonconformity (needs a corrective action to close)"
                    checked={g.isNonconformity}
                    onChange={(e) => set(i, { isNonconformity: e.currentTarget.checked })}
                  />
                  {!readOnly && grades.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove grade ${g.label || i + 1}`}
                      onClick={() => setGrades(grades.filter((_, k) => k !== i))}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
          <Text size="xs" c="dimmed">
            Nonconformities keep a grade taken off the scale until someone changes it.
          </Text>
          <FormError error={save.error} />
          {!readOnly && (
            <Group>
              <Button
                variant="default"
                disabled={grades.length >= MAX}
                onClick={() =>
                  setGrades([...grades, { key: '', label: '', planDays: 30, evidenceDays: 90, isNonconformity: true }])
                }
              >
                Add grade
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save grade scale
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
      <LeaveGuardModal guard={guard} what="The grade scale" />
    </Paper>
  );
}

/** The organization's grade scale: the grades, their words and their deadlines (changing it needs approval rights). */
export function NonconformitySettingsPage() {
  const { org, can } = useOrg();
  const scale = useGradeScale(org.id);
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/nonconformities`}>Nonconformities</BackLink>
      <PageHeader
        eyebrow="Nonconformities"
        title="Grade scale"
        description="How findings are graded, and how many days each grade gives to plan corrective actions and to close with evidence."
      />
      <QueryState query={scale}>{(data) => <GradeScaleForm initial={data.grades} readOnly={!can('approve')} />}</QueryState>
    </Stack>
  );
}
