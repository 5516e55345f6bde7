import { ActionIcon, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { type OwnerDraft, OwnerInput, emptyOwner } from '../../../shared/org/OwnerInput';

export interface AuditorDraft extends OwnerDraft {
  lead: boolean;
  /** the row's identity in the form, never sent */
  key: string;
}

let seq = 0;
/** A fresh row key for an auditor added to the form. */
export const auditorKey = () => `auditor-${++seq}`;

/**
 * The audit team: members or outside auditors by name, one of them the lead.
 * The server refuses an auditor who owns a record under audit; its message
 * shows on that auditor's field.
 */
export function AuditorsInput({
  value,
  onChange,
  errorFor,
  disabled,
}: {
  value: AuditorDraft[];
  onChange: (v: AuditorDraft[]) => void;
  errorFor: (path: string) => string | undefined;
  disabled?: boolean;
}) {
  const set = (i: number, next: Partial<AuditorDraft>) => onChange(value.map((a, k) => (k === i ? { ...a, ...next } : a)));
  const lead = value.findIndex((a) => a.lead);
  return (
    <Stack gap="xs" role="group" aria-label="Auditors">
      <Text size="sm" fw={500}>
        Auditors
      </Text>
      <Text size="xs" c="dimmed">
        Members of the organization or outside auditors by name. Nobody may audit a record they own or a role they hold.
      </Text>
      {errorFor('auditors') && (
        <Text size="sm" c="red" role="alert">
          {errorFor('auditors')}
        </Text>
      )}
      <Radio.Group
        value={lead >= 0 ? String(lead) : ''}
        onChange={(v) => onChange(value.map((a, k) => ({ ...a, lead: String(k) === v })))}
      >
        <Stack gap="sm">
          {value.map((a, i) => (
            <Group key={a.key} align="flex-start" wrap="nowrap" gap="xs">
              <OwnerInput
                style={{ flex: 1 }}
                label={`Auditor ${i + 1}`}
                withEmail={false}
                value={a}
                onChange={(o) => set(i, o)}
                disabled={disabled}
                error={errorFor(`auditors.${i}`) ?? errorFor(`auditors.${i}.userId`) ?? errorFor(`auditors.${i}.name`)}
              />
              <Radio value={String(i)} label="Lead" mt={30} disabled={disabled} />
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={28}
                aria-label={`Remove auditor ${i + 1}`}
                disabled={disabled}
                onClick={() => onChange(value.filter((_, k) => k !== i))}
              >
                ✕
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      </Radio.Group>
      <Group>
        <Button
          variant="default"
          size="xs"
          disabled={disabled}
          onClick={() => onChange([...value, { ...emptyOwner(), lead: value.length === 0, key: auditorKey() }])}
        >
          Add auditor
        </Button>
      </Group>
    </Stack>
  );
}
