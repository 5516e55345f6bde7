// Training and competence (clauses 7.2, 7.3): topics and who must take them,
// competence criteria per governance role and team, completion records, the
// matrix of who is trained on what, and refresher reminders.
import type { Executor } from '../../platform/db/db.js';
import { registerReminderJob } from '../../platform/jobs/index.js';
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { trainingRefresherJob } from './training.job.js';
import { trainingNumber } from './training.rules.js';
import { topicRegister } from './training.topics.js';

registerLinkKind(
  registerLinkKindOf(topicRegister, {
    kind: 'training',
    noun: 'a training topic',
    columns: ['number_seq', 'title'],
    label: (r) => `${trainingNumber(Number(r.number_seq))} ${r.title}`,
    nameKey: 'title_key',
  }),
);

registerReminderJob(trainingRefresherJob);

export { trainingRoutes } from './training.routes.js';
export { trainingDue, trainingSummary } from './training.matrix.js';
export { trainingRefresherJob } from './training.job.js';
export { seedTrainingTopics, SEED_TOPICS } from './training.seed.js';
export { CELL_STATES, type CellState, STATE_WORDS } from './training.rules.js';

/** How many competence criteria the organization has set (the readiness rehearsal's training check). */
export async function competenceCriteriaCount(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('training_criteria')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
