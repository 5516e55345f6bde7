import { Alert, Grid, Stack } from '@mantine/core';
import { DraftDialogs, DraftStatusCard, type RecordOf, useDraftEditor } from '../../../../shared/versioned';
import type { RiskMethodOverview } from '../../hooks/useRiskMethod';
import { AcceptanceSection } from './AcceptanceSection';
import { MatrixSection } from './MatrixSection';
import { MethodChecks } from './MethodChecks';
import { type Method, sameContent } from './methodForm';
import { ImpactSection, LikelihoodSection } from './ScaleSections';
import { SourcesSection } from './SourcesSection';

// Errors the sections show beside their inputs; the rest go to the form's alert.
const PLACED = ['likelihood', 'impact', 'levels', 'matrix', 'acceptance', 'riskSources', 'reviewIntervalMonths'].map(
  (f) => `content.${f}`,
);

interface Props {
  record: RecordOf<'/api/v1/orgs/{orgId}/risk-method'>;
  overview: RiskMethodOverview;
}

/** The method's sections beside its status and checks; save, approve, discard. */
export function RiskMethodEditor({ record, overview }: Props) {
  // with no version saved, the built-in default is the starting point
  const editor = useDraftEditor({
    record,
    overview,
    initial: (o) => o.suggested?.content as Method,
    same: sameContent,
  });
  const { current, dirty } = editor;
  const checks = current?.checks ?? overview.suggested?.checks ?? [];
  const sectionProps = { method: editor.form, onChange: editor.setForm, errorFor: editor.errorFor, disabled: !editor.canWrite };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form {...editor.formProps} aria-label="Risk method">
          <Stack gap="md">
            {!current && (
              <Alert color="blue" variant="light" title="Start from the built-in AI-specific method">
                Your organization has no risk method yet. Below is our default: five points of likelihood and impact written for
                AI systems, impact on individuals, groups and society as well as on the organization, and the AI risk sources to
                identify risks from. Adapt it to your systems, then save it as your draft and approve it.
              </Alert>
            )}
            <LikelihoodSection {...sectionProps} />
            <ImpactSection {...sectionProps} />
            <MatrixSection {...sectionProps} />
            <AcceptanceSection {...sectionProps} />
            <SourcesSection {...sectionProps} />
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="md" className="sticky-aside" tabIndex={0} role="region" aria-label="Risk method status and checks">
          <DraftStatusCard
            editor={editor}
            what="risk method"
            emptyBadge="Default, not saved"
            emptyText="No method yet: risks are scored with the built-in default shown here until you save your own."
            approvedNote="Risks are scored with it."
            hint={
              overview.draft &&
              overview.approved &&
              `Version ${overview.approved.version} stays in force for scoring until this draft is approved.`
            }
            startLabel="Start from the default"
            placed={PLACED}
          />
          <MethodChecks checks={checks} checked={current !== null} stale={dirty} />
        </Stack>
      </Grid.Col>
      <DraftDialogs
        editor={editor}
        what="risk method"
        approveTitle={(n) => `Approve risk method version ${n}`}
        approveIntro="The approved version is the method of record: risks are scored with it and auditors sample it. The previous approved version, if any, is kept as superseded."
        checks={checks}
        discardText={
          overview.approved
            ? `The draft and its unsaved changes are thrown away; version ${overview.approved.version} stays the method in force.`
            : 'The draft and its unsaved changes are thrown away; risks are scored with the built-in default again.'
        }
      />
    </Grid>
  );
}
