// Cold start: from spawning the built `aims serve` on an empty data directory
// to the first 200 from /api/health.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '../..');

export async function coldStart(runs = 5): Promise<number[]> {
  if (!fs.existsSync(path.join(root, 'dist/src/cli/index.js'))) {
    spawnSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-'));
    const port = 41000 + Math.floor(Math.random() * 2000);
    const t0 = performance.now();
    const child = spawn(process.execPath, ['bin/aims.js', '--data', data, 'serve', '--port', String(port)], {
      cwd: root,
      env: { ...process.env, OPENAIMS_LOG_LEVEL: 'silent', DATABASE_URL: '' },
      stdio: 'ignore',
    });
    try {
      for (;;) {
        try {
          const r = await fetch(`http://127.0.0.1:${port}/api/health`);
          if (r.status === 200) break;
        } catch {
          /* not listening yet */
        }
        if (performance.now() - t0 > 30_000) throw new Error('server did not start within 30 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      times.push(performance.now() - t0);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(data, { recursive: true, force: true });
    }
  }
  return times;
}
