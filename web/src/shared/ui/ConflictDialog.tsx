import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { FieldDifference } from '../register/conflict';

/** A word for a field name: "boundaryStatement" reads "Boundary statement". */
const label = (field: string) => {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export interface ConflictState {
  differences: FieldDifference[];
}

/**
 * Someone else saved the record since this copy was loaded: which fields
 * differ between mine and theirs, then "Reload theirs" (mine is discarded)
 * or "Overwrite with mine" (mine is saved over theirs, knowingly).
 */
export function ConflictDialog({
  conflict,
  what,
  busy,
  error,
  onReload,
  onOverwrite,
  onClose,
}: {
  conflict: ConflictState | null;
  /** "The scope draft" */
  what: string;
  busy?: boolean;
  error?: Error | null;
  onReload(): void;
  onOverwrite(): void;
  onClose(): void;
}) {
  const diffs = conflict?.differences ?? [];
  return (
    <Modal opened={conflict !== null} onClose={onClose} title="Changed by someone else" size="lg">
      <Stack gap="md">
        <Text>
          {what} was saved by someone else since you opened it. Your changes are not saved yet.
          {diffs.length === 0 ? ' Your version and theirs hold the same values.' : ' These fields differ:'}
        </Text>
        {diffs.length > 0 && (
          <Table aria-label="Differences" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>Yours</Table.Th>
                <Table.Th>Theirs (saved)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {diffs.map((d) => (
                <Table.Tr key={d.field}>
                  <Table.Td>{label(d.field)}</Table.Td>
                  <Table.Td>{d.mine}</Table.Td>
                  <Table.Td>{d.theirs}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {error && (
          <Alert color="red" title="Not saved">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onReload} disabled={busy}>
            Reload theirs (discard mine)
          </Button>
          <Button color="red" onClick={onOverwrite} loading={busy}>
            Overwrite with mine
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
