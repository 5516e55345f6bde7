import { Button, type ButtonProps } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { ConfirmModal } from '../ui/ConfirmModal';
import type { ArchivableRegister, RegisterRecord } from './types';
import { useArchiveRecord } from './useArchiveRecord';

interface Props {
  orgId: string;
  register: ArchivableRegister;
  record: RegisterRecord;
  /** what archiving it means, in the confirmation */
  archiveText: ReactNode;
  /** false when an archived record cannot come back (a merged duplicate) */
  restorable?: boolean;
  size?: ButtonProps['size'];
}

/** "Archive…" or "Restore…" for one record, each asked for in a confirmation. */
export function ArchiveAction({ orgId, register, record, archiveText, restorable = true, size = 'sm' }: Props) {
  const mutation = useArchiveRecord(orgId, register);
  const [confirming, setConfirming] = useState(false);
  const archived = record.archivedAt !== null;
  if (archived && !restorable) return null;
  const close = () => {
    setConfirming(false);
    mutation.reset();
  };
  return (
    <>
      <Button
        variant={size === 'sm' ? 'default' : 'subtle'}
        color={archived ? undefined : 'red'}
        size={size}
        onClick={() => setConfirming(true)}
        aria-label={size === 'sm' ? undefined : `${archived ? 'Restore' : 'Archive'} ${record.name}`}
      >
        {archived ? 'Restore…' : 'Archive…'}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={`${archived ? 'Restore' : 'Archive'} “${record.name}”?`}
        confirmLabel={archived ? 'Restore' : 'Archive'}
        color={archived ? 'brand' : 'red'}
        busy={mutation.isPending}
        error={mutation.error}
        onClose={close}
        onConfirm={() => mutation.mutate({ record, archived: !archived }, { onSuccess: () => setConfirming(false) })}
      >
        {archived ? 'It comes back into the register and its counts, with its history.' : archiveText}
      </ConfirmModal>
    </>
  );
}
