import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { type OwnerDraft, OwnerInput, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { options } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { type Metric, type MetricInput, useCreateMetric, useUpdateMetric } from '../hooks/useMonitoring';
import { DIRECTION_LABELS, KIND_LABELS } from '../labels';
import { SystemSelect } from './SystemSelect';

type Kind = MetricInput['kind'];
type Direction = MetricInput['direction'];

interface Draft {
  aiSystemId: string | null;
  name: string;
  kind: Kind;
  unit: string;
  direction: Direction;
  threshold: number | string;
  reviewEveryDays: number | string;
  owner: OwnerDraft;
  openIncidentOnBreach: boolean;
  notes: string;
}

/** Sensible starting direction and unit per kind; the user may change both. */
const KIND_DEFAULTS: Partial<Record<Kind, { direction: Direction; unit: string }>> = {
  accuracy: { direction: 'higher-is-better', unit: '%' },
  drift: { direction: 'lower-is-better', unit: '' },
  'error-rate': { direction: 'lower-is-better', unit: '%' },
  fairness: { direction: 'higher-is-better', unit: '' },
  complaints: { direction: 'lower-is-better', unit: 'complaints' },
  'user-feedback': { direction: 'higher-is-better', unit: '' },
};

function draftOf(m: Metric | null, aiSystemId: string | null): Draft {
  return {
    aiSystemId: m?.aiSystemId ?? aiSystemId,
    name: m?.name ?? '',
    kind: m?.kind ?? 'accuracy',
    unit: m ? (m.unit ?? '') : '%',
    direction: m?.direction ?? 'higher-is-better',
    threshold: m?.threshold ?? '',
    reviewEveryDays: m?.reviewEveryDays ?? 30,
    owner: toOwnerDraft(m?.owner),
    openIncidentOnBreach: m?.openIncidentOnBreach ?? false,
    notes: m?.notes ?? '',
  };
}

const num = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

function bodyOf(d: Draft) {
  return {
    aiSystemId: d.aiSystemId ?? '',
    name: d.name.trim(),
    kind: d.kind,
    unit: d.unit.trim() || null,
    direction: d.direction,
    threshold: num(d.threshold),
    reviewEveryDays: num(d.reviewEveryDays),
    owner: toOwnerInput(d.owner),
    openIncidentOnBreach: d.openIncidentOnBreach,
    notes: d.notes.trim(),
  } as MetricInput;
}

/** What the conflict dialog compares: the fields an edit sends (not the AI system), the owner by name. */
const conflictView = ({ aiSystemId: _system, ...body }: Partial<MetricInput>) => ({ ...body, owner: body.owner?.name ?? null });

/**
 * Add or edit a metric: what is measured on which AI system, the threshold
 * that counts as a breach, and how often someone looks at it. An edit is
 * made on the version the form opened on (If-Match).
 */
export function MetricForm({
  metric,
  aiSystemId = null,
  readOnly,
  onSaved,
}: {
  metric: Metric | null;
  aiSystemId?: string | null;
  readOnly?: boolean;
  onSaved: (m: Metric) => void;
}) {
  const { org } = useOrg();
  const [draft, setDraft] = useState<Draft>(() => draftOf(metric, aiSystemId));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const { dirty, markClean } = useDirty(draft, !readOnly);
  const guard = useLeaveGuard(dirty);
  const versionRef = useRef(versionTag(metric?.updatedAt));
  const create = useCreateMetric(org.id);
  const update = useUpdateMetric(org.id, metric?.id ?? '', {
    mine: (vars) => conflictView(vars.body),
    theirs: (current) => conflictView(bodyOf(draftOf(current as Metric, null))),
    onReload: (current, etag) => {
      versionRef.current = etag;
      const next = draftOf(current as Metric, null);
      setDraft(next);
      markClean(next);
    },
    onOverwritten: (saved) => {
      guard.allowLeave();
      onSaved(saved);
    },
  });
  const mutation = metric ? update : create;
  const errorFor = mutation.errorFor;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(update.conflict ? null : mutation.error, formRef);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || mutation.isPending) return;
    const body = bodyOf(draft);
    try {
      const saved = metric
        ? await update.mutateAsync({ body: { ...body, aiSystemId: undefined }, ifMatch: versionRef.current })
        : await create.mutateAsync(body);
      markClean();
      guard.allowLeave();
      onSaved(saved);
    } catch {
      // the problem shows in FormError, a conflict in the ConflictDialog
    }
  };

  const placed = ['aiSystemId', 'name', 'kind', 'unit', 'direction', 'threshold', 'reviewEveryDays', 'notes'];
  return (
    <Paper withBorder p="lg" component="form" ref={formRef} onSubmit={submit}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={680}>
          <SystemSelect
            orgId={org.id}
            value={draft.aiSystemId}
            onChange={(v) => set('aiSystemId', v)}
            knownName={metric?.aiSystem.name}
            disabled={readOnly || !!metric}
            description={metric ? 'A metric stays with the AI system it was added to.' : 'The AI system this metric watches.'}
            error={errorFor('aiSystemId')}
            required
          />
          <TextInput
            label="Name"
            placeholder="Share of answers rated correct"
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errorFor('name')}
            maxLength={200}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Kind"
              data={options(KIND_LABELS)}
              value={draft.kind}
              allowDeselect={false}
              onChange={(v) => {
                const kind = (v ?? 'custom') as Kind;
                // a new metric takes the kind's usual direction and unit until the user sets them
                const defaults = !metric && !dirtyFields(draft) ? KIND_DEFAULTS[kind] : undefined;
                setDraft((d) => ({ ...d, kind, ...(defaults ?? {}) }));
              }}
              error={errorFor('kind')}
            />
            <TextInput
              label="Unit"
              placeholder="%, complaints, score"
              value={draft.unit}
              onChange={(e) => set('unit', e.currentTarget.value)}
              error={errorFor('unit')}
              maxLength={40}
            />
          </SimpleGrid>
          <Select
            label="Which way is good"
            data={options(DIRECTION_LABELS)}
            value={draft.direction}
            allowDeselect={false}
            onChange={(v) => set('direction', (v ?? 'higher-is-better') as Direction)}
            error={errorFor('direction')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Threshold"
              description={
                draft.direction === 'higher-is-better' ? 'A value below this is a breach.' : 'A value above this is a breach.'
              }
              value={draft.threshold}
              onChange={(v) => set('threshold', v)}
              error={errorFor('threshold')}
              decimalScale={6}
              required
            />
            <NumberInput
              label="Review every (days)"
              description="How often someone looks at this metric."
              value={draft.reviewEveryDays}
              onChange={(v) => set('reviewEveryDays', v)}
              error={errorFor('reviewEveryDays')}
              min={1}
              allowDecimal={false}
              required
            />
          </SimpleGrid>
          <OwnerInput
            label="Owner"
            value={draft.owner}
            onChange={(v) => set('owner', v)}
            error={errorFor('owner') ?? errorFor('owner.name') ?? errorFor('owner.userId')}
            emailError={errorFor('owner.email')}
          />
          <Checkbox
            label="Open an incident when the threshold is breached"
            checked={draft.openIncidentOnBreach}
            onChange={(e) => set('openIncidentOnBreach', e.currentTarget.checked)}
          />
          <Textarea
            label="Notes"
            description="How the value is measured, where it comes from."
            value={draft.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={errorFor('notes')}
            autosize
            minRows={2}
          />
          <FormError error={update.conflict ? null : mutation.error} placed={[...placed, 'owner', 'owner.name', 'owner.email']} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={mutation.isPending} disabled={!draft.aiSystemId}>
                {metric ? 'Save changes' : 'Add metric'}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
      <LeaveGuardModal guard={guard} what={metric ? metric.name : 'The new metric'} />
      {metric && <ConflictDialog what={`Metric ${metric.name}`} {...update.conflictDialog} />}
    </Paper>
  );
}

/** Whether the user has typed a unit or turned the direction (the kind's defaults then leave them alone). */
function dirtyFields(d: Draft): boolean {
  const current = KIND_DEFAULTS[d.kind] ?? { direction: 'higher-is-better', unit: '' };
  return d.unit !== current.unit || d.direction !== current.direction;
}
