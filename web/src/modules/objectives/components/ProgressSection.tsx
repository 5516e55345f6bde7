import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { fieldErrorLookup } from '../../../shared/problem';
import { ConfirmModal } from '../../../shared/ui/ConfirmModal';
import { FormError } from '../../../shared/ui/FormError';
import { formatDate, todayIso } from '../../../shared/ui/format';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { QueryState } from '../../../shared/ui/QueryState';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import {
  type Objective,
  type ProgressEntry,
  useDeleteProgress,
  useObjectiveProgress,
  useRecordProgress,
} from '../hooks/useObjectives';
import { formatNumber } from '../labels';
import { parseNumber } from './objectiveDraft';
import { ProgressChart } from './ProgressChart';

function RecordProgressForm({ objective }: { objective: Objective }) {
  const { org } = useOrg();
  const record = useRecordProgress(org.id, objective.id);
  const empty = { date: todayIso(), value: '', note: '' };
  const [draft, setDraft] = useState(empty);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const { dirty, markClean } = useDirty(draft);
  const guard = useLeaveGuard(dirty);
  const errorFor = fieldErrorLookup({ ...record.fieldErrors, ...checked });
  const unit = objective.targetUnit ? ` (${objective.targetUnit})` : '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (record.isPending) return;
    const value = parseNumber(draft.value);
    if (Number.isNaN(value)) return setChecked({ value: 'must be a number' });
    setChecked({});
    record.mutate(
      { date: draft.date, value, note: draft.note.trim() },
      {
        onSuccess: () => {
          setDraft(empty);
          markClean(empty);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Record progress">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label="Date"
            required
            value={draft.date}
            max={todayIso()}
            onChange={(e) => {
              const v = e.currentTarget.value; // read now: React clears currentTarget before the updater runs
              setDraft((d) => ({ ...d, date: v }));
            }}
            error={errorFor('date')}
          />
          <TextInput
            label={`Measured value${unit}`}
            description={objective.targetValue === null ? 'Optional' : undefined}
            inputMode="decimal"
            value={draft.value}
            onChange={(e) => {
              const v = e.currentTarget.value; // read now: React clears currentTarget before the updater runs
              setDraft((d) => ({ ...d, value: v }));
            }}
            error={errorFor('value')}
          />
        </SimpleGrid>
        <Textarea
          label="Note"
          description="What was done or found; a value, a note or both."
          autosize
          minRows={2}
          value={draft.note}
          onChange={(e) => {
            const v = e.currentTarget.value; // read now: React clears currentTarget before the updater runs
            setDraft((d) => ({ ...d, note: v }));
          }}
          error={errorFor('note')}
          maxLength={4000}
        />
        <FormError error={record.error} placed={['date', 'value', 'note']} />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={record.isPending}>
            Record progress
          </Button>
        </Group>
      </Stack>
      <LeaveGuardModal guard={guard} what="The progress entry" />
    </form>
  );
}

function EntriesTable({ objective, entries, canDelete }: { objective: Objective; entries: ProgressEntry[]; canDelete: boolean }) {
  const { org } = useOrg();
  const remove = useDeleteProgress(org.id, objective.id);
  const [deleting, setDeleting] = useState<ProgressEntry | null>(null);
  const unit = objective.targetUnit ? ` ${objective.targetUnit}` : '';
  const newestFirst = [...entries].reverse();
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={6} aria-label="Progress entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Date</Table.Th>
              <Table.Th w={110}>Value</Table.Th>
              <Table.Th>Note</Table.Th>
              <Table.Th w={150}>Recorded by</Table.Th>
              {canDelete && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {newestFirst.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Text size="sm">{formatDate(e.date)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.value === null ? '—' : `${formatNumber(e.value)}${unit}`}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {e.note || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {e.recordedBy.name}
                  </Text>
                </Table.Td>
                {canDelete && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete the entry of ${formatDate(e.date)}`}
                      onClick={() => setDeleting(e)}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={deleting !== null}
        title="Delete this progress entry?"
        confirmLabel="Delete entry"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
      >
        Delete only an entry recorded in error. The audit log keeps what it said.
      </ConfirmModal>
    </>
  );
}

/** The objective's progress over time: the chart, the entries, and a form to add one. */
export function ProgressSection({ objective }: { objective: Objective }) {
  const { org, can } = useOrg();
  const progress = useObjectiveProgress(org.id, objective.id);
  const writable = can('write') && objective.archivedAt === null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="progress-title">
      <Title order={2} fz="md" id="progress-title" mb="sm">
        Progress
      </Title>
      <QueryState query={progress}>
        {({ items }) => (
          <Stack gap="md">
            <ProgressChart objective={objective} entries={items} today={todayIso()} />
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                No progress recorded yet.
              </Text>
            ) : (
              <EntriesTable objective={objective} entries={items} canDelete={writable} />
            )}
            {writable && <RecordProgressForm objective={objective} />}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
