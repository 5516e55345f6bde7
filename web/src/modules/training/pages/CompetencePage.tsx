import {
  Autocomplete,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { fieldErrorLookup } from '../../../shared/problem';
import { BackLink } from '../../../shared/ui/BackLink';
import { ConfirmModal } from '../../../shared/ui/ConfirmModal';
import { FormError } from '../../../shared/ui/FormError';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import {
  type Criterion,
  useAllTopics,
  useCriteria,
  useDeleteCriterion,
  useGovernanceRoles,
  useMatrix,
  useSaveCriterion,
} from '../hooks/useTraining';

function CriterionForm({ criterion, onDone }: { criterion: Criterion | null; onDone: () => void }) {
  const { org } = useOrg();
  const roles = useGovernanceRoles(org.id);
  const topics = useAllTopics(org.id);
  const teams = useMatrix(org.id, null);
  const [kind, setKind] = useState<'role' | 'team'>(criterion?.appliesTo.kind ?? 'role');
  const [roleId, setRoleId] = useState<string | null>(criterion?.appliesTo.kind === 'role' ? criterion.appliesTo.roleId : null);
  const [team, setTeam] = useState(criterion?.appliesTo.kind === 'team' ? criterion.appliesTo.team : '');
  const [text, setText] = useState(criterion?.criterion ?? '');
  const [topicIds, setTopicIds] = useState<string[]>(criterion?.requiredTopicIds ?? []);
  const save = useSaveCriterion(org.id);
  const errorFor = fieldErrorLookup(save.fieldErrors);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await save.mutateAsync({
        id: criterion?.id ?? null,
        body: {
          appliesTo: kind === 'role' ? { kind: 'role', roleId: roleId ?? '' } : { kind: 'team', team: team.trim() },
          criterion: text.trim(),
          requiredTopicIds: topicIds,
        },
      });
      onDone();
    } catch {
      // shown below
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <SegmentedControl
          aria-label="Applies to"
          value={kind}
          onChange={(v) => setKind(v as 'role' | 'team')}
          data={[
            { value: 'role', label: 'A governance role' },
            { value: 'team', label: 'A team' },
          ]}
        />
        {kind === 'role' ? (
          <Select
            label="Role"
            required
            data={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={roleId}
            onChange={setRoleId}
            error={errorFor('appliesTo.roleId')}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Autocomplete
            label="Team"
            required
            data={teams.data?.teamNames ?? []}
            value={team}
            onChange={setTeam}
            error={errorFor('appliesTo.team')}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <TextInput
          label="Criterion"
          description="What they must know or be able to do."
          required
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errorFor('criterion')}
          maxLength={500}
        />
        <MultiSelect
          label="Required topics"
          data={(topics.data ?? []).map((t) => ({ value: t.id, label: `${t.number} ${t.title}` }))}
          value={topicIds}
          onChange={setTopicIds}
          error={errorFor('requiredTopicIds')}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <FormError error={save.error} placed={['appliesTo', 'criterion', 'requiredTopicIds']} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {criterion ? 'Save changes' : 'Add criterion'}
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Competence criteria (7.2): what each governance role and team must be able to do, and the topics that get them there. */
export function CompetencePage() {
  const { org, can } = useOrg();
  const criteria = useCriteria(org.id);
  const remove = useDeleteCriterion(org.id);
  const [editing, setEditing] = useState<Criterion | 'new' | null>(null);
  const [removing, setRemoving] = useState<Criterion | null>(null);
  const write = can('write');
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/training`}>Training matrix</BackLink>
      <PageHeader
        eyebrow="Training · Clause 7.2"
        title="Competence criteria"
        description="What the holders of each governance role, and the members of each team, must know or be able to do. The topics a criterion requires become required for them in the matrix."
        actions={write && <Button onClick={() => setEditing('new')}>Add criterion</Button>}
      />
      <Paper withBorder p="lg" component="section" aria-label="Competence criteria">
        <QueryState query={criteria}>
          {({ items }) =>
            items.length === 0 ? (
              <Text size="sm" c="dimmed">
                No competence criteria yet.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped aria-label="Competence criteria">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Applies to</Table.Th>
                      <Table.Th>Criterion</Table.Th>
                      <Table.Th>Required topics</Table.Th>
                      {write && <Table.Th />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Badge variant="light" color={c.appliesTo.kind === 'role' ? 'blue' : 'grape'} mr={6}>
                            {c.appliesTo.kind === 'role' ? 'Role' : 'Team'}
                          </Badge>
                          {c.appliesToLabel}
                        </Table.Td>
                        <Table.Td>{c.criterion}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{c.requiredTopics.map((t) => `${t.number} ${t.title}`).join(', ') || '—'}</Text>
                        </Table.Td>
                        {write && (
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <Button size="xs" variant="default" onClick={() => setEditing(c)}>
                                Edit
                              </Button>
                              <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(c)}>
                                Remove
                              </Button>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Paper>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add a criterion' : 'Edit criterion'}
        size="lg"
      >
        {editing !== null && (
          <CriterionForm
            key={editing === 'new' ? 'new' : editing.id}
            criterion={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title="Remove this criterion?"
        confirmLabel="Remove"
        busy={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate(removing.id, { onSuccess: () => setRemoving(null) });
        }}
      >
        Its topics stop being required for {removing?.appliesToLabel}. The criterion's history is kept.
      </ConfirmModal>
    </Stack>
  );
}
