import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useRecordDraft, useRecordSubmit } from '../../../shared/register';
import { useQuery } from '@tanstack/react-query';
import { useOrg } from '../../../app/orgs/OrgContext';
import { api, unwrap } from '../../../shared/api';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { type Topic, useCreateTopic, useGovernanceRoles, useMatrix, useUpdateTopic } from '../hooks/useTraining';

type Kind = Topic['audience']['kind'];

interface Draft {
  title: string;
  description: string;
  kind: Kind;
  roleIds: string[];
  teams: string[];
  /** '' : once */
  refresherMonths: number | '';
  documentId: string | null;
}

function draftOf(t: Topic | null): Draft {
  return {
    title: t?.title ?? '',
    description: t?.description ?? '',
    kind: t?.audience.kind ?? 'all',
    roleIds: t?.audience.roleIds ?? [],
    teams: t?.audience.teams ?? [],
    refresherMonths: t ? (t.refresherMonths ?? '') : 12,
    documentId: t?.documentId ?? null,
  };
}

function bodyOf(d: Draft) {
  return {
    title: d.title.trim(),
    description: d.description,
    audience: { kind: d.kind, roleIds: d.kind === 'roles' ? d.roleIds : [], teams: d.kind === 'teams' ? d.teams : [] },
    refresherMonths: d.refresherMonths === '' ? null : d.refresherMonths,
    documentId: d.documentId,
  };
}

function useDocumentChoices(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'documents', 'choices'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/documents', { params: { path: { orgId }, query: { limit: 200 } } })),
    select: (page) => page.items.map((d) => ({ value: d.id, label: `${d.number} ${d.title}` })),
  });
}

/** Add or edit a training topic: what it covers, who must take it, how often. */
export function TopicForm({
  topic,
  readOnly,
  onSaved,
}: {
  topic: Topic | null;
  readOnly?: boolean;
  onSaved: (t: Topic) => void;
}) {
  const { org } = useOrg();
  const roles = useGovernanceRoles(org.id);
  const teams = useMatrix(org.id, null);
  const documents = useDocumentChoices(org.id);
  const form = useRecordDraft(topic, { toDraft: draftOf, conflictView: bodyOf, onSaved, readOnly });
  const { draft, set, guard } = form;
  const create = useCreateTopic(org.id);
  const update = useUpdateTopic(org.id, topic?.id ?? '', form.concurrency);
  const { submit, pending, error, errorFor, formRef } = useRecordSubmit(form, { record: topic, create, update, toInput: bodyOf });

  return (
    <Paper withBorder p="lg" component="form" ref={formRef} onSubmit={submit}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={640}>
          <TextInput
            label="Title"
            required
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorFor('title')}
            maxLength={200}
          />
          <Textarea
            label="What it covers"
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errorFor('description')}
            autosize
            minRows={2}
          />
          <Stack gap={6}>
            <SegmentedControl
              aria-label="Who must take it"
              value={draft.kind}
              onChange={(v) => set('kind', v as Kind)}
              disabled={readOnly}
              data={[
                { value: 'all', label: 'Everyone' },
                { value: 'roles', label: 'Governance roles' },
                { value: 'teams', label: 'Teams' },
              ]}
            />
            {draft.kind === 'roles' && (
              <MultiSelect
                label="Roles"
                description="Their holders and deputies must take it."
                data={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
                value={draft.roleIds}
                onChange={(v) => set('roleIds', v)}
                error={errorFor('audience.roleIds')}
                searchable
              />
            )}
            {draft.kind === 'teams' && (
              <TagsInput
                label="Teams"
                description="Type a team and press Enter."
                data={teams.data?.teamNames ?? []}
                value={draft.teams}
                onChange={(v) => set('teams', v)}
                error={errorFor('audience.teams')}
              />
            )}
          </Stack>
          <NumberInput
            label="Refresher every (months)"
            description="Empty: once is enough."
            min={1}
            max={120}
            allowDecimal={false}
            value={draft.refresherMonths}
            onChange={(v) => set('refresherMonths', typeof v === 'number' ? v : '')}
            error={errorFor('refresherMonths')}
            w={240}
          />
          <Select
            label="Document"
            description="Optional: the material or policy it teaches."
            data={documents.data ?? []}
            value={draft.documentId}
            onChange={(v) => set('documentId', v)}
            error={errorFor('documentId')}
            searchable
            clearable
          />
          <FormError
            error={update.conflict ? null : error}
            placed={['title', 'description', 'audience', 'refresherMonths', 'documentId']}
          />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={pending}>
                {topic ? 'Save changes' : 'Add topic'}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
      <LeaveGuardModal guard={guard} what={topic ? topic.number : 'The new topic'} />
      {topic && <ConflictDialog what={`Topic ${topic.number}`} {...update.conflictDialog} />}
    </Paper>
  );
}
