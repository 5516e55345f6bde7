import { Box, Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { AiSystemPicker } from '../../../shared/org/AiSystemPicker';
import { FormError } from '../../../shared/ui/FormError';
import { options } from '../../../shared/ui/format';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { type Concern, type TriageInput, useRiskMethod, useTriageConcern } from '../hooks/useConcerns';
import { SEVERITY_LABELS, type Severity } from './labels';

type Outcome = TriageInput['outcome'];

interface Draft {
  outcome: Outcome;
  severity: Severity | null;
  title: string;
  aiSystemId: string | null;
  /** risk: '' until the method is loaded (then its first source in use) */
  sourceCategory: string;
  likelihood: string;
  impact: string;
  reason: string;
}

const ACTION: Record<Outcome, string> = {
  incident: 'Open incident',
  risk: 'Add to risk register',
  closed: 'Close concern',
};

function bodyOf(d: Draft): TriageInput {
  const title = d.title.trim() || undefined;
  if (d.outcome === 'incident') return { outcome: 'incident', severity: d.severity as Severity, title };
  if (d.outcome === 'risk')
    return {
      outcome: 'risk',
      title,
      ...(d.aiSystemId ? { aiSystemId: d.aiSystemId } : {}),
      ...(d.sourceCategory ? { sourceCategory: d.sourceCategory } : {}),
      ...(d.likelihood ? { inherentLikelihood: Number(d.likelihood) } : {}),
      ...(d.impact ? { inherentImpact: Number(d.impact) } : {}),
    };
  return { outcome: 'closed', reason: d.reason };
}

/** A reviewer's decision on a concern: an incident, a risk, or closed with a reason. Once. */
export function TriageForm({ orgId, concern }: { orgId: string; concern: Concern }) {
  const initial = useMemo<Draft>(
    () => ({
      outcome: 'incident',
      severity: null,
      title: '',
      aiSystemId: concern.aiSystem?.id ?? null,
      sourceCategory: '',
      likelihood: '',
      impact: '',
      reason: '',
    }),
    [concern.aiSystem?.id],
  );
  const [draft, setDraft] = useState<Draft>(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const { dirty, markClean } = useDirty(draft);
  const guard = useLeaveGuard(dirty);
  const triage = useTriageConcern(orgId, concern.id);
  const method = useRiskMethod(orgId, draft.outcome === 'risk');
  const m = method.data?.content;
  const sources = (m?.riskSources ?? []).filter((s) => s.inUse).map((s) => ({ value: s.id, label: s.name }));
  const scale = (points: { value: number; label: string }[] | undefined) =>
    (points ?? []).map((p) => ({ value: String(p.value), label: `${p.value} · ${p.label}` }));
  const middle = (points: unknown[] | undefined) => (points?.length ? String(Math.ceil(points.length / 2)) : '');
  // what the server would use when nothing is chosen, shown as the choice
  const risk = {
    sourceCategory: draft.sourceCategory || sources[0]?.value || '',
    likelihood: draft.likelihood || middle(m?.likelihood),
    impact: draft.impact || middle(m?.impact),
  };
  const errorFor = triage.errorFor;
  const formRef = useRef<HTMLFormElement>(null);
  // a double click sends once: the pending state is only seen after a render
  const busy = useRef(false);
  useFocusFirstError(triage.error, formRef);
  const labels = useMemo(
    () => new Map(concern.aiSystem ? [[concern.aiSystem.id, concern.aiSystem.name]] : []),
    [concern.aiSystem],
  );
  const ready =
    draft.outcome === 'incident' ? !!draft.severity : draft.outcome === 'risk' ? !!draft.aiSystemId : !!draft.reason.trim();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy.current || triage.isPending || !ready) return;
    busy.current = true;
    try {
      await triage.mutateAsync(bodyOf(draft.outcome === 'risk' ? { ...draft, ...risk } : draft));
      markClean();
    } catch {
      // shown in FormError and next to the fields
    } finally {
      busy.current = false;
    }
  };

  return (
    <Box component="form" ref={formRef} onSubmit={submit} aria-label="Triage">
      <Stack gap="md" maw={640}>
        <SegmentedControl
          value={draft.outcome}
          onChange={(v) => set('outcome', v as Outcome)}
          data={[
            { value: 'incident', label: 'Incident' },
            { value: 'risk', label: 'Risk' },
            { value: 'closed', label: 'Close' },
          ]}
          aria-label="Outcome"
        />
        {draft.outcome === 'incident' && (
          <>
            <Text size="sm" c="dimmed">
              Something went wrong: open an incident with this concern as its source.
            </Text>
            <Select
              label="Severity"
              data={options(SEVERITY_LABELS)}
              value={draft.severity}
              onChange={(v) => set('severity', v as Severity | null)}
              error={errorFor('severity')}
              required
              w={240}
              comboboxProps={{ withinPortal: true }}
            />
          </>
        )}
        {draft.outcome === 'risk' && (
          <>
            <Text size="sm" c="dimmed">
              Nothing went wrong yet, but it could: add a risk to the register. It starts open, scored at the middle of the risk
              method's scales; assess it on the risk's page.
            </Text>
            <AiSystemPicker
              orgId={orgId}
              label="AI system"
              description={concern.aiSystem ? undefined : 'A risk is about an AI system: the concern names none.'}
              maxValues={1}
              labels={labels}
              value={draft.aiSystemId ? [draft.aiSystemId] : []}
              onChange={(ids) => set('aiSystemId', ids[ids.length - 1] ?? null)}
              error={errorFor('aiSystemId') ?? errorFor('aiSystemIds')}
              required
            />
            <Select
              label="Risk source"
              data={sources}
              value={risk.sourceCategory || null}
              onChange={(v) => set('sourceCategory', v ?? '')}
              error={errorFor('sourceCategory')}
              disabled={!m}
              comboboxProps={{ withinPortal: true }}
            />
            <Group grow wrap="wrap" align="flex-start">
              <Select
                label="Likelihood"
                data={scale(m?.likelihood)}
                value={risk.likelihood || null}
                onChange={(v) => set('likelihood', v ?? '')}
                error={errorFor('inherentLikelihood')}
                disabled={!m}
                miw={150}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label="Impact"
                data={scale(m?.impact)}
                value={risk.impact || null}
                onChange={(v) => set('impact', v ?? '')}
                error={errorFor('inherentImpact')}
                disabled={!m}
                miw={150}
                comboboxProps={{ withinPortal: true }}
              />
            </Group>
          </>
        )}
        {draft.outcome !== 'closed' && (
          <TextInput
            label="Title"
            placeholder={`${concern.number}: first line of the concern`}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorFor('title')}
            maxLength={300}
          />
        )}
        {draft.outcome === 'closed' && (
          <Textarea
            label="Why is it closed?"
            description="The person who raised it reads this."
            value={draft.reason}
            onChange={(e) => set('reason', e.currentTarget.value)}
            error={errorFor('reason')}
            autosize
            minRows={2}
            maxLength={2000}
            required
          />
        )}
        <FormError
          error={triage.error}
          placed={[
            'severity',
            'title',
            'aiSystemId',
            'aiSystemIds',
            'sourceCategory',
            'inherentLikelihood',
            'inherentImpact',
            'reason',
          ]}
        />
        <Group>
          <Button type="submit" loading={triage.isPending} disabled={!ready}>
            {ACTION[draft.outcome]}
          </Button>
        </Group>
      </Stack>
      <LeaveGuardModal guard={guard} what="The triage" />
    </Box>
  );
}
