import { Alert, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { components } from '../api-types';
import { FormError } from './FormError';

type ApprovalException = components['schemas']['ApprovalExceptionInput'];

/** An open check of a versioned record's draft. */
interface VersionCheck {
  code: string;
  field?: string;
  message: string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  onApprove: (note: string, exceptions: ApprovalException[]) => void;
  busy: boolean;
  error: unknown;
  title: string;
  /** what approval makes of the version, in the record's words */
  intro: ReactNode;
  /** where the reasons are shown besides the approved version (e.g. " and shown in its statement") */
  reasonsShown?: string;
  unsaved: boolean;
  /** the saved draft's open warnings: each needs a reason to approve */
  warnings: VersionCheck[];
}

const keyOf = (c: { code: string; field?: string }) => `${c.code}|${c.field ?? ''}`;

/**
 * Approving a versioned record's draft (the scope, the risk method): a reason
 * for every open warning, kept with the approved version so an auditor sees
 * the gap was known and accepted, and an optional note.
 */
export function ApproveVersionModal({
  opened,
  onClose,
  onApprove,
  busy,
  error,
  title,
  intro,
  reasonsShown = '',
  unsaved,
  warnings,
}: Props) {
  const [note, setNote] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const missing = warnings.filter((w) => !reasons[keyOf(w)]?.trim());
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (missing.length) return;
          onApprove(
            note,
            warnings.map((w) => ({ code: w.code, field: w.field, reason: reasons[keyOf(w)].trim() })),
          );
        }}
      >
        <Stack gap="md">
          <Text size="sm">{intro}</Text>
          {unsaved && (
            <Alert color="blue" variant="light">
              Your unsaved changes are saved first. If that changes the open warnings, you are asked for their reasons again.
            </Alert>
          )}
          {warnings.length > 0 && (
            <Stack gap="sm" component="section" aria-labelledby="approve-open-checks">
              <Title order={3} fz="sm" id="approve-open-checks">
                {warnings.length === 1 ? '1 warning is open' : `${warnings.length} warnings are open`}
              </Title>
              <Text size="sm">
                To approve anyway, say why for each one. The reasons are kept with the approved version{reasonsShown}, so an
                auditor sees that the gap was known and accepted. Or cancel, fix the draft and save.
              </Text>
              {warnings.map((w, i) => (
                <Textarea
                  key={keyOf(w)}
                  label={w.message}
                  description={`Reason for approving with this warning (${w.code})`}
                  aria-label={`Reason for approving with the warning: ${w.message}`}
                  required
                  autosize
                  minRows={1}
                  maxLength={2000}
                  value={reasons[keyOf(w)] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setReasons((r) => ({ ...r, [keyOf(w)]: value }));
                  }}
                  error={tried && !reasons[keyOf(w)]?.trim() ? 'Give a reason, or fix this in the draft first.' : undefined}
                  data-autofocus={i === 0 ? true : undefined}
                />
              ))}
            </Stack>
          )}
          <Textarea
            label="Approval note"
            description="Optional, e.g. the meeting or decision this approval comes from."
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus={warnings.length === 0 ? true : undefined}
          />
          <FormError error={error} placed={[]} title="Not approved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="teal" loading={busy}>
              {warnings.length ? 'Approve with these reasons' : 'Approve'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
