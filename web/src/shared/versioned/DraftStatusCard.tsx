import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormError } from '../ui/FormError';
import { formatDateTime } from '../ui/format';
import type { OverviewSummary } from './types';
import type { DraftEditorView } from './useDraftEditor';
import { capitalized } from './words';

interface Props {
  editor: DraftEditorView;
  /** the record in a few words, lower case: "scope", "risk method" */
  what: string;
  /** the badge while no version is saved */
  emptyBadge?: string;
  /** the status line while no version is saved */
  emptyText: string;
  /** said after the approved version's line, e.g. "Risks are scored with it." */
  approvedNote?: string;
  /** a hint under the status line, e.g. what happens on the first change */
  hint?: ReactNode;
  /** the save button while nothing is saved nor changed (default "Save draft") */
  startLabel?: string;
  /** field paths the form shows beside their inputs; the rest of a failed save is listed under the card */
  placed: string[];
}

function statusLine({ draft, approved }: OverviewSummary, emptyText: string, approvedNote?: string): string {
  if (draft) return `Draft of version ${draft.version}, saved ${formatDateTime(draft.updatedAt)}.`;
  if (approved)
    return `Version ${approved.version} approved${approved.approvedByName ? ` by ${approved.approvedByName}` : ''} on ${formatDateTime(approved.approvedAt)}.${approvedNote ? ` ${approvedNote}` : ''}`;
  return emptyText;
}

/** Where the record stands and what can be done with it (save, approve, discard); stays in view while editing. */
export function DraftStatusCard({
  editor,
  what,
  emptyBadge = 'No version yet',
  emptyText,
  approvedNote,
  hint,
  startLabel = 'Save draft',
  placed,
}: Props) {
  const { overview, dirty, save } = editor;
  const nothingSaved = !overview.draft && !overview.approved;
  return (
    <>
      <Paper withBorder radius="md" p="md" component="section" aria-label={`${capitalized(what)} status and actions`}>
        <Stack gap="sm">
          <Group gap="xs">
            {overview.draft ? (
              <Badge color="yellow" variant="light" radius="sm">
                Draft
              </Badge>
            ) : overview.approved ? (
              <Badge color="teal" variant="light" radius="sm">
                Approved
              </Badge>
            ) : (
              <Badge color="gray" variant="light" radius="sm">
                {emptyBadge}
              </Badge>
            )}
            {dirty && (
              <Badge color="orange" variant="outline" radius="sm">
                Unsaved changes
              </Badge>
            )}
          </Group>
          <Text size="sm" role="status" aria-live="polite">
            {save.isSuccess && !dirty && overview.draft ? 'Draft saved. ' : ''}
            {statusLine(overview, emptyText, approvedNote)}
          </Text>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
          {editor.canWrite ? (
            <Group gap="xs">
              <Button onClick={editor.trySave} loading={save.isPending} disabled={!dirty && !nothingSaved}>
                {nothingSaved && !dirty ? startLabel : 'Save draft'}
              </Button>
              {editor.canApprove && (
                <Button color="teal" variant="light" onClick={editor.openApprove} disabled={!(overview.draft !== null || dirty)}>
                  Approve…
                </Button>
              )}
              {overview.draft && (
                <Button color="red" variant="subtle" onClick={editor.openDiscard}>
                  Discard draft
                </Button>
              )}
            </Group>
          ) : (
            <Text size="xs" c="dimmed">
              Your role can read the {what} but not change it.
            </Text>
          )}
        </Stack>
      </Paper>
      {save.error != null && !editor.approveOpen && !save.conflict && (
        <FormError error={save.error} placed={placed} title="Draft not saved" />
      )}
    </>
  );
}
