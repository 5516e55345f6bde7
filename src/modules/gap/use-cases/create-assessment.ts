import { uuidv7 } from 'uuidv7';
import { CATALOGUE_VERSION, getRequirement, ISMS_PROCESSES } from '../../../catalogue/index.js';
import { type Actor, type AuditEntry, appendAuditMany } from '../../../platform/audit-log/audit-log.js';
import { type Db, nowIso } from '../../../platform/db/db.js';
import { type FieldError, invalid } from '../../../platform/http/errors.js';
import type { Row } from '../../../platform/db/tables.js';
import { answerAudit } from '../gap.presenters.js';
import * as repo from '../gap.repository.js';
import { statusError } from '../gap.rules.js';
import { linksColumn, reusedProcessesColumn } from '../gap.tables.js';
import { getAssessment } from './get-assessment.js';

export interface CreateAssessmentOptions {
  db: Db;
  actor: Actor;
  orgId: string;
  input: {
    title: string;
    assessmentDate: string;
    assessor?: string;
    reusedIsmsProcesses: string[];
    /** an earlier assessment of this organization to start from */
    startFrom?: string;
  };
}

/**
 * Creates an assessment on the current catalogue version. Processes an
 * ISO/IEC 27001 holder reuses pre-fill the clauses they cover as partially
 * implemented, with a note naming the AI-specific part still to do.
 *
 * A re-assessment (startFrom) copies the earlier assessment's answers on
 * requirements the current catalogue still has, each carried over until a
 * person confirms or changes it; pre-fills only fill what was not copied.
 * A clause answered "not-applicable" (no longer allowed) is not copied.
 */
export async function createAssessment({ db, actor, orgId, input }: CreateAssessmentOptions) {
  const known = new Map(ISMS_PROCESSES.map((p) => [p.id as string, p]));
  const errors: FieldError[] = [];
  input.reusedIsmsProcesses.forEach((p, i) => {
    if (!known.has(p))
      errors.push({ field: `body.reusedIsmsProcesses.${i}`, message: `is not one of ${[...known.keys()].join(', ')}` });
  });
  const source = input.startFrom ? await repo.findAssessment(db, orgId, input.startFrom) : undefined;
  if (input.startFrom && !source)
    errors.push({ field: 'body.startFrom', message: 'is not a gap assessment of this organization' });
  if (errors.length) throw invalid(errors);
  const id = await db.transaction().execute(async (tx) => {
    const now = nowIso();
    const copied = source
      ? (await repo.answersOf(tx, orgId, [source.id])).filter((a) => {
          const req = getRequirement(a.requirement_id);
          return req && !statusError(req.kind, a.status);
        })
      : [];
    const row: Row<'gap_assessments'> = {
      id: uuidv7(),
      org_id: orgId,
      title: input.title,
      assessment_date: input.assessmentDate,
      assessor: input.assessor?.trim() || actor.label,
      catalogue_version: CATALOGUE_VERSION,
      status: 'in-progress',
      reused_isms_processes: reusedProcessesColumn.write([...new Set(input.reusedIsmsProcesses)]),
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      archived_at: null,
      started_from: source?.id ?? null,
    };
    await tx.insertInto('gap_assessments').values(row).execute();
    const audits: AuditEntry[] = [
      {
        orgId,
        entityType: 'gap_assessment',
        entityId: row.id,
        action: 'create',
        after: { ...row, reused_isms_processes: input.reusedIsmsProcesses },
      },
    ];
    const carried = copied.map(
      (a): Row<'gap_answers'> => ({
        ...a,
        assessment_id: row.id,
        updated_by: actor.userId,
        updated_at: now,
        carried_over_at: now,
      }),
    );
    const taken = new Set(carried.map((a) => a.requirement_id));
    const notes = new Map<string, string[]>();
    for (const pid of new Set(input.reusedIsmsProcesses)) {
      const p = known.get(pid);
      for (const f of (p?.prefills ?? []).filter((x) => !taken.has(x.requirementId)))
        notes.set(f.requirementId, [
          ...(notes.get(f.requirementId) ?? []),
          `Reuses the ISMS ${p?.title.toLowerCase()} process. AI-specific part still to do: ${f.aiSpecificPart}`,
        ]);
    }
    const answers = [...notes.entries()].map(
      ([requirementId, lines]): Row<'gap_answers'> => ({
        assessment_id: row.id,
        org_id: orgId,
        requirement_id: requirementId,
        status: 'partial',
        maturity: null,
        notes: lines.join('\n'),
        justification: '',
        owner_user_id: null,
        owner_name: null,
        owner_email: null,
        links: linksColumn.write([]),
        updated_by: actor.userId,
        updated_at: now,
        prefilled: 1,
        carried_over_at: null,
      }),
    );
    const all = [...carried, ...answers];
    if (all.length) await tx.insertInto('gap_answers').values(all).execute();
    for (const a of all)
      audits.push({
        orgId,
        entityType: 'gap_answer',
        entityId: `${row.id}:${a.requirement_id}`,
        action: a.carried_over_at ? 'carry-over' : 'prefill',
        after: a.carried_over_at ? { ...answerAudit(a), carriedOverFrom: source?.id } : answerAudit(a),
      });
    await appendAuditMany(tx, actor, audits);
    return row.id;
  });
  return getAssessment({ db, orgId, assessmentId: id });
}
