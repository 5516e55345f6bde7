import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { FsBlobStore } from './fs-store.js';

// A refused upload must leave no temp file, even when the refusal comes before
// the write stream has finished opening its file (seen once in CI: the
// removal ran first and the open created the file after it).
describe('FsBlobStore.put', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('leaves no temp file when 200 bodies fail at once, side by side', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-fs-store-'));
    dirs.push(dir);
    const store = new FsBlobStore(dir);
    // Side by side, so the file system's thread pool is busy and an open can
    // finish after the removal that was meant to follow it.
    const puts = Array.from({ length: 200 }, () => {
      const refusing = new Transform({
        transform(_chunk, _enc, done) {
          done(new Error('refused'));
        },
      });
      return store.put(Readable.from([Buffer.from('<svg><script/></svg>')]).pipe(refusing));
    });
    const settled = await Promise.allSettled(puts);
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    expect(fs.readdirSync(store.tmpDir)).toEqual([]);
  });

  it('stores a body under its SHA-256 and leaves no temp file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-fs-store-'));
    dirs.push(dir);
    const store = new FsBlobStore(dir);
    const blob = await store.put(Readable.from([Buffer.from('hello')]));
    expect(blob).toEqual({ sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824', size: 5 });
    expect(fs.readdirSync(store.tmpDir)).toEqual([]);
  });
});
