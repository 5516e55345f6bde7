import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDate } from '../../../shared/ui/format';
import { useAssessmentsOfSystem } from '../hooks/useImpactAssessments';

/**
 * What the chosen AI system already has: a draft to continue (a second one
 * would be refused), or an approved assessment a new one would replace.
 */
export function ExistingAssessments({ aiSystemId }: { aiSystemId: string }) {
  const { org } = useOrg();
  const list = useAssessmentsOfSystem(org.id, aiSystemId);
  const base = `/orgs/${org.id}/impact-assessments`;
  const draft = list.data?.find((a) => a.status === 'draft');
  const approved = list.data?.find((a) => a.status === 'approved');
  if (draft) {
    return (
      <Alert color="yellow" variant="light" title="This AI system has a draft assessment">
        Only one draft per system:{' '}
        <Anchor component={Link} to={`${base}/${draft.id}/edit`} inherit fw={600}>
          continue the draft
        </Anchor>
        .
      </Alert>
    );
  }
  if (approved) {
    return (
      <Alert color="blue" variant="light" title="This will be a reassessment">
        The assessment approved {approved.approval ? formatDate(approved.approval.at.slice(0, 10)) : ''} stays in force until this
        one is approved.{' '}
        <Anchor component={Link} to={`${base}/new?from=${approved.id}`} inherit fw={600}>
          Start from its answers instead
        </Anchor>
        .
      </Alert>
    );
  }
  return null;
}
