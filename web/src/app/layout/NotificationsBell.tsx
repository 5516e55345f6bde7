import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, type Schemas, unwrap } from '../../shared/api';
import { formatDateTime } from '../../shared/ui/format';

type Notification = Schemas['Notification'];

// The bell in the header: the member's unread count (polled every minute, so a
// reminder delivered by the scheduler shows up without a reload) and the
// latest notifications. Opening one marks it read and goes where it points.

const key = (orgId: string) => ['orgs', orgId, 'notifications'] as const;

function BellIcon() {
  return (
    <svg width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function NotificationsBell({ orgId }: { orgId: string }) {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: key(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/notifications', { params: { path: { orgId }, query: { limit: 20 } } })),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
  const refresh = () => client.invalidateQueries({ queryKey: key(orgId) });
  const markRead = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/notifications/{notificationId}/read', {
          params: { path: { orgId, notificationId: id } },
          body: {},
        }),
      ),
    onSettled: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/orgs/{orgId}/notifications/read-all', { params: { path: { orgId } }, body: {} })),
    onSettled: refresh,
  });

  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const open = (n: Notification) => {
    setOpened(false);
    if (!n.readAt) markRead.mutate(n.id);
    // Links are in-app paths; anything else is not followed.
    if (n.link.startsWith('/')) navigate(n.link);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" width="min(380px, calc(100vw - 24px))">
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={36}
            radius="xl"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="xs" wrap="nowrap">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            Mark all read
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420} type="auto">
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" pb="md">
              {list.isError
                ? 'Notifications could not be loaded.'
                : 'Nothing new. Reminders about expiring evidence and document reviews appear here.'}
            </Text>
          ) : (
            <Stack gap={0} pb={4}>
              {items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  onClick={() => open(n)}
                  className="focus-ring"
                  w="100%"
                  ta="left"
                  px="md"
                  py="xs"
                  style={{
                    borderTop: '1px solid var(--mantine-color-gray-2)',
                    background: n.readAt ? undefined : 'var(--mantine-color-blue-0)',
                  }}
                  aria-label={`${n.readAt ? '' : 'Unread: '}${n.title}`}
                >
                  <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={2}>
                    {n.title}
                  </Text>
                  {n.body && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {n.body}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
