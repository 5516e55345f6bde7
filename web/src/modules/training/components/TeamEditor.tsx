import { Autocomplete, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useSetTeam } from '../hooks/useTraining';

/** Sets one member's team; the names already in use are offered, a new one may be typed. */
export function TeamEditor({
  orgId,
  person,
  teamNames,
  onClose,
}: {
  orgId: string;
  person: { userId: string; name: string; team: string | null } | null;
  teamNames: string[];
  onClose: () => void;
}) {
  const [team, setTeam] = useState(person?.team ?? '');
  const save = useSetTeam(orgId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!person) return;
    try {
      await save.mutateAsync({ userId: person.userId, team: team.trim() || null });
      onClose();
    } catch {
      // notified
    }
  };
  return (
    <Modal opened={!!person} onClose={onClose} title={person ? `Team of ${person.name}` : ''}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Autocomplete
            label="Team"
            data={teamNames}
            value={team}
            onChange={setTeam}
            maxLength={100}
            data-autofocus
            comboboxProps={{ withinPortal: true }}
          />
          <Text size="xs" c="dimmed">
            Leave it empty for no team. Topics and competence criteria for a team apply to its members.
          </Text>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save team
            </Button>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
