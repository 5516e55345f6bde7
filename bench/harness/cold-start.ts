// Cold start: from spawning the built `aims serve` (bin/aims.js) to the first
// 200 from /api/health, in two cases:
// - 'fresh': an empty data directory, so every migration runs first (a first start);
// - 'restart': a database a previous start created (what a user waits for on
//   every later start, after an upgrade without new migrations or a reboot).
// Run alone for both: `npx tsx bench/harness/cold-start.ts [runs]`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUNDLE_FILE, SERVER_OUTDIR } from '../../scripts/build-server.js';

const root = path.resolve(import.meta.dirname, '../..');

export type ColdStartMode = 'fresh' | 'restart';

/** Spawns the server on `data` and resolves with the ms to the first 200, then stops it. */
async function timeOneStart(data: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/aims.js', '--data', data, 'serve', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, OPENAIMS_LOG_LEVEL: 'silent', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-400);
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (r.status === 200) return performance.now() - t0;
      } catch {
        /* not listening yet */
      }
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it answered: ${stderr.trim()}`);
      if (performance.now() - t0 > 30_000) throw new Error('server did not start within 30 s');
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * A port nothing listens on, from the system. A random one in a fixed range
 * met, once, a port the bench's own servers or client sockets held, and the
 * server exited before it answered.
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export async function coldStart(runs = 5, mode: ColdStartMode = 'fresh'): Promise<number[]> {
  if (!fs.existsSync(path.join(SERVER_OUTDIR, BUNDLE_FILE))) {
    spawnSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
  }
  const times: number[] = [];
  const shared = mode === 'restart' ? fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-')) : undefined;
  try {
    // the first start creates the database; it is not one of the restarts measured
    if (shared) await timeOneStart(shared);
    for (let i = 0; i < runs; i++) {
      const data = shared ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-'));
      try {
        times.push(await timeOneStart(data));
      } finally {
        if (!shared) fs.rmSync(data, { recursive: true, force: true });
      }
    }
  } finally {
    if (shared) fs.rmSync(shared, { recursive: true, force: true });
  }
  return times;
}

if (import.meta.filename === process.argv[1]) {
  const runs = Number(process.argv[2] ?? 7);
  const median = (t: number[]) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];
  for (const mode of ['fresh', 'restart'] as const) {
    const t = await coldStart(runs, mode);
    console.log(`${mode}: median ${median(t).toFixed(0)} ms (${t.map((x) => x.toFixed(0)).join(', ')})`);
  }
}
