import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ApiError } from '../../../shared/api';
import { QueryState } from '../../../shared/ui/QueryState';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { type Assessment, useAssessment } from '../hooks/useGap';
import { AssessmentFrame, type AssessmentView } from './AssessmentFrame';

/** Loads the assessment of the address and frames the view; an unknown id is a not-found page. */
export function AssessmentLoader({ view, children }: { view: AssessmentView; children: (a: Assessment) => ReactNode }) {
  const { org } = useOrg();
  const { assessmentId = '' } = useParams();
  const query = useAssessment(org.id, assessmentId);
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
    return <NotFoundPage what="gap assessment" />;
  }
  return (
    <QueryState query={query}>
      {(a) => (
        <AssessmentFrame orgId={org.id} assessment={a} view={view}>
          {children(a)}
        </AssessmentFrame>
      )}
    </QueryState>
  );
}
