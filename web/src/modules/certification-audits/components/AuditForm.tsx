import { MultiSelect, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useRecordDraft, useRecordSubmit } from '../../../shared/register';
import { useQuery } from '@tanstack/react-query';
import { useOrg } from '../../../app/orgs/OrgContext';
import { api, unwrap } from '../../../shared/api';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { options } from '../../../shared/ui/format';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useCatalogue } from '../../catalogue';
import { type CertificationAudit, useCreateAudit, useSiteNames, useUpdateAudit } from '../hooks/useCertificationAudits';
import {
  type AuditOutcome,
  type AuditStatus,
  type AuditType,
  FIELD_LABELS,
  OUTCOME_LABELS,
  outcomesFor,
  STATUS_LABELS,
  TEAM_ROLE_LABELS,
  type TeamRole,
  TYPE_LABELS,
} from '../labels';
import { conflictView, localErrors, newTeamMember, toAuditDraft, toAuditInput } from './auditDraft';
import { FormActions } from '../../../shared/ui/FormActions';

const PLACED = [...Object.keys(FIELD_LABELS)];

interface Props {
  audit: CertificationAudit | null;
  onSaved: (a: CertificationAudit) => void;
  onCancel: () => void;
}

/** The certification bodies the organization compared, to name the one auditing. */
function useBodies(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'certification-bodies', 'choices'],
    queryFn: async () =>
      (
        await unwrap(api.GET('/api/v1/orgs/{orgId}/certification-bodies', { params: { path: { orgId }, query: { limit: 200 } } }))
      ).items.map((b) => ({ value: b.id, label: b.name })),
  });
}

