import { type Actor, type AuditEntry, appendAuditMany } from '../../platform/audit-log/audit-log.js';
import type { Db } from '../../platform/db/db.js';
import type { SeedContext, SeededAudit } from './context.js';
import { addDays, Rng } from './random.js';

// The audit log of the seeded records: their creation (and archiving) as the
// app writes it, then everyday updates (reviews, status changes, new end
// dates) until the size's row count is reached. Written through the
// platform's appendAuditMany, so the chain, checkpoints and signed head are
// the app's own and `aims audit-log verify` passes. The rows carry the time
// they were written (the platform stamps them), so only their content is
// deterministic; update rows hold the changed fields only, to keep a million
// rows to a few hundred MB.

/** Rows per transaction: big enough to amortise the head's read and signature, small enough to bound memory. */
const PER_TRANSACTION = 10_000;

export interface MemberActor {
  userId: string;
  email: string;
}

function updateOf(rng: Rng, ctx: SeedContext, created: SeededAudit): AuditEntry {
  const id = created.entityId;
  const day = addDays(ctx.anchor, -rng.int(1, 700));
  const change = (field: string, before: unknown, after: unknown) => ({
    orgId: ctx.orgId,
    entityType: created.entityType,
    entityId: id,
    action: 'update',
    before: { id, [field]: before },
    after: { id, [field]: after },
  });
  switch (created.entityType) {
    case 'ai_system':
      return rng.chance(0.6)
        ? change('lastReviewDate', addDays(day, -365), day)
        : change('lifecycleStage', 'deployment', 'operation-and-monitoring');
    case 'risk':
      return rng.chance(0.5) ? change('status', 'open', 'treating') : change('nextReviewDate', day, addDays(day, 365));
    case 'evidence':
      return change('validUntil', day, addDays(day, 365));
    case 'supplier':
      return change('nextReviewDate', day, addDays(day, 365));
    default:
      return change('status', 'planned', 'in-progress');
  }
}

export async function seedAuditLog(
  db: Db,
  ctx: SeedContext,
  created: SeededAudit[],
  total: number,
  members: MemberActor[],
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  if (!members.length) throw new Error('the organization has no member to name in the audit log');
  if (created.length === 0) return 0;
  const rng = new Rng(ctx.seed, 'audit');
  const target = Math.max(total, created.length);
  const byId = new Map(members.map((m) => [m.userId, m]));
  const actorOf = (a: SeededAudit['actor'], i: number): MemberActor =>
    (a.userId && byId.get(a.userId)) || members[i % members.length];
  let written = 0;
  let next = 0;
  while (written < target) {
    const n = Math.min(PER_TRANSACTION, target - written);
    // Entries of one transaction grouped by who made them: appendAuditMany names one actor a call.
    const groups = new Map<string, { actor: Actor; entries: AuditEntry[] }>();
    for (let k = 0; k < n; k++, next++) {
      const source = next < created.length ? created[next] : created[rng.int(0, created.length - 1)];
      const { actor, ...entry } = next < created.length ? source : { ...updateOf(rng, ctx, source), actor: source.actor };
      const m = actorOf(actor, next);
      const g = groups.get(m.userId) ?? { actor: { userId: m.userId, label: m.email }, entries: [] };
      g.entries.push(entry);
      groups.set(m.userId, g);
    }
    await db.transaction().execute(async (tx) => {
      for (const g of groups.values()) await appendAuditMany(tx, g.actor, g.entries);
    });
    written += n;
    onProgress?.(written, target);
  }
  return written;
}
