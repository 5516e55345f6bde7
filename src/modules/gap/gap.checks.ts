import type { Executor } from '../../platform/db/db.js';
import { conflict, type FieldError, invalid, notFound } from '../../platform/http/errors.js';
import { resolvePeople } from '../../platform/refs/index.js';
import type { Owner } from './gap.presenters.js';
import * as repo from './gap.repository.js';

// Loads and checks more than one use case needs: each refuses with the
// API's error (404, 409, a field-named 400).

export async function loadAssessment(db: Executor, orgId: string, id: string) {
  const a = await repo.findAssessment(db, orgId, id);
  if (!a) throw notFound('Gap assessment');
  return a;
}

/**
 * Marks the assessment changed and reads the answer as it was, refusing a
 * missing or completed assessment (the caller's transaction then takes the
 * mark back): two statements whatever the outcome.
 */
export async function openAnswer(tx: Executor, orgId: string, assessmentId: string, requirementId: string, at: string) {
  const a = await repo.touchAssessment(tx, orgId, assessmentId, at);
  if (!a) throw notFound('Gap assessment');
  if (a.status === 'completed') throw conflict('This assessment is completed; reopen it to change answers.');
  return repo.findAnswer(tx, assessmentId, requirementId);
}

/** An owner naming a member is checked against the organization and takes the member's current name. */
export async function checkOwner(db: Executor, orgId: string, o: Owner, field: string): Promise<Owner | FieldError> {
  const { people, errors } = await resolvePeople(db, orgId, [{ field, person: o }]);
  return errors[0] ?? people[0];
}

export async function resolveOwner(db: Executor, orgId: string, o: Owner, field: string): Promise<Owner> {
  const checked = await checkOwner(db, orgId, o, field);
  if (checked && 'field' in checked) throw invalid([checked]);
  return checked;
}
