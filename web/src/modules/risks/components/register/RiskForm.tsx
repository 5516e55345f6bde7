import { Group, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useOrg } from '../../../../app/orgs/OrgContext';
import { api, unwrap } from '../../../../shared/api';
import { AiSystemPicker } from '../../../../shared/org/AiSystemPicker';
import { OwnerInput, toOwnerDraft, toOwnerInput } from '../../../../shared/org/OwnerInput';
import { fieldErrorLookup } from '../../../../shared/problem';
import { versionTag } from '../../../../shared/register';
import { ConflictDialog } from '../../../../shared/ui/ConflictDialog';
import { FormError } from '../../../../shared/ui/FormError';
import { options } from '../../../../shared/ui/format';
import { LeaveGuardModal } from '../../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../../shared/ui/SectionCard';
import { useFocusFirstError } from '../../../../shared/ui/useFocusFirstError';
import { useDirty, useLeaveGuard } from '../../../../shared/ui/useLeaveGuard';
import { useSupplierOptions } from '../../../suppliers';
import type { RiskMethodContent } from '../../hooks/useRiskMethod';
import { type Risk, type RiskDetail, type RiskInput, useCreateRisk, useUpdateRisk } from '../../hooks/useRisks';
import { STATUS_LABELS, type RiskStatus, TREATMENT_LABELS, type TreatmentOption } from '../../labels';
import { LevelBadge } from './LevelBadge';
import { FormActions } from '../../../../shared/ui/FormActions';

const PLACED = [
  'title',
  'aiSystemIds',
  'supplierIds',
  'sourceCategory',
  'cause',
  'event',
  'consequence',
  'owner',
  'inherentLikelihood',
  'inherentImpact',
  'treatmentOption',
  'residualLikelihood',
  'residualImpact',
  'nextReviewDate',
  'status',
];

interface Props {
  risk: RiskDetail | null;
  method: RiskMethodContent;
  /** AI systems a new risk starts with (from an AI system's page) */
  initialAiSystemIds?: string[];
  onSaved: (r: Risk) => void;
  onCancel: () => void;
}

const str = (n: number | null | undefined) => (n ? String(n) : null);

function formOf(r: RiskDetail | null, initialAiSystemIds: string[]) {
  return {
    title: r?.title ?? '',
    aiSystemIds: r ? r.aiSystems.map((s) => s.id) : initialAiSystemIds,
    supplierIds: r ? r.suppliers.map((s) => s.id) : ([] as string[]),
    sourceCategory: r?.sourceCategory ?? null,
    cause: r?.cause ?? '',
    event: r?.event ?? '',
    consequence: r?.consequence ?? '',
    owner: toOwnerDraft(r?.owner),
    inherentLikelihood: str(r?.inherentLikelihood),
    inherentImpact: str(r?.inherentImpact),
    treatmentOption: (r?.treatmentOption ?? null) as string | null,
    residualLikelihood: str(r?.residualLikelihood),
    residualImpact: str(r?.residualImpact),
    nextReviewDate: r?.nextReviewDate ?? '',
    status: (r?.status ?? 'open') as string,
  };
}
type Form = ReturnType<typeof formOf>;

/** A level of a likelihood and impact pair as the method's matrix gives it, or null. */
function levelOf(m: RiskMethodContent, l: string | null, i: string | null) {
  if (!l || !i) return null;
  return m.matrix[Number(l) - 1]?.[Number(i) - 1] ?? null;
}

/** Labels of the AI systems a risk names: from the risk, else looked up (a new risk from an AI system's page). */
function useSystemLabels(orgId: string, risk: RiskDetail | null, ids: string[]) {
  const known = new Map(risk?.aiSystems.map((s) => [s.id, s.name]) ?? []);
  const unknown = ids.filter((id) => !known.has(id));
  const lookup = useQuery({
    queryKey: ['orgs', orgId, 'ai-systems', 'labels', unknown],
    enabled: unknown.length > 0,
    queryFn: async () =>
      Promise.all(
        unknown.map((id) =>
          unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}', { params: { path: { orgId, aiSystemId: id } } })),
        ),
      ),
  });
  for (const s of lookup.data ?? []) known.set(s.id, s.name);
  return known;
}

