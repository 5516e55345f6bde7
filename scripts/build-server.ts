// Bundles the server and CLI for production (`npm run build:server`) into
// one CommonJS file, dist/server/aims.cjs, so a start reads one file instead
// of several hundred ES modules from dist/ and node_modules (issue 17: cold
// start). CommonJS because Node 20 keeps no compiled code between starts for
// ES modules, while a CommonJS script can be run through V8's code cache:
// bin/aims.js does that. tsc stays the typecheck (`npm run typecheck`);
// esbuild only strips types and joins files. The tests that start real
// servers (test/support/server-process.ts) build the same bundle into a
// folder of their own. Run alone: `npx tsx scripts/build-server.ts [outdir]`.
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
 * @fastify/compress asks `payload instanceof Response` of every reply. On
 * Node 20 the global Response is a getter that loads Node's whole fetch
 * implementation (undici) when first read: ~20 ms of the first request, so
 * of every cold start. Asking for the object's tag first gives the same
 * answer and reads the getter only for a Response. The build fails if the
 * package no longer has the line, so an upgrade cannot drop this silently.
 */
const COMPRESS_UTILS = /[\\/]node_modules[\\/]@fastify[\\/]compress[\\/]lib[\\/]utils\.js$/;
const noFetchAtFirstReply: Plugin = {
  name: 'no-fetch-at-first-reply',
  setup(b) {
    b.onLoad({ filter: COMPRESS_UTILS }, (args) => {
      const before = fs.readFileSync(args.path, 'utf8');
      const contents = before.replace(
        'return obj instanceof Response',
        "return Object.prototype.toString.call(obj) === '[object Response]' && obj instanceof Response",
      );
      if (contents === before) throw new Error(`${args.path}: the Response check to guard was not found`);
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

/**
 * `import.meta.url` (how our modules find package.json, the web build and
 * their own requires) as a CommonJS file has it: the bundle's own URL.
 */
const BANNER = "const __aimsImportMetaUrl = require('node:url').pathToFileURL(__filename).href;";

/** The file `npm run build:server` writes; bin/aims.js runs it. */
export const BUNDLE_FILE = 'aims.cjs';

/** Builds the `aims` CLI (the server is its `serve` command) into `outdir`; returns the bundle's path. */
export async function buildServer(outdir: string = SERVER_OUTDIR): Promise<string> {
  const { build } = await import('esbuild');
  fs.rmSync(outdir, { recursive: true, force: true });
  const outfile = path.join(outdir, BUNDLE_FILE);
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/index.ts'],
    bundle: true,
    // One file: our own `await import()`s become functions run on first use
    // (still lazy); the external packages stay real imports from node_modules.
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile,
    // OWN_FILES packages find their folder through their package.json at run time
    external: [...EXTERNAL, ...OWN_FILES.map((p) => `${p}/package.json`)],
    define: { 'import.meta.url': '__aimsImportMetaUrl' },
    banner: { js: BANNER },
    plugins: [ownFilesPlugin, noFetchAtFirstReply],
    sourcemap: true,
    legalComments: 'none',
    // V8 parses every byte of a file it loads: without whitespace and with
    // shorter syntax the bundle is a third smaller and a restart about 90 ms
    // faster (issue 17). Names are kept, so stack traces still name our
    // functions; the source map maps lines back.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildServer(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`built ${path.relative(process.cwd(), out)}`);
}
