import { Button, Group, MultiSelect, Paper, SegmentedControl, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { UploadButton } from '../../../shared/upload';
import { FormError } from '../../../shared/ui/FormError';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useCoverage, useCreateEvidence } from '../hooks/useEvidence';

/** Add evidence: upload a file (with progress), or give a link, and link it to clauses and controls. */
export function NewEvidencePage() {
  const { org } = useOrg();
  const navigate = useNavigate();
  const coverage = useCoverage(org.id);
  const create = useCreateEvidence(org.id);
  const [kind, setKind] = useState<'file' | 'link'>('file');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<{ id: string; name: string } | null>(null);
  const [controlIds, setControlIds] = useState<string[]>([]);
  const [requirementIds, setRequirementIds] = useState<string[]>([]);
  const [validUntil, setValidUntil] = useState('');
  const [description, setDescription] = useState('');
  const dirty = !!(title || url || file || controlIds.length || requirementIds.length);
  const guard = useLeaveGuard(dirty);
  const controls = (coverage.data?.controls ?? []).map((c) => ({ value: c.controlId, label: `${c.controlId} ${c.title}` }));
  const clauses = (coverage.data?.requirements ?? []).map((c) => ({
    value: c.requirementId,
    label: `${c.requirementId} ${c.title}`,
  }));

  const submit = async () => {
    const created = await create.mutateAsync({
      title: title || file?.name || '',
      description,
      kind,
      ...(kind === 'file' ? { fileId: file?.id ?? null } : { url }),
      controlIds,
      requirementIds,
      validUntil: validUntil || null,
    });
    guard.allowLeave();
    navigate(`/orgs/${org.id}/evidence/${created.id}`);
  };

  return (
    <Stack gap="lg">
      <PageHeader eyebrow="Evidence" title="Add evidence" />
      <Paper
        withBorder
        p="lg"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          // the error shows in FormError from the mutation's state
          submit().catch(() => {});
        }}
      >
        <Stack gap="md" maw={640}>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as 'file' | 'link')}
            data={[
              { value: 'file', label: 'Upload a file' },
              { value: 'link', label: 'A link' },
            ]}
          />
          {kind === 'file' ? (
            <UploadButton
              orgId={org.id}
              onUploaded={(f) => setFile({ id: f.id, name: f.name })}
              label={file ? `Uploaded: ${file.name}` : 'Choose a file'}
            />
          ) : (
            <TextInput
              label="Address"
              placeholder="https://"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              required
            />
          )}
          <TextInput
            label="Title"
            placeholder={file?.name ?? 'What this shows'}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <MultiSelect
            label="Annex A controls"
            data={controls}
            value={controlIds}
            onChange={setControlIds}
            searchable
            clearable
          />
          <MultiSelect label="Clauses" data={clauses} value={requirementIds} onChange={setRequirementIds} searchable clearable />
          <TextInput
            label="Valid until"
            type="date"
            value={validUntil}
            onChange={(e) => setValidUntil(e.currentTarget.value)}
            w={200}
          />
          <FormError error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending} disabled={kind === 'file' && !file}>
              Add evidence
            </Button>
          </Group>
        </Stack>
      </Paper>
      <LeaveGuardModal guard={guard} />
    </Stack>
  );
}
