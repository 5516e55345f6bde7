import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { ROLE_LABELS } from '../../../app/orgs/permissions';
import type { Role } from '../../../shared/api';
import { formatDateTime } from '../../../shared/ui/format';
import type { Member } from '../../../shared/org/orgData';
import { RoleSelect } from './RoleSelect';

interface Props {
  members: Member[];
  currentUserId: string;
  manageable: boolean;
  canMakeOwner: boolean;
  onRoleChange: (member: Member, role: Role) => void;
  onRemove: (member: Member) => void;
  onResetPassword: (member: Member) => void;
  onUnlock: (member: Member) => void;
  /** disable (asks first) or enable the member's account */
  onSetDisabled: (member: Member, disable: boolean) => void;
  busyUserId?: string;
}

export function MembersTable({
  members,
  currentUserId,
  manageable,
  canMakeOwner,
  onRoleChange,
  onRemove,
  onResetPassword,
  onUnlock,
  onSetDisabled,
  busyUserId,
}: Props) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th w={180}>Role</Table.Th>
            <Table.Th>Member since</Table.Th>
            <Table.Th>Access ends</Table.Th>
            {manageable && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {m.name}
                </Text>
                {m.userId === currentUserId && (
                  <Badge size="xs" variant="light" color="gray">
                    you
                  </Badge>
                )}
                {m.disabled && (
                  <Badge size="xs" variant="light" color="red">
                    disabled
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.email}</Text>
              </Table.Td>
              <Table.Td>
                {manageable ? (
                  <RoleSelect
                    label={<VisuallyHidden>Role of {m.name}</VisuallyHidden>}
                    size="xs"
                    compact
                    value={m.role}
                    excluded={canMakeOwner ? [] : ['owner']}
                    disabled={busyUserId === m.userId || (m.role === 'owner' && !canMakeOwner)}
                    onChange={(role) => onRoleChange(m, role)}
                  />
                ) : (
                  <Text size="sm">{ROLE_LABELS[m.role]}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(m.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={m.expiresAt ? undefined : 'dimmed'}>
                  {m.expiresAt ? formatDateTime(m.expiresAt) : 'No end'}
                </Text>
              </Table.Td>
              {manageable && (
                <Table.Td ta="right">
                  {m.userId !== currentUserId && (m.role !== 'owner' || canMakeOwner) && (
                    <>
                      <Button variant="subtle" size="compact-sm" onClick={() => onUnlock(m)} aria-label={`Unlock ${m.name}`}>
                        Unlock
                      </Button>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => onResetPassword(m)}
                        aria-label={`Reset the password of ${m.name}`}
                      >
                        Reset password
                      </Button>
                      <Button
                        variant="subtle"
                        color={m.disabled ? undefined : 'red'}
                        size="compact-sm"
                        onClick={() => onSetDisabled(m, !m.disabled)}
                        aria-label={`${m.disabled ? 'Enable' : 'Disable'} the account of ${m.name}`}
                      >
                        {m.disabled ? 'Enable' : 'Disable'}
                      </Button>
                    </>
                  )}
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() => onRemove(m)}
                    aria-label={`Remove ${m.name}`}
                  >
                    Remove
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
