// The evidence store's public surface: modules and the CLI import only this.
export { createBlobStore } from './create.js';
export {
  getStoredFile,
  getStoredFiles,
  type NewFile,
  openStoredFile,
  sendStoredFile,
  storeFile,
} from './files.js';
export { FsBlobStore } from './fs-store.js';
export { BlobCorruptedError, BlobNotFoundError, PayloadTooLargeError } from './storage.errors.js';
export { storedFileSchema } from './storage.schemas.js';
export type { BlobStore, StoredBlob, StoredFile } from './storage.types.js';
export { fileRoutes } from './files.routes.js';
