import type { Actor } from '../../platform/audit-log/audit-log.js';
import type { Executor } from '../../platform/db/db.js';
import { invalid } from '../../platform/http/errors.js';
import type { Person } from '../../platform/refs/index.js';
import { insertRecord } from '../../platform/register/index.js';
import { improvementRegister } from './improvements.register.js';
import * as repo from './improvements.repository.js';
import { type ImprovementSource, improvementNumber, isClosed } from './improvements.rules.js';
import { createImprovementBody, type ImprovementRecord } from './improvements.schemas.js';

// What other modules do with the improvement log: an internal audit, a
// management review or an incident logs an improvement inside its own
// transaction; the home page and the review read the summary.

export interface AddImprovementInput {
  source: { kind: ImprovementSource; id: string | null; label?: string };
  title: string;
  description: string;
  owner?: Person | null;
}

/**
 * Logs an improvement proposed by another record, inside the caller's
 * transaction (audited). One per source record: when the source has an id
 * and an improvement was already logged from it, that one is answered.
 * Bad input is a 400 naming the field.
 */
export async function addImprovement(
  tx: Executor,
  actor: Actor,
  orgId: string,
  input: AddImprovementInput,
): Promise<{ id: string; number: string }> {
  await repo.lockNumbers(tx, orgId);
  if (input.source.id !== null) {
    const existing = await repo.findBySource(tx, orgId, input.source.kind, input.source.id);
    if (existing) return { id: existing.id, number: improvementNumber(Number(existing.number_seq)) };
  }
  const parsed = createImprovementBody.safeParse({
    title: input.title,
    description: input.description,
    source: input.source,
    owner: input.owner
      ? { userId: input.owner.userId, name: input.owner.name, ...(input.owner.email ? { email: input.owner.email } : {}) }
      : null,
  });
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((i) => ({ field: ['body', ...i.path].join('.'), message: i.message })));
  const row = await insertRecord(tx, actor, improvementRegister, orgId, parsed.data as ImprovementRecord);
  return { id: row.id, number: improvementNumber(Number(row.number_seq)) };
}

export interface ImprovementSummary {
  /** not done or rejected, not archived */
  open: number;
  done: number;
  /** active improvements (any status) per source kind */
  bySource: Record<string, number>;
}

export async function improvementSummary(db: Executor, orgId: string): Promise<ImprovementSummary> {
  const rows = await repo.activeStatuses(db, orgId);
  const s: ImprovementSummary = { open: 0, done: 0, bySource: {} };
  for (const r of rows) {
    if (!isClosed(r.status)) s.open++;
    if (r.status === 'done') s.done++;
    s.bySource[r.source_kind] = (s.bySource[r.source_kind] ?? 0) + 1;
  }
  return s;
}
