import type { Config } from '../config/config.js';
import { FsBlobStore } from './fs-store.js';
import { S3BlobStore } from './s3-store.js';
import type { BlobStore } from './storage.types.js';

/** The blob store the settings name: the data directory (default) or an S3-compatible bucket. */
export function createBlobStore(config: Config): BlobStore {
  if (config.storage === 'fs') return new FsBlobStore(config.dataDir);
  if (!config.s3Bucket) throw new Error('Invalid configuration: OPENAIMS_STORAGE=s3 needs OPENAIMS_S3_BUCKET');
  return new S3BlobStore({
    bucket: config.s3Bucket,
    region: config.s3Region,
    endpoint: config.s3Endpoint,
    forcePathStyle: config.s3ForcePathStyle,
    accessKeyId: config.s3AccessKeyId,
    secretAccessKey: config.s3SecretAccessKey,
  });
}
