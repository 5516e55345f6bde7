import { ANNEX_A, CLAUSES } from '../../catalogue/index.js';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { invalid } from '../../platform/http/errors.js';
import { resolvePeople } from '../../platform/refs/index.js';
import { listRecords } from '../../platform/register/index.js';
import { defineVersionedRecord } from '../../platform/versioned/index.js';
import { type AuditScope, auditScopes, type InternalAudit, internalAuditRegister } from '../internal-audits/index.js';
import { currentSoa } from '../soa/index.js';
import { computeCoverage, coverageRequirements, cycleOf, fallbackCycle, programmeChecks } from './audit-programme.rules.js';
import { type CoverageResponse, type ProgrammeContent, programmeContentSchema } from './audit-programme.schemas.js';
import type {} from './audit-programme.tables.js';

// The internal audit programme (9.2.2) is a versioned record, one per
// organization: drafted, checked, approved into immutable versions. The
// coverage map reads it with the internal audits and the Statement of
// Applicability.

/** The owner, when a member, must be one of this organization's; the stored name is theirs. */
async function validateOwner(db: Executor, orgId: string, content: ProgrammeContent) {
  const { errors } = await resolvePeople(db, orgId, [{ field: 'body.content.owner', person: content.owner }]);
  if (errors.length) throw invalid(errors);
}

/** The current names of the members the shown versions name as owner (one statement). */
async function ownerNames(db: Executor, orgId: string, contents: ProgrammeContent[]): Promise<Map<string, string>> {
  const fields = contents.filter((c) => c.owner?.userId).map((c) => ({ field: 'owner', person: c.owner }));
  if (fields.length === 0) return new Map();
  const { people } = await resolvePeople(db, orgId, fields);
  return new Map(people.flatMap((p) => (p?.userId ? [[p.userId, p.name] as const] : [])));
}

export const auditProgramme = defineVersionedRecord({
  table: 'audit_programme_versions',
  entityType: 'audit-programme',
  label: 'audit programme',
  content: programmeContentSchema,
  validate: validateOwner,
  context: ownerNames,
  checks: (content) => programmeChecks(content),
  derive: ({ content }, names) => ({
    cycle: cycleOf(content),
    owner: content.owner
      ? { ...content.owner, name: (content.owner.userId && names.get(content.owner.userId)) || content.owner.name }
      : null,
    checks: programmeChecks(content),
  }),
});

/**
 * Audits already reported or closed: auditScopes answers the planned and
 * running ones only, and a done audit covers what it looked at in its cycle.
 * Read through the internal audit register's list (not archived).
 */
async function doneAudits(db: Executor, orgId: string): Promise<AuditScope[]> {
  const out: AuditScope[] = [];
  for (const status of ['reported', 'closed'] as const) {
    let cursor: string | undefined;
    do {
      const page = await listRecords(db, internalAuditRegister, orgId, { limit: 200, cursor, status, sort: 'number' });
      out.push(
        ...page.items.map((a: InternalAudit) => ({
          id: a.id,
          number: a.number,
          title: a.title,
          status: a.status,
          plannedStart: a.plannedStart,
          actualEnd: a.actualEnd,
          requirementIds: a.requirementIds,
        })),
      );
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return out;
}

/** The coverage map of the cycle: clause requirements and applicable Annex A controls against the audits of the cycle. */
export async function auditCoverage(db: Executor, orgId: string): Promise<CoverageResponse> {
  const [overview, soa, active, done] = await Promise.all([
    auditProgramme.getOverview(db, { orgId }),
    currentSoa(db, orgId),
    auditScopes(db, orgId),
    doneAudits(db, orgId),
  ]);
  const seen = new Set(active.map((a) => a.id));
  const audits = [...active, ...done.filter((a) => !seen.has(a.id))];
  const programme = overview.approved ?? overview.draft;
  const cycle = programme ? cycleOf(programme.content) : fallbackCycle(todayUtc());
  const noSoa = soa.status === 'not-started';
  const applicable = noSoa ? null : new Set(soa.rows.filter((r) => r.kind === 'annex-a' && r.applicable).map((r) => r.controlId));
  const rows = coverageRequirements([...CLAUSES, ...ANNEX_A], applicable);
  const coverage = computeCoverage(rows, audits, cycle);
  const notes: string[] = [];
  if (!programme)
    notes.push(`No audit programme yet: the cycle shown is this year and the next two (${cycle.start} to ${cycle.end}).`);
  else if (!overview.approved) notes.push('The audit programme is not approved yet: the cycle shown is the draft’s.');
  if (noSoa) notes.push('No Statement of Applicability yet: every Annex A control is listed.');
  return {
    ...coverage,
    programme: {
      status: overview.approved ? 'approved' : overview.draft ? 'draft' : 'none',
      version: programme?.version ?? null,
    },
    note: notes.length ? notes.join(' ') : null,
  };
}
