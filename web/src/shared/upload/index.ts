// Uploading files to the organization's file store, with progress: used by
// evidence and documents alike.
export { type Upload, UploadButton, useUpload } from './UploadButton';
export { formatSize, type StoredFile, type UploadOptions, type UploadProgress, uploadFile } from './uploadFile';
