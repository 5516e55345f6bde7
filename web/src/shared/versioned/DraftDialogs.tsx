import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApproveVersionModal } from '../ui/ApproveVersionModal';
import { ConflictDialog } from '../ui/ConflictDialog';
import { FormError } from '../ui/FormError';
import { LeaveGuardModal } from '../ui/LeaveGuardModal';
import type { VersionCheck } from './types';
import type { DraftEditorView } from './useDraftEditor';

interface DiscardProps {
  opened: boolean;
  onClose: () => void;
  onDiscard: () => void;
  busy: boolean;
  error: unknown;
  /** what discarding leaves, in the record's words */
  children: ReactNode;
}

/** Asks before the draft is thrown away; the safe answer has the focus. */
export function DiscardDraftModal({ opened, onClose, onDiscard, busy, error, children }: DiscardProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Discard draft?" centered>
      <Text size="sm" mb="md">
        {children}
      </Text>
      <FormError error={error} title="Not discarded" />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose} data-autofocus>
          Keep draft
        </Button>
        <Button color="red" onClick={onDiscard} loading={busy}>
          Discard draft
        </Button>
      </Group>
    </Modal>
  );
}

interface Props {
  editor: DraftEditorView;
  /** the record in a few words, lower case: "scope", "risk method" */
  what: string;
  /** the approval dialog's title for the version being approved */
  approveTitle: (version: number) => string;
  /** what approval makes of the version, in the record's words */
  approveIntro: ReactNode;
  /** where the approver's reasons are shown besides the version, e.g. " and shown in its statement" */
  reasonsShown?: string;
  /** the saved draft's checks: each open warning needs a reason to approve */
  checks: VersionCheck[];
  /** what discarding the draft leaves */
  discardText: ReactNode;
}

/** The editor's dialogs: approve, discard, leave with unsaved changes, and someone else's save. */
export function DraftDialogs({ editor, what, approveTitle, approveIntro, reasonsShown, checks, discardText }: Props) {
  const { save, approve, discard, overview } = editor;
  return (
    <>
      <ApproveVersionModal
        opened={editor.approveOpen}
        onClose={editor.closeApprove}
        onApprove={editor.approveDraft}
        busy={save.isPending || approve.isPending}
        error={approve.error ?? save.error}
        title={approveTitle(editor.approvingVersion)}
        intro={approveIntro}
        reasonsShown={reasonsShown}
        unsaved={editor.dirty || !overview.draft}
        warnings={checks.filter((c) => c.severity === 'warning')}
      />
      <DiscardDraftModal
        opened={editor.discardOpen}
        onClose={editor.closeDiscard}
        onDiscard={editor.discardDraft}
        busy={discard.isPending}
        error={discard.error}
      >
        {discardText}
      </DiscardDraftModal>
      <LeaveGuardModal guard={editor.leaveGuard} what={`The ${what}`} />
      <ConflictDialog what={`The ${what} draft`} {...save.conflictDialog} onOverwrite={editor.overwrite} />
    </>
  );
}
