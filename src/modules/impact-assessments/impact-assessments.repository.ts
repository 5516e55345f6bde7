import { type Executor, forUpdate } from '../../platform/db/db.js';
import { queryTemplate } from '../../platform/db/statement-cache.js';

// Every assessment page reads its system's versions: compiled once.
const assessmentsOfSystem = queryTemplate(['orgId', 'aiSystemId'], (db, p) =>
  db
    .selectFrom('impact_assessments')
    .selectAll()
    .where('org_id', '=', p.orgId)
    .where('ai_system_id', '=', p.aiSystemId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc'),
);

/** Every assessment of one AI system, newest first. */
export function findAssessmentsOfSystem(db: Executor, orgId: string, aiSystemId: string) {
  return assessmentsOfSystem.run(db, { orgId, aiSystemId });
}

/** The approved assessment in force for a system, locked until the transaction ends. */
export function lockApprovedInForce(tx: Executor, orgId: string, aiSystemId: string) {
  return forUpdate(
    tx,
    tx
      .selectFrom('impact_assessments')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('ai_system_id', '=', aiSystemId)
      .where('status', '=', 'approved')
      .where('archived_at', 'is', null),
  ).executeTakeFirst();
}

/** Current (not superseded, not archived) assessments of the given systems, or of all systems when ids is null. */
export function currentAssessments(db: Executor, orgId: string, aiSystemIds: string[] | null) {
  let q = db
    .selectFrom('impact_assessments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '!=', 'superseded')
    .where('archived_at', 'is', null);
  if (aiSystemIds) {
    if (aiSystemIds.length === 0) return Promise.resolve([]);
    q = q.where('ai_system_id', 'in', aiSystemIds);
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}
