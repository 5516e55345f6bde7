import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { BlobCorruptedError, PayloadTooLargeError } from './storage.errors.js';

// The streams both drivers share: hashing (and counting) what goes in, and
// checking what comes out against the key it was stored under.

/** Blobs up to this size are read whole and checked before a byte is returned. */
export const VERIFY_BEFORE_SEND_BYTES = 8 * 1024 * 1024;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A pass-through that hashes and counts; over maxBytes it errors with PayloadTooLargeError. */
export class HashingStream extends Transform {
  private readonly hash = createHash('sha256');
  /** bytes seen so far (not `size`: lib-storage reads Body.size as the total length) */
  bytes = 0;
  private digestHex: string | null = null;

  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(new PayloadTooLargeError(this.maxBytes));
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback) {
    this.digestHex = this.hash.digest('hex');
    done();
  }

  /** the hex SHA-256, once the stream has ended */
  get sha256(): string {
    if (!this.digestHex) throw new Error('HashingStream read before its end');
    return this.digestHex;
  }
}

/**
 * Passes the bytes through and, at the end, errors with BlobCorruptedError
 * when they do not hash to the expected key. The last chunk is held back
 * until the hash is known, so a consumer never gets every byte of wrong
 * content: a download with Content-Length comes up short and is aborted,
 * never completed.
 */
export class VerifyingStream extends Transform {
  private readonly hash = createHash('sha256');
  private pending: Buffer | null = null;

  constructor(private readonly sha256: string) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.hash.update(chunk);
    const previous = this.pending;
    this.pending = chunk;
    done(null, previous ?? undefined);
  }

  override _flush(done: TransformCallback) {
    if (this.hash.digest('hex') !== this.sha256) return done(new BlobCorruptedError(this.sha256));
    if (this.pending) this.push(this.pending);
    done();
  }
}

/** Reads a small blob whole and checks it, so a corrupted one fails before anything is sent. */
export async function readVerified(source: Readable, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  for await (const chunk of source) {
    hash.update(chunk as Buffer);
    chunks.push(chunk as Buffer);
  }
  if (hash.digest('hex') !== sha256) throw new BlobCorruptedError(sha256);
  return Buffer.concat(chunks);
}

/** The checked content: whole and verified when small, else verified as it streams. */
export async function verifiedContent(source: Readable, size: number, sha256: string): Promise<Readable> {
  if (size <= VERIFY_BEFORE_SEND_BYTES) return Readable.from([await readVerified(source, sha256)], { objectMode: false });
  const out = new VerifyingStream(sha256);
  source.on('error', (e) => out.destroy(e));
  return source.pipe(out);
}

/** Hashes a whole stream: true when it matches the key. */
export async function matches(source: Readable, sha256: string): Promise<boolean> {
  const hash = createHash('sha256');
  for await (const chunk of source) hash.update(chunk as Buffer);
  return hash.digest('hex') === sha256;
}
