// One "app node" for the exactly-once test on SQLite: a separate process with
// its own connection to the same database file (two handles in one process
// would block each other, better-sqlite3 being synchronous). It registers the
// same test job as the test and runs runDueJobs `count` times at once.
import { openDatabase } from '../../src/platform/db/db.js';
import { registerReminderJob, runDueJobs } from '../../src/platform/jobs/index.js';
import { raceJob } from './jobs-race.fixture.js';

const [file, orgId, userIdsJson, count, baseIso, nodeId] = process.argv.slice(2);
const database = openDatabase({ dataDir: '/tmp', databaseUrl: `sqlite:${file}` });
registerReminderJob(raceJob(orgId, JSON.parse(userIdsJson)));
const base = new Date(baseIso).getTime();
const results = await Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    runDueJobs(database.db, { mailer: null, nodeId, now: new Date(base + i * 6 * 60_000) }),
  ),
);
await database.close();
process.stdout.write(JSON.stringify(results.map((r) => r.delivered)));
