// Precompresses the built web app (issue 17, web delivery): a .br (brotli at
// its highest quality) and a .gz (gzip level 9) beside every compressible
// file, so the server sends them as they are (@fastify/static's preCompressed)
// instead of compressing the same bytes on every first load. Run by the vite
// build (web/vite.config.ts) and on its own: `npx tsx scripts/compress-web.ts [dir]`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

// Source maps are left out: only developer tools fetch them, and the server
// compresses them on the fly then. Images and fonts are compressed already.
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;
// Below this a compressed copy saves less than a packet.
const MIN_BYTES = 512;

export interface CompressedFile {
  file: string;
  bytes: number;
  br: number;
  gzip: number;
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) yield full;
  }
}

/** Writes file.br and file.gz next to each compressible file; a copy that would not be smaller is not written. */
export async function compressWebDir(dir: string): Promise<CompressedFile[]> {
  const jobs = [...filesUnder(dir)].map(async (file) => {
    const source = fs.readFileSync(file);
    if (source.length < MIN_BYTES) return null;
    const [br, gz] = await Promise.all([
      brotli(source, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
        },
      }),
      gzip(source, { level: zlib.constants.Z_BEST_COMPRESSION }),
    ]);
    // A stale copy from an earlier build must not outlive its source.
    for (const [ext, data] of [
      ['.br', br],
      ['.gz', gz],
    ] as const) {
      if (data.length < source.length) fs.writeFileSync(file + ext, data);
      else fs.rmSync(file + ext, { force: true });
    }
    return { file: path.relative(dir, file), bytes: source.length, br: br.length, gzip: gz.length };
  });
  return (await Promise.all(jobs)).filter((f): f is CompressedFile => f !== null);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? 'web/dist');
  const files = await compressWebDir(dir);
  const sum = (k: 'bytes' | 'br' | 'gzip') => files.reduce((n, f) => n + f[k], 0);
  console.log(`${files.length} files precompressed in ${dir}: ${sum('bytes')} bytes, brotli ${sum('br')}, gzip ${sum('gzip')}`);
}