export function RiskForm({ risk, method, initialAiSystemIds = [], onSaved, onCancel }: Props) {
  const { org } = useOrg();
  const [form, setForm] = useState<Form>(() => formOf(risk, initialAiSystemIds));
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const { dirty, markClean } = useDirty(form);
  const guard = useLeaveGuard(dirty);
  const versionRef = useRef(versionTag(risk?.updatedAt));
  const labels = useSystemLabels(org.id, risk, form.aiSystemIds);

  const suppliers = useSupplierOptions(org.id);
  const supplierData = [
    ...(suppliers.data ?? []),
    ...(risk?.suppliers ?? [])
      .filter((s) => !suppliers.data?.some((o) => o.value === s.id))
      .map((s) => ({ value: s.id, label: s.name })),
  ];
  const create = useCreateRisk(org.id);
  const update = useUpdateRisk(org.id, risk?.id ?? '', {
    mine: (vars) => vars.body,
    onReload: (current, etag) => {
      versionRef.current = etag;
      const next = formOf(current as RiskDetail, []);
      setForm(next);
      markClean(next);
    },
    onOverwritten: (saved) => {
      guard.allowLeave();
      onSaved(saved);
    },
  });
  const pending = create.isPending || update.isPending;
  const error = risk ? update.error : create.error;
  const errorFor = fieldErrorLookup(risk ? update.fieldErrors : create.fieldErrors);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(update.conflict ? null : error, formRef);

  const likelihood = method.likelihood.map((p) => ({ value: String(p.value), label: `${p.value} · ${p.label}` }));
  const impact = method.impact.map((p) => ({ value: String(p.value), label: `${p.value} · ${p.label}` }));
  const describe = (axis: 'likelihood' | 'impact', v: string | null) =>
    v ? method[axis].find((p) => String(p.value) === v)?.descriptor : undefined;
  const impactDetail = (v: string | null) => {
    const point = v ? method.impact.find((p) => String(p.value) === v) : undefined;
    if (!point) return undefined;
    return method.impactDimensions
      .filter((d) => point.dimensions[d.id])
      .map((d) => `${d.name}: ${point.dimensions[d.id]}`)
      .join(' · ');
  };
  const inherent = levelOf(method, form.inherentLikelihood, form.inherentImpact);
  const residual = levelOf(method, form.residualLikelihood, form.residualImpact);
  const sources = method.riskSources.filter((s) => s.inUse || s.id === risk?.sourceCategory);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const num = (v: string | null) => (v ? Number(v) : null);
    const body: RiskInput = {
      title: form.title.trim(),
      aiSystemIds: form.aiSystemIds,
      supplierIds: form.supplierIds,
      sourceCategory: form.sourceCategory ?? '',
      cause: form.cause,
      event: form.event,
      consequence: form.consequence,
      owner: toOwnerInput(form.owner),
      inherentLikelihood: num(form.inherentLikelihood) ?? 0,
      inherentImpact: num(form.inherentImpact) ?? 0,
      treatmentOption: (form.treatmentOption ?? null) as RiskInput['treatmentOption'],
      residualLikelihood: num(form.residualLikelihood),
      residualImpact: num(form.residualImpact),
      nextReviewDate: form.nextReviewDate || null,
      status: form.status as RiskInput['status'],
    };
    const done = (r: Risk) => {
      guard.allowLeave();
      onSaved(r);
    };
    if (risk) update.mutate({ body, ifMatch: versionRef.current }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={risk ? `Edit ${risk.number}` : 'New risk'}>
      <Stack>
        <SectionCard title="The risk" description="What could happen, to which AI systems, and why.">
          <TextInput
            label="Title"
            required
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorFor('title')}
            maxLength={300}
          />
          <AiSystemPicker
            orgId={org.id}
            description="The AI systems this risk is about (at least one)."
            required
            labels={labels}
            value={form.aiSystemIds}
            onChange={(v) => set('aiSystemIds', v)}
            error={errorFor('aiSystemIds')}
          />
          <MultiSelect
            label="Suppliers"
            description="Suppliers whose platform, model or data the risk comes through, where relevant."
            searchable
            data={supplierData}
            value={form.supplierIds}
            onChange={(v) => set('supplierIds', v)}
            error={errorFor('supplierIds')}
            nothingFoundMessage="No supplier matches"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Risk source"
            description="The AI risk source of the risk method this risk comes from."
            required
            data={sources.map((s) => ({ value: s.id, label: s.name }))}
            value={form.sourceCategory}
            onChange={(v) => set('sourceCategory', v)}
            error={errorFor('sourceCategory')}
            searchable
          />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {(['cause', 'event', 'consequence'] as const).map((k) => (
              <Textarea
                key={k}
                label={k === 'cause' ? 'Cause' : k === 'event' ? 'Event' : 'Consequence'}
                description={
                  k === 'cause'
                    ? 'Why it could happen (data, model, use).'
                    : k === 'event'
                      ? 'What would happen.'
                      : 'Who is harmed, and how.'
                }
                autosize
                minRows={3}
                value={form[k]}
                onChange={(e) => set(k, e.currentTarget.value)}
                error={errorFor(k)}
                maxLength={4000}
              />
            ))}
          </SimpleGrid>
          <OwnerInput
            label="Risk owner"
            value={form.owner}
            onChange={(o) => set('owner', o)}
            error={errorFor('owner')}
            withEmail={false}
          />
        </SectionCard>
        <SectionCard title="Inherent risk" description="Before any treatment, on the method's scales.">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Likelihood"
              required
              data={likelihood}
              value={form.inherentLikelihood}
              onChange={(v) => set('inherentLikelihood', v)}
              description={describe('likelihood', form.inherentLikelihood) ?? 'How likely, as the method describes it.'}
              error={errorFor('inherentLikelihood')}
            />
            <Select
              label="Impact"
              required
              data={impact}
              value={form.inherentImpact}
              onChange={(v) => set('inherentImpact', v)}
              description={impactDetail(form.inherentImpact) ?? 'How bad, for people affected and for the organization.'}
              error={errorFor('inherentImpact')}
            />
          </SimpleGrid>
          <Group gap="xs" aria-live="polite">
            <Text size="sm">Inherent level:</Text>
            <LevelBadge level={inherent} levels={method.levels} empty="choose likelihood and impact" />
          </Group>
        </SectionCard>
        <SectionCard title="Treatment and residual risk" description="What is done about it, and what remains once it is done.">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Treatment option"
              clearable
              data={options(TREATMENT_LABELS)}
              value={form.treatmentOption}
              onChange={(v) => set('treatmentOption', v as TreatmentOption | null)}
              error={errorFor('treatmentOption')}
            />
            <Select
              label="Status"
              data={options(STATUS_LABELS)}
              value={form.status}
              onChange={(v) => set('status', (v ?? 'open') as RiskStatus)}
              error={errorFor('status')}
              description="“Accepted” needs an acceptance, recorded on the risk's page."
            />
            <Select
              label="Residual likelihood"
              clearable
              data={likelihood}
              value={form.residualLikelihood}
              onChange={(v) => set('residualLikelihood', v)}
              description={describe('likelihood', form.residualLikelihood)}
              error={errorFor('residualLikelihood')}
            />
            <Select
              label="Residual impact"
              clearable
              data={impact}
              value={form.residualImpact}
              onChange={(v) => set('residualImpact', v)}
              description={impactDetail(form.residualImpact)}
              error={errorFor('residualImpact')}
            />
          </SimpleGrid>
          <Group gap="xs" aria-live="polite">
            <Text size="sm">Residual level:</Text>
            <LevelBadge level={residual} levels={method.levels} empty="not assessed" />
          </Group>
          <TextInput
            type="date"
            label="Next review"
            description={
              risk ? undefined : `Left empty, in ${method.reviewIntervalMonths} months (the method's review interval).`
            }
            value={form.nextReviewDate}
            onChange={(e) => set('nextReviewDate', e.currentTarget.value)}
            error={errorFor('nextReviewDate')}
            w={220}
          />
        </SectionCard>
        {!update.conflict && <FormError error={error} placed={PLACED} />}
        <FormActions
          note={risk ? 'Changes are recorded in the risk’s history; levels are computed from the risk method.' : ''}
          submitLabel={risk ? 'Save changes' : 'Add risk'}
          pending={pending}
          onCancel={onCancel}
        />
      </Stack>
      <LeaveGuardModal guard={guard} what={risk ? risk.number : 'The new risk'} />
      {risk && <ConflictDialog what={`Risk ${risk.number}`} {...update.conflictDialog} />}
    </form>
  );
}
