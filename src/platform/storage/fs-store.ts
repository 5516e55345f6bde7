import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { uuidv7 } from 'uuidv7';
import { BlobNotFoundError } from './storage.errors.js';
import { HashingStream, matches, SHA256_HEX, verifiedContent } from './storage.streams.js';
import type { BlobStore, StoredBlob } from './storage.types.js';

// The data-directory driver: <dataDir>/blobs/ab/cd/<sha256>. An upload is
// written to blobs/tmp (the same file system, so the final rename is atomic)
// while it is hashed, flushed to disk, then renamed to its key: a crash leaves
// a temp file, never a half-written blob under a real key.

export class FsBlobStore implements BlobStore {
  readonly driver = 'fs' as const;
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'blobs');
  }

  /** where a blob lives (exposed for tests and the integrity job) */
  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 key: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  get tmpDir(): string {
    return path.join(this.root, 'tmp');
  }

  async put(body: Readable, opts: { maxBytes?: number } = {}): Promise<StoredBlob> {
    // Synchronous, so the body is piped before anything awaits: an error the
    // caller's stream raises early still reaches this pipeline.
    mkdirSync(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, `${uuidv7()}.part`);
    const hashing = new HashingStream(opts.maxBytes);
    const out = createWriteStream(tmp, { flags: 'wx' });
    try {
      await pipeline(body, hashing, out);
      const fh = await fs.open(tmp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      const sha256 = hashing.sha256;
      const target = this.pathOf(sha256);
      if (await exists(target)) {
        await fs.rm(tmp, { force: true });
      } else {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.rename(tmp, target);
      }
      return { sha256, size: hashing.bytes };
    } catch (e) {
      // A refused, too large or broken upload leaves nothing behind.
      body.destroy();
      // The write stream opens its file asynchronously: an upload refused
      // before that open finished would otherwise create the temp file after
      // the removal below. Wait for the stream to let go of it first.
      if (!out.closed) await once(out, 'close').catch(() => {});
      await fs.rm(tmp, { force: true });
      throw e;
    }
  }

  async get(sha256: string): Promise<Readable> {
    const file = this.pathOf(sha256);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) throw new BlobNotFoundError(sha256);
    return verifiedContent(createReadStream(file), stat.size, sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async verify(sha256: string): Promise<boolean> {
    const file = this.pathOf(sha256);
    if (!(await exists(file))) throw new BlobNotFoundError(sha256);
    return matches(createReadStream(file), sha256);
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
