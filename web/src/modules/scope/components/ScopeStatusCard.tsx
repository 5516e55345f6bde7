import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../../shared/ui/format';
import type { ScopeOverview } from '../hooks/useScope';

interface Props {
  overview: ScopeOverview;
  dirty: boolean;
  canWrite: boolean;
  canApprove: boolean;
  saving: boolean;
  justSaved: boolean;
  onSave: () => void;
  onApprove: () => void;
  onDiscard: () => void;
}

function statusLine({ draft, approved }: ScopeOverview): string {
  if (draft) return `Draft of version ${draft.version}, saved ${formatDateTime(draft.updatedAt)}.`;
  if (approved)
    return `Version ${approved.version} approved${approved.approvedByName ? ` by ${approved.approvedByName}` : ''} on ${formatDateTime(approved.approvedAt)}.`;
  return 'Not started. Answer the questions and save a draft.';
}

/** Where the scope stands and what can be done with it; stays in view while editing. */
export function ScopeStatusCard({
  overview,
  dirty,
  canWrite,
  canApprove,
  saving,
  justSaved,
  onSave,
  onApprove,
  onDiscard,
}: Props) {
  const canApproveNow = canApprove && (overview.draft !== null || dirty);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Scope status and actions">
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
              No version yet
            </Badge>
          )}
          {dirty && (
            <Badge color="orange" variant="outline" radius="sm">
              Unsaved changes
            </Badge>
          )}
        </Group>
        <Text size="sm" role="status" aria-live="polite">
          {justSaved && !dirty && overview.draft ? 'Draft saved. ' : ''}
          {statusLine(overview)}
        </Text>
        {canWrite && !overview.draft && overview.approved && !dirty && (
          <Text size="xs" c="dimmed">
            Change any answer below to start a draft of version {overview.approved.version + 1}.
          </Text>
        )}
        {canWrite ? (
          <Group gap="xs">
            <Button
              onClick={onSave}
              loading={saving}
              disabled={!dirty && (overview.draft !== null || overview.approved !== null)}
            >
              Save draft
            </Button>
            {canApprove && (
              <Button color="teal" variant="light" onClick={onApprove} disabled={!canApproveNow}>
                Approve…
              </Button>
            )}
            {overview.draft && (
              <Button color="red" variant="subtle" onClick={onDiscard}>
                Discard draft
              </Button>
            )}
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            Your role can read the scope but not change it.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
