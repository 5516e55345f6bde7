import { Button, Group, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { api, unwrap } from '../../../shared/api';
import { OwnerInput, type OwnerDraft, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { UploadButton } from '../../../shared/upload';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { todayIso } from '../../../shared/ui/format';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { type TrainingRecord, useAllTopics, useCreateRecord, useUpdateRecord } from '../hooks/useTraining';

type EvidenceKind = 'none' | 'item' | 'url' | 'file';

interface Draft {
  person: OwnerDraft;
  topicId: string | null;
  completedOn: string;
  /** '' : from the topic's refresher */
  expiresOn: string;
  evidence: EvidenceKind;
  evidenceId: string | null;
  evidenceUrl: string;
  file: { id: string; name: string } | null;
  notes: string;
}

export interface RecordPrefill {
  person?: { userId: string | null; name: string };
  topicId?: string;
}

function draftOf(r: TrainingRecord | null, prefill: RecordPrefill = {}): Draft {
  return {
    person: toOwnerDraft(r?.person ?? prefill.person ?? null),
    topicId: r?.topicId ?? prefill.topicId ?? null,
    completedOn: r?.completedOn ?? todayIso(),
    expiresOn: r?.expiresOnGiven ? (r.expiresOn ?? '') : '',
    evidence: r?.evidenceId ? 'item' : r?.evidenceUrl ? 'url' : r?.fileId ? 'file' : 'none',
    evidenceId: r?.evidenceId ?? null,
    evidenceUrl: r?.evidenceUrl ?? '',
    file: r?.file ?? null,
    notes: r?.notes ?? '',
  };
}

function bodyOf(d: Draft) {
  return {
    person: toOwnerInput(d.person) ?? { userId: null, name: '' },
    topicId: d.topicId ?? '',
    completedOn: d.completedOn,
    ...(d.expiresOn ? { expiresOn: d.expiresOn } : {}),
    evidenceId: d.evidence === 'item' ? d.evidenceId : null,
    evidenceUrl: d.evidence === 'url' ? d.evidenceUrl.trim() || null : null,
    fileId: d.evidence === 'file' ? (d.file?.id ?? null) : null,
    notes: d.notes,
  };
}

/** The organization's evidence items, for linking a certificate or attendance list. */
function useEvidenceChoices(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['orgs', orgId, 'evidence', 'choices'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/evidence', { params: { path: { orgId }, query: { limit: 200 } } })),
    select: (page) => page.items.map((e) => ({ value: e.id, label: `${e.number} ${e.title}` })),
    enabled,
  });
}

/**
 * Record a training completion, or edit one: who, which topic, when, until
 * when (the topic's refresher unless given) and what shows it.
 */
export function RecordForm({
  record,
  prefill,
  readOnly,
  onSaved,
  onCancel,
}: {
  record: TrainingRecord | null;
  prefill?: RecordPrefill;
  readOnly?: boolean;
  onSaved: (r: TrainingRecord) => void;
  onCancel?: () => void;
}) {
  const { org } = useOrg();
  const topics = useAllTopics(org.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(record, prefill));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const evidence = useEvidenceChoices(org.id, draft.evidence === 'item');
  const versionRef = useRef(versionTag(record?.updatedAt));
  const create = useCreateRecord(org.id);
  const update = useUpdateRecord(org.id, record?.id ?? '', {
    mine: (vars) => vars.body,
    theirs: (current) => bodyOf(draftOf(current as TrainingRecord)),
    onReload: (current, etag) => {
      versionRef.current = etag;
      setDraft(draftOf(current as TrainingRecord));
    },
    onOverwritten: onSaved,
  });
  const mutation = record ? update : create;
  const errorFor = fieldErrorLookup(mutation.fieldErrors);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(update.conflict ? null : mutation.error, formRef);
  const topicOptions = (topics.data ?? []).map((t) => ({ value: t.id, label: `${t.number} ${t.title}` }));
  if (record && !topicOptions.some((o) => o.value === record.topicId))
    topicOptions.push({ value: record.topicId, label: `${record.topic.number} ${record.topic.title}` });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || mutation.isPending) return;
    const body = bodyOf(draft);
    try {
      const saved = record ? await update.mutateAsync({ body, ifMatch: versionRef.current }) : await create.mutateAsync(body);
      onSaved(saved);
    } catch {
      // shown in FormError or the ConflictDialog
    }
  };

  return (
    <form ref={formRef} onSubmit={submit} aria-label={record ? 'Edit training record' : 'Record completion'}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={640}>
          <OwnerInput
            label="Person"
            required
            value={draft.person}
            onChange={(p) => set('person', p)}
            error={errorFor('person') ?? errorFor('person.userId') ?? errorFor('person.name')}
            emailError={errorFor('person.email')}
          />
          <Select
            label="Topic"
            required
            searchable
            data={topicOptions}
            value={draft.topicId}
            onChange={(v) => set('topicId', v)}
            error={errorFor('topicId')}
            comboboxProps={{ withinPortal: true }}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Completed on"
              type="date"
              required
              max={todayIso()}
              value={draft.completedOn}
              onChange={(e) => set('completedOn', e.currentTarget.value)}
              error={errorFor('completedOn')}
            />
            <TextInput
              label="Expires on"
              description="Empty: from the topic's refresher period"
              type="date"
              value={draft.expiresOn}
              onChange={(e) => set('expiresOn', e.currentTarget.value)}
              error={errorFor('expiresOn')}
            />
          </Group>
          <Stack gap={6}>
            <SegmentedControl
              aria-label="Evidence"
              value={draft.evidence}
              onChange={(v) => set('evidence', v as EvidenceKind)}
              disabled={readOnly}
              data={[
                { value: 'none', label: 'No evidence' },
                { value: 'item', label: 'Evidence item' },
                { value: 'url', label: 'Link' },
                { value: 'file', label: 'File' },
              ]}
            />
            {draft.evidence === 'item' && (
              <Select
                label="Evidence item"
                searchable
                data={evidence.data ?? []}
                value={draft.evidenceId}
                onChange={(v) => set('evidenceId', v)}
                error={errorFor('evidenceId')}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {draft.evidence === 'url' && (
              <TextInput
                label="Address"
                placeholder="https://"
                value={draft.evidenceUrl}
                onChange={(e) => set('evidenceUrl', e.currentTarget.value)}
                error={errorFor('evidenceUrl')}
              />
            )}
            {draft.evidence === 'file' && (
              <UploadButton
                orgId={org.id}
                onUploaded={(f) => set('file', { id: f.id, name: f.name })}
                label={draft.file ? `Uploaded: ${draft.file.name}` : 'Choose a file'}
              />
            )}
          </Stack>
          <Textarea
            label="Notes"
            value={draft.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={errorFor('notes')}
            autosize
            minRows={2}
          />
          <FormError
            error={update.conflict ? null : mutation.error}
            placed={['person', 'topicId', 'completedOn', 'expiresOn', 'evidenceId', 'evidenceUrl', 'notes']}
          />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={mutation.isPending} disabled={!draft.topicId || !draft.person.name.trim()}>
                {record ? 'Save changes' : 'Record completion'}
              </Button>
              {onCancel && (
                <Button variant="default" onClick={onCancel}>
                  Cancel
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </fieldset>
      {record && <ConflictDialog what="This training record" {...update.conflictDialog} />}
    </form>
  );
}
