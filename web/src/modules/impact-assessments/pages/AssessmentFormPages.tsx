import { Alert, Button, Stack } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { useCurrentSession } from '../../../app/auth/session';
import { RecordLoader } from '../../../shared/register';
import { toOwnerDraft } from '../../../shared/org/OwnerInput';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { AssessmentWizard } from '../components/AssessmentWizard';
import { draftOf, emptyDraft } from '../components/wizardState';
import { useImpactAssessment, useSystemChoice } from '../hooks/useImpactAssessments';

const EYEBROW = 'Planning · Clause 6.1.4 · Annex A.5';

/**
 * A new assessment: for the AI system in ?aiSystemId=, or a reassessment
 * starting from the approved assessment in ?from= (its answers carried over,
 * to confirm or change).
 */
export function NewImpactAssessmentPage() {
  const { org, can } = useOrg();
  const [params] = useSearchParams();
  const from = params.get('from');
  const base = `/orgs/${org.id}/impact-assessments`;
  return (
    <Stack gap="lg" maw={1100}>
      <BackLink to={base}>Impact assessments</BackLink>
      <PageHeader
        eyebrow={EYEBROW}
        title={from ? 'Reassess an AI system' : 'New impact assessment'}
        description="Five steps: the system and its context, who it affects, what could happen to them, how that is mitigated, and the review. Each step is saved as a draft when you continue."
      />
      {!can('write') ? (
        <Alert color="gray" variant="light">
          Your role can read impact assessments but not start one.
        </Alert>
      ) : from ? (
        <FromPrevious id={from} />
      ) : (
        <Fresh aiSystemId={params.get('aiSystemId')} />
      )}
    </Stack>
  );
}

function useMe() {
  const { user } = useCurrentSession();
  return toOwnerDraft({ userId: user.id, name: user.name });
}

function Fresh({ aiSystemId }: { aiSystemId: string | null }) {
  const { org } = useOrg();
  const me = useMe();
  const system = useSystemChoice(org.id, aiSystemId);
  if (aiSystemId && system.isPending) return null;
  // opened for a system: its purpose, context and misuse start from the inventory's record
  const s = system.data;
  const initial = {
    ...emptyDraft(s?.id ?? null, me),
    intendedPurpose: s?.purpose ?? '',
    contextOfUse: s?.intendedUse ?? '',
    foreseeableMisuse: s?.foreseeableMisuse ?? '',
  };
  return <AssessmentWizard saved={null} initial={initial} systemName={null} preselected={s} />;
}

function FromPrevious({ id }: { id: string }) {
  const { org } = useOrg();
  const me = useMe();
  return (
    <RecordLoader query={useImpactAssessment(org.id, id)} what="impact assessment">
      {(previous) => (
        <AssessmentWizard
          saved={null}
          initial={{ ...draftOf(previous), assessor: me, nextReviewDate: '' }}
          systemName={previous.name}
        />
      )}
    </RecordLoader>
  );
}

export function EditImpactAssessmentPage() {
  const { org } = useOrg();
  const { assessmentId = '' } = useParams();
  const page = `/orgs/${org.id}/impact-assessments/${assessmentId}`;
  return (
    <RecordLoader query={useImpactAssessment(org.id, assessmentId)} what="impact assessment">
      {(a) => (
        <Stack gap="lg" maw={1100}>
          <BackLink to={page}>{`Impact assessment of ${a.name}`}</BackLink>
          <PageHeader eyebrow={EYEBROW} title={`Impact assessment of ${a.name}`} />
          {a.status === 'draft' && !a.archivedAt ? (
            <AssessmentWizard key={a.id} saved={a} initial={draftOf(a)} systemName={a.name} />
          ) : (
            <Alert color="gray" variant="light" title={a.archivedAt ? 'Archived' : `This assessment is ${a.status}`}>
              An approved assessment stays as it was approved. To change it, start a reassessment: a new draft that carries its
              answers over and replaces it once approved.
              {a.status === 'approved' && !a.archivedAt && (
                <Button
                  component={Link}
                  to={`/orgs/${org.id}/impact-assessments/new?from=${a.id}`}
                  mt="sm"
                  display="block"
                  w="fit-content"
                >
                  Start a reassessment
                </Button>
              )}
            </Alert>
          )}
        </Stack>
      )}
    </RecordLoader>
  );
}
