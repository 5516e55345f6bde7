import { Button, Group, MultiSelect, Paper, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useRecordDraft, useRecordSubmit } from '../../../shared/register';
import { useMemo } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { AiSystemPicker } from '../../../shared/org/AiSystemPicker';
import { UploadButton } from '../../../shared/upload';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import type { Choice } from '../hooks/useChoices';
import { type Evidence, type EvidenceInput, useCoverage, useCreateEvidence, useUpdateEvidence } from '../hooks/useEvidence';
import { type RecordChoice, RecordPicker, RiskPicker } from './RecordPickers';

type Kind = Evidence['kind'];
type ApiRecordKind = NonNullable<EvidenceInput['record']>['kind'];

interface Draft {
  kind: Kind;
  title: string;
  description: string;
  url: string;
  file: { id: string; name: string } | null;
  record: RecordChoice | null;
  controlIds: string[];
  requirementIds: string[];
  aiSystemIds: string[];
  risks: Choice[];
  validUntil: string;
}

function draftOf(e: Evidence | null): Draft {
  return {
    kind: e?.kind ?? 'file',
    title: e?.title ?? '',
    description: e?.description ?? '',
    url: e?.url ?? '',
    file: e?.file ? { id: e.file.id, name: e.file.name } : null,
    record: e?.record ? { kind: e.record.kind, id: e.record.id, label: e.record.label } : null,
    controlIds: e?.controlIds ?? [],
    requirementIds: e?.requirementIds ?? [],
    aiSystemIds: e?.aiSystems.map((s) => s.id) ?? [],
    risks: e?.risks.map((r) => ({ value: r.id, label: r.name })) ?? [],
    validUntil: e?.validUntil ?? '',
  };
}

/** What the API is sent: only the source of the chosen kind, the others cleared. */
function bodyOf(d: Draft) {
  return {
    title: d.title.trim() || d.file?.name || d.record?.label || '',
    description: d.description,
    kind: d.kind,
    fileId: d.kind === 'file' ? (d.file?.id ?? null) : null,
    url: d.kind === 'link' ? d.url.trim() : null,
    record: d.kind === 'record' && d.record ? { kind: d.record.kind as ApiRecordKind, id: d.record.id } : null,
    controlIds: d.controlIds,
    requirementIds: d.requirementIds,
    aiSystemIds: d.aiSystemIds,
    riskIds: d.risks.map((r) => r.value),
    validUntil: d.validUntil || null,
  } satisfies Partial<EvidenceInput>;
}

/**
 * Add or edit evidence: its source (an uploaded file, a link or another
 * record), and what it evidences: clauses, controls, AI systems and risks.
 * An edit is made on the version the form opened on (If-Match).
 */
export function EvidenceForm({
  evidence,
  readOnly,
  onSaved,
}: {
  evidence: Evidence | null;
  readOnly?: boolean;
  onSaved: (e: Evidence) => void;
}) {
  const { org } = useOrg();
  const coverage = useCoverage(org.id);
  const form = useRecordDraft(evidence, { toDraft: draftOf, conflictView: bodyOf, onSaved, readOnly });
  const { draft, set, guard } = form;
  const create = useCreateEvidence(org.id);
  const update = useUpdateEvidence(org.id, evidence?.id ?? '', form.concurrency);
  const { submit, pending, error, errorFor, formRef } = useRecordSubmit(form, {
    record: evidence,
    create,
    update,
    toInput: bodyOf,
  });
  const systemLabels = useMemo(() => new Map(evidence?.aiSystems.map((s) => [s.id, s.name]) ?? []), [evidence]);
  const controls = (coverage.data?.controls ?? []).map((c) => ({ value: c.controlId, label: `${c.controlId} ${c.title}` }));
  const clauses = (coverage.data?.requirements ?? []).map((c) => ({
    value: c.requirementId,
    label: `${c.requirementId} ${c.title}`,
  }));

  return (
    <Paper withBorder p="lg" component="form" ref={formRef} onSubmit={submit}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={640}>
          <SegmentedControl
            value={draft.kind}
            onChange={(v) => set('kind', v as Kind)}
            disabled={readOnly}
            data={[
              { value: 'file', label: 'File' },
              { value: 'link', label: 'Link' },
              { value: 'record', label: 'Record' },
            ]}
          />
          {draft.kind === 'file' && (
            <UploadButton
              orgId={org.id}
              onUploaded={(f) => set('file', { id: f.id, name: f.name })}
              label={draft.file ? `Uploaded: ${draft.file.name}` : 'Choose a file'}
            />
          )}
          {draft.kind === 'link' && (
            <TextInput
              label="Address"
              placeholder="https://"
              value={draft.url}
              onChange={(e) => set('url', e.currentTarget.value)}
              error={errorFor('url')}
              required
            />
          )}
          {draft.kind === 'record' && (
            <RecordPicker
              orgId={org.id}
              value={draft.record}
              onChange={(r) => set('record', r)}
              error={errorFor('record') ?? errorFor('record.id')}
            />
          )}
          <TextInput
            label="Title"
            placeholder={draft.file?.name ?? draft.record?.label ?? 'What this shows'}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorFor('title')}
            maxLength={200}
          />
          <Textarea
            label="Description"
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errorFor('description')}
            autosize
            minRows={2}
          />
          <MultiSelect
            label="Annex A controls"
            data={controls}
            value={draft.controlIds}
            onChange={(v) => set('controlIds', v)}
            error={errorFor('controlIds')}
            searchable
            clearable
          />
          <MultiSelect
            label="Clauses"
            data={clauses}
            value={draft.requirementIds}
            onChange={(v) => set('requirementIds', v)}
            error={errorFor('requirementIds')}
            searchable
            clearable
          />
          <AiSystemPicker
            orgId={org.id}
            description="AI systems this shows something about."
            value={draft.aiSystemIds}
            onChange={(v) => set('aiSystemIds', v)}
            labels={systemLabels}
            error={errorFor('aiSystemIds')}
          />
          <RiskPicker orgId={org.id} value={draft.risks} onChange={(v) => set('risks', v)} error={errorFor('riskIds')} />
          <TextInput
            label="Valid until"
            type="date"
            value={draft.validUntil}
            onChange={(e) => set('validUntil', e.currentTarget.value)}
            error={errorFor('validUntil')}
            w={200}
          />
          <FormError error={update.conflict ? null : error} />
          {!readOnly && (
            <Group>
              <Button
                type="submit"
                loading={pending}
                disabled={(draft.kind === 'file' && !draft.file) || (draft.kind === 'record' && !draft.record)}
              >
                {evidence ? 'Save changes' : 'Add evidence'}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
      <LeaveGuardModal guard={guard} what={evidence ? evidence.number : 'The new evidence'} />
      {evidence && <ConflictDialog what={`Evidence ${evidence.number}`} {...update.conflictDialog} />}
    </Paper>
  );
}
