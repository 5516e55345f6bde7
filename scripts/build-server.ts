// Bundles the server and CLI for production (`npm run build:server`), so a
// start loads a few files instead of several hundred ES modules from dist/
// and node_modules (issue 17: cold start). tsc stays the typecheck
// (`npm run typecheck`); esbuild only strips types and joins files.
// bin/aims.js runs dist/server/aims.mjs. The tests that start real servers
// (test/support/server-process.ts) build the same bundle into a folder of
// their own. Run alone: `npx tsx scripts/build-server.ts [outdir]`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where `npm run build:server` writes; two levels below the repository, as src/<file> is. */
export const SERVER_OUTDIR = path.join(ROOT, 'dist/server');

/**
 * Packages left in node_modules and loaded from there at run time:
 * - native addons, found by their package's own loader next to its files;
 * - packages that read their own files through __dirname or a resolved path
 *   (the OpenAPI UI's assets, the CycloneDX schemas, zxcvbn's dictionaries,
 *   exceljs's internal modules) or that load optional add-ons (pg-native);
 * - the heavy libraries only some requests need (loaded with `await import()`,
 *   see test/startup.test.ts): bundling them gains nothing at start.
 */
export const EXTERNAL = [
  'better-sqlite3',
  'argon2',
  'pg-native',
  '@cyclonedx/*',
  '@zxcvbn-ts/*',
  'exceljs',
  'exceljs/*',
  'docx',
  'playwright-core',
  '@aws-sdk/*',
  'otplib',
  'openid-client',
  'nodemailer',
  'marked',
];

/**
 * Packages bundled although they read their own files (the OpenAPI UI's
 * assets): __dirname in them becomes their folder in node_modules, found at
 * run time, so the bundle reads the files where npm put them. Bundled rather
 * than external because, loaded from node_modules, this one brings its own
 * copies of @fastify/static and yaml, about a tenth of a start's CPU time.
 */
const OWN_FILES = ['@fastify/swagger-ui'];

const PACKAGE_FILE = /^(.*[\\/]node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](.*)$/;

const ownFilesPlugin: Plugin = {
  name: 'own-files',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, (args) => {
      const m = PACKAGE_FILE.exec(args.path);
      const pkg = m?.[2].replaceAll('\\', '/');
      if (!m || !pkg || !OWN_FILES.includes(pkg)) return undefined;
      const sub = path.posix.dirname(m[3].replaceAll('\\', '/'));
      const dir = `require('node:path').join(require('node:path').dirname(require.resolve(${JSON.stringify(`${pkg}/package.json`)})), ${JSON.stringify(sub)})`;
      const contents = fs.readFileSync(args.path, 'utf8').replace(/\b__dirname\b/g, `(${dir})`);
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

/**
 * CommonJS packages bundled into an ES module still call require() for
 * Node's built-ins (fastify, pg, pino), and some read __dirname/__filename:
 * give the bundle the three, as Node gives a CommonJS file. Prefixed names so
 * they cannot clash with a bundled module's own top-level names.
 */
const BANNER = [
  "import { createRequire as __aimsCreateRequire } from 'node:module';",
  "import { dirname as __aimsDirname } from 'node:path';",
  "import { fileURLToPath as __aimsFileURLToPath } from 'node:url';",
  'const require = __aimsCreateRequire(import.meta.url);',
  'const __filename = __aimsFileURLToPath(import.meta.url);',
  'const __dirname = __aimsDirname(__filename);',
].join('\n');

/** Builds the `aims` entry (and one chunk per lazily imported part) into `outdir`; returns the entry file. */
export async function buildServer(outdir: string = SERVER_OUTDIR): Promise<string> {
  const { build } = await import('esbuild');
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { aims: 'src/cli/index.ts' },
    bundle: true,
    // `await import()` stays lazy: each becomes a chunk loaded on first use
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    // .mjs: an ES module wherever it is written (a folder under node_modules has no package scope)
    outExtension: { '.js': '.mjs' },
    // chunks beside the entry: import.meta.url then means the same folder in every file (version.ts, app.ts)
    chunkNames: '[name]-[hash]',
    external: EXTERNAL,
    banner: { js: BANNER },
    plugins: [ownFilesPlugin],
    sourcemap: true,
    legalComments: 'none',
    // V8 parses every byte of a file it loads: without whitespace and with
    // shorter syntax the start-up chunks are a third smaller and a restart
    // about 90 ms faster (issue 17). Names are kept, so stack traces still
    // name our functions; the source map maps lines back.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  return path.join(outdir, 'aims.mjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildServer(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`built ${path.relative(process.cwd(), out)}`);
}
