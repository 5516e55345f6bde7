import { AppError } from '../http/errors.js';

// What the blob store throws. Both are AppErrors so a route that lets them
// through answers a clean problem: a corrupted blob is our fault (500), never
// wrong bytes sent as if they were right.

export class BlobCorruptedError extends AppError {
  constructor(public readonly sha256: string) {
    super(500, 'blob-corrupted', `The stored file's content no longer matches its SHA-256 (${sha256}); it was not sent.`);
    this.name = 'BlobCorruptedError';
  }
}

export class BlobNotFoundError extends AppError {
  constructor(public readonly sha256: string) {
    super(500, 'blob-missing', `The stored file's content (${sha256}) is missing from the evidence store.`);
    this.name = 'BlobNotFoundError';
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(public readonly maxBytes: number) {
    const mb = Math.round((maxBytes / (1024 * 1024)) * 100) / 100;
    super(413, 'Payload Too Large', `The file is larger than the upload limit of ${mb} MB.`, [
      { field: 'file', message: `is larger than the upload limit of ${mb} MB` },
    ]);
    this.name = 'PayloadTooLargeError';
  }
}
