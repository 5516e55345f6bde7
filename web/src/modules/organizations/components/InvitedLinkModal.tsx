import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';

/** The link is relative when the server has no public URL configured: this browser's address completes it. */
export function absoluteLink(acceptUrl: string): string {
  return acceptUrl.startsWith('/') ? `${window.location.origin}${acceptUrl}` : acceptUrl;
}

/** The one-time link, shown once after inviting, to pass on when no email goes out (or as well). */
export function InvitedLinkModal({
  invited,
  onClose,
}: {
  invited: { email: string; acceptUrl: string; emailed: boolean } | null;
  onClose: () => void;
}) {
  const link = invited ? absoluteLink(invited.acceptUrl) : '';
  return (
    <Modal opened={invited !== null} onClose={onClose} title="Invitation ready">
      {invited && (
        <Stack gap="sm">
          <Text size="sm">
            {invited.emailed
              ? `An email with this link is on its way to ${invited.email}. You can also pass the link on yourself.`
              : `Send this link to ${invited.email} over a channel you trust; this server sends no email.`}{' '}
            It works once, for a week, and only for that email address. It is shown only now.
          </Text>
          <Code block fz="sm" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} aria-label="Invitation link">
            {link}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={link}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
