import type { Executor } from '../../platform/db/db.js';
import { todayUtc } from '../../platform/dates.js';
import { aiSystemsById } from '../inventory/index.js';
import { currentAssessments } from './impact-assessments.repository.js';
import { reassessmentReasons } from './impact-assessments.rules.js';
import { basisColumn } from './impact-assessments.tables.js';

export interface ReassessmentDue {
  /** the approved assessment in force */
  id: string;
  aiSystemId: string;
  systemName: string;
  /** why it needs reassessing; empty when only its review date is near */
  reasons: string[];
  nextReviewDate: string | null;
  /** a reassessment already in draft, to finish */
  draftId: string | null;
  /** members it falls to: the assessor and the system's owners */
  userIds: string[];
}

/**
 * Approved assessments in force whose AI system changed materially, whose
 * review date has passed, or whose review falls on or before `until`. A fixed
 * number of statements, however many assessments there are.
 */
export async function reassessmentsDue(db: Executor, orgId: string, until: string): Promise<ReassessmentDue[]> {
  const rows = await currentAssessments(db, orgId, null);
  const approved = rows.filter((r) => r.status === 'approved');
  const systems = await aiSystemsById(
    db,
    orgId,
    approved.map((r) => r.ai_system_id),
  );
  const today = todayUtc();
  const out: ReassessmentDue[] = [];
  for (const r of approved) {
    const system = systems.get(r.ai_system_id);
    if (!system || system.archivedAt) continue;
    const reasons = reassessmentReasons(basisColumn.read(r.basis), system, r.next_review_date, today);
    const dueSoon = r.next_review_date !== null && r.next_review_date <= until;
    if (reasons.length === 0 && !dueSoon) continue;
    const draft = rows.find((d) => d.status === 'draft' && d.ai_system_id === r.ai_system_id);
    const userIds = [r.assessor_user_id, system.businessOwner?.userId, system.technicalOwner?.userId].filter(
      (x): x is string => !!x,
    );
    out.push({
      id: r.id,
      aiSystemId: r.ai_system_id,
      systemName: system.name,
      reasons,
      nextReviewDate: r.next_review_date,
      draftId: draft?.id ?? null,
      userIds: [...new Set(userIds)],
    });
  }
  return out;
}
