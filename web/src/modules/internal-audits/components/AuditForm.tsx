import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useRecordDraft, useRecordSubmit } from '../../../shared/register';
import { useMemo } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { AiSystemPicker } from '../../../shared/org/AiSystemPicker';
import { toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { type AuditInput, type InternalAudit, useCreateAudit, useUpdateAudit } from '../hooks/useInternalAudits';
import { AREA_KIND_LABELS, DEFAULT_CRITERIA } from '../labels';
import { type AuditorDraft, AuditorsInput, auditorKey } from './AuditorsInput';
import { type PickedRecord, RecordPicker } from './RecordPicker';
import { ScopePicker } from './ScopePicker';

type AreaKind = 'ai-system' | 'document' | 'role' | 'control';
const AREA_ORDER: AreaKind[] = ['ai-system', 'document', 'role', 'control'];
const PLACED = ['title', 'scope', 'requirementIds', 'criteria', 'plannedStart', 'plannedEnd', 'areas', 'auditors'];

interface Draft {
  title: string;
  scope: string;
  requirementIds: string[];
  criteria: string;
  plannedStart: string;
  plannedEnd: string;
  auditors: AuditorDraft[];
  areas: Record<AreaKind, PickedRecord[]>;
}

function draftOf(a: InternalAudit | null): Draft {
  const areas = Object.fromEntries(AREA_ORDER.map((k) => [k, [] as PickedRecord[]])) as Draft['areas'];
  for (const x of a?.areas ?? []) areas[x.type as AreaKind]?.push({ type: x.type, id: x.id, label: x.label });
  return {
    title: a?.title ?? '',
    scope: a?.scope ?? '',
    requirementIds: a?.requirementIds ?? [],
    criteria: a?.criteria ?? DEFAULT_CRITERIA,
    plannedStart: a?.plannedStart ?? '',
    plannedEnd: a?.plannedEnd ?? '',
    auditors: a?.auditors.map((x) => ({ ...toOwnerDraft(x), lead: x.lead, key: auditorKey() })) ?? [],
    areas,
  };
}

/** The areas in the order the API receives them, so an error's index names the right one. */
const areaList = (d: Draft) => AREA_ORDER.flatMap((k) => d.areas[k]);

function bodyOf(d: Draft) {
  return {
    title: d.title.trim(),
    scope: d.scope,
    requirementIds: d.requirementIds,
    criteria: d.criteria,
    plannedStart: d.plannedStart || null,
    plannedEnd: d.plannedEnd || null,
    auditors: d.auditors.flatMap((a) => {
      const p = toOwnerInput(a);
      return p ? [{ ...p, lead: a.lead }] : [];
    }),
    areas: areaList(d).map(({ type, id }) => ({ type: type as AreaKind, id })),
  } satisfies Partial<AuditInput>;
}

/**
 * Plan or change an audit: what it covers, against what, when, by whom, and
 * which records are under audit. Auditor independence is checked by the
 * server on save; its refusal shows on the auditor's field.
 */
export function AuditForm({
  audit,
  readOnly,
  onSaved,
}: {
  audit: InternalAudit | null;
  readOnly?: boolean;
  onSaved: (a: InternalAudit) => void;
}) {
  const { org } = useOrg();
  const editing = audit !== null;
  const form = useRecordDraft(audit, { toDraft: draftOf, conflictView: bodyOf, onSaved, readOnly });
  const { draft, set, setDraft, guard } = form;
  const create = useCreateAudit(org.id);
  const update = useUpdateAudit(org.id, audit?.id ?? '', form.concurrency);
  const { submit, pending, error, errorFor, formRef } = useRecordSubmit(form, { record: audit, create, update, toInput: bodyOf });
  const setArea = (k: AreaKind, v: PickedRecord[]) => setDraft((d) => ({ ...d, areas: { ...d.areas, [k]: v } }));
  const systemLabels = useMemo(() => new Map(draft.areas['ai-system'].map((s) => [s.id, s.label])), [draft.areas]);

  // area errors come by index in the list the API received
  const areaErrors = Object.entries((audit ? update : create).fieldErrors)
    .filter(([f]) => f === 'areas' || f.startsWith('areas.'))
    .map(([f, m]) => {
      const i = Number(/^areas\.(\d+)/.exec(f)?.[1]);
      const a = Number.isNaN(i) ? null : areaList(draft)[i];
      return a ? `${AREA_KIND_LABELS[a.type]} ${a.label}: ${m}` : m;
    });

  return (
    <Paper withBorder p="lg" component="form" ref={formRef} onSubmit={submit} aria-label={editing ? 'Edit audit' : 'New audit'}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={760}>
          <TextInput
            label="Title"
            placeholder="e.g. Spring audit of risk management"
            required
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorFor('title')}
            maxLength={300}
          />
          <Textarea
            label="Scope"
            description="What the audit covers, in words: processes, sites, teams."
            value={draft.scope}
            onChange={(e) => set('scope', e.currentTarget.value)}
            error={errorFor('scope')}
            autosize
            minRows={2}
          />
          <ScopePicker
            value={draft.requirementIds}
            onChange={(v) => set('requirementIds', v)}
            error={
              errorFor('requirementIds') ??
              Object.entries((audit ? update : create).fieldErrors).find(([f]) => f.startsWith('requirementIds.'))?.[1]
            }
            disabled={readOnly}
          />
          <Textarea
            label="Audit criteria"
            description="What the records are compared with."
            value={draft.criteria}
            onChange={(e) => set('criteria', e.currentTarget.value)}
            error={errorFor('criteria')}
            autosize
            minRows={1}
          />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label="Planned start"
              type="date"
              value={draft.plannedStart}
              onChange={(e) => set('plannedStart', e.currentTarget.value)}
              error={errorFor('plannedStart')}
              miw={160}
            />
            <TextInput
              label="Planned end"
              type="date"
              value={draft.plannedEnd}
              onChange={(e) => set('plannedEnd', e.currentTarget.value)}
              error={errorFor('plannedEnd')}
              miw={160}
            />
          </Group>
          <Stack gap="xs" role="group" aria-label="Records under audit">
            <Text size="sm" fw={500}>
              Records under audit
            </Text>
            <Text size="xs" c="dimmed">
              The AI systems, documents, governance roles and controls the auditors will examine. Their owners may not audit them.
            </Text>
            <AiSystemPicker
              orgId={org.id}
              value={draft.areas['ai-system'].map((s) => s.id)}
              onChange={(ids) =>
                setArea(
                  'ai-system',
                  ids.map((id) => ({ type: 'ai-system', id, label: systemLabels.get(id) ?? id })),
                )
              }
              labels={systemLabels}
            />
            <RecordPicker
              orgId={org.id}
              type="document"
              label="Documents"
              value={draft.areas.document}
              onChange={(v) => setArea('document', v)}
            />
            <RecordPicker
              orgId={org.id}
              type="role"
              label="Governance roles"
              value={draft.areas.role}
              onChange={(v) => setArea('role', v)}
            />
            <RecordPicker
              orgId={org.id}
              type="control"
              label="Controls"
              value={draft.areas.control}
              onChange={(v) => setArea('control', v)}
            />
            {areaErrors.length > 0 && (
              <Alert color="red" variant="light" title="Records under audit">
                {areaErrors.map((m) => (
                  <Text key={m} size="sm">
                    {m}
                  </Text>
                ))}
              </Alert>
            )}
          </Stack>
          <AuditorsInput value={draft.auditors} onChange={(v) => set('auditors', v)} errorFor={errorFor} disabled={readOnly} />
          <FormError error={update.conflict ? null : error} placed={PLACED} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={pending}>
                {editing ? 'Save changes' : 'Plan audit'}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
      <LeaveGuardModal guard={guard} what={audit ? audit.number : 'The new audit'} />
      {audit && <ConflictDialog what={`Audit ${audit.number}`} {...update.conflictDialog} />}
    </Paper>
  );
}
