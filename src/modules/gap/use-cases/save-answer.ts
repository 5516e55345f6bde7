import { CATALOGUE_VERSION, getRequirement } from '../../../catalogue/index.js';
import { type Actor, appendAuditMany } from '../../../platform/audit-log/audit-log.js';
import { type Db, nowIso } from '../../../platform/db/db.js';
import type { Row } from '../../../platform/db/tables.js';
import { type FieldError, invalid } from '../../../platform/http/errors.js';
import { etagOf, isStale, laterThan, StaleMarker, StaleWrite } from '../../../platform/register/index.js';
import { checkOwner, openAnswer } from '../gap.checks.js';
import { findLinkTargets } from '../gap.links.js';
import { answerAudit, answerResponse, type Owner } from '../gap.presenters.js';
import { linkErrors, linkView, statusError } from '../gap.rules.js';
import type { AnswerInput } from '../gap.schemas.js';
import { linksColumn } from '../gap.tables.js';
import { getAssessment } from './get-assessment.js';

export interface SaveAnswerOptions {
  db: Db;
  actor: Actor;
  orgId: string;
  assessmentId: string;
  requirementId: string;
  input: AnswerInput;
  /** the ETag of the caller's copy of the answer (W/"none": unanswered); another current one is a 409 with it */
  ifMatch?: string;
}

/**
 * Saves one answer and returns it as the API shows it, built from what the
 * save already holds (the checked owner, the links' records looked up to
 * validate them), not by reading the assessment back: the wizard saves on
 * every step. Facts belong to the organization, not to the answer, and a
 * save does not change them: they come with the assessment (GET), and the
 * saved answer carries none.
 */
export async function saveAnswer({ db, actor, orgId, assessmentId: id, requirementId, input, ifMatch }: SaveAnswerOptions) {
  const req = getRequirement(requirementId);
  if (!req) {
    throw invalid([
      { field: 'params.requirementId', message: `is not a requirement of the ISO/IEC 42001 catalogue ${CATALOGUE_VERSION}` },
    ]);
  }
  const excluded = statusError(req.kind, input.status);
  if (excluded) throw invalid([{ field: 'body.status', message: excluded }]);
  // Each link must name a record of this organization, once.
  const [o, target] = await Promise.all([
    checkOwner(db, orgId, input.owner, 'body.owner'),
    input.links.length ? findLinkTargets(db, orgId, input.links) : undefined,
  ]);
  const errors: FieldError[] = target
    ? linkErrors(input.links, target).map((e) => ({ field: `body.links.${e.index}.id`, message: e.message }))
    : [];
  if (o && 'field' in o) errors.unshift(o);
  if (errors.length) throw invalid(errors);
  const owner = o as Owner;
  const links = input.links.map((l) => ({ type: l.type, id: l.id }));
  const now = nowIso();
  const set = {
    status: input.status,
    maturity: input.maturity,
    notes: input.notes,
    justification: input.justification,
    owner_user_id: owner?.userId ?? null,
    owner_name: owner?.name || null,
    owner_email: owner?.email ?? null,
    links: linksColumn.write(links),
    updated_by: actor.userId,
    updated_at: now,
    prefilled: 0,
  };
  const row = { assessment_id: id, org_id: orgId, requirement_id: requirementId, ...set };
  try {
    await db.transaction().execute(async (tx) => {
      const before = await openAnswer(tx, orgId, id, requirementId, now);
      if (isStale(ifMatch, before?.updated_at)) throw new StaleMarker();
      // always later than the answer's last save: its ETag changes with every save
      set.updated_at = row.updated_at = laterThan(before?.updated_at);
      // saving a pre-filled answer unchanged keeps it as pre-filled: reuse, not new work
      if (before?.prefilled === 1 && sameContent(before, set)) set.prefilled = row.prefilled = 1;
      if (before)
        await tx
          .updateTable('gap_answers')
          .set(set)
          .where('assessment_id', '=', id)
          .where('requirement_id', '=', requirementId)
          .execute();
      else await tx.insertInto('gap_answers').values(row).execute();
      await appendAuditMany(tx, actor, [
        {
          orgId,
          entityType: 'gap_answer',
          entityId: `${id}:${requirementId}`,
          action: before ? 'update' : 'create',
          before: before ? answerAudit(before) : undefined,
          after: answerAudit(row),
        },
      ]);
    });
  } catch (e) {
    if (!(e instanceof StaleMarker)) throw e;
    const current = (await getAssessment({ db, orgId, assessmentId: id })).answers.find((a) => a.requirementId === requirementId);
    throw new StaleWrite('answer', current, etagOf(current?.updatedAt));
  }
  return answerResponse(
    req,
    row,
    links.map((l) => linkView(l, target?.(l))),
  );
}

type Content = Pick<
  Row<'gap_answers'>,
  'status' | 'maturity' | 'notes' | 'justification' | 'owner_user_id' | 'owner_name' | 'owner_email' | 'links'
>;

function sameContent(a: Content, b: Content): boolean {
  const keys = ['status', 'maturity', 'notes', 'justification', 'owner_user_id', 'owner_name', 'owner_email'] as const;
  return (
    keys.every((k) => (a[k] ?? null) === (b[k] ?? null)) &&
    JSON.stringify(linksColumn.read(a.links)) === JSON.stringify(linksColumn.read(b.links))
  );
}
