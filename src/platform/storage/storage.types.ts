import type { Readable } from 'node:stream';

// The evidence store's contract (issue 12): files are kept content-addressed by
// their SHA-256 behind one interface with two drivers, the data directory
// (embedded use) and any S3-compatible object store (several app nodes share it).
// Modules never see a driver: they get a BlobStore from the app
// (`app.storage`) or the CLI, and keep file metadata in `stored_files`.

export interface StoredBlob {
  /** lowercase hex SHA-256 of the content: the blob's key */
  sha256: string;
  size: number;
}

export interface BlobStore {
  readonly driver: 'fs' | 's3';
  /**
   * Streams the body to storage while hashing it (never holding the whole file
   * in memory; S3 uploads go multipart). Over maxBytes it stops reading, leaves
   * nothing behind and throws a PayloadTooLarge error (413 problem naming the limit).
   * Storing content that already exists is a no-op that returns the same key.
   */
  put(body: Readable, opts?: { maxBytes?: number }): Promise<StoredBlob>;
  /**
   * The blob's content, checked against its hash on every read: a blob whose
   * bytes no longer match throws (or, when streamed, errors the stream with)
   * BlobCorruptedError. Unknown key: BlobNotFoundError.
   */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /**
   * Reads the whole blob and checks it against its key, for an integrity job:
   * true when intact, false when corrupted; unknown key: BlobNotFoundError.
   */
  verify(sha256: string): Promise<boolean>;
}

/** An organization's handle on a stored blob: what evidence and documents reference by id. */
export interface StoredFile {
  id: string;
  orgId: string;
  sha256: string;
  /** the file name as uploaded, checked (no path parts, NUL or control characters, at most 255 bytes) */
  name: string;
  /** media type as sniffed/declared; served as a download whatever it is */
  mediaType: string;
  size: number;
  uploadedBy: string | null;
  uploadedAt: string;
}
