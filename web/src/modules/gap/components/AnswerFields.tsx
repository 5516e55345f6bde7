import { Group, NativeSelect, Radio, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { Member } from '../../../shared/org/orgData';
import type { AnswerStatus } from '../hooks/useGap';
import { ANSWER_STATUSES, MATURITY_LABELS, STATUS_LABELS } from '../labels';
import { type AnswerDraft, OWNER_NAME } from './answerDraft';
import { LinkedRecordsField } from './LinkedRecordsField';

interface Props {
  orgId: string;
  /** a clause always applies: only Annex A controls offer "not applicable" */
  kind: 'clause' | 'annex-a';
  draft: AnswerDraft;
  onChange: (patch: Partial<AnswerDraft>) => void;
  errorFor: (path: string) => string | undefined;
  members: Member[];
  userId: string;
  readOnly?: boolean;
}

/** Status, maturity, notes, justification, owner and linked records of one answer. */
export function AnswerFields({ orgId, kind, draft, onChange, errorFor, members, userId, readOnly }: Props) {
  const notApplicable = draft.status === 'not-applicable';
  // a clause answer saved as not applicable before clauses were held to apply still shows its status
  const statuses = ANSWER_STATUSES.filter((s) => s !== 'not-applicable' || kind === 'annex-a' || notApplicable);
  return (
    <>
      <Radio.Group
        label="Status"
        value={draft.status ?? ''}
        onChange={(v) => onChange({ status: v as AnswerStatus })}
        error={errorFor('status')}
        description={
          kind === 'clause'
            ? 'Clauses 4 to 10 always apply; only Annex A controls can be excluded, in the Statement of Applicability.'
            : undefined
        }
      >
        <Group gap="lg" mt="xs">
          {statuses.map((s) => (
            <Radio key={s} value={s} label={STATUS_LABELS[s]} />
          ))}
        </Group>
      </Radio.Group>
      {notApplicable && (
        <Textarea
          label="Justification"
          required
          description="Why this does not apply to the organization. The Statement of Applicability and the auditor will ask."
          autosize
          minRows={2}
          value={draft.justification}
          onChange={(e) => onChange({ justification: e.currentTarget.value })}
          error={errorFor('justification')}
          maxLength={4000}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NativeSelect
          label="Maturity"
          description="0 absent … 5 continually improved"
          value={draft.maturity}
          onChange={(e) => onChange({ maturity: e.currentTarget.value })}
          error={errorFor('maturity')}
          data={[{ value: '', label: 'Not rated' }, ...MATURITY_LABELS.map((label, i) => ({ value: String(i), label }))]}
        />
        <NativeSelect
          label="Owner"
          description="Who closes this gap"
          value={draft.ownerChoice}
          onChange={(e) => onChange({ ownerChoice: e.currentTarget.value })}
          error={errorFor('owner.userId') ?? errorFor('owner')}
          data={[
            { value: '', label: 'No owner' },
            ...members.map((m) => ({ value: m.userId, label: m.userId === userId ? `${m.name} (you)` : m.name })),
            { value: OWNER_NAME, label: 'Someone else (type a name)' },
          ]}
        />
      </SimpleGrid>
      {draft.ownerChoice === OWNER_NAME && (
        <TextInput
          label="Owner name"
          required
          description="A person or team who is not a member of OpenAIMS"
          value={draft.ownerName}
          onChange={(e) => onChange({ ownerName: e.currentTarget.value })}
          error={errorFor('owner.name')}
          maxLength={200}
        />
      )}
      <Textarea
        label="Notes"
        description="What is in place, where the evidence is, what is missing."
        autosize
        minRows={3}
        maxRows={12}
        value={draft.notes}
        onChange={(e) => onChange({ notes: e.currentTarget.value })}
        error={errorFor('notes')}
        maxLength={8000}
      />
      <LinkedRecordsField
        orgId={orgId}
        value={draft.links}
        onChange={(links) => onChange({ links })}
        errorFor={errorFor}
        disabled={readOnly}
      />
    </>
  );
}
