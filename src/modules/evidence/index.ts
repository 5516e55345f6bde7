// Evidence (clauses 7.5, 9.1): files, links and records showing that
// requirements and controls are met, what they cover, and reminders before
// they run out.
import { type Executor, orgOfIds } from '../../platform/db/db.js';
import { registerReminderJob } from '../../platform/jobs/index.js';
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { evidenceExpiryJob } from './evidence.job.js';
import { evidenceRegister } from './evidence.register.js';
import { evidenceNumber, evidenceState } from './evidence.rules.js';

registerLinkKind(
  registerLinkKindOf(evidenceRegister, {
    kind: 'evidence',
    noun: 'an evidence item',
    columns: ['number_seq', 'title'],
    label: (r) => `${evidenceNumber(Number(r.number_seq))} ${r.title}`,
  }),
);

registerReminderJob(evidenceExpiryJob);

export { evidenceExpiryJob } from './evidence.job.js';
export { evidenceRegister } from './evidence.register.js';
export { evidenceRoutes } from './evidence.routes.js';
export {
  CONTROL_ITEMS_SHOWN,
  type ControlEvidence,
  evidenceCoverage,
  evidenceDue,
  evidenceForControls,
  evidenceInArea,
  type EvidenceSummary,
  evidenceSummary,
} from './evidence.coverage.js';
export { type ControlDraw, controlEvidenceAtPlaces } from './evidence.sample.js';
export { AREA_LABELS, EVIDENCE_AREAS, EVIDENCE_STATES, type EvidenceState } from './evidence.rules.js';

/** Items by id with their number, title and state today (the sample's rows). */
export async function evidenceItemsByIds(db: Executor, orgId: string, ids: string[], today: string) {
  if (ids.length === 0) return new Map<string, never>();
  const rows = await db
    .selectFrom('evidence')
    .select(['id', 'number_seq', 'title', 'valid_until', 'collected_on'])
    .where(orgOfIds(db), '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        number: evidenceNumber(Number(r.number_seq)),
        title: r.title,
        collectedOn: r.collected_on,
        validUntil: r.valid_until,
        state: evidenceState(r.valid_until, today),
      },
    ]),
  );
}
