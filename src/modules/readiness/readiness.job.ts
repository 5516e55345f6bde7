import type { ReminderJob } from '../../platform/jobs/index.js';
import { listAllOrgs } from '../organizations/index.js';
import { evaluateReadiness, organizationsWithoutSnapshot } from './readiness.service.js';
import { todayUtc } from '../../platform/dates.js';

// The daily record for organizations nobody looked at that day, so the chart
// has a point every day. It rides on the platform's scheduler (one node at a
// time holds the job's lease) but delivers nothing: it only writes the
// snapshots, each an idempotent upsert, so a run that overlaps another's
// leaves the same rows. It runs late in the UTC day, after the day's visits.
export const readinessSnapshotJob: ReminderJob = {
  name: 'readiness-snapshot',
  cron: '45 23 * * *',
  async due(db, now) {
    const day = todayUtc(now);
    const orgs = (await listAllOrgs(db)).filter((o) => !o.archived_at).map((o) => o.id);
    for (const orgId of await organizationsWithoutSnapshot(db, orgs, day)) await evaluateReadiness(db, orgId, { now });
    return [];
  },
};
