import { Anchor, Badge, Button, Grid, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import type { EntryDescription } from '../../../shared/ui/ChangeHistory';
import { Fields } from '../../../shared/ui/Fields';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SectionCard } from '../../../shared/ui/SectionCard';
import type { AuditEntry } from '../../audit-log';
import { ChooseModal } from '../components/ChooseModal';
import { StatusBadge } from '../components/StatusBadge';
import { WarningList } from '../components/WarningList';
import { type CertificationBody, useCertificationBody, useCertificationBodyHistory } from '../hooks/useCertificationBodies';
import {
  type BodyStatus,
  CHOICE_REASON_LABELS,
  type ChoiceReason,
  daysText,
  FIELD_LABELS,
  formatMoney,
  PARTY_KIND_LABELS,
  type PartyKind,
  STATUS_LABELS,
  TRISTATE_LABELS,
  type Tristate,
  WARNING_LABELS,
  type WarningCode,
} from '../labels';

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Added', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  choose: { title: 'Chosen', color: 'teal' },
  unchoose: { title: 'Another body was chosen', color: 'gray' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: 'Changed' };

function formatValue(field: string, value: unknown): string | null {
  if (typeof value === 'string') {
    if (field === 'status') return STATUS_LABELS[value as BodyStatus] ?? value;
    if (field === 'partyKind') return PARTY_KIND_LABELS[value as PartyKind] ?? value;
    if (field in { accreditedForIso42001: 1, iafMlaSignatory: 1, listedInIafCertSearch: 1 })
      return TRISTATE_LABELS[value as Tristate] ?? value;
  }
  if (field === 'choiceReasons' && Array.isArray(value))
    return value.map((r) => CHOICE_REASON_LABELS[r as ChoiceReason] ?? r).join(', ') || '—';
  if (field === 'surveillanceTermsClear' && typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field === 'acceptedWarnings' && Array.isArray(value))
    return (
      (value as { code: WarningCode; reason: string }[])
        .map((w) => `${WARNING_LABELS[w.code] ?? w.code}: ${w.reason}`)
        .join('; ') || 'None'
    );
  // the audit entry names the other body by id; its own history tells the rest
  if ((field === 'replaced' || field === 'replacedBy') && typeof value === 'string') return 'another candidate';
  return null;
}

const link = (v: string | null) =>
  v && /^https?:\/\//.test(v) ? (
    <Anchor href={v} target="_blank" rel="noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
      {v}
    </Anchor>
  ) : (
    v
  );

