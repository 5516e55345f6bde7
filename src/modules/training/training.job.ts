import { todayUtc } from '../../platform/dates.js';
import { type Executor, nowIso } from '../../platform/db/db.js';
import type { DueItem, ReminderJob } from '../../platform/jobs/index.js';
import { addDays, EXPIRING_DAYS, recordState, trainingNumber } from './training.rules.js';

// The daily refresher reminder: a member whose latest completion of a topic
// expires within 30 days, or has expired, is told once each. The keys carry
// the expiry date, so a new completion earns a new reminder.

export async function trainingRefresherDue(db: Executor, now: Date): Promise<DueItem[]> {
  const today = todayUtc(now);
  const at = nowIso();
  const rows = await db
    .selectFrom('training_records as r')
    .innerJoin('training_topics as t', 't.id', 'r.topic_id')
    .innerJoin('memberships as m', (j) => j.onRef('m.org_id', '=', 'r.org_id').onRef('m.user_id', '=', 'r.person_user_id'))
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['r.id', 'r.org_id', 'r.person_user_id', 'r.expires_on', 't.number_seq', 't.title'])
    .where('r.archived_at', 'is', null)
    .where('t.archived_at', 'is', null)
    .where('r.expires_on', 'is not', null)
    .where('r.expires_on', '<=', addDays(today, EXPIRING_DAYS))
    .where('m.role', '!=', 'auditor')
    .where('u.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', at)]))
    // only the latest completion of the person's topic counts
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('training_records as n')
            .select('n.id')
            .whereRef('n.org_id', '=', 'r.org_id')
            .whereRef('n.person_user_id', '=', 'r.person_user_id')
            .whereRef('n.topic_id', '=', 'r.topic_id')
            .where('n.archived_at', 'is', null)
            .where((eb) =>
              eb.or([
                eb('n.completed_on', '>', eb.ref('r.completed_on')),
                eb.and([eb('n.completed_on', '=', eb.ref('r.completed_on')), eb('n.id', '>', eb.ref('r.id'))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('r.id')
    .execute();
  return rows.map((r) => {
    const expiresOn = r.expires_on as string;
    const expired = recordState(expiresOn, today) === 'expired';
    const name = `${trainingNumber(Number(r.number_seq))} '${r.title}'`;
    return {
      key: expired ? `training:${r.id}:expired:${expiresOn}` : `training:${r.id}:expires:${expiresOn}:${EXPIRING_DAYS}d`,
      orgId: r.org_id,
      userIds: [r.person_user_id as string],
      title: expired ? `Your training ${name} expired on ${expiresOn}` : `Your training ${name} expires on ${expiresOn}`,
      body: expired
        ? 'Take the refresher and record it so your training counts as current again.'
        : 'Take the refresher before then and record it, so your training stays current.',
      link: `/orgs/${r.org_id}/training`,
    };
  });
}

export const trainingRefresherJob: ReminderJob = { name: 'training-refresher', cron: '0 7 * * *', due: trainingRefresherDue };
