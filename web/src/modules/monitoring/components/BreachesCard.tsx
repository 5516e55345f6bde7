import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDateTime } from '../../../shared/ui/format';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type Breach, useBreaches, useResolveBreach } from '../hooks/useMonitoring';
import { BREACH_STATUS_LABELS, formatMetricValue } from '../labels';
import { NoteModal } from './NoteModal';

/** The new-nonconformity form with this breach as its source (clause 10.2: breaches feed the register). */
function raiseHref(orgId: string, breach: Breach): string {
  const sourceLabel = `Threshold breach since ${breach.startedAt.slice(0, 10)}`;
  return `/orgs/${orgId}/nonconformities/new?${new URLSearchParams({ sourceKind: 'monitoring-breach', sourceId: breach.id, sourceLabel })}`;
}

function BreachRow({ breach, onResolve, canRaise }: { breach: Breach; onResolve?: () => void; canRaise: boolean }) {
  const { org } = useOrg();
  const open = breach.status === 'open';
  return (
    <Stack gap={2} component="li" data-testid="breach" data-status={breach.status}>
      <Group gap="xs" justify="space-between" align="flex-start">
        <Group gap="xs" style={{ rowGap: 2 }}>
          <Badge color={open ? 'red' : 'gray'} variant="light" radius="sm">
            {BREACH_STATUS_LABELS[breach.status] ?? breach.status}
          </Badge>
          <Text size="sm">Since {formatDateTime(breach.startedAt)}</Text>
          <Text size="sm" c="dimmed">
            worst {formatMetricValue(breach.worstValue, breach.unit)}
          </Text>
        </Group>
        {open && onResolve && (
          <Button size="compact-sm" variant="light" onClick={onResolve}>
            Resolve
          </Button>
        )}
      </Group>
      {breach.endedAt && (
        <Text size="xs" c="dimmed">
          Back within the threshold {formatDateTime(breach.endedAt)}
        </Text>
      )}
      {breach.incidentId && (
        <Anchor component={Link} to={`/orgs/${org.id}/incidents/${breach.incidentId}`} size="xs">
          The incident opened for it
        </Anchor>
      )}
      {canRaise && (
        <Anchor component={Link} to={raiseHref(org.id, breach)} size="xs">
          Raise a nonconformity
        </Anchor>
      )}
      {breach.resolvedAt && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Resolved {formatDateTime(breach.resolvedAt)}
          {breach.resolvedBy ? ` by ${breach.resolvedBy.name}` : ''}
          {breach.resolutionNote ? `: ${breach.resolutionNote}` : ''}
        </Text>
      )}
    </Stack>
  );
}

/** A metric's breaches, open first, each open one resolvable with a note on what was done. */
export function BreachesCard({ metricId, canResolve }: { metricId: string; canResolve: boolean }) {
  const { org } = useOrg();
  const breaches = useBreaches(org.id, { metricId, limit: 200 });
  const resolve = useResolveBreach(org.id);
  const [resolving, setResolving] = useState<Breach | null>(null);
  return (
    <SectionCard title="Breaches" description="Times the values went beyond the threshold.">
      <QueryState query={breaches}>
        {({ items }) => {
          const open = items.filter((b) => b.status === 'open');
          const past = items.filter((b) => b.status !== 'open');
          if (items.length === 0)
            return (
              <Text size="sm" c="dimmed">
                None so far.
              </Text>
            );
          return (
            <Stack gap="md">
              {open.length > 0 && (
                <Stack gap="xs" component="ul" aria-label="Open breaches" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {open.map((b) => (
                    <BreachRow
                      key={b.id}
                      breach={b}
                      onResolve={canResolve ? () => setResolving(b) : undefined}
                      canRaise={canResolve}
                    />
                  ))}
                </Stack>
              )}
              {past.length > 0 && (
                <Stack gap="xs" component="ul" aria-label="Past breaches" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {past.map((b) => (
                    <BreachRow key={b.id} breach={b} canRaise={canResolve} />
                  ))}
                </Stack>
              )}
            </Stack>
          );
        }}
      </QueryState>
      <NoteModal
        opened={resolving !== null}
        title="Resolve the breach"
        intro={`Open since ${formatDateTime(resolving?.startedAt)}. Say what was done about it; the note stays with the breach.`}
        label="What was done"
        oneLine
        maxLength={2000}
        confirmLabel="Resolve"
        busy={resolve.isPending}
        error={resolve.error}
        onConfirm={(note) => resolve.mutateAsync({ breachId: resolving?.id ?? '', note })}
        onClose={() => {
          setResolving(null);
          resolve.reset();
        }}
      />
    </SectionCard>
  );
}
