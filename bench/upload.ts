// Evidence uploads (issue 12): a 20 MB file through the HTTP API into the
// data-directory store (and into S3, served by s3rver in this same process),
// over a real socket. The target is that the file is never held in memory:
// peak RSS growth well under 20 MB. RSS and arrayBuffers are sampled every
// 10 ms. Prints numbers; never asserted. Alone: `npx tsx bench/upload.ts`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';
import { buildApp } from '../src/app.js';
import { type ConfigOverrides, loadConfig } from '../src/platform/config/config.js';
import { setupOwner } from '../test/support/app.js';
import { createTestDatabase } from '../test/support/db.js';

const MB = 1024 * 1024;
const SIZE = 20 * MB;

// The client runs in a child process (plain Node, no app code loaded), so
// its buffers do not count in the server's memory; it makes the 20 MB on the
// fly, 64 KiB at a time, and reports its status and elapsed milliseconds.
const CLIENT = `
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
const [url, cookie, csrf, seed, size] = process.argv.slice(1);
const boundary = '----aimsbench' + seed;
const head = Buffer.from('--' + boundary + '\\r\\nContent-Disposition: form-data; name="file"; filename="dataset-' + seed + '.bin"\\r\\nContent-Type: application/octet-stream\\r\\n\\r\\n');
const tail = Buffer.from('\\r\\n--' + boundary + '--\\r\\n');
function* chunks() {
  for (let sent = 0, i = 0; sent < Number(size); sent += 65536, i++) {
    const c = Buffer.alloc(65536);
    c.writeUInt32BE(Number(seed), 0);
    c.writeUInt32BE(i, 4);
    yield c;
  }
}
const t0 = performance.now();
const req = http.request(url, { method: 'POST', headers: {
  'content-type': 'multipart/form-data; boundary=' + boundary,
  'content-length': head.length + Number(size) + tail.length, cookie, 'x-csrf-token': csrf } });
req.on('response', (res) => { res.resume(); res.on('end', () => process.send({ status: res.statusCode, ms: performance.now() - t0 }, () => process.exit(0))); });
req.write(head);
await pipeline(Readable.from(chunks()), req, { end: false });
req.end(tail);
`;

function upload(url: string, cookie: string, csrf: string, seed: number, size = SIZE): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const args = ['--input-type=module', '-e', CLIENT, url, cookie, csrf, String(seed), String(size)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve(m as { status: number; ms: number }));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`upload client exited with ${code}`)));
  });
}

/** Three 20 MB uploads, and optionally one of 100 MB: growth that does not scale with the size is not the file. */
async function run(label: string, overrides: ConfigOverrides, env: NodeJS.ProcessEnv = {}, sizes = [SIZE, SIZE, SIZE]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-upload-'));
  const database = await createTestDatabase('sqlite');
  const app = await buildApp(
    database,
    loadConfig({ logLevel: 'silent', dataDir, webDir: '/nonexistent', uploadMaxMb: 200, ...overrides }, env),
  );
  try {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const { client, orgId } = await setupOwner(app);
    const url = `${base}/api/v1/orgs/${orgId}/files`;
    // one warm-up upload, so the first run's code loading does not count as growth
    if ((await upload(url, client.cookie ?? '', client.csrf ?? '', 0)).status !== 201)
      throw new Error(`${label}: warm-up failed`);
    for (const [i, size] of sizes.entries()) {
      const run = i + 1;
      (globalThis as { gc?: () => void }).gc?.();
      const base0 = process.memoryUsage();
      let peakRss = base0.rss;
      let peakAb = base0.arrayBuffers;
      const timer = setInterval(() => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakAb = Math.max(peakAb, m.arrayBuffers);
      }, 10);
      const { status, ms } = await upload(url, client.cookie ?? '', client.csrf ?? '', run, size);
      const secs = ms / 1000;
      clearInterval(timer);
      if (status !== 201) throw new Error(`${label}: upload answered ${status}`);
      console.log(
        `upload ${String(size / MB).padStart(3)} MB ${label.padEnd(24)} run ${run}: ${(size / MB / secs).toFixed(1)} MB/s, ` +
          `peak RSS growth ${((peakRss - base0.rss) / MB).toFixed(1)} MB, ` +
          `peak arrayBuffers growth ${((peakAb - base0.arrayBuffers) / MB).toFixed(1)} MB (target: well under 20 MB)`,
      );
    }
  } finally {
    await app.close();
    await database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchUpload(): Promise<void> {
  await run('fs (data directory)', {}, {}, [SIZE, SIZE, SIZE, 100 * MB]);
  const s3dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: s3dir,
    configureBuckets: [{ name: 'evidence' }],
  });
  const { port } = await server.run();
  try {
    // s3rver runs in this process: its own buffering counts in the growth too.
    await run(
      's3 (s3rver, in-process)',
      {},
      {
        OPENAIMS_STORAGE: 's3',
        OPENAIMS_S3_ENDPOINT: `http://127.0.0.1:${port}`,
        OPENAIMS_S3_BUCKET: 'evidence',
        OPENAIMS_S3_FORCE_PATH_STYLE: 'true',
        OPENAIMS_S3_ACCESS_KEY_ID: 'S3RVER',
        OPENAIMS_S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
    );
  } finally {
    await server.close();
    fs.rmSync(s3dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await benchUpload();
}
