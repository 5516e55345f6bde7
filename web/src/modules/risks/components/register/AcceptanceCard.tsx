import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useOrg } from '../../../../app/orgs/OrgContext';
import { useMembers } from '../../../../shared/org/orgData';
import { fieldErrorLookup } from '../../../../shared/problem';
import { versionTag } from '../../../../shared/register';
import { ConflictDialog } from '../../../../shared/ui/ConflictDialog';
import { FormError } from '../../../../shared/ui/FormError';
import { formatDate, todayIso } from '../../../../shared/ui/format';
import { LeaveGuardModal } from '../../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../../shared/ui/SectionCard';
import { useDirty, useLeaveGuard } from '../../../../shared/ui/useLeaveGuard';
import type { RiskMethodContent } from '../../hooks/useRiskMethod';
import { type RiskDetail, useUpdateRisk } from '../../hooks/useRisks';

const ROLE_WORDS: Record<string, string> = { owner: 'owners', admin: 'admins', editor: 'editors', contributor: 'contributors' };

/**
 * Who accepted the risk that remains, when and why. Above the method's
 * threshold only its acceptance roles may; the server checks the member's role.
 */
export function AcceptanceCard({
  risk,
  method,
  canWrite,
}: {
  risk: RiskDetail;
  method: RiskMethodContent | null;
  canWrite: boolean;
}) {
  const { org } = useOrg();
  const members = useMembers(org.id);
  const [open, setOpen] = useState(false);
  const empty = { acceptedBy: null as string | null, acceptedAt: todayIso(), reason: '' };
  const [draft, setDraft] = useState(empty);
  const { dirty } = useDirty(draft, open);
  const guard = useLeaveGuard(open && dirty);
  const update = useUpdateRisk(org.id, risk.id, { mine: (vars) => vars.body, onReload: () => setOpen(false) });
  const errorFor = fieldErrorLookup(update.fieldErrors, 'acceptance.');
  const allowed = method?.acceptance.acceptAboveBy.map((r) => ROLE_WORDS[r] ?? r).join(' and ');
  const threshold = method?.levels.find((l) => l.id === method.acceptance.maxAcceptableLevel)?.name;
  const writable = canWrite && !risk.archivedAt;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    update.mutate(
      {
        body: {
          acceptance: { acceptedBy: { userId: draft.acceptedBy, name: '' }, acceptedAt: draft.acceptedAt, reason: draft.reason },
          status: 'accepted',
        },
        ifMatch: versionTag(risk.updatedAt),
      },
      {
        onSuccess: () => {
          guard.allowLeave();
          setOpen(false);
          setDraft(empty);
        },
      },
    );
  };
  const withdraw = () =>
    update.mutate({
      body: { acceptance: null, ...(risk.status === 'accepted' ? { status: 'open' as const } : {}) },
      ifMatch: versionTag(risk.updatedAt),
    });

  return (
    <SectionCard
      title="Acceptance"
      description={
        risk.aboveThreshold
          ? `Above the acceptance threshold (${threshold ?? '—'}): the remaining risk needs treatment, or acceptance by ${allowed ?? 'the roles the method names'}.`
          : `At or below the acceptance threshold (${threshold ?? '—'}): the risk owner may accept what remains.`
      }
    >
      {risk.acceptance ? (
        <Stack gap={4}>
          <Text size="sm">
            Accepted by <strong>{risk.acceptance.acceptedBy.name}</strong> on {formatDate(risk.acceptance.acceptedAt)}.
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {risk.acceptance.reason}
          </Text>
          {writable && (
            <Group>
              <Button size="xs" variant="default" onClick={withdraw} loading={update.isPending}>
                Withdraw acceptance
              </Button>
            </Group>
          )}
        </Stack>
      ) : open ? (
        <form onSubmit={submit} noValidate aria-label="Record acceptance">
          <Stack gap="sm">
            <Group grow align="flex-start">
              <Select
                label="Accepted by"
                required
                searchable
                data={(members.data?.items ?? []).map((m) => ({ value: m.userId, label: `${m.name} (${m.role})` }))}
                value={draft.acceptedBy}
                onChange={(v) => setDraft({ ...draft, acceptedBy: v })}
                error={errorFor('acceptedBy') ?? errorFor('acceptedBy.userId')}
              />
              <TextInput
                type="date"
                label="On"
                required
                value={draft.acceptedAt}
                onChange={(e) => setDraft({ ...draft, acceptedAt: e.currentTarget.value })}
                error={errorFor('acceptedAt')}
              />
            </Group>
            <Textarea
              label="Why the remaining risk is acceptable"
              required
              autosize
              minRows={2}
              value={draft.reason}
              onChange={(e) => setDraft({ ...draft, reason: e.currentTarget.value })}
              error={errorFor('reason')}
              maxLength={2000}
            />
            {!update.conflict && <FormError error={update.error} placed={['acceptance']} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={update.isPending}>
                Record acceptance
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            Not accepted.
          </Text>
          {writable && (
            <Group>
              <Button size="xs" variant="light" onClick={() => setOpen(true)}>
                Record acceptance
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {update.error && !open && !update.conflict && (
        <Alert color="red" variant="light">
          <FormError error={update.error} />
        </Alert>
      )}
      <LeaveGuardModal guard={guard} what="The acceptance" />
      <ConflictDialog what={`Risk ${risk.number}`} {...update.conflictDialog} />
    </SectionCard>
  );
}
