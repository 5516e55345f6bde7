import type { Executor } from '../../platform/db/db.js';
import { getStoredFiles } from '../../platform/storage/index.js';

// The stored files evidence names, through the platform's store: an item of
// kind 'file' must name a file of its own organization.

export interface FileInfo {
  id: string;
  name: string;
  size: number;
  mediaType: string;
  sha256: string;
}

/** The organization's files among ids (others' and unknown ones are absent), in one query. */
export async function filesOf(db: Executor, orgId: string, ids: string[]): Promise<Map<string, FileInfo>> {
  const out = new Map<string, FileInfo>();
  if (ids.length === 0) return out;
  const found = await getStoredFiles(db, orgId, [...new Set(ids)]);
  for (const f of found.values())
    out.set(f.id, { id: f.id, name: f.name, size: f.size, mediaType: f.mediaType, sha256: f.sha256 });
  return out;
}
