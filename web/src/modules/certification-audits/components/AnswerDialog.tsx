import { Button, Group, Modal, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { fieldErrorLookup } from '../../../shared/problem';
import { FormError } from '../../../shared/ui/FormError';
import { options } from '../../../shared/ui/format';
import { type AuditRequest, useAnswerRequest, useRecordChoices } from '../hooks/useCertificationAudits';
import { LINK_KIND_LABELS } from '../labels';

interface Picked {
  type: string;
  id: string;
  label: string;
}

/** Records of one kind, searched on the server, added to the answer's links. */
function KindPicker({
  orgId,
  kind,
  value,
  onChange,
}: {
  orgId: string;
  kind: string;
  value: Picked[];
  onChange: (v: Picked[]) => void;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useRecordChoices(orgId, kind, q);
  const seen = useRef(new Map<string, string>());
  for (const c of found.data ?? []) seen.current.set(c.value, c.label);
  const mine = value.filter((v) => v.type === kind);
  const data = useMemo(() => {
    const all = new Map(mine.map((v) => [v.id, v.label]));
    for (const c of found.data ?? []) if (!all.has(c.value)) all.set(c.value, c.label);
    return [...all].map(([v, label]) => ({ value: v, label }));
  }, [mine, found.data]);
  return (
    <MultiSelect
      label={`${LINK_KIND_LABELS[kind]} records`}
      placeholder="Search by number or title"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={mine.map((v) => v.id)}
      onChange={(ids) =>
        onChange([
          ...value.filter((v) => v.type !== kind),
          ...ids.map((id) => ({ type: kind, id, label: seen.current.get(id) ?? mine.find((m) => m.id === id)?.label ?? id })),
        ])
      }
      nothingFoundMessage={found.isFetching ? 'Loading…' : 'Nothing matches'}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The organization's answer to a request: a note and the records that answer it. */
export function AnswerDialog({
  orgId,
  auditId,
  request,
  onClose,
}: {
  orgId: string;
  auditId: string;
  request: AuditRequest | null;
  onClose: () => void;
}) {
  const answer = useAnswerRequest(orgId, auditId);
  const [note, setNote] = useState('');
  const [kind, setKind] = useState('risk');
  const [links, setLinks] = useState<Picked[]>([]);
  const errorFor = fieldErrorLookup(answer.fieldErrors);
  const close = () => {
    setNote('');
    setLinks([]);
    answer.reset();
    onClose();
  };
  const submit = () => {
    if (!request || answer.isPending || !note.trim()) return;
    answer.mutate(
      { requestId: request.id, body: { note: note.trim(), links: links.map(({ type, id }) => ({ type, id })) } },
      { onSuccess: close },
    );
  };
  return (
    <Modal
      opened={request !== null}
      onClose={close}
      title={request ? `Answer ${request.number}: ${request.title}` : ''}
      size="lg"
    >
      <Stack gap="sm">
        <Textarea
          label="Answer"
          required
          autosize
          minRows={3}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errorFor('note')}
          data-autofocus
        />
        <Select
          label="Link records from"
          data={options(LINK_KIND_LABELS)}
          value={kind}
          allowDeselect={false}
          onChange={(v) => v && setKind(v)}
          comboboxProps={{ withinPortal: true }}
        />
        <KindPicker orgId={orgId} kind={kind} value={links} onChange={setLinks} />
        {links.length > 0 && (
          <MultiSelect
            label="Linked records"
            data={links.map((l) => ({ value: `${l.type}:${l.id}`, label: `${LINK_KIND_LABELS[l.type] ?? l.type}: ${l.label}` }))}
            value={links.map((l) => `${l.type}:${l.id}`)}
            onChange={(keys) => setLinks(links.filter((l) => keys.includes(`${l.type}:${l.id}`)))}
            aria-label="Linked records"
          />
        )}
        <FormError error={answer.error} placed={['note']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={submit} loading={answer.isPending} disabled={!note.trim()}>
            Send answer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
