import { Anchor, Code, CopyButton, Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { SectionCard } from '../../../shared/ui/SectionCard';

/** How a script or pipeline sends values: the request, with an API token of the account. */
export function PushHelp({ orgId, aiSystemId, metricId }: { orgId: string; aiSystemId: string; metricId: string }) {
  const url = `${window.location.origin}/api/v1/orgs/${orgId}/ai-systems/${aiSystemId}/observations`;
  const command = [
    `curl -X POST '${url}' \\`,
    `  -H 'Authorization: Bearer <API token>' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"metricId": "${metricId}", "value": 0.93}'`,
  ].join('\n');
  return (
    <SectionCard
      title="Send values automatically"
      description={
        <>
          An evaluation job or pipeline can post each new value. Create a token under{' '}
          <Anchor component={Link} to="/account/tokens" inherit>
            API tokens
          </Anchor>{' '}
          and send:
        </>
      }
      aside={
        <CopyButton value={command}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      }
    >
      <Code block style={{ whiteSpace: 'pre', overflowX: 'auto' }} aria-label="Command to send a value">
        {command}
      </Code>
      <Group gap={4}>
        <Text size="xs" c="dimmed">
          Add <Code>"observedAt": "2025-03-14T15:04:00Z"</Code> for a value measured earlier, or send{' '}
          <Code>{'{"observations": [...]}'}</Code> for several at once.
        </Text>
      </Group>
    </SectionCard>
  );
}
