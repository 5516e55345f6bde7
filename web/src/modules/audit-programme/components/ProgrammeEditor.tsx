import { Badge, Checkbox, Grid, Group, List, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { OwnerInput } from '../../../shared/org/OwnerInput';
import { formatDate } from '../../../shared/ui/format';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { DraftDialogs, DraftStatusCard, type RecordOf, useDraftEditor } from '../../../shared/versioned';
import type { ProgrammeCheck, ProgrammeOverview } from '../hooks/useAuditProgramme';
import { type AuditMethod, METHOD_LABELS } from '../labels';
import { defaultEnd, type ProgrammeForm, sameContent, starting, toContent, toForm } from './programmeForm';

const PLACED = [
  'cycleStart',
  'cycleEnd',
  'frequency',
  'frequency.text',
  'frequency.auditsPerYear',
  'methods',
  'responsibilities',
  'owner',
  'owner.userId',
  'owner.name',
  'owner.email',
  'reporting',
  'independence',
].map((f) => `content.${f}`);

function Checks({ checks, checked, stale }: { checks: ProgrammeCheck[]; checked: boolean; stale: boolean }) {
  const warnings = checks.filter((c) => c.severity === 'warning');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="programme-checks-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="md" id="programme-checks-title">
          Checks
        </Title>
        <Badge color={warnings.length ? 'yellow' : 'teal'} variant="light" radius="sm">
          {warnings.length ? `${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}` : 'No warnings'}
        </Badge>
      </Group>
      {!checked && (
        <Text size="xs" c="dimmed" mb="xs">
          Save a draft to check the programme.
        </Text>
      )}
      {checked && stale && (
        <Text size="xs" c="dimmed" mb="xs">
          As of the last save. Save the draft to check your changes.
        </Text>
      )}
      {checked && checks.length === 0 && (
        <Text size="sm" c="dimmed">
          The programme names an owner, its methods, how results are reported and how auditors stay independent.
        </Text>
      )}
      {checks.length > 0 && (
        <List spacing="xs" size="sm" aria-label="Audit programme checks">
          {checks.map((c) => (
            <List.Item key={`${c.code}-${c.field}`}>
              <Text size="sm" c={c.severity === 'warning' ? 'yellow.9' : 'dimmed'}>
                {c.message}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

interface Props {
  record: RecordOf<'/api/v1/orgs/{orgId}/audit-programme'>;
  overview: ProgrammeOverview;
}

/** The programme's fields beside its status and checks; save, approve, discard. */
export function ProgrammeEditor({ record, overview }: Props) {
  const editor = useDraftEditor({
    record,
    overview,
    initial: () => starting(),
    same: sameContent,
    toForm,
    toContent,
  });
  const { current, dirty, form, setForm, errorFor } = editor;
  const disabled = !editor.canWrite;
  const set = <K extends keyof ProgrammeForm>(key: K, value: ProgrammeForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const checks = current?.checks ?? [];
  const end = defaultEnd(form.cycleStart);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form {...editor.formProps} aria-label="Audit programme">
          <Stack gap="md">
            <SectionCard
              title="Cycle and frequency"
              description="The period the programme plans audits for (by default three years, the certification cycle) and how often audits take place."
            >
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  type="date"
                  label="Cycle start"
                  required
                  value={form.cycleStart}
                  onChange={(e) => set('cycleStart', e.currentTarget.value)}
                  error={errorFor('cycleStart')}
                  disabled={disabled}
                />
                <TextInput
                  type="date"
                  label="Cycle end"
                  description={end ? `Left empty: ${formatDate(end)}` : 'Left empty: three years from the start'}
                  value={form.cycleEnd}
                  onChange={(e) => set('cycleEnd', e.currentTarget.value)}
                  error={errorFor('cycleEnd')}
                  disabled={disabled}
                />
                <TextInput
                  label="Audits per year"
                  inputMode="numeric"
                  required
                  value={form.auditsPerYear}
                  onChange={(e) => set('auditsPerYear', e.currentTarget.value)}
                  error={errorFor('frequency.auditsPerYear') ? 'Give a whole number from 0 to 52' : undefined}
                  disabled={disabled}
                />
              </SimpleGrid>
              <Textarea
                label="Frequency in words"
                description="E.g. every clause once a year, the Annex A controls spread over the cycle, more often where risks are high."
                autosize
                minRows={2}
                value={form.frequencyText}
                onChange={(e) => set('frequencyText', e.currentTarget.value)}
                error={errorFor('frequency.text')}
                maxLength={2000}
                disabled={disabled}
              />
            </SectionCard>
            <SectionCard title="Methods" description="How audits gather what they judge on.">
              <Checkbox.Group
                value={form.methods}
                onChange={(v) => set('methods', v as AuditMethod[])}
                error={errorFor('methods')}
                aria-label="Audit methods"
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
                  {(Object.keys(METHOD_LABELS) as AuditMethod[]).map((m) => (
                    <Checkbox key={m} value={m} label={METHOD_LABELS[m]} disabled={disabled} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            </SectionCard>
            <SectionCard title="People and reporting">
              <OwnerInput
                label="Programme owner"
                value={form.owner}
                onChange={(v) => set('owner', v)}
                error={errorFor('owner') ?? errorFor('owner.name') ?? errorFor('owner.userId')}
                emailError={errorFor('owner.email')}
                disabled={disabled}
              />
              <Textarea
                label="Responsibilities"
                description="Who plans the audits, who conducts them, who follows up the findings."
                autosize
                minRows={2}
                value={form.responsibilities}
                onChange={(e) => set('responsibilities', e.currentTarget.value)}
                error={errorFor('responsibilities')}
                maxLength={4000}
                disabled={disabled}
              />
              <Textarea
                label="Reporting of results"
                description="To whom audit results go, how and how soon (e.g. top management, the management review)."
                autosize
                minRows={2}
                value={form.reporting}
                onChange={(e) => set('reporting', e.currentTarget.value)}
                error={errorFor('reporting')}
                maxLength={4000}
                disabled={disabled}
              />
              <Textarea
                label="Independence of auditors"
                description="How you make sure no one audits their own work."
                autosize
                minRows={2}
                value={form.independence}
                onChange={(e) => set('independence', e.currentTarget.value)}
                error={errorFor('independence')}
                maxLength={4000}
                disabled={disabled}
              />
            </SectionCard>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="md" className="sticky-aside" tabIndex={0} role="region" aria-label="Audit programme status and checks">
          <DraftStatusCard
            editor={editor}
            what="audit programme"
            emptyText="No audit programme yet: fill in the form and save it as a draft, then approve it."
            approvedNote="Audits are planned against it."
            hint={
              overview.draft &&
              overview.approved &&
              `Version ${overview.approved.version} stays in force until this draft is approved.`
            }
            placed={PLACED}
          />
          <Checks checks={checks} checked={current !== null} stale={dirty} />
        </Stack>
      </Grid.Col>
      <DraftDialogs
        editor={editor}
        what="audit programme"
        approveTitle={(n) => `Approve audit programme version ${n}`}
        approveIntro="The approved version is the programme of record: the coverage map reads its cycle and auditors sample it. The previous approved version, if any, is kept as superseded."
        checks={checks}
        discardText={
          overview.approved
            ? `The draft and its unsaved changes are thrown away; version ${overview.approved.version} stays in force.`
            : 'The draft and its unsaved changes are thrown away.'
        }
      />
    </Grid>
  );
}
