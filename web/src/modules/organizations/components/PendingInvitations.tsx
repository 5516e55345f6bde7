import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { ROLE_LABELS } from '../../../app/orgs/permissions';
import { formatDateTime } from '../../../shared/ui/format';
import type { Invitation } from '../hooks/useMembers';

const EMAIL_STATE: Record<Invitation['emailState'], string | null> = {
  none: null,
  pending: 'email sending',
  sent: 'emailed',
  failed: 'email failed',
};

/** Invitations not yet accepted; an owner invitation can be revoked by an owner only. */
export function PendingInvitations({
  items,
  canRevokeOwner,
  onRevoke,
  busyId,
}: {
  items: Invitation[];
  canRevokeOwner: boolean;
  onRevoke: (invitation: Invitation) => void;
  busyId?: string;
}) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No invitations waiting. People you invite appear here until they accept.
      </Text>
    );
  }
  const now = new Date().toISOString();
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Pending invitations">
      {items.map((i) => {
        const expired = i.acceptBy <= now;
        const state = EMAIL_STATE[i.emailState];
        return (
          <Group key={i.id} component="li" justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
                {i.email}
              </Text>
              <Text size="xs" c="dimmed">
                {ROLE_LABELS[i.role]} · invited by {i.invitedBy} ·{' '}
                {expired ? 'link expired' : `link works until ${formatDateTime(i.acceptBy)}`}
                {i.expiresAt ? ` · access ends ${formatDateTime(i.expiresAt)}` : ''}
              </Text>
            </Stack>
            <Group gap="xs">
              {state && (
                <Badge size="sm" variant="light" color={i.emailState === 'failed' ? 'red' : 'gray'}>
                  {state}
                </Badge>
              )}
              {expired && (
                <Badge size="sm" variant="light" color="orange">
                  expired
                </Badge>
              )}
              {(i.role !== 'owner' || canRevokeOwner) && (
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  loading={busyId === i.id}
                  onClick={() => onRevoke(i)}
                  aria-label={`Revoke the invitation of ${i.email}`}
                >
                  Revoke
                </Button>
              )}
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}
