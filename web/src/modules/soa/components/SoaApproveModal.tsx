import { Button, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '../../../shared/ui/FormError';
import type { ApprovalException, SoaCheck } from '../hooks/useSoa';

interface Props {
  opened: boolean;
  onClose: () => void;
  onApprove: (note: string, exceptions: ApprovalException[]) => void;
  busy: boolean;
  error: unknown;
  version: number | null;
  /** the draft's open warnings: each kind needs a reason to approve */
  warnings: SoaCheck[];
}

const KIND_TITLES: Record<string, string> = {
  'excluded-control-treats-risks': 'Excluded controls that risk treatments rely on',
  'inclusion-without-justification': 'Included controls without a justification',
  'treated-control-missing': 'Own controls risk treatments rely on that this version leaves out',
};

/**
 * Approving the SoA draft: open warnings are grouped by kind and each kind
 * takes one reason (the API accepts a reason per code); the reasons are kept
 * with the approved version and printed in its export.
 */
export function SoaApproveModal({ opened, onClose, onApprove, busy, error, version, warnings }: Props) {
  const [note, setNote] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const kinds = [...new Set(warnings.map((w) => w.code))];
  const missing = kinds.filter((k) => !reasons[k]?.trim());
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={version ? `Approve SoA version ${version}` : 'Approve the SoA'}
      centered
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (missing.length) return;
          onApprove(
            note,
            kinds.map((code) => ({ code, reason: reasons[code].trim() })),
          );
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            The approved version becomes the Statement of Applicability of record, with your name and today's date on it. The
            previous approved version is kept as superseded.
          </Text>
          {kinds.map((code, i) => {
            const open = warnings.filter((w) => w.code === code);
            return (
              <Stack key={code} gap={6} component="section" aria-label={KIND_TITLES[code] ?? code}>
                <Title order={3} fz="sm">
                  {KIND_TITLES[code] ?? code} ({open.length})
                </Title>
                <List size="xs" spacing={2} style={{ maxHeight: 140, overflowY: 'auto' }}>
                  {open.map((w) => (
                    <List.Item key={w.field}>{w.message}</List.Item>
                  ))}
                </List>
                <Textarea
                  label="Reason for approving with these open"
                  required
                  autosize
                  minRows={1}
                  maxLength={2000}
                  value={reasons[code] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setReasons((r) => ({ ...r, [code]: value }));
                  }}
                  error={tried && !reasons[code]?.trim() ? 'Give a reason, or fix the rows first.' : undefined}
                  data-autofocus={i === 0 ? true : undefined}
                />
              </Stack>
            );
          })}
          <Textarea
            label="Approval note"
            description="Optional, e.g. the meeting or decision this approval comes from."
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus={kinds.length === 0 ? true : undefined}
          />
          <FormError error={error} placed={[]} title="Not approved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="teal" loading={busy}>
              {kinds.length ? 'Approve with these reasons' : 'Approve'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
