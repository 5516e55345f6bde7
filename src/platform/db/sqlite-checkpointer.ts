import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

// In WAL mode SQLite appends every commit to the log and copies the log back
// into the database file now and then (a checkpoint). By default the commit
// that finds the log over 1,000 pages does the copying, on the event loop:
// ~50 ms of a 1,000-row import's COMMIT at the large bench size, during which
// no other request is served (issue 17). So the writer never checkpoints;
// a worker thread with a connection of its own does, a second after writes.
// A PASSIVE checkpoint waits for no reader or writer, and SQLite lets it run
// beside them: it copies what no open read still needs, and the log starts
// over once everything has been copied.

/** How long after a write the log is copied back: writes in the meantime share one checkpoint. */
const DELAY_MS = 1000;

/** The writer's own setting: what SQLite does when no worker checkpoints. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

// Plain JavaScript evaluated as the worker: nothing to resolve in the built
// bundle. The driver's path comes from the main thread.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
parentPort.on('message', (m) => {
  if (m === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  let error = null;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    error = String(e && e.message);
  }
  parentPort.postMessage({ done: m, error });
});
`;

export interface Checkpointer {
  /** after a committed write: a checkpoint follows shortly */
  nudge(): void;
  /** resolves when the checkpoints asked for so far have run (tests) */
  settled(): Promise<void>;
  /** runs no more checkpoints and closes the worker's connection */
  close(): Promise<void>;
}

/**
 * Takes checkpointing of this file off the writer. The worker starts with the
 * first write, not at open, so a start that only reads pays nothing for it.
 * If the worker fails, the writer checkpoints as SQLite does by default.
 */
export function startCheckpointer(file: string, writer: SQLite.Database): Checkpointer {
  writer.pragma('wal_autocheckpoint = 0');
  let worker: Worker | null = null;
  let failed = false;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let asked = 0;
  let done = 0;
  const waiting: (() => void)[] = [];
  const settle = () => {
    if (done < asked && !failed) return;
    for (const resolve of waiting.splice(0)) resolve();
  };
  const fallBack = () => {
    if (failed) return;
    failed = true;
    if (writer.open) writer.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    settle();
  };
  const spawn = () => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    w.on('message', (m: { done: number; error: string | null }) => {
      done = Math.max(done, m.done);
      if (m.error) process.emitWarning(`SQLite checkpoint failed: ${m.error}`);
      settle();
    });
    w.on('error', (e) => {
      process.emitWarning(`SQLite checkpoint worker stopped: ${e.message}`);
      fallBack();
    });
    w.on('exit', () => {
      if (worker === w && !closed) fallBack();
    });
    // Never keeps a process alive. After the listeners: adding a 'message'
    // listener refs the worker again.
    w.unref();
    return w;
  };
  const run = () => {
    timer = null;
    if (closed || failed) return;
    worker ??= spawn();
    worker.postMessage(asked);
  };
  return {
    nudge() {
      if (closed || failed || timer) return;
      asked++;
      timer = setTimeout(run, DELAY_MS);
      timer.unref();
    },
    settled() {
      if (done >= asked || failed) return Promise.resolve();
      if (timer) {
        clearTimeout(timer);
        run();
      }
      // Someone waits on the worker: it keeps the process alive until it answers.
      const w = worker;
      w?.ref();
      return new Promise<void>((resolve) => waiting.push(resolve)).finally(() => w?.unref());
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const w = worker;
      worker = null;
      for (const resolve of waiting.splice(0)) resolve();
      if (!w) return;
      const exited = new Promise((resolve) => w.once('exit', resolve));
      // unref'd while it runs, so it never keeps a process alive; ref'd now,
      // or a process with nothing else to do would end before the worker has
      // closed its connection (and `await close()` would never return)
      w.ref();
      w.postMessage('close');
      await exited;
    },
  };
}
