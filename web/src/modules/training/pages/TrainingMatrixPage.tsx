import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { Link, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDate, plural } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { CELL_COLORS, CELL_LABELS, type CellState } from '../components/labels';
import { RecordForm, type RecordPrefill } from '../components/RecordForm';
import { TeamEditor } from '../components/TeamEditor';
import { type Matrix, useMatrix } from '../hooks/useTraining';

type Person = Matrix['people'][number];

/** The person column stays in view while the topics scroll sideways (phones). */
const STICKY = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const;
type Cell = Person['cells'][number];

function cellTitle(cell: Cell) {
  if (cell.state === 'missing') return 'Required, never completed';
  if (cell.state === 'not-required')
    return cell.completedOn ? `Not required; completed ${formatDate(cell.completedOn)}` : 'Not required';
  const done = `Completed ${formatDate(cell.completedOn)}`;
  return cell.expiresOn ? `${done}, ${cell.state === 'overdue' ? 'expired' : 'expires'} ${formatDate(cell.expiresOn)}` : done;
}

function CellBadge({ state }: { state: CellState }) {
  if (state === 'not-required')
    return (
      <Text size="sm" c="dimmed">
        <span aria-hidden>—</span>
        <VisuallyHidden>Not required</VisuallyHidden>
      </Text>
    );
  return (
    <Badge color={CELL_COLORS[state]} variant={state === 'complete' ? 'light' : 'filled'} radius="sm">
      {CELL_LABELS[state]}
    </Badge>
  );
}

/**
 * The training matrix (7.2, 7.3): people against topics, each cell in words
 * and colour. A missing or overdue cell records a completion for that person
 * and topic; a team filter and per-team totals show where the gaps are.
 */
