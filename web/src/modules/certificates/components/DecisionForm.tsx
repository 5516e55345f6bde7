import { Alert, Button, Group, List, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { FormError } from '../../../shared/ui/FormError';
import { formatDate, options, todayIso } from '../../../shared/ui/format';
import { type DecisionOutcome, OUTCOME_LABELS } from '../labels';
import { useDecidableAudits, useDecisionCheck, useRecordDecision } from '../hooks/useCertificates';
import { CyclePreview } from './CyclePreview';

/**
 * Record the certification body's decision on a Stage 2, recertification or
 * special audit. While the form is open it asks the API what a grant would
 * meet: the major nonconformities that still block it, and rule C's warning.
 */
export function DecisionForm({ onDone }: { onDone: () => void }) {
  const { org } = useOrg();
  const audits = useDecidableAudits(org.id);
  const [auditId, setAuditId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<DecisionOutcome>('granted');
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [decidedBy, setDecidedBy] = useState('');
  const [notes, setNotes] = useState('');
  const check = useDecisionCheck(org.id, auditId, /^\d{4}-\d{2}-\d{2}$/.test(decidedOn) ? decidedOn : null);
  const record = useRecordDecision(org.id);
  const errorFor = record.errorFor;
  const blocking = check.data?.blockingNonconformities ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (record.isPending || !auditId) return;
    record.mutate({ auditId, outcome, decidedOn, decidedBy, notes }, { onSuccess: onDone });
  };

  const auditOptions = (audits.data ?? []).map((a) => ({ value: a.id, label: `${a.label} (${formatDate(a.endDate)})` }));

  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-label="Record a certification decision">
      <Stack gap="md">
        <Title order={2} fz="md">
          Record the certification decision
        </Title>
        {audits.data && auditOptions.length === 0 && (
          <Alert color="blue" variant="light">
            Record the Stage 2 (or recertification) audit first:{' '}
            <Link to={`/orgs/${org.id}/certification-audits`}>certification audits</Link>.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Audit decided on"
            required
            data={auditOptions}
            value={auditId}
            onChange={setAuditId}
            error={errorFor('body.auditId')}
            placeholder="Choose the audit"
          />
          <Select
            label="Outcome"
            required
            data={options(OUTCOME_LABELS)}
            value={outcome}
            onChange={(v) => setOutcome((v as DecisionOutcome | null) ?? 'granted')}
            error={errorFor('body.outcome')}
            allowDeselect={false}
          />
          <TextInput
            label="Decided on"
            type="date"
            required
            value={decidedOn}
            onChange={(e) => setDecidedOn(e.currentTarget.value)}
            error={errorFor('body.decidedOn')}
          />
          <TextInput
            label="Decided by"
            description="Who decided at the certification body"
            required
            value={decidedBy}
            onChange={(e) => setDecidedBy(e.currentTarget.value)}
            error={errorFor('body.decidedBy')}
          />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        {outcome === 'granted' && blocking.length > 0 && (
          <Alert color="red" variant="light" title="Certification cannot be granted yet" role="alert">
            <Text size="sm">These major nonconformities are not closed:</Text>
            <List size="sm">
              {blocking.map((n) => (
                <List.Item key={n}>{n}</List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              Close them in <Link to={`/orgs/${org.id}/nonconformities?open=true`}>nonconformities</Link> once the body has
              accepted the corrections.
            </Text>
          </Alert>
        )}
        {(check.data?.warnings ?? []).map((w) => (
          <Alert key={w} color="yellow" variant="light" title="Tell the certification body" role="status">
            {w}
          </Alert>
        ))}
        {outcome === 'granted' && check.data && blocking.length === 0 && <CyclePreview cycle={check.data.cycle} />}
        <FormError error={record.error} placed={['body.auditId', 'body.outcome', 'body.decidedOn', 'body.decidedBy']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending} disabled={!auditId}>
            Record decision
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
