import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { newKey } from '../../../shared/keys';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import type { OrgSettings } from '../../../shared/org/orgData';
import { useSaveOrgSettings } from '../hooks/useOrgSettings';

interface Level {
  key: string;
  name: string;
}

const toLevels = (scale: string[]): Level[] => scale.map((name) => ({ key: newKey(), name }));

/** The risk scale AI systems and suppliers are rated on, and how often AI systems are reviewed. */
export function OrgSettingsForm({ orgId, settings, disabled }: { orgId: string; settings: OrgSettings; disabled: boolean }) {
  const [levels, setLevels] = useState(() => toLevels(settings.riskScale));
  const [intervalDays, setIntervalDays] = useState<number | string>(settings.reviewIntervalDays);
  const valuesOf = (names: string[], days: number | string) => ({ names, days: String(days) });
  const { dirty, markClean } = useDirty(
    valuesOf(
      levels.map((l) => l.name),
      intervalDays,
    ),
  );
  // the version of the settings this copy was loaded from or last saved as (If-Match)
  const versionRef = useRef(versionTag(settings.updatedAt));
  const take = (s: OrgSettings, version: string) => {
    versionRef.current = version;
    setLevels(toLevels(s.riskScale));
    setIntervalDays(s.reviewIntervalDays);
    markClean(valuesOf(s.riskScale, s.reviewIntervalDays));
  };
  const save = useSaveOrgSettings(orgId, {
    onReload: (current, etag) => take(current, etag),
    onSaved: (saved) => take(saved, versionTag(saved.updatedAt)),
  });
  const { errorFor } = save;
  const guard = useLeaveGuard(dirty && !disabled);

  const update = (i: number, name: string) => setLevels((l) => l.map((x, j) => (j === i ? { ...x, name } : x)));
  const move = (i: number, by: number) =>
    setLevels((l) => {
      const next = [...l];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    save.mutate(
      {
        body: { riskScale: levels.map((l) => l.name.trim()), reviewIntervalDays: Number(intervalDays) },
        ifMatch: versionRef.current,
      },
      { onSuccess: (saved) => take(saved, versionTag(saved.updatedAt)) },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Risk scale and review interval">
      <SectionCard
        title="Risk scale and review interval"
        description="The levels every AI system and supplier is rated on, lowest first, and how long an AI system may go without a review before the inventory flags it."
      >
        <Stack gap="xs" role="group" aria-label="Risk levels, lowest first">
          {levels.map((level, i) => (
            <Group key={level.key} gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" c="dimmed" w={20} ta="right" mt={6} aria-hidden>
                {i + 1}.
              </Text>
              <TextInput
                aria-label={`Risk level ${i + 1}`}
                value={level.name}
                onChange={(e) => update(i, e.currentTarget.value)}
                error={errorFor(`riskScale.${i}`)}
                disabled={disabled}
                maxLength={50}
                style={{ flex: 1 }}
                maw={320}
              />
              {!disabled && (
                <Group gap={4} wrap="nowrap" mt={2}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => move(i, -1)}
                    disabled={i === 0}
                    aria-label={`Move ${level.name || `level ${i + 1}`} lower`}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => move(i, 1)}
                    disabled={i === levels.length - 1}
                    aria-label={`Move ${level.name || `level ${i + 1}`} higher`}
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setLevels((l) => l.filter((_, j) => j !== i))}
                    disabled={levels.length <= 2}
                    aria-label={`Remove ${level.name || `level ${i + 1}`}`}
                  >
                    ×
                  </ActionIcon>
                </Group>
              )}
            </Group>
          ))}
          {errorFor('riskScale') && (
            <Text size="sm" c="red" role="alert">
              Risk scale {errorFor('riskScale')}
            </Text>
          )}
          {!disabled && levels.length < 10 && (
            <div>
              <Button variant="light" size="xs" onClick={() => setLevels((l) => [...l, { key: newKey(), name: '' }])}>
                + Add level
              </Button>
            </div>
          )}
        </Stack>
        <NumberInput
          label="Review interval (days)"
          description="An AI system whose last review is older than this is flagged as overdue. Between 7 and 1095 days."
          min={7}
          max={1095}
          allowDecimal={false}
          allowNegative={false}
          value={intervalDays}
          onChange={setIntervalDays}
          error={errorFor('reviewIntervalDays')}
          disabled={disabled}
          maw={240}
        />
        {!save.conflict && <FormError error={save.error} placed={['riskScale', 'reviewIntervalDays']} />}
        {!disabled && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status">
              {save.isSuccess ? 'Saved.' : ''}
            </Text>
            <Button type="submit" loading={save.isPending}>
              Save risk scale and interval
            </Button>
          </Group>
        )}
      </SectionCard>
      <LeaveGuardModal guard={guard} what="The risk scale and review interval" />
      <ConflictDialog what="The organization’s risk settings" {...save.conflictDialog} />
    </form>
  );
}
