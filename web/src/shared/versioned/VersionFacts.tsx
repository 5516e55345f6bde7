import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../ui/format';
import type { VersionSummary } from './types';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** A version's record on its own page: status, saved, approved by whom with which note, and a link to compare with the one before. */
export function VersionFacts({
  version: v,
  compareHref,
}: {
  version: VersionSummary;
  compareHref?: (from: number, to: number) => string;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="md" mb="sm">
        Record
      </Title>
      <Stack gap="sm">
        <Fact label="Status" value={v.status} />
        <Fact label="Created" value={formatDateTime(v.createdAt)} />
        <Fact label="Last saved" value={formatDateTime(v.updatedAt)} />
        {v.approvedAt && (
          <Fact label="Approved" value={`${formatDateTime(v.approvedAt)}${v.approvedByName ? ` by ${v.approvedByName}` : ''}`} />
        )}
        {v.approvalNote && <Fact label="Approval note" value={v.approvalNote} />}
      </Stack>
      {compareHref && v.version > 1 && (
        <Anchor component={Link} to={compareHref(v.version - 1, v.version)} size="sm" mt="md" display="inline-block">
          Compare with version {v.version - 1}
        </Anchor>
      )}
    </Paper>
  );
}

/** The warnings that were open when the version was approved, with the approver's reasons; nothing when none were. */
export function AcceptedExceptions({ version }: { version: VersionSummary }) {
  if (version.acceptedExceptions.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="accepted-exceptions-title">
      <Title order={2} fz="md" mb="xs" id="accepted-exceptions-title">
        Warnings accepted at approval
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Open when this version was approved; the approver gave these reasons.
      </Text>
      <List spacing="sm" size="sm" aria-label="Warnings accepted at approval">
        {version.acceptedExceptions.map((e) => (
          <List.Item key={`${e.code}|${e.field}`}>
            <Text size="sm">{e.message}</Text>
            <Text size="sm">
              <Text span fw={600}>
                Reason:
              </Text>{' '}
              {e.reason}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
