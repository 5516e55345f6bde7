import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore, type StoredFile, sendStoredFile } from '../src/platform/storage/index.js';
import { VERIFY_BEFORE_SEND_BYTES } from '../src/platform/storage/storage.streams.js';

// A blob too large to check before sending is checked while it streams; when
// it turns out corrupted, the HTTP response must break off (the client sees
// an aborted download), never end as if the wrong bytes were the file. Over a
// real socket, since that is where "complete" and "aborted" differ.

interface Fetched {
  status: number;
  bytes: number;
  complete: boolean;
  error?: string;
}

function fetchRaw(url: string): Promise<Fetched> {
  return new Promise((resolve) => {
    http.get(url, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, complete: res.complete }));
      res.on('error', (e) => resolve({ status: res.statusCode ?? 0, bytes, complete: false, error: e.message }));
      res.on('aborted', () => resolve({ status: res.statusCode ?? 0, bytes, complete: false, error: 'aborted' }));
    });
  });
}

describe('streamed download of a large blob', () => {
  let dir: string;
  let store: FsBlobStore;
  let app: FastifyInstance;
  let base: string;
  const body = randomBytes(VERIFY_BEFORE_SEND_BYTES + 256 * 1024);
  let file: StoredFile;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-dl-'));
    store = new FsBlobStore(dir);
    const blob = await store.put(Readable.from([body]));
    file = {
      id: 'f',
      orgId: 'o',
      sha256: blob.sha256,
      name: 'model-card.bin',
      mediaType: 'application/octet-stream',
      size: blob.size,
      uploadedBy: null,
      uploadedAt: '',
    };
    app = Fastify({ logger: false });
    app.get('/file', async (_req, reply) => sendStoredFile(reply, file, await store.get(file.sha256)));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends an intact blob whole', async () => {
    const res = await fetchRaw(`${base}/file`);
    expect(res).toMatchObject({ status: 200, bytes: body.length, complete: true });
  });

  it('breaks off the response when the bytes turn out wrong', async () => {
    const bad = Buffer.from(body);
    bad[100] ^= 0x01;
    fs.writeFileSync(store.pathOf(file.sha256), bad);
    const res = await fetchRaw(`${base}/file`);
    expect(res.status).toBe(200); // headers were sent before the end was checked
    expect(res.complete).toBe(false);
    expect(res.bytes).toBeLessThan(body.length);
  });
});
