import { Navigate, useParams } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { JOURNEY_STEPS, stepPath } from './steps';

/** /orgs/:orgId/journey/:step, an address by step (the readiness strip, saved links), goes to the step's page. */
export function StepRedirect() {
  const { orgId = '', step: slug } = useParams();
  const step = JOURNEY_STEPS.find((s) => s.slug === slug);
  if (!step) return <NotFoundPage />;
  return <Navigate to={stepPath(orgId, step)} replace />;
}
