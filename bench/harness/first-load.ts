// First load of the sign-in page: the bytes a browser receives (as sent, with
// `Accept-Encoding: br, gzip`) for the HTML and what it references directly
// (entry script, module preloads, style sheets, icon). A chunk the entry
// imports later on its own is not counted: the figure is a lower bound.
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { openDatabase } from '../../src/platform/db/db.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { request } from './http.js';

export interface FirstLoad {
  bytes: number;
  files: { url: string; bytes: number; encoding: string; cacheControl: string }[];
}

const webDir = path.resolve(import.meta.dirname, '../../web/dist');

/** null when the web app is not built (`npm run build:web`). */
export async function measureFirstLoad(): Promise<FirstLoad | null> {
  const database = openDatabase({ dataDir: '/tmp', databaseUrl: 'sqlite::memory:' });
  await migrateToLatest(database);
  const app = await buildApp(database, loadConfig({ logLevel: 'silent', dataDir: '/tmp', webDir }, {}));
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const headers = { 'accept-encoding': 'br, gzip' };
    const html = await request(base, 'GET', '/signin', { headers });
    if (html.status !== 200 || !String(html.headers['content-type']).includes('text/html')) return null;
    const files: FirstLoad['files'] = [];
    const add = (url: string, a: Awaited<ReturnType<typeof request>>) =>
      files.push({
        url,
        bytes: a.body.length,
        encoding: String(a.headers['content-encoding'] ?? 'identity'),
        cacheControl: String(a.headers['cache-control'] ?? ''),
      });
    add('/signin', html);
    // The HTML is compressed: read the links from an uncompressed copy.
    const text = (await request(base, 'GET', '/signin')).body.toString('utf8');
    const refs = [...text.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
    for (const url of [...new Set(refs)]) add(url, await request(base, 'GET', url, { headers }));
    return { bytes: files.reduce((sum, f) => sum + f.bytes, 0), files };
  } finally {
    await app.close();
    await database.close();
  }
}
