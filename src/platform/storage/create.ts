import type { Readable } from 'node:stream';
import type { Config } from '../config/config.js';
import { FsBlobStore } from './fs-store.js';
import type { S3BlobStore, S3StoreOptions } from './s3-store.js';
import type { BlobStore, StoredBlob } from './storage.types.js';

/**
 * The S3 driver, loaded on first use: the AWS SDK is large, and a server on
 * the data directory should not pay for it at start-up.
 */
class LazyS3Store implements BlobStore {
  readonly driver = 's3' as const;
  private store: Promise<S3BlobStore> | null = null;

  constructor(private readonly opts: S3StoreOptions) {}

  private load(): Promise<S3BlobStore> {
    this.store ??= import('./s3-store.js').then((m) => new m.S3BlobStore(this.opts));
    return this.store;
  }

  async put(body: Readable, opts?: { maxBytes?: number }): Promise<StoredBlob> {
    // The body may fail (a refused upload) while the SDK loads: hold the
    // error and answer with it instead of piping a dead stream.
    const hold = () => undefined;
    body.on('error', hold);
    const store = await this.load();
    body.off('error', hold);
    if (body.errored) throw body.errored;
    return store.put(body, opts);
  }
  async get(sha256: string): Promise<Readable> {
    return (await this.load()).get(sha256);
  }
  async has(sha256: string): Promise<boolean> {
    return (await this.load()).has(sha256);
  }
  async verify(sha256: string): Promise<boolean> {
    return (await this.load()).verify(sha256);
  }
}

/** The blob store the settings name: the data directory (default) or an S3-compatible bucket. */
export function createBlobStore(config: Config): BlobStore {
  if (config.storage === 'fs') return new FsBlobStore(config.dataDir);
  if (!config.s3Bucket) throw new Error('Invalid configuration: OPENAIMS_STORAGE=s3 needs OPENAIMS_S3_BUCKET');
  return new LazyS3Store({
    bucket: config.s3Bucket,
    region: config.s3Region,
    endpoint: config.s3Endpoint,
    forcePathStyle: config.s3ForcePathStyle,
    accessKeyId: config.s3AccessKeyId,
    secretAccessKey: config.s3SecretAccessKey,
  });
}
