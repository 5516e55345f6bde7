// A process that writes to a SQLite file, lets the checkpoint worker run, and
// then simply ends without closing the database, as a CLI command that
// returns may: the worker must not keep it alive.
import { sql } from 'kysely';
import { openDatabase } from '../../src/platform/db/db.js';

const [dir] = process.argv.slice(2);
const database = openDatabase({ dataDir: dir });
await sql`create table if not exists left_behind (x integer)`.execute(database.db);
await sql`insert into left_behind (x) values (1)`.execute(database.db);
await database.checkpointer?.settled();
process.stdout.write('written\n');
