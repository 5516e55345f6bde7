import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
// @ts-expect-error s3rver ships no types; a small fake S3 server in Node, started per run
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config/config.js';
import {
  type BlobStore,
  BlobCorruptedError,
  createBlobStore,
  FsBlobStore,
  PayloadTooLargeError,
} from '../src/platform/storage/index.js';
import { S3BlobStore } from '../src/platform/storage/s3-store.js';
import { VERIFY_BEFORE_SEND_BYTES } from '../src/platform/storage/storage.streams.js';

// Both drivers against the same expectations: a round trip, a no-op re-put,
// the size limit leaving nothing behind, and corruption detected on read
// (before any byte for small blobs, at the stream's end for large ones). The
// S3 driver runs against s3rver on a random local port (no network).

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A stream that yields the buffer in 64 KiB chunks, as a socket would. */
const chunked = (b: Buffer) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < b.length; i += 65536) yield b.subarray(i, i + 65536);
    })(),
  );

async function readAll(r: Readable): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of r) out.push(c as Buffer);
  return Buffer.concat(out);
}

interface Driver {
  store: BlobStore;
  /** overwrites the stored bytes behind the store's back */
  corrupt(sha256: string, bytes: Buffer): Promise<void>;
  /** the objects or files the store keeps, temp ones included */
  entries(): Promise<string[]>;
}

const dirs: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-storage-'));
  dirs.push(d);
  return d;
};
const s3servers: { close(): Promise<void> }[] = [];

async function fsDriver(): Promise<Driver> {
  const store = new FsBlobStore(tmpDir());
  const walk = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [e.name]))
      : [];
  return {
    store,
    corrupt: async (key, bytes) => fs.writeFileSync(store.pathOf(key), bytes),
    entries: async () => walk(store.root),
  };
}

async function s3Driver(): Promise<Driver> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: tmpDir(),
    configureBuckets: [{ name: 'evidence' }],
  });
  const { port } = await server.run();
  s3servers.push(server);
  // The store as the app makes it from settings; a direct client to tamper with it.
  const env = {
    OPENAIMS_STORAGE: 's3',
    OPENAIMS_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    OPENAIMS_S3_BUCKET: 'evidence',
    OPENAIMS_S3_FORCE_PATH_STYLE: 'true',
    OPENAIMS_S3_ACCESS_KEY_ID: 'S3RVER',
    OPENAIMS_S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  const config = loadConfig({ dataDir: tmpDir() }, env);
  const store = new S3BlobStore({
    bucket: 'evidence',
    region: config.s3Region,
    endpoint: config.s3Endpoint,
    forcePathStyle: config.s3ForcePathStyle,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  });
  return {
    store: createBlobStore(config),
    corrupt: async (key, bytes) => {
      await store.client.send(new PutObjectCommand({ Bucket: 'evidence', Key: store.keyOf(key), Body: bytes }));
    },
    entries: async () => {
      const res = await store.client.send(new ListObjectsV2Command({ Bucket: 'evidence' }));
      return (res.Contents ?? []).map((o) => o.Key ?? '');
    },
  };
}

afterAll(async () => {
  for (const s of s3servers) await s.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

it('reads the storage settings, defaulting to the data directory', () => {
  const fsConfig = loadConfig({ dataDir: '/srv/aims' }, {});
  expect(fsConfig).toMatchObject({ storage: 'fs', s3Region: 'us-east-1', s3ForcePathStyle: false, uploadMaxMb: 100 });
  expect(createBlobStore(fsConfig).driver).toBe('fs');
  expect(loadConfig({}, { OPENAIMS_UPLOAD_MAX_MB: '25' }).uploadMaxMb).toBe(25);
  expect(() => loadConfig({}, { OPENAIMS_STORAGE: 'ftp' })).toThrow(/storage/);
  expect(() => createBlobStore(loadConfig({}, { OPENAIMS_STORAGE: 's3' }))).toThrow(/OPENAIMS_S3_BUCKET/);
});

describe.each([
  ['fs', fsDriver],
  ['s3', s3Driver],
] as const)('%s blob store', (_name, make) => {
  let d: Driver;
  beforeAll(async () => {
    d = await make();
  });

  it('stores under the SHA-256, reads back the same bytes, and storing again is a no-op', async () => {
    const body = randomBytes(300_000);
    const blob = await d.store.put(chunked(body));
    expect(blob).toEqual({ sha256: sha(body), size: body.length });
    expect(await readAll(await d.store.get(blob.sha256))).toEqual(body);
    expect(await d.store.has(blob.sha256)).toBe(true);
    const before = await d.entries();
    expect(await d.store.put(chunked(body))).toEqual(blob);
    expect(await d.entries()).toEqual(before);
    expect(await d.store.verify(blob.sha256)).toBe(true);
  });

  it('stops at maxBytes and leaves nothing behind', async () => {
    const before = await d.entries();
    await expect(d.store.put(chunked(randomBytes(200_000)), { maxBytes: 100_000 })).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(await d.entries()).toEqual(before);
  });

  it('leaves nothing behind when the body fails midway', async () => {
    const before = await d.entries();
    const failing = Readable.from(
      (async function* () {
        yield randomBytes(70_000);
        throw new Error('client went away');
      })(),
    );
    await expect(d.store.put(failing)).rejects.toThrow('client went away');
    expect(await d.entries()).toEqual(before);
  });

  it('refuses a small corrupted blob before returning a byte', async () => {
    const body = Buffer.from('Minutes of the management review, 2026-11-30.');
    const { sha256 } = await d.store.put(chunked(body));
    const bad = Buffer.from(body);
    bad[3] ^= 0x01;
    await d.corrupt(sha256, bad);
    await expect(d.store.get(sha256)).rejects.toBeInstanceOf(BlobCorruptedError);
    expect(await d.store.verify(sha256)).toBe(false);
  });

  it('errors a large corrupted blob at the end of its stream, never ending it cleanly', async () => {
    const body = randomBytes(VERIFY_BEFORE_SEND_BYTES + 1024);
    const { sha256 } = await d.store.put(chunked(body));
    const bad = Buffer.from(body);
    bad[bad.length - 10] ^= 0x01;
    await d.corrupt(sha256, bad);
    await expect(readAll(await d.store.get(sha256))).rejects.toBeInstanceOf(BlobCorruptedError);
  });

  it('answers not found for an unknown key', async () => {
    expect(await d.store.has('0'.repeat(64))).toBe(false);
    await expect(d.store.get('0'.repeat(64))).rejects.toMatchObject({ name: 'BlobNotFoundError' });
  });
});

describe('s3 blob store, multipart', () => {
  it('uploads more than 5 MiB in parts, copies it to its key and removes the temporary object', async () => {
    const d = await s3Driver();
    const body = randomBytes(12 * 1024 * 1024 + 5);
    const blob = await d.store.put(chunked(body));
    expect(blob.sha256).toBe(sha(body));
    expect(await d.entries()).toEqual([`sha256/${blob.sha256}`]);
    expect((await readAll(await d.store.get(blob.sha256))).equals(body)).toBe(true);
  });
});
