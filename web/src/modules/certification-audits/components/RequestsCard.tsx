import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrorLookup } from '../../../shared/problem';
import { FormError } from '../../../shared/ui/FormError';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { SectionCard } from '../../../shared/ui/SectionCard';
import {
  type AuditRequest,
  type CertificationAudit,
  useAuditRequests,
  useCloseRequest,
  useRaiseRequest,
} from '../hooks/useCertificationAudits';
import { linkHref } from '../labels';
import { AnswerDialog } from './AnswerDialog';
import { RequestStatusBadge } from './Badges';

interface Props {
  orgId: string;
  audit: CertificationAudit;
  /** raise, close and reopen (the body's auditors and who runs the audit here) */
  canRoom: boolean;
  /** answer with the organization's records */
  canAnswer: boolean;
}

function RequestItem({
  orgId,
  request: r,
  canRoom,
  canAnswer,
  onAnswer,
  onClose,
  busy,
}: {
  orgId: string;
  request: AuditRequest;
  canRoom: boolean;
  canAnswer: boolean;
  onAnswer: () => void;
  onClose: (close: boolean) => void;
  busy: boolean;
}) {
  return (
    <Paper withBorder p="sm" component="li" aria-label={`${r.number} ${r.title}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {r.number} · {r.title}
          </Text>
          <RequestStatusBadge status={r.status} />
        </Group>
        {r.detail && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.detail}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Raised by {r.raisedBy} on {formatDateTime(r.createdAt)}
          {r.dueDate ? ` · due ${formatDate(r.dueDate)}` : ''}
        </Text>
        {r.responses.map((resp) => (
          <Paper key={resp.id} bg="gray.0" p="xs" radius="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {resp.note}
            </Text>
            {resp.links.length > 0 && (
              <Stack gap={2} mt={4} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
                {resp.links.map((l) => {
                  const href = linkHref(orgId, l.type, l.id);
                  return (
                    <Text key={`${l.type}:${l.id}`} component="li" size="sm" c={l.archived ? 'dimmed' : undefined}>
                      {href ? (
                        <Anchor component={Link} to={href} size="sm">
                          {l.label}
                        </Anchor>
                      ) : (
                        l.label
                      )}
                    </Text>
                  );
                })}
              </Stack>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {resp.by} · {formatDateTime(resp.createdAt)}
            </Text>
          </Paper>
        ))}
        {(canAnswer || canRoom) && (
          <Group gap="xs">
            {canAnswer && r.status !== 'closed' && (
              <Button size="xs" variant="light" onClick={onAnswer}>
                Answer
              </Button>
            )}
            {canRoom && r.status !== 'closed' && (
              <Button size="xs" variant="default" loading={busy} onClick={() => onClose(true)}>
                Close request
              </Button>
            )}
            {canRoom && r.status === 'closed' && (
              <Button size="xs" variant="subtle" loading={busy} onClick={() => onClose(false)}>
                Reopen
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The auditor's requests and the organization's answers, open ones counted for both sides. */
export function RequestsCard({ orgId, audit, canRoom, canAnswer }: Props) {
  const requests = useAuditRequests(orgId, audit.id);
  const raise = useRaiseRequest(orgId, audit.id);
  const close = useCloseRequest(orgId, audit.id);
  const [form, setForm] = useState({ title: '', detail: '', dueDate: '' });
  const [answering, setAnswering] = useState<AuditRequest | null>(null);
  const errorFor = fieldErrorLookup(raise.fieldErrors);
  const items = requests.data?.items ?? [];
  const open = items.filter((r) => r.status === 'open').length;
  const answered = items.filter((r) => r.status === 'answered').length;
  const live = audit.status !== 'cancelled' && !audit.archivedAt;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (raise.isPending || !form.title.trim()) return;
    try {
      await raise.mutateAsync({ title: form.title.trim(), detail: form.detail.trim(), dueDate: form.dueDate || null });
      setForm({ title: '', detail: '', dueDate: '' });
    } catch {
      // shown in FormError
    }
  };
  return (
    <SectionCard title="Requests" description={`${open} open · ${answered} answered, waiting for the auditor`}>
      <Stack gap="sm">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No requests yet. The auditors ask here for records to sample (“the risk records of three AI systems”); the
            organization answers with links to them.
          </Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Requests">
            {items.map((r) => (
              <RequestItem
                key={r.id}
                orgId={orgId}
                request={r}
                canRoom={canRoom && live}
                canAnswer={canAnswer && live}
                onAnswer={() => setAnswering(r)}
                onClose={(c) => !close.isPending && close.mutate({ requestId: r.id, close: c })}
                busy={close.isPending && close.variables?.requestId === r.id}
              />
            ))}
          </Stack>
        )}
        {canRoom && live && (
          <form onSubmit={submit} aria-label="Raise a request">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label="Request"
                  placeholder="What the auditor needs"
                  required
                  value={form.title}
                  onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
                  error={errorFor('title')}
                  maxLength={300}
                  style={{ gridColumn: 'span 2' }}
                />
                <TextInput
                  label="Due date"
                  type="date"
                  value={form.dueDate}
                  onChange={(e) => setForm({ ...form, dueDate: e.currentTarget.value })}
                  error={errorFor('dueDate')}
                />
              </SimpleGrid>
              <Textarea
                label="Detail"
                autosize
                minRows={2}
                value={form.detail}
                onChange={(e) => setForm({ ...form, detail: e.currentTarget.value })}
                error={errorFor('detail')}
              />
              <FormError error={raise.error} placed={['title', 'detail', 'dueDate']} />
              <Group>
                <Button type="submit" loading={raise.isPending} disabled={!form.title.trim()}>
                  Raise request
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
      <AnswerDialog orgId={orgId} auditId={audit.id} request={answering} onClose={() => setAnswering(null)} />
    </SectionCard>
  );
}
