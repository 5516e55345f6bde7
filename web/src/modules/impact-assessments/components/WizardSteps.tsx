import { Alert, Group, List, Select, SimpleGrid, Stack, Table, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import type { FieldErrorLookup } from '../../../shared/problem';
import { OwnerInput } from '../../../shared/org/OwnerInput';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { options } from '../../../shared/ui/format';
import type { ImpactScales } from '../hooks/useImpactAssessments';
import { CATEGORY_HINTS, CATEGORY_LABELS, type ImpactCategory, impactTitle } from '../labels';
import { LevelBadge } from './LevelBadge';
import { RatingSelect } from './RatingSelect';
import { type AssessmentDraft, aboveThreshold, emptyImpact, type ImpactDraft, levelOf } from './wizardState';

export interface StepProps {
  draft: AssessmentDraft;
  set: (patch: Partial<AssessmentDraft>) => void;
  errorFor: FieldErrorLookup;
  scales: ImpactScales;
}

function setImpact(p: StepProps, index: number, patch: Partial<ImpactDraft>) {
  p.set({ impacts: p.draft.impacts.map((i, n) => (n === index ? { ...i, ...patch } : i)) });
}

export function StepSystem(
  p: StepProps & {
    /** set when the system cannot change (a saved draft, a reassessment) */
    lockedName: string | null;
    systems: { id: string; name: string }[];
    onSearch: (q: string) => void;
    onSystem: (id: string | null) => void;
  },
) {
  return (
    <SectionCard
      title="AI system and context"
      description="Which AI system this assessment is about, what it is meant to do and where it is used. Taken from the inventory; say it as it applies to the people affected."
    >
      {p.lockedName !== null ? (
        <TextInput label="AI system" value={p.lockedName} readOnly variant="filled" />
      ) : (
        <Select
          label="AI system"
          required
          searchable
          placeholder="Search the inventory"
          data={p.systems.map((s) => ({ value: s.id, label: s.name }))}
          value={p.draft.aiSystemId}
          onChange={p.onSystem}
          onSearchChange={p.onSearch}
          error={p.errorFor('aiSystemId')}
          nothingFoundMessage="No AI system of that name in the inventory"
        />
      )}
      <Textarea
        label="Intended purpose"
        description="What the system is for and the decisions or outputs it produces."
        autosize
        minRows={3}
        value={p.draft.intendedPurpose}
        onChange={(e) => p.set({ intendedPurpose: e.currentTarget.value })}
        error={p.errorFor('intendedPurpose')}
      />
      <Textarea
        label="Context of use"
        description="Who uses it, where and how, and how much people rely on its output."
        autosize
        minRows={3}
        value={p.draft.contextOfUse}
        onChange={(e) => p.set({ contextOfUse: e.currentTarget.value })}
        error={p.errorFor('contextOfUse')}
      />
    </SectionCard>
  );
}

export function StepPeople(p: StepProps) {
  const list = (key: 'affectedIndividuals' | 'affectedGroups' | 'affectedSocieties', label: string, description: string) => (
    <TagsInput
      label={label}
      description={description}
      placeholder="Type and press Enter"
      value={p.draft[key]}
      onChange={(v) => p.set({ [key]: v })}
      error={p.errorFor(key)}
      clearable
      splitChars={[',']}
      maxTags={50}
    />
  );
  return (
    <SectionCard
      title="Who is affected"
      description="Everyone the system's outputs or decisions can reach, directly or not: those who use it, those it decides about, and the wider groups they belong to."
    >
      {list('affectedIndividuals', 'Individuals', 'e.g. loan applicants, employees screened, patients')}
      {list('affectedGroups', 'Groups of individuals', 'e.g. applicants from rural areas, older users, non-native speakers')}
      {list('affectedSocieties', 'Societies', 'e.g. the local labour market, public trust in lending')}
    </SectionCard>
  );
}

export function StepImpacts(p: StepProps) {
  return (
    <SectionCard
      title="Potential impacts"
      description="What could go wrong for the people affected, how likely it is and how bad it would be, rated on the organization's risk method before any mitigation."
    >
      <RepeatableList
        items={p.draft.impacts}
        itemKey={(i) => i.key}
        noun="impact"
        itemTitle={(i, n) => `Impact ${n + 1}: ${impactTitle(i)}`}
        empty="No impact yet. Add one for each way the system could affect people."
        onAdd={() => p.set({ impacts: [...p.draft.impacts, emptyImpact()] })}
        onRemove={(index) => p.set({ impacts: p.draft.impacts.filter((_, n) => n !== index) })}
        renderItem={(impact, n) => {
          const at = (f: string) => p.errorFor(`impacts.${n}.${f}`);
          return (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label="Category"
                  data={options(CATEGORY_LABELS)}
                  value={impact.category}
                  onChange={(v) => v && setImpact(p, n, { category: v as ImpactCategory })}
                  description={CATEGORY_HINTS[impact.category]}
                  allowDeselect={false}
                  error={at('category')}
                />
                <TextInput
                  label={impact.category === 'other' ? 'Name of the impact' : 'Short name (optional)'}
                  required={impact.category === 'other'}
                  value={impact.label}
                  onChange={(e) => setImpact(p, n, { label: e.currentTarget.value })}
                  error={at('label')}
                  maxLength={120}
                />
              </SimpleGrid>
              <Textarea
                label="What could happen"
                autosize
                minRows={2}
                value={impact.description}
                onChange={(e) => setImpact(p, n, { description: e.currentTarget.value })}
                error={at('description')}
              />
              <Group align="flex-start" grow>
                <RatingSelect
                  label="Likelihood"
                  points={p.scales.likelihood}
                  value={impact.likelihood}
                  onChange={(v) => setImpact(p, n, { likelihood: v })}
                  error={at('likelihood')}
                />
                <RatingSelect
                  label="Severity"
                  points={p.scales.severity}
                  value={impact.severity}
                  onChange={(v) => setImpact(p, n, { severity: v })}
                  error={at('severity')}
                />
              </Group>
              <Text size="sm">
                Level before mitigation: <LevelBadge level={levelOf(p.scales, impact.likelihood, impact.severity)} />
              </Text>
            </Stack>
          );
        }}
      />
    </SectionCard>
  );
}

export function StepMitigations(p: StepProps) {
  return (
    <Stack>
      <SectionCard
        title="Reasonably foreseeable misuse"
        description="How the system could be used in ways it was not meant for, by users or others, and what that would do."
      >
        <Textarea
          label="Foreseeable misuse"
          autosize
          minRows={3}
          value={p.draft.foreseeableMisuse}
          onChange={(e) => p.set({ foreseeableMisuse: e.currentTarget.value })}
          error={p.errorFor('foreseeableMisuse')}
        />
      </SectionCard>
      <SectionCard
        title="Mitigations and residual impact"
        description="For each impact, what reduces it and how likely and severe it remains afterwards. A residual level above the acceptance threshold raises a risk in the risk register when the assessment is approved."
      >
        {p.draft.impacts.length === 0 && (
          <Text size="sm" c="dimmed">
            Add the potential impacts in the previous step first.
          </Text>
        )}
        {p.draft.impacts.map((impact, n) => {
          const at = (f: string) => p.errorFor(`impacts.${n}.${f}`);
          return (
            <Stack key={impact.key} gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={600} size="sm">
                Impact {n + 1}: {impactTitle(impact)} <LevelBadge level={levelOf(p.scales, impact.likelihood, impact.severity)} />
              </Text>
              <Textarea
                label="Mitigations"
                autosize
                minRows={2}
                value={impact.mitigations}
                onChange={(e) => setImpact(p, n, { mitigations: e.currentTarget.value })}
                error={at('mitigations')}
              />
              <Group align="flex-start" grow>
                <RatingSelect
                  label="Residual likelihood"
                  points={p.scales.likelihood}
                  value={impact.residualLikelihood}
                  onChange={(v) => setImpact(p, n, { residualLikelihood: v })}
                  error={at('residualLikelihood')}
                />
                <RatingSelect
                  label="Residual severity"
                  points={p.scales.severity}
                  value={impact.residualSeverity}
                  onChange={(v) => setImpact(p, n, { residualSeverity: v })}
                  error={at('residualSeverity')}
                />
              </Group>
              <Text size="sm">
                Residual level: <LevelBadge level={levelOf(p.scales, impact.residualLikelihood, impact.residualSeverity)} />
              </Text>
            </Stack>
          );
        })}
      </SectionCard>
    </Stack>
  );
}

export function StepReview(p: StepProps & { systemName: string; canApprove: boolean }) {
  const high = aboveThreshold(p.scales, p.draft.impacts);
  return (
    <Stack>
      <SectionCard
        title="Assessor and review"
        description="Who assessed the impacts, and when the assessment is next looked at again."
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OwnerInput
            label="Assessor"
            value={p.draft.assessor}
            onChange={(assessor) => p.set({ assessor })}
            error={p.errorFor('assessor') ?? p.errorFor('assessor.userId')}
          />
          <TextInput
            label="Next review"
            type="date"
            value={p.draft.nextReviewDate}
            onChange={(e) => p.set({ nextReviewDate: e.currentTarget.value })}
            error={p.errorFor('nextReviewDate')}
          />
        </SimpleGrid>
      </SectionCard>
      <SectionCard title={`Summary: ${p.systemName}`}>
        <Table verticalSpacing={6} aria-label="Impacts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Impact</Table.Th>
              <Table.Th>Before mitigation</Table.Th>
              <Table.Th>Residual</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.draft.impacts.map((i) => (
              <Table.Tr key={i.key}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{impactTitle(i)}</Table.Td>
                <Table.Td>
                  <LevelBadge level={levelOf(p.scales, i.likelihood, i.severity)} />
                </Table.Td>
                <Table.Td>
                  <LevelBadge level={levelOf(p.scales, i.residualLikelihood, i.residualSeverity)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {high.length > 0 && (
          <Alert color="orange" variant="light" title="High residual impact">
            Approving raises {high.length === 1 ? 'a risk' : `${high.length} risks`} in the risk register, linked to this
            assessment (an impact carried over from an earlier assessment keeps the risk it already raised):
            <List size="sm" mt={4}>
              {high.map((i) => (
                <List.Item key={i.key}>{impactTitle(i)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {!p.canApprove && (
          <Text size="sm" c="dimmed">
            Your role can save the draft; an owner, admin or editor approves it.
          </Text>
        )}
      </SectionCard>
    </Stack>
  );
}
