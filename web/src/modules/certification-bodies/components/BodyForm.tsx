import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useRecordDraft, useRecordSubmit } from '../../../shared/register';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { CountrySelect } from '../../../shared/ui/CountrySelect';
import { FormError } from '../../../shared/ui/FormError';
import { options } from '../../../shared/ui/format';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type CertificationBody, useCreateCertificationBody, useUpdateCertificationBody } from '../hooks/useCertificationBodies';
import {
  CHOICE_REASON_LABELS,
  type ChoiceReason,
  FIELD_LABELS,
  PARTY_KIND_LABELS,
  type PartyKind,
  TRISTATE_LABELS,
  type Tristate,
} from '../labels';
import { type BodyDraft, conflictView, localErrors, toBodyDraft, toBodyInput } from './bodyDraft';
import { FormActions } from '../../../shared/ui/FormActions';

const PLACED = Object.keys(FIELD_LABELS);

interface Props {
  body: CertificationBody | null;
  onSaved: (b: CertificationBody) => void;
  onCancel: () => void;
}

/** The step 9 checklist for one candidate: issuer, accreditation, verification, fit, terms, quote and reasons. */
export function BodyForm({ body, onSaved, onCancel }: Props) {
  const { org } = useOrg();
  const form = useRecordDraft(body, { toDraft: toBodyDraft, conflictView: conflictView, onSaved });
  const { draft, set, guard } = form;
  const create = useCreateCertificationBody(org.id);
  const update = useUpdateCertificationBody(org.id, body?.id ?? '', form.concurrency);
  const { submit, pending, error, errorFor, formRef } = useRecordSubmit(form, {
    record: body,
    create,
    update,
    toInput: toBodyInput,
    localErrors,
  });
  const tri = (key: 'accreditedForIso42001' | 'iafMlaSignatory' | 'listedInIafCertSearch', description?: string) => (
    <Select
      label={FIELD_LABELS[key]}
      description={description}
      data={options(TRISTATE_LABELS)}
      value={draft[key]}
      onChange={(v) => v && set(key, v as Tristate)}
      allowDeselect={false}
      error={errorFor(key)}
    />
  );
  const days = (key: 'daysStage1' | 'daysStage2' | 'daysSurveillance' | 'daysRecertification') => (
    <NumberInput
      label={FIELD_LABELS[key]}
      min={0}
      max={500}
      step={0.5}
      decimalScale={2}
      value={draft[key]}
      onChange={(v) => set(key, v)}
      error={errorFor(key)}
    />
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={body ? `Edit ${body.name}` : 'New certification body'}>
      <Stack>
        <SectionCard
          title="Who would issue the certificate"
          description="Only a certification body issues a certificate; a partner or consultant may sell or prepare the audit."
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              required
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errorFor('name')}
              maxLength={200}
            />
            <Select
              label={FIELD_LABELS.partyKind}
              data={options(PARTY_KIND_LABELS)}
              value={draft.partyKind}
              onChange={(v) => v && set('partyKind', v as PartyKind)}
              allowDeselect={false}
              error={errorFor('partyKind')}
            />
            <CountrySelect
              label="Country"
              value={draft.country}
              onChange={(v) => set('country', v)}
              error={errorFor('country')}
            />
            <TextInput
              label="Website"
              value={draft.website}
              onChange={(e) => set('website', e.currentTarget.value)}
              error={errorFor('website')}
              maxLength={500}
            />
          </SimpleGrid>
        </SectionCard>
        <SectionCard
          title="Accreditation"
          description="Check the accreditation body’s own register for the ISO/IEC 42001 scope, not the body’s marketing."
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {tri('accreditedForIso42001')}
            <TextInput
              label={FIELD_LABELS.accreditationBody}
              value={draft.accreditationBody}
              onChange={(e) => set('accreditationBody', e.currentTarget.value)}
              error={errorFor('accreditationBody')}
              maxLength={200}
            />
            <TextInput
              label={FIELD_LABELS.accreditationReference}
              value={draft.accreditationReference}
              onChange={(e) => set('accreditationReference', e.currentTarget.value)}
              error={errorFor('accreditationReference')}
              maxLength={200}
            />
            {tri('iafMlaSignatory')}
          </SimpleGrid>
        </SectionCard>
        <SectionCard
          title="Verification and buyer fit"
          description="How a buyer checks a certificate, and whether your buyers recognise this route."
        >
          <Textarea
            label={FIELD_LABELS.verificationRoute}
            description="A URL or a few words: the body’s certificate register, IAF CertSearch…"
            autosize
            minRows={2}
            value={draft.verificationRoute}
            onChange={(e) => set('verificationRoute', e.currentTarget.value)}
            error={errorFor('verificationRoute')}
            maxLength={1000}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {tri('listedInIafCertSearch')}
            <TagsInput
              label={FIELD_LABELS.buyerMarkets}
              description="Press Enter after each market"
              value={draft.buyerMarkets}
              onChange={(v) => set('buyerMarkets', v)}
              error={errorFor('buyerMarkets')}
            />
          </SimpleGrid>
          <Textarea
            label={FIELD_LABELS.buyerNotes}
            autosize
            minRows={2}
            value={draft.buyerNotes}
            onChange={(e) => set('buyerNotes', e.currentTarget.value)}
            error={errorFor('buyerNotes')}
            maxLength={4000}
          />
        </SectionCard>
        <SectionCard title="Timeline and surveillance">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={FIELD_LABELS.earliestStage1On}
              value={draft.earliestStage1On}
              onChange={(e) => set('earliestStage1On', e.currentTarget.value)}
              error={errorFor('earliestStage1On')}
            />
            <Textarea
              label={FIELD_LABELS.timelineNotes}
              autosize
              minRows={1}
              value={draft.timelineNotes}
              onChange={(e) => set('timelineNotes', e.currentTarget.value)}
              error={errorFor('timelineNotes')}
              maxLength={4000}
            />
          </SimpleGrid>
          <Checkbox
            label="The surveillance audit terms are clear (how often, how long, at what price)"
            checked={draft.surveillanceTermsClear}
            onChange={(e) => set('surveillanceTermsClear', e.currentTarget.checked)}
            error={errorFor('surveillanceTermsClear')}
          />
          <Textarea
            label={FIELD_LABELS.surveillanceNotes}
            autosize
            minRows={1}
            value={draft.surveillanceNotes}
            onChange={(e) => set('surveillanceNotes', e.currentTarget.value)}
            error={errorFor('surveillanceNotes')}
            maxLength={4000}
          />
        </SectionCard>
        <SectionCard title="Quote and audit days">
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }}>
            <NumberInput
              label={FIELD_LABELS.quoteAmount}
              min={0}
              thousandSeparator
              value={draft.quoteAmount}
              onChange={(v) => set('quoteAmount', v)}
              error={errorFor('quoteAmount')}
            />
            <TextInput
              label={FIELD_LABELS.quoteCurrency}
              placeholder="EUR"
              value={draft.quoteCurrency}
              onChange={(e) => set('quoteCurrency', e.currentTarget.value)}
              error={errorFor('quoteCurrency')}
              maxLength={3}
            />
            <TextInput
              type="date"
              label={FIELD_LABELS.quoteReceivedOn}
              value={draft.quoteReceivedOn}
              onChange={(e) => set('quoteReceivedOn', e.currentTarget.value)}
              error={errorFor('quoteReceivedOn')}
            />
            <TextInput
              type="date"
              label={FIELD_LABELS.quoteValidUntil}
              value={draft.quoteValidUntil}
              onChange={(e) => set('quoteValidUntil', e.currentTarget.value)}
              error={errorFor('quoteValidUntil')}
            />
            {days('daysStage1')}
            {days('daysStage2')}
            {days('daysSurveillance')}
            {days('daysRecertification')}
          </SimpleGrid>
        </SectionCard>
        <SectionCard
          title="Reasons and status"
          description="Price or an international-sounding name alone is no reason: say how scope, verification and buyers line up."
        >
          <MultiSelect
            label={FIELD_LABELS.choiceReasons}
            data={options(CHOICE_REASON_LABELS)}
            value={draft.choiceReasons}
            onChange={(v) => set('choiceReasons', v as ChoiceReason[])}
            error={errorFor('choiceReasons')}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={FIELD_LABELS.choiceNote}
            required={draft.choiceReasons.includes('other')}
            autosize
            minRows={1}
            value={draft.choiceNote}
            onChange={(e) => set('choiceNote', e.currentTarget.value)}
            error={errorFor('choiceNote')}
            maxLength={4000}
          />
          {draft.status !== 'chosen' && (
            <Select
              label="Status"
              description="A body is chosen from its page, with a reason for each warning it carries."
              data={[
                { value: 'candidate', label: 'Candidate' },
                { value: 'rejected', label: 'Rejected' },
              ]}
              value={draft.status}
              onChange={(v) => v && set('status', v as BodyDraft['status'])}
              allowDeselect={false}
              error={errorFor('status')}
              maw={260}
            />
          )}
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
          note={body ? 'Changes are recorded in the body’s history.' : 'Only the name is required; fill in what you know now.'}
          submitLabel={body ? 'Save changes' : 'Add candidate'}
          pending={pending}
          onCancel={onCancel}
        />
      </Stack>
      <LeaveGuardModal guard={guard} what={body ? body.name : 'The new candidate'} />
      {body && <ConflictDialog what={body.name} {...update.conflictDialog} />}
    </form>
  );
}
