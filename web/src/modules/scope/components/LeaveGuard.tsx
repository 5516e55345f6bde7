import { Button, Group, Modal, Text } from '@mantine/core';
import { useBlocker } from 'react-router';

/** Asks before leaving the page with unsaved changes. */
export function LeaveGuard({ when }: { when: boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title="Leave without saving?" centered>
      <Text size="sm" mb="lg">
        The scope has changes that are not saved. They are lost if you leave this page.
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