function BodyView({ body: b }: { body: CertificationBody }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const canChoose = can('approve');
  const [choosing, setChoosing] = useState(false);
  const history = useCertificationBodyHistory(org.id, b.id);
  const archived = b.archivedAt !== null;
  const page = `/orgs/${org.id}/certification-bodies/${b.id}`;

  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/certification-bodies`}>Certification bodies</BackLink>
      <PageHeader
        eyebrow={`${PARTY_KIND_LABELS[b.partyKind]} · Step 9`}
        title={b.name}
        badge={
          <Group gap="xs">
            <StatusBadge status={b.status} />
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            {canChoose && !archived && b.status !== 'chosen' && (
              <Button color="teal" onClick={() => setChoosing(true)}>
                Choose this body
              </Button>
            )}
            {canWrite && b.status !== 'chosen' && (
              <ArchiveAction
                orgId={org.id}
                register="certification-bodies"
                record={b}
                archiveText="An archived candidate leaves the comparison. Its history is kept, and it can be restored."
              />
            )}
            {canWrite && !archived && (
              <Button component={Link} to={`${page}/edit`} variant="default">
                Edit
              </Button>
            )}
          </>
        }
      />
      <WarningList warnings={b.warnings} />
      {b.choice && (
        <SectionCard title="Why it was chosen">
          <Text size="sm">
            Chosen by {b.choice.by.name} on {formatDateTime(b.choice.at)}.
          </Text>
          {b.choice.acceptedWarnings.length > 0 && (
            <List size="sm" spacing={4}>
              {b.choice.acceptedWarnings.map((w) => (
                <List.Item key={w.code}>
                  <Text span fw={600} size="sm">
                    {w.message}
                  </Text>{' '}
                  Reason: {w.reason}
                </List.Item>
              ))}
            </List>
          )}
        </SectionCard>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <SectionCard title="Issuer and accreditation">
              <Fields
                labelWidth={220}
                items={[
                  { label: FIELD_LABELS.partyKind, value: PARTY_KIND_LABELS[b.partyKind] },
                  { label: 'Country', value: b.country },
                  { label: 'Website', value: link(b.website) },
                  { label: FIELD_LABELS.accreditedForIso42001, value: TRISTATE_LABELS[b.accreditedForIso42001] },
                  { label: FIELD_LABELS.accreditationBody, value: b.accreditationBody },
                  { label: FIELD_LABELS.accreditationReference, value: b.accreditationReference },
                  { label: FIELD_LABELS.iafMlaSignatory, value: TRISTATE_LABELS[b.iafMlaSignatory] },
                ]}
              />
            </SectionCard>
            <SectionCard title="Verification, buyers, timeline and surveillance">
              <Fields
                labelWidth={220}
                items={[
                  { label: FIELD_LABELS.verificationRoute, value: link(b.verificationRoute || null) },
                  { label: FIELD_LABELS.listedInIafCertSearch, value: TRISTATE_LABELS[b.listedInIafCertSearch] },
                  { label: FIELD_LABELS.buyerMarkets, value: b.buyerMarkets.join(', ') },
                  { label: FIELD_LABELS.buyerNotes, value: b.buyerNotes },
                  { label: FIELD_LABELS.earliestStage1On, value: formatDate(b.earliestStage1On) },
                  { label: FIELD_LABELS.timelineNotes, value: b.timelineNotes },
                  { label: FIELD_LABELS.surveillanceTermsClear, value: b.surveillanceTermsClear ? 'Yes' : 'No' },
                  { label: FIELD_LABELS.surveillanceNotes, value: b.surveillanceNotes },
                ]}
              />
            </SectionCard>
            <SectionCard title="Quote and audit days">
              <Fields
                labelWidth={220}
                items={[
                  { label: 'Quote', value: b.quoteAmount === null ? null : formatMoney(b.quoteAmount, b.quoteCurrency) },
                  { label: FIELD_LABELS.quoteReceivedOn, value: formatDate(b.quoteReceivedOn) },
                  { label: FIELD_LABELS.quoteValidUntil, value: formatDate(b.quoteValidUntil) },
                  { label: FIELD_LABELS.daysStage1, value: daysText(b.daysStage1) },
                  { label: FIELD_LABELS.daysStage2, value: daysText(b.daysStage2) },
                  { label: FIELD_LABELS.daysSurveillance, value: daysText(b.daysSurveillance) },
                  { label: FIELD_LABELS.daysRecertification, value: daysText(b.daysRecertification) },
                  { label: 'First three-year cycle', value: daysText(b.firstCycleDays) },
                ]}
              />
            </SectionCard>
            <SectionCard title="Reasons and notes">
              <Fields
                labelWidth={220}
                items={[
                  { label: FIELD_LABELS.choiceReasons, value: b.choiceReasons.map((r) => CHOICE_REASON_LABELS[r]).join(', ') },
                  { label: FIELD_LABELS.choiceNote, value: b.choiceNote },
                  { label: 'Notes', value: b.notes },
                ]}
              />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <RecordHistoryCard
            id="certification-body-history-title"
            history={history}
            record={b}
            fieldLabels={FIELD_LABELS}
            describe={describe}
            formatValue={formatValue}
          />
        </Grid.Col>
      </Grid>
      {canChoose && <ChooseModal key={String(choosing)} body={b} opened={choosing} onClose={() => setChoosing(false)} />}
    </Stack>
  );
}

export function CertificationBodyPage() {
  const { org } = useOrg();
  const { bodyId = '' } = useParams();
  return (
    <RecordLoader query={useCertificationBody(org.id, bodyId)} what="certification body">
      {(data) => <BodyView key={data.id} body={data} />}
    </RecordLoader>
  );
}
