import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { FormError } from '../../../shared/ui/FormError';

interface Props {
  opened: boolean;
  title: string;
  intro: ReactNode;
  label: string;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  /** the note; resolves when saved (the modal then closes) */
  onConfirm: (note: string) => Promise<unknown>;
  onClose: () => void;
  /** the API takes one line: line breaks are sent as spaces */
  oneLine?: boolean;
  maxLength?: number;
}

/** A short note with a confirmation: recording a review, resolving a breach. */
export function NoteModal(props: Props) {
  const { opened, title, intro, label, confirmLabel, busy, error, onConfirm, onClose, oneLine, maxLength = 4000 } = props;
  const [note, setNote] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    try {
      await onConfirm(oneLine ? note.replace(/\s*\n\s*/g, ' ').trim() : note.trim());
      setNote('');
      onClose();
    } catch {
      // shown in FormError
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">{intro}</Text>
          <Textarea
            label={label}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={maxLength}
            required
            data-autofocus
          />
          <FormError error={error} title="Not saved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!note.trim()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