/** Every field of a certification audit: which audit, by whom, when, where, what was sampled and concluded. */
export function AuditForm({ audit, onSaved, onCancel }: Props) {
  const { org } = useOrg();
  const form = useRecordDraft(audit, { toDraft: toAuditDraft, conflictView: conflictView, onSaved });
  const { draft, set, setDraft, guard } = form;
  const sites = useSiteNames(org.id);
  const bodies = useBodies(org.id);
  const catalogue = useCatalogue();
  const create = useCreateAudit(org.id);
  const update = useUpdateAudit(org.id, audit?.id ?? '', form.concurrency);
  const { submit, pending, error, errorFor, formRef } = useRecordSubmit(form, {
    record: audit,
    create,
    update,
    toInput: toAuditInput,
    localErrors,
  });
  const outcomes = outcomesFor(draft.type);
  const requirementData = (catalogue.data?.requirements ?? []).map((r) => ({ value: r.id, label: `${r.id} ${r.title}` }));

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={audit ? `Edit ${audit.number}` : 'New certification audit'}>
      <Stack>
        <SectionCard title="Which audit" description="The type of audit and the certification body that performs it.">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Type"
              required
              data={options(TYPE_LABELS)}
              value={draft.type}
              allowDeselect={false}
              onChange={(v) => {
                if (!v) return;
                const type = v as AuditType;
                setDraft((d) => ({ ...d, type, outcome: outcomesFor(type).includes(d.outcome) ? d.outcome : 'pending' }));
              }}
              error={errorFor('type')}
            />
            {draft.type === 'surveillance' && (
              <Select
                label="Surveillance audit"
                required
                data={[
                  { value: '1', label: 'First surveillance' },
                  { value: '2', label: 'Second surveillance' },
                ]}
                value={draft.surveillanceNumber || null}
                onChange={(v) => set('surveillanceNumber', v ?? '')}
                error={errorFor('surveillanceNumber')}
              />
            )}
            <Select
              label="Certification body"
              placeholder={bodies.data?.length ? 'Choose' : 'None compared yet'}
              clearable
              data={bodies.data ?? []}
              value={draft.certificationBodyId}
              onChange={(v) => set('certificationBodyId', v)}
              error={errorFor('certificationBodyId')}
            />
          </SimpleGrid>
        </SectionCard>
        <SectionCard
          title="When"
          description="The planned days; the actual ones once the audit has taken place. Auditors' access follows these days."
        >
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }}>
            <TextInput
              type="date"
              label="Planned start"
              required
              value={draft.plannedStart}
              onChange={(e) => set('plannedStart', e.currentTarget.value)}
              error={errorFor('plannedStart')}
            />
            <TextInput
              type="date"
              label="Planned end"
              required
              value={draft.plannedEnd}
              onChange={(e) => set('plannedEnd', e.currentTarget.value)}
              error={errorFor('plannedEnd')}
            />
            <TextInput
              type="date"
              label="Actual start"
              value={draft.actualStart}
              onChange={(e) => set('actualStart', e.currentTarget.value)}
              error={errorFor('actualStart')}
            />
            <TextInput
              type="date"
              label="Actual end"
              value={draft.actualEnd}
              onChange={(e) => set('actualEnd', e.currentTarget.value)}
              error={errorFor('actualEnd')}
            />
          </SimpleGrid>
        </SectionCard>
        <SectionCard title="Audit team" description="The body's people: lead auditor, auditors, technical experts and observers.">
          <RepeatableList
            items={draft.team}
            itemKey={(m) => m.key}
            noun="auditor"
            compact
            empty="No one named yet."
            onAdd={() => set('team', [...draft.team, newTeamMember()])}
            onRemove={(i) =>
              set(
                'team',
                draft.team.filter((_, j) => j !== i),
              )
            }
            renderItem={(m, i) => (
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label="Name"
                  required
                  value={m.name}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    set(
                      'team',
                      draft.team.map((x, j) => (j === i ? { ...x, name } : x)),
                    );
                  }}
                  error={errorFor(`team.${i}.name`)}
                  maxLength={200}
                />
                <TextInput
                  label="Email"
                  type="email"
                  value={m.email}
                  onChange={(e) => {
                    const email = e.currentTarget.value;
                    set(
                      'team',
                      draft.team.map((x, j) => (j === i ? { ...x, email } : x)),
                    );
                  }}
                  error={errorFor(`team.${i}.email`)}
                />
                <Select
                  label="Role"
                  data={options(TEAM_ROLE_LABELS)}
                  value={m.role}
                  allowDeselect={false}
                  onChange={(v) =>
                    v &&
                    set(
                      'team',
                      draft.team.map((x, j) => (j === i ? { ...x, role: v as TeamRole } : x)),
                    )
                  }
                />
              </SimpleGrid>
            )}
          />
        </SectionCard>
        <SectionCard title="Where and what" description="Sites visited and the clauses and controls the auditors sampled.">
          <TagsInput
            label="Sites visited"
            description="Your organization's sites, or type another and press Enter."
            data={sites.data ?? []}
            value={draft.sites}
            onChange={(v) => set('sites', v)}
            error={errorFor('sites')}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label="Requirements sampled"
            searchable
            data={requirementData}
            value={draft.requirementsSampled}
            onChange={(v) => set('requirementsSampled', v)}
            error={errorFor('requirementsSampled')}
            nothingFoundMessage="No clause or control matches"
            comboboxProps={{ withinPortal: true }}
          />
        </SectionCard>
        <SectionCard title="Status and outcome">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Status"
              data={options(STATUS_LABELS)}
              value={draft.status}
              allowDeselect={false}
              onChange={(v) => v && set('status', v as AuditStatus)}
              error={errorFor('status')}
            />
            <Select
              label="Outcome"
              description={draft.status === 'completed' ? 'Required to complete the audit.' : undefined}
              data={outcomes.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
              value={draft.outcome}
              allowDeselect={false}
              onChange={(v) => v && set('outcome', v as AuditOutcome)}
              error={errorFor('outcome')}
            />
          </SimpleGrid>
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            value={draft.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={errorFor('notes')}
            maxLength={8000}
          />
        </SectionCard>
        <FormError error={error} placed={PLACED} />
        <FormActions
          note={audit ? 'Changes are recorded in the audit’s history.' : 'Only the type and the planned days are required.'}
          submitLabel={audit ? 'Save changes' : 'Plan audit'}
          pending={pending}
          onCancel={onCancel}
        />
      </Stack>
      <LeaveGuardModal guard={guard} what={audit ? audit.number : 'The new audit'} />
      {audit && <ConflictDialog what={audit.number} {...update.conflictDialog} />}
    </form>
  );
}