export function TrainingMatrixPage() {
  const { org, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const team = params.get('team');
  const matrix = useMatrix(org.id, team);
  const [recording, setRecording] = useState<(RecordPrefill & { label: string }) | null>(null);
  const [editingTeam, setEditingTeam] = useState<Person | null>(null);
  const base = `/orgs/${org.id}/training`;
  const write = can('write');
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Support · Clauses 7.2, 7.3"
        title="Training and competence"
        description="Who has been trained on what the management system asks of them, and whose training is missing, running out or overdue."
        actions={
          <Group gap="sm" wrap="wrap">
            <Button variant="default" component={Link} to={`${base}/topics`}>
              Topics
            </Button>
            <Button variant="default" component={Link} to={`${base}/records`}>
              Records
            </Button>
            <Button variant="default" component={Link} to={`${base}/competence`}>
              Competence
            </Button>
            <DownloadButton
              variant="default"
              href={`/api/v1/orgs/${org.id}/training/matrix/export?format=xlsx`}
              filename="training-records.xlsx"
            >
              Export XLSX
            </DownloadButton>
            <DownloadButton
              variant="default"
              href={`/api/v1/orgs/${org.id}/training/matrix/export?format=pdf`}
              filename="training-records.pdf"
            >
              Export PDF
            </DownloadButton>
            {write && (
              <Button component={Link} to={`${base}/records/new`}>
                Record completion
              </Button>
            )}
          </Group>
        }
      />
      <QueryState query={matrix}>
        {(m) => (
          <>
            <Paper withBorder p="lg" component="section" aria-label="Teams">
              <Stack gap="sm">
                <Group justify="space-between" align="flex-end" wrap="wrap">
                  <Text fw={600}>By team</Text>
                  <Select
                    label="Team"
                    placeholder="All teams"
                    clearable
                    data={m.teamNames}
                    value={team}
                    onChange={(v) => setParams(v ? { team: v } : {}, { replace: true })}
                    w={220}
                  />
                </Group>
                <Table.ScrollContainer minWidth={420}>
                  <Table striped aria-label="Training by team">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Team</Table.Th>
                        <Table.Th ta="right">People</Table.Th>
                        <Table.Th ta="right">Complete</Table.Th>
                        <Table.Th ta="right">Missing</Table.Th>
                        <Table.Th ta="right">Overdue</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {m.teams.map((t) => (
                        <Table.Tr key={t.team ?? ''}>
                          <Table.Td>
                            {t.team ?? (
                              <Text span c="dimmed" size="sm">
                                No team
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td ta="right">{t.people}</Table.Td>
                          <Table.Td ta="right">
                            {t.complete} of {t.required}
                          </Table.Td>
                          <Table.Td ta="right">{t.missing}</Table.Td>
                          <Table.Td ta="right" c={t.overdue ? 'red' : undefined}>
                            {t.overdue}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            </Paper>
            <Paper withBorder p="lg" component="section" aria-label="Training matrix">
              {m.people.length === 0 || m.topics.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {m.topics.length === 0 ? 'No training topics yet.' : 'Nobody in this team.'}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={180 + m.topics.length * 120} type="native">
                  <Table withColumnBorders aria-label="Training matrix" verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th style={{ ...STICKY, minWidth: 170 }}>Person</Table.Th>
                        {m.topics.map((t) => (
                          <Table.Th key={t.id} style={{ minWidth: 110 }}>
                            <Tooltip label={t.title} withinPortal>
                              <Anchor component={Link} to={`${base}/topics/${t.id}`} size="sm" fw={600}>
                                {t.number}
                              </Anchor>
                            </Tooltip>
                            <Text size="xs" c="dimmed" lineClamp={2}>
                              {t.title}
                            </Text>
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {m.people.map((p) => (
                        <Table.Tr key={p.userId} data-person={p.name}>
                          <Table.Th scope="row" style={{ ...STICKY, fontWeight: 'normal' }}>
                            <Text size="sm" fw={600}>
                              {p.name}
                            </Text>
                            <Group gap={4} wrap="nowrap">
                              <Text size="xs" c="dimmed">
                                {p.team ?? 'No team'}
                              </Text>
                              {can('approve') && (
                                <ActionIcon
                                  variant="subtle"
                                  size="xs"
                                  aria-label={`Change team of ${p.name}`}
                                  onClick={() => setEditingTeam(p)}
                                >
                                  ✎
                                </ActionIcon>
                              )}
                            </Group>
                            {p.roles.length > 0 && (
                              <Text size="xs" c="dimmed">
                                {p.roles.join(', ')}
                              </Text>
                            )}
                            <Text size="xs" c={p.missing + p.overdue ? 'red' : 'dimmed'}>
                              {p.complete} of {plural(p.required, 'required topic')} done
                            </Text>
                          </Table.Th>
                          {p.cells.map((c, i) => {
                            const topic = m.topics[i];
                            const label = `${p.name}, ${topic.number} ${topic.title}: ${c.state === 'not-required' ? 'Not required' : CELL_LABELS[c.state]}`;
                            const record = write && (c.state === 'missing' || c.state === 'overdue' || c.state === 'expiring');
                            return (
                              <Table.Td key={c.topicId} title={cellTitle(c)} data-state={c.state}>
                                {record ? (
                                  <UnstyledButton
                                    aria-label={`${label}. Record completion`}
                                    onClick={() =>
                                      setRecording({
                                        person: { userId: p.userId, name: p.name },
                                        topicId: c.topicId,
                                        label: `${p.name} · ${topic.number} ${topic.title}`,
                                      })
                                    }
                                  >
                                    <CellBadge state={c.state} />
                                  </UnstyledButton>
                                ) : c.recordId ? (
                                  <Anchor component={Link} to={`${base}/records/${c.recordId}/edit`} aria-label={label}>
                                    <CellBadge state={c.state} />
                                  </Anchor>
                                ) : (
                                  <CellBadge state={c.state} />
                                )}
                              </Table.Td>
                            );
                          })}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
            <TeamEditor
              key={editingTeam?.userId ?? 'none'}
              orgId={org.id}
              person={editingTeam}
              teamNames={m.teamNames}
              onClose={() => setEditingTeam(null)}
            />
          </>
        )}
      </QueryState>
      <Modal opened={!!recording} onClose={() => setRecording(null)} title="Record completion" size="lg">
        {recording && (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {recording.label}
            </Text>
            <RecordForm
              record={null}
              prefill={recording}
              onSaved={() => setRecording(null)}
              onCancel={() => setRecording(null)}
            />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
