import type { Executor } from '../../platform/db/db.js';
import { invalid } from '../../platform/http/errors.js';
import { resolvePeople } from '../../platform/refs/index.js';
import { defineVersionedRecord, type VersionView } from '../../platform/versioned/index.js';
import { evidenceForControls } from '../evidence/index.js';
import { controlRiskLinks } from '../risks/index.js';
import {
  buildRows,
  contentErrors,
  fillRows,
  LINKED_RISKS_SHOWN,
  type RowContext,
  soaChecks,
  startingContent,
} from './soa.rules.js';
import { EVIDENCE_NOTE, type SoaCheck, type SoaContent, type SoaCurrent, type SoaRow, soaContentSchema } from './soa.schemas.js';

// The Statement of Applicability is a versioned record (platform/versioned),
// one per organization. The draft holds the rows; approval freezes them with
// approver and date. Linked risks, flags and owners' names are read fresh on
// every read (an approved version shows which risks rely on its controls now).

export type SoaVersion = VersionView<SoaContent, { rows: SoaRow[]; checks: SoaCheck[]; evidenceNote: string }>;

/** The risks linked to each control, and the names of the members the shown rows name as owners. */
export async function soaContext(db: Executor, orgId: string, contents: SoaContent[]): Promise<RowContext> {
  // No version to show (an organization without a SoA yet): nothing reads the
  // context, and currentSoa reads it once for its starting rows.
  if (contents.length === 0) return { links: { counts: new Map(), top: new Map() }, memberNames: new Map(), evidence: new Map() };
  const ids = [
    ...new Set(
      contents.flatMap((c) => [...c.annexA, ...c.ownControls].map((r) => r.owner?.userId).filter((x): x is string => !!x)),
    ),
  ];
  // Read on every read, in a few statements: per control the count and the
  // first LINKED_RISKS_SHOWN risks, so the answer stays small (and the read
  // cheap) however many risks link (bench/soa.ts).
  const [links, members, evidence] = await Promise.all([
    controlRiskLinks(db, orgId, LINKED_RISKS_SHOWN),
    resolvePeople(
      db,
      orgId,
      ids.map((userId) => ({ field: userId, person: { userId, name: '' } })),
    ),
    evidenceForControls(db, orgId),
  ]);
  const memberNames = new Map<string, string>();
  members.people.forEach((p) => {
    if (p?.userId) memberNames.set(p.userId, p.name);
  });
  return { links, memberNames, evidence };
}

/** Refuses (400) what zod cannot: a missing or unknown Annex A row, duplicates, an unjustified exclusion, a stranger as owner. */
async function validate(db: Executor, orgId: string, content: SoaContent) {
  const owners = [
    ...content.annexA.map((r, i) => ({ field: `body.content.annexA.${i}.owner`, person: r.owner })),
    ...content.ownControls.map((r, i) => ({ field: `body.content.ownControls.${i}.owner`, person: r.owner })),
  ];
  const { errors } = await resolvePeople(db, orgId, owners);
  const all = [...contentErrors(content), ...errors];
  if (all.length) throw invalid(all);
}

export const soa = defineVersionedRecord({
  table: 'soa_versions',
  entityType: 'soa',
  label: 'Statement of Applicability',
  content: soaContentSchema,
  // Reading any version fills in a missing Annex A row: the SoA always has all 38.
  upgrade: fillRows,
  context: soaContext,
  validate,
  // Open warnings (an excluded control a risk relies on, an unjustified
  // inclusion) need the approver's reason to approve.
  checks: (content, ctx) => soaChecks(content, ctx.links),
  derive: ({ content }, ctx) => {
    const checks = soaChecks(content, ctx.links);
    return { rows: buildRows(content, ctx, checks), checks, evidenceNote: EVIDENCE_NOTE };
  },
  diff: {
    lists: {
      annexA: (r: { controlId: string }) => r.controlId,
      ownControls: (r: { controlId: string }) => r.controlId,
    },
  },
});

/** The current content (draft, else approved, else the starting rows) and the draft's updatedAt, without links. */
export async function currentContent(
  db: Executor,
  orgId: string,
): Promise<{ content: SoaContent; draftUpdatedAt: string | null }> {
  const rows = await db
    .selectFrom('soa_versions')
    .select(['status', 'content', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('status', 'in', ['draft', 'approved'])
    .execute();
  const draft = rows.find((r) => r.status === 'draft');
  const current = draft ?? rows.find((r) => r.status === 'approved');
  return {
    content: current ? soaContentSchema.parse(fillRows(JSON.parse(current.content))) : startingContent(),
    draftUpdatedAt: draft?.updated_at ?? null,
  };
}

/** Own controls of the current draft and approved version by id (what a treatment action may link to). */
export async function currentOwnControls(db: Executor, orgId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('soa_versions')
    .select(['content'])
    .where('org_id', '=', orgId)
    .where('status', 'in', ['draft', 'approved'])
    .execute();
  const found = new Map<string, string>();
  for (const r of rows) {
    const own = (JSON.parse(r.content) as Partial<SoaContent>).ownControls ?? [];
    for (const c of own) if (!found.has(c.controlId)) found.set(c.controlId, c.title);
  }
  return found;
}

function asCurrent(v: SoaVersion, approved: SoaVersion | null): SoaCurrent {
  const isDraft = v.status === 'draft';
  return {
    version: v.version,
    status: isDraft ? 'draft' : 'approved',
    etag: isDraft ? `W/"${v.updatedAt}"` : 'W/"none"',
    updatedAt: v.updatedAt,
    approvedAt: isDraft ? null : v.approvedAt,
    approver: isDraft ? null : { userId: v.approvedBy, name: v.approvedByName },
    approvedVersion: approved
      ? { version: approved.version, approvedAt: approved.approvedAt, approverName: approved.approvedByName }
      : null,
    rows: v.rows,
    checks: v.checks,
    evidenceNote: v.evidenceNote,
  };
}

/** GET /soa: the draft if there is one, else the approved version, else the 38 starting rows. */
export async function currentSoa(db: Executor, orgId: string): Promise<SoaCurrent> {
  const { approved, draft } = await soa.getOverview(db, { orgId });
  const v = draft ?? approved;
  if (v) return asCurrent(v, approved);
  const content = startingContent();
  const ctx = await soaContext(db, orgId, [content]);
  const checks = soaChecks(content, ctx.links);
  return {
    version: null,
    status: 'not-started',
    etag: 'W/"none"',
    updatedAt: null,
    approvedAt: null,
    approver: null,
    approvedVersion: null,
    rows: buildRows(content, ctx, checks),
    checks,
    evidenceNote: EVIDENCE_NOTE,
  };
}

/** The current rows with their links, for other modules (the gap assessment's facts beside 6.1.3). */
export async function soaRows(db: Executor, orgId: string): Promise<SoaRow[]> {
  return (await currentSoa(db, orgId)).rows;
}
