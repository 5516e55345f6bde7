import type { Executor } from '../../platform/db/db.js';
import { controlRiskCounts } from '../risks/index.js';
import { buildRows, fillRows, startingContent } from './soa.rules.js';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus, soaContentSchema } from './soa.schemas.js';

// What the SoA says in figures, for pages that show it beside other facts
// (the gap assessment at 6.1.3). The rows and flags are those currentSoa
// gives, built from the count of risks relying on each control alone: the
// risks and evidence each row lists (currentSoa's context) read every risk
// link and evidence count, which figures do not need.

export interface SoaSummary {
  status: 'not-started' | 'draft' | 'approved';
  /** the version shown: the draft, else the approved one; null when not started */
  version: number | null;
  /** when status is approved */
  approvedAt: string | null;
  approverName: string | null;
  /** the approved version (beside a draft, or the one shown), as currentSoa gives it */
  approvedVersion: { version: number; approvedAt: string | null; approverName: string | null } | null;
  annexA: { total: number; applicable: number };
  ownControls: number;
  /** applicable rows (Annex A and own) by implementation status */
  applicableBy: Record<ImplementationStatus, number>;
  /** excluded rows that a risk's treatment relies on */
  excludedTreatingRisks: number;
}

export async function soaSummary(db: Executor, orgId: string): Promise<SoaSummary> {
  const [versions, counts] = await Promise.all([
    db
      .selectFrom('soa_versions')
      .leftJoin('users', 'users.id', 'soa_versions.approved_by')
      .select([
        'soa_versions.status',
        'soa_versions.version',
        'soa_versions.content',
        'soa_versions.approved_at',
        'users.name as approver_name',
      ])
      .where('soa_versions.org_id', '=', orgId)
      .where('soa_versions.status', 'in', ['draft', 'approved'])
      .execute(),
    controlRiskCounts(db, orgId),
  ]);
  const approved = versions.find((v) => v.status === 'approved');
  const shown = versions.find((v) => v.status === 'draft') ?? approved;
  // read as the versioned record reads it: missing Annex A rows filled in, then checked
  const content = shown ? soaContentSchema.parse(fillRows(JSON.parse(shown.content))) : startingContent();
  const rows = buildRows(content, { links: { counts, top: new Map() }, memberNames: new Map() });
  const applicableBy = Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, 0])) as Record<ImplementationStatus, number>;
  for (const r of rows) if (r.applicable) applicableBy[r.implementationStatus]++;
  const annexA = rows.filter((r) => r.kind === 'annex-a');
  const isApproved = shown?.status === 'approved';
  return {
    status: shown ? (isApproved ? 'approved' : 'draft') : 'not-started',
    version: shown ? Number(shown.version) : null,
    approvedAt: isApproved ? (shown?.approved_at ?? null) : null,
    approverName: isApproved ? (shown?.approver_name ?? null) : null,
    approvedVersion: approved
      ? { version: Number(approved.version), approvedAt: approved.approved_at, approverName: approved.approver_name }
      : null,
    annexA: { total: annexA.length, applicable: annexA.filter((r) => r.applicable).length },
    ownControls: rows.length - annexA.length,
    applicableBy,
    excludedTreatingRisks: rows.filter((r) => r.flags.some((f) => f.code === 'excluded-control-treats-risks')).length,
  };
}
