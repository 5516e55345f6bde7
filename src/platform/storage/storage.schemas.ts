import { z } from 'zod';

/** A stored file's metadata as the API answers it (GET /files/{fileId}, and what evidence and documents embed). */
export const storedFileSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    sha256: z.string(),
    name: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    uploadedBy: z.string().nullable(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'StoredFile' });
