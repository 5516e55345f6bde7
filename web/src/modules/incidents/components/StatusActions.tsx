import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { FormError } from '../../../shared/ui/FormError';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type Incident, useUpdateIncident } from '../hooks/useIncidents';
import { type IncidentStatus, STATUS_LABELS, statusNeeds } from '../labels';

const ACTIONS: { to: IncidentStatus; label: string; from: IncidentStatus[] }[] = [
  { to: 'contained', label: 'Contain', from: ['open'] },
  { to: 'resolved', label: 'Resolve', from: ['open', 'contained'] },
  { to: 'closed', label: 'Close', from: ['open', 'contained', 'resolved'] },
  { to: 'open', label: 'Reopen', from: ['contained', 'resolved', 'closed'] },
];

interface Texts {
  containment: string;
  rootCause: string;
  lessonsLearned: string;
  noCommunicationReason: string;
}

/**
 * Contain, resolve, close (or reopen) with what each step needs asked for in
 * the same dialog, and listed beforehand so nobody is surprised by a refusal.
 */
export function StatusActions({ orgId, incident, canWrite }: { orgId: string; incident: Incident; canWrite: boolean }) {
  const [target, setTarget] = useState<IncidentStatus | null>(null);
  const [texts, setTexts] = useState<Texts>(() => textsOf(incident));
  const update = useUpdateIncident(orgId, incident.id, undefined, 'Status changed');
  const errorFor = fieldErrorLookup(update.fieldErrors);
  const available = ACTIONS.filter((a) => a.from.includes(incident.status));
  const closeNeeds = statusNeeds(incident, 'closed');
  const high = incident.severity === 'high' || incident.severity === 'critical';
  const needsReason = target === 'closed' && high && incident.communications.length === 0;
  const pending = target ? statusNeeds({ ...incident, ...texts }, target) : [];

  const open = (to: IncidentStatus) => {
    setTexts(textsOf(incident));
    update.reset();
    setTarget(to);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!target || update.isPending) return;
    const body = {
      status: target,
      ...(target === 'contained' ? { containment: texts.containment } : {}),
      ...(target === 'closed'
        ? {
            rootCause: texts.rootCause,
            lessonsLearned: texts.lessonsLearned,
            ...(needsReason ? { noCommunicationReason: texts.noCommunicationReason.trim() || null } : {}),
          }
        : {}),
    };
    try {
      await update.mutateAsync({ body, ifMatch: versionTag(incident.updatedAt) });
      setTarget(null);
    } catch {
      // shown in the dialog
    }
  };
  const set = (k: keyof Texts) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setTexts((t) => ({ ...t, [k]: value }));
  };

  return (
    <SectionCard title="Status" description={`Now: ${STATUS_LABELS[incident.status]}.`}>
      {incident.status !== 'closed' && (
        <Text size="sm" c={closeNeeds.length ? 'orange.8' : 'teal.8'}>
          {closeNeeds.length ? `To close it, record ${joinWords(closeNeeds)}.` : 'Everything needed to close it is recorded.'}
        </Text>
      )}
      {canWrite && !incident.archivedAt && (
        <Group gap="sm">
          {available.map((a) => (
            <Button key={a.to} variant={a.to === 'closed' ? 'filled' : 'default'} size="sm" onClick={() => open(a.to)}>
              {a.label}
            </Button>
          ))}
        </Group>
      )}
      <Modal
        opened={target !== null}
        onClose={() => !update.isPending && setTarget(null)}
        title={target ? `${ACTIONS.find((a) => a.to === target)?.label} ${incident.number}` : ''}
        size="lg"
      >
        <form onSubmit={submit}>
          <Stack gap="sm">
            {pending.length > 0 && (
              <Alert color="orange" variant="light" title="Still needed">
                <List size="sm">
                  {pending.map((n) => (
                    <List.Item key={n}>{n}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {target === 'contained' && (
              <Textarea
                label="How it was contained"
                required
                autosize
                minRows={3}
                value={texts.containment}
                onChange={set('containment')}
                error={errorFor('containment')}
              />
            )}
            {target === 'closed' && (
              <>
                <Textarea
                  label="Root cause"
                  required
                  autosize
                  minRows={2}
                  value={texts.rootCause}
                  onChange={set('rootCause')}
                  error={errorFor('rootCause')}
                />
                <Textarea
                  label="Lessons learned"
                  required
                  autosize
                  minRows={2}
                  value={texts.lessonsLearned}
                  onChange={set('lessonsLearned')}
                  error={errorFor('lessonsLearned')}
                />
                {needsReason && (
                  <Textarea
                    label="Why no one had to be told"
                    description="A high or critical incident is closed with a communication to an interested party (add one on the incident's page) or a reason none was needed."
                    autosize
                    minRows={2}
                    value={texts.noCommunicationReason}
                    onChange={set('noCommunicationReason')}
                    error={errorFor('communications') ?? errorFor('noCommunicationReason')}
                  />
                )}
              </>
            )}
            {target === 'resolved' && (
              <Text size="sm">The cause is fixed; the incident stays open for its review until it is closed.</Text>
            )}
            {target === 'open' && <Text size="sm">The incident is handled again; the timeline keeps every earlier step.</Text>}
            <FormError error={update.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setTarget(null)} disabled={update.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={update.isPending} disabled={pending.length > 0}>
                {target ? `${ACTIONS.find((a) => a.to === target)?.label}` : ''}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </SectionCard>
  );
}

function textsOf(i: Incident): Texts {
  return {
    containment: i.containment,
    rootCause: i.rootCause,
    lessonsLearned: i.lessonsLearned,
    noCommunicationReason: i.noCommunicationReason ?? '',
  };
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
