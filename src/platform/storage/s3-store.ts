import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { uuidv7 } from 'uuidv7';
import { BlobNotFoundError } from './storage.errors.js';
import { HashingStream, matches, SHA256_HEX, verifiedContent } from './storage.streams.js';
import type { BlobStore, StoredBlob } from './storage.types.js';

// The S3-compatible driver, for several app nodes sharing one store. An upload
// goes multipart to a temporary key while it is hashed (the key is known only
// at the end), then is copied to sha256/<hash> and the temporary object
// deleted. Parts are 5 MiB, one in flight: memory stays flat whatever the size.

export interface S3StoreOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
}

const PART_BYTES = 5 * 1024 * 1024;

function isNotFound(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata?.httpStatusCode === 404;
}

export class S3BlobStore implements BlobStore {
  readonly driver = 's3' as const;
  readonly client: S3Client;
  readonly bucket: string;

  constructor(opts: S3StoreOptions) {
    const config: S3ClientConfig = {
      region: opts.region,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle,
      // Checksums are ours (SHA-256 on every read); the SDK's extra CRC
      // trailers are not understood by every S3-compatible server.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    if (opts.accessKeyId && opts.secretAccessKey) {
      config.credentials = { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey };
    }
    this.client = new S3Client(config);
    this.bucket = opts.bucket;
  }

  keyOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 key: ${sha256}`);
    return `sha256/${sha256}`;
  }

  async put(body: Readable, opts: { maxBytes?: number } = {}): Promise<StoredBlob> {
    if (body.errored) throw body.errored;
    const tmpKey = `tmp/${uuidv7()}`;
    const hashing = new HashingStream(opts.maxBytes);
    body.on('error', (e) => hashing.destroy(e));
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: tmpKey, Body: body.pipe(hashing) },
      partSize: PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    // lib-storage reads the stream in its own loop; an error there would not
    // always reject the upload, so the hashing stream's error wins the race.
    const failed = new Promise<never>((_, reject) => hashing.once('error', reject));
    const done = upload.done();
    done.catch(() => undefined); // the race's loser must not reject unhandled
    try {
      await Promise.race([done, failed]);
      const sha256 = hashing.sha256;
      if (!(await this.has(sha256))) {
        await this.client.send(
          new CopyObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256), CopySource: `${this.bucket}/${tmpKey}` }),
        );
      }
      await this.deleteQuietly(tmpKey);
      return { sha256, size: hashing.bytes };
    } catch (e) {
      body.destroy();
      await upload.abort().catch(() => undefined);
      await this.deleteQuietly(tmpKey);
      throw e;
    }
  }

  private async deleteQuietly(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch(() => undefined);
  }

  private async open(sha256: string): Promise<{ body: Readable; size: number }> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return { body: res.Body as Readable, size: res.ContentLength ?? Number.POSITIVE_INFINITY };
    } catch (e) {
      if (isNotFound(e)) throw new BlobNotFoundError(sha256);
      throw e;
    }
  }

  async get(sha256: string): Promise<Readable> {
    const { body, size } = await this.open(sha256);
    return verifiedContent(body, size, sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async verify(sha256: string): Promise<boolean> {
    const { body } = await this.open(sha256);
    return matches(body, sha256);
  }
}
