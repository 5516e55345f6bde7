import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { OwnerInput, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { Fields } from '../../../shared/ui/Fields';
import { FormError } from '../../../shared/ui/FormError';
import { formatDate, options } from '../../../shared/ui/format';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { type Document, type DocumentInput, useCoreSet, useUpdateDocument } from '../hooks/useDocuments';
import { useGovernanceRoles } from '../hooks/useRoles';
import { CATEGORY_LABELS, type DocumentCategory, FIELD_LABELS } from '../labels';
import { typeLabel, typeOptions } from './typeOptions';

type Draft = ReturnType<typeof toDraft>;

function toDraft(d: Document) {
  return {
    title: d.title,
    docType: d.docType,
    category: d.category,
    owner: toOwnerDraft(d.owner),
    reviewIntervalMonths: d.reviewIntervalMonths as number | string,
    nextReviewDate: d.nextReviewDate ?? '',
    requiresAcknowledgement: d.requiresAcknowledgement,
    audienceAll: 'all' in d.audience,
    audienceRoleIds: 'roleIds' in d.audience ? d.audience.roleIds : [],
    namedRoleIds: d.namedRoleIds,
  };
}

function toBody(d: Draft): Partial<DocumentInput> {
  const policy = d.category === 'policy';
  return {
    title: d.title,
    docType: d.docType,
    category: d.category,
    owner: toOwnerInput(d.owner),
    reviewIntervalMonths: Number(d.reviewIntervalMonths),
    nextReviewDate: d.nextReviewDate || null,
    // only a policy is acknowledged (A.2.2); other categories never ask it
    requiresAcknowledgement: policy && d.requiresAcknowledgement,
    audience: d.audienceAll ? { all: true } : { roleIds: d.audienceRoleIds },
    namedRoleIds: d.namedRoleIds,
  };
}

/** The register fields of a document: read, and edited in place with If-Match and the conflict dialog. */
export function MetadataCard({ orgId, document: doc, editable }: { orgId: string; document: Document; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const coreSet = useCoreSet(orgId);
  const roles = useGovernanceRoles(orgId);
  const roleName = (id: string) => roles.data?.find((r) => r.value === id)?.label ?? 'A role no longer listed';
  if (editing) return <MetadataForm orgId={orgId} document={doc} onDone={() => setEditing(false)} />;
  return (
    <SectionCard
      title="Document control"
      aside={
        editable && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            Edit
          </Button>
        )
      }
    >
      <Fields
        labelWidth={190}
        items={[
          { label: 'Type', value: typeLabel(coreSet.data?.items, doc.docType) },
          { label: 'Category', value: CATEGORY_LABELS[doc.category] },
          { label: 'Owner', value: doc.owner?.name ?? '' },
          { label: 'Review every', value: doc.reviewIntervalMonths === 1 ? '1 month' : `${doc.reviewIntervalMonths} months` },
          { label: 'Next review', value: doc.nextReviewDate ? formatDate(doc.nextReviewDate) : 'Set when a version is approved' },
          {
            label: 'Audience',
            value: 'all' in doc.audience ? 'All members' : doc.audience.roleIds.map(roleName).join(', '),
          },
          { label: 'Named roles', value: doc.namedRoleIds.map(roleName).join(', ') },
          ...(doc.category === 'policy'
            ? [{ label: 'Acknowledgement', value: doc.requiresAcknowledgement ? 'Required of the audience' : 'Not asked' }]
            : []),
        ]}
      />
    </SectionCard>
  );
}

function MetadataForm({ orgId, document: doc, onDone }: { orgId: string; document: Document; onDone(): void }) {
  const [draft, setDraft] = useState(() => toDraft(doc));
  const coreSet = useCoreSet(orgId);
  const roles = useGovernanceRoles(orgId);
  const { dirty, markClean } = useDirty(draft);
  const guard = useLeaveGuard(dirty);
  const versionRef = useRef(versionTag(doc.updatedAt));
  const update = useUpdateDocument(orgId, doc.id, {
    mine: (vars) => vars.body,
    onReload: (current, etag) => {
      versionRef.current = etag;
      const next = toDraft(current as Document);
      setDraft(next);
      markClean(next);
    },
    onOverwritten: () => {
      markClean();
      onDone();
    },
  });
  const errorFor = update.errorFor;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    update.mutate(
      { body: toBody(draft), ifMatch: versionRef.current },
      {
        onSuccess: () => {
          markClean();
          onDone();
        },
      },
    );
  };
  const roleOptions = roles.data ?? [];
  return (
    <SectionCard title="Document control">
      <form onSubmit={submit} noValidate aria-label="Edit document control">
        <Stack>
          <TextInput
            label="Title"
            required
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorFor('title')}
            maxLength={300}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Type"
              data={typeOptions(coreSet.data?.items)}
              value={draft.docType}
              onChange={(v) => v && set('docType', v)}
              error={errorFor('docType')}
              allowDeselect={false}
              searchable
            />
            <Select
              label="Category"
              data={options(CATEGORY_LABELS)}
              value={draft.category}
              onChange={(v) => v && set('category', v as DocumentCategory)}
              error={errorFor('category')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <OwnerInput
            label="Owner"
            value={draft.owner}
            onChange={(o) => set('owner', o)}
            error={errorFor('owner')}
            emailError={errorFor('owner.email')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Review every (months)"
              min={1}
              max={36}
              allowDecimal={false}
              value={draft.reviewIntervalMonths}
              onChange={(v) => set('reviewIntervalMonths', v)}
              error={errorFor('reviewIntervalMonths')}
            />
            <TextInput
              label="Next review"
              type="date"
              description="Empty: approval sets it to the approval date plus the interval."
              value={draft.nextReviewDate}
              onChange={(e) => set('nextReviewDate', e.currentTarget.value)}
              error={errorFor('nextReviewDate')}
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Audience
            </Text>
            <SegmentedControl
              value={draft.audienceAll ? 'all' : 'roles'}
              onChange={(v) => set('audienceAll', v === 'all')}
              data={[
                { value: 'all', label: 'All members' },
                { value: 'roles', label: 'Holders of roles' },
              ]}
              style={{ alignSelf: 'flex-start' }}
            />
            {!draft.audienceAll && (
              <MultiSelect
                aria-label="Audience roles"
                data={roleOptions}
                value={draft.audienceRoleIds}
                onChange={(v) => set('audienceRoleIds', v)}
                error={errorFor('audience') ?? errorFor('audience.roleIds')}
                searchable
              />
            )}
          </Stack>
          <MultiSelect
            label="Named roles"
            description="The roles this document gives duties to: a vacant one is flagged."
            data={roleOptions}
            value={draft.namedRoleIds}
            onChange={(v) => set('namedRoleIds', v)}
            error={errorFor('namedRoleIds')}
            searchable
          />
          {draft.category === 'policy' && (
            <Checkbox
              label="Requires acknowledgement: each member of the audience confirms they read every approved version"
              checked={draft.requiresAcknowledgement}
              onChange={(e) => set('requiresAcknowledgement', e.currentTarget.checked)}
              error={errorFor('requiresAcknowledgement')}
            />
          )}
          <FormError error={update.conflict ? null : update.error} placed={Object.keys(FIELD_LABELS)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
      <ConflictDialog what="This document" {...update.conflictDialog} />
      <LeaveGuardModal guard={guard} what="Your changes to the document" />
    </SectionCard>
  );
}
