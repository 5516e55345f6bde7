import type { Executor } from '../../platform/db/db.js';
import type { PersonRef as Owner } from '../../platform/refs/index.js';
import { listMembers } from '../organizations/index.js';
import { formatInScope, formatSupplierRef } from './inventory.columns.js';
import type { SystemText } from './inventory.cyclonedx.js';
import { rowToInput } from './inventory.mapping.js';
import { supplierLinks } from './inventory.repository.js';
import type { AiSystemInput } from './inventory.schemas.js';

// The active AI systems of an organization, read for an export a page at a
// time in (name_key, id) order: keyset pagination on the
// ai_systems_org_name_idx index, so each page costs the same however far
// into the inventory it is, and only one page (with its supplier links) is
// in memory at once.
//
// What a streamed export guarantees: the pages are read one after another,
// not in one transaction (on SQLite a read transaction held for a whole
// download would hold back WAL checkpoints; on PostgreSQL it would hold a
// pooled connection for as long as the client takes to read). So each
// (name_key, id) appears at most once and in order; a system that stays
// active and keeps its name during the export appears exactly once; one
// created or archived meanwhile may or may not appear; one renamed meanwhile
// may appear under both names or neither (its key moved past the cursor);
// each row (and its supplier names) is as it was when its page was read.

/**
 * Rows per query. A page is read, mapped and (CSV, CycloneDX) written in one
 * stretch that holds the event loop (on SQLite the queries too): at the large
 * bench size on a busy machine, 1,000 rows held other requests for tens of
 * milliseconds, 250 for up to ~25 ms on SQLite (its three queries ~15 ms),
 * 100 for at most ~15 ms in an XLSX export of 10,000 systems that took as
 * long in all. On PostgreSQL the queries wait without holding the loop, but
 * mapping a page does, and more so in a process that has not exported yet:
 * there a list during the first XLSX export read p95 118, 82 and 48 ms with
 * 250 rows a page, 34 and 45 with 100, and the export took as long.
 */
export const EXPORT_PAGE_SIZE = 100;

export interface ExportedSystem {
  id: string;
  text: SystemText;
  supplierNames: string[];
  /** supplier name and dependency, for the workbook's words */
  suppliers: { name: string; dependency: string }[];
}

/** Member owners by email, so the file imports back to the same member; others by name. */
function ownerText(o: Owner | null, emails: Map<string, string>): string {
  if (!o) return '';
  return (o.userId && emails.get(o.userId)) || o.name;
}

function systemText(
  i: AiSystemInput,
  suppliers: { name: string; dependency: string }[],
  emails: Map<string, string>,
): SystemText {
  return {
    ...i,
    externalId: i.externalId ?? '',
    kind: i.kind ?? '',
    businessOwner: ownerText(i.businessOwner, emails),
    technicalOwner: ownerText(i.technicalOwner, emails),
    dataSensitivity: i.dataSensitivity ?? '',
    suppliers: suppliers.map((s) => formatSupplierRef(s.name, s.dependency)),
    riskLevel: i.riskLevel ?? '',
    aiRole: i.aiRole ?? '',
    lifecycleStage: i.lifecycleStage ?? '',
    inScope: formatInScope(i.inScope),
    deploymentDate: i.deploymentDate ?? '',
    lastReviewDate: i.lastReviewDate ?? '',
  };
}

/** One page after `after` (the last page's final name_key and id), in export order. */
export async function exportPage(
  db: Executor,
  orgId: string,
  emails: Map<string, string>,
  after: { nameKey: string; id: string } | null,
  limit = EXPORT_PAGE_SIZE,
): Promise<{ systems: ExportedSystem[]; last: { nameKey: string; id: string } | null }> {
  let q = db
    .selectFrom('ai_systems')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .orderBy('name_key')
    .orderBy('id')
    .limit(limit);
  // A row-value comparison, not "name_key > ? or (name_key = ? and id > ?)":
  // SQLite and PostgreSQL both seek the index to it, where the OR form read
  // the organization's index from its start on every page (quadratic in the
  // inventory's size: 100,000 systems took minutes).
  if (after) q = q.where((eb) => eb(eb.refTuple('name_key', 'id'), '>', eb.tuple(after.nameKey, after.id)));
  const rows = await q.execute();
  const links = await supplierLinks(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  const systems = rows.map((r) => {
    const suppliers = links.get(r.id) ?? [];
    return {
      id: r.id,
      text: systemText(rowToInput(r, suppliers), suppliers, emails),
      supplierNames: suppliers.map((s) => s.name),
      suppliers,
    };
  });
  const end = rows[rows.length - 1];
  return { systems, last: end ? { nameKey: end.name_key, id: end.id } : null };
}

/** The member emails owners are exported by, read once per export. */
export async function memberEmails(db: Executor, orgId: string): Promise<Map<string, string>> {
  return new Map((await listMembers(db, orgId)).map((m) => [m.userId, m.email]));
}

/** Every active system, a page at a time; stops after the last (shorter than a full) page. */
export async function* exportedSystemPages(
  db: Executor,
  orgId: string,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<ExportedSystem[]> {
  const emails = await memberEmails(db, orgId);
  let after: { nameKey: string; id: string } | null = null;
  for (;;) {
    const page = await exportPage(db, orgId, emails, after, pageSize);
    if (page.systems.length) yield page.systems;
    if (page.systems.length < pageSize || !page.last) return;
    after = page.last;
  }
}
