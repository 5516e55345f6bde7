import { Button, Group, Modal, Text } from '@mantine/core';
import type { LeaveGuard } from './useLeaveGuard';

/** Asks before an in-app navigation loses unsaved changes (see useLeaveGuard). */
export function LeaveGuardModal({ guard, what = 'This page' }: { guard: LeaveGuard; what?: string }) {
  const { blocker } = guard;
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title="Leave without saving?" centered>
      <Text size="sm" mb="lg">
        {what} has changes that are not saved. They are lost if you leave this page.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          Stay on page
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          Leave page
        </Button>
      </Group>
    </Modal>
  );
}
