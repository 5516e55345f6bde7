import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type KyselyPlugin, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createTestDatabase, type TestDatabase, testDialects } from './support/db.js';
import { initArgs } from './support/aims-cli.js';
import { bundleCli, createTarget, runCli, ServerProcess, sharedCli } from './support/server-process.js';

// Start-up stays fast (issue 17): the heavy libraries (Chromium driver,
// spreadsheet and Word writers, the CycloneDX schemas and their validator,
// the AWS SDK), those only some requests need (TOTP, OpenID Connect, SMTP,
// Markdown: 80-180 ms each to load) and pg (on Node 20 it loads fetch too; a
// SQLite server never needs it) load when first used, through
// importPackage() (or a require inside the function), never at
// start. This walks the static imports (not `import type`, not `import()`)
// from what `aims serve` loads before it listens, the CLI entry and the app,
// and fails on any path to a heavy package, printing the chain that leads
// there. The self-test at the end proves it can fail.

const HEAVY = [
  'playwright-core',
  'exceljs',
  'docx',
  '@cyclonedx/',
  'ajv',
  'ajv-formats',
  'ajv-formats-draft2019',
  '@aws-sdk/',
  'otplib',
  'openid-client',
  'nodemailer',
  'marked',
  'pg',
];
const ENTRIES = ['src/cli/index.ts', 'src/app.ts'];

const STATIC =
  /(?:^|[\n;])[ \t]*(import|export)(\s+type)?\s+([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|[\n;])[ \t]*import\s*['"]([^'"]+)['"]/g;

/** Comments blanked (strings kept), so a commented-out import is not read. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/[^\n]*/g, (m, pre: string | undefined) =>
    pre === undefined ? m.replace(/[^\n]/g, ' ') : pre + ' '.repeat(m.length - pre.length),
  );
}

/** The specifiers a file loads when it is loaded: static, value imports and re-exports. */
function staticImports(source: string): string[] {
  const out: string[] = [];
  for (const m of stripComments(source).matchAll(STATIC)) {
    if (m[5]) {
      out.push(m[5]);
      continue;
    }
    if (m[2]) continue; // import type / export type
    const braces = /^\{([\s\S]*)\}$/.exec(m[3].trim());
    const names = braces
      ? braces[1]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
    if (names.length && names.every((n) => n.startsWith('type '))) continue;
    out.push(m[4]);
  }
  return out;
}

const isHeavy = (spec: string) =>
  HEAVY.some((h) => (h.endsWith('/') ? spec.startsWith(h) : spec === h || spec.startsWith(`${h}/`)));

/** Every chain of static imports from the entries to a heavy package, as "a.ts -> b.ts -> exceljs". */
function heavyChains(entries: string[], read: (path: string) => string | null): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const queue: { path: string; chain: string[] }[] = entries.map((path) => ({ path, chain: [path] }));
  while (queue.length) {
    const { path, chain } = queue.shift() as { path: string; chain: string[] };
    if (seen.has(path)) continue;
    seen.add(path);
    const text = read(path);
    if (text === null) continue;
    for (const spec of staticImports(text)) {
      if (isHeavy(spec)) found.push([...chain, spec].join(' -> '));
      else if (spec.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(path), spec)).replace(/\.js$/, '.ts');
        queue.push({ path: target, chain: [...chain, target] });
      }
    }
  }
  return found;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const readRepo = (path: string) => {
  const file = `${root}${path}`;
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
};

describe('start-up', () => {
  it('loads no heavy library before `aims serve` listens: they are imported on first use', () => {
    expect(heavyChains(ENTRIES, readRepo)).toEqual([]);
  });

  it('walks the app (the check reaches the report kit, the exports and the lazy-loading sites)', () => {
    const reached: string[] = [];
    heavyChains(ENTRIES, (path) => {
      reached.push(path);
      return readRepo(path);
    });
    expect(reached).toEqual(
      expect.arrayContaining([
        'src/platform/report/pdf.ts',
        'src/platform/report/docx.ts',
        'src/exports/xlsx.ts',
        'src/exports/cyclonedx-schema.ts',
        'src/modules/mfa/mfa.codes.ts',
        'src/modules/sso/sso.provider.ts',
        'src/platform/notify/mailer.ts',
        'src/modules/documents/documents.markdown.ts',
      ]),
    );
  });

  it('self-test: finds a heavy import however deep, and ignores type-only and dynamic imports', () => {
    const files: Record<string, string> = {
      'src/app.ts': "import { a } from './a.js';\nimport type { X } from 'exceljs';\n",
      'src/a.ts':
        "export { b } from './b.js';\nconst lazy = () => import('docx');\n// import { chromium } from 'playwright-core';\n",
      'src/b.ts':
        "import { type Browser } from 'playwright-core';\nimport ExcelJS from 'exceljs';\nimport '@aws-sdk/client-s3';\n",
    };
    expect(heavyChains(['src/app.ts'], (p) => files[p] ?? null)).toEqual([
      'src/app.ts -> src/a.ts -> src/b.ts -> exceljs',
      'src/app.ts -> src/a.ts -> src/b.ts -> @aws-sdk/client-s3',
    ]);
  });
});

describe.each(testDialects())('start-up migration check (%s)', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  /** The database as migrateToLatest sees it, noting the kind of every statement it runs. */
  function counted(d: TestDatabase) {
    const kinds: string[] = [];
    const plugin: KyselyPlugin = {
      transformQuery: ({ node }) => {
        kinds.push(node.kind);
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    return { database: { ...d, db: d.db.withPlugin(plugin) }, kinds };
  }

  it('an up-to-date database is one read of the migrations table, not the migrator (which lists every table)', async () => {
    database = await createTestDatabase(dialect);
    const { database: watched, kinds } = counted(database);
    expect(await migrateToLatest(watched)).toEqual([]);
    expect(kinds).toEqual(['RawNode']);
  });

  it('a database migrated by a newer build still goes to the migrator, which refuses it', async () => {
    database = await createTestDatabase(dialect);
    const table = database.schema ? sql.id(database.schema, 'kysely_migration') : sql.id('kysely_migration');
    await sql`insert into ${table} (name, timestamp) values ('9999_from_a_newer_build', '2030-01-01T00:00:00.000Z')`.execute(
      database.db,
    );
    await expect(migrateToLatest(database)).rejects.toThrow(/9999_from_a_newer_build/);
  });
});

describe('the production bundle (npm run build:server)', () => {
  it('starts, and finds what it reads from disk at run time: package.json and the API docs assets in node_modules', async () => {
    const cli = sharedCli();
    const target = await createTarget('sqlite', 'aims_startup');
    let server: ServerProcess | undefined;
    try {
      server = await ServerProcess.start(cli, target);
      const health = (await (await fetch(`${server.base}/api/health`)).json()) as { version: string };
      expect(health.version).toBe(JSON.parse(readRepo('package.json') ?? '{}').version);
      const logo = await fetch(`${server.base}/api/docs/static/logo.svg`);
      expect(logo.status).toBe(200);
      expect(await logo.text()).toContain('<svg');
    } finally {
      await server?.kill();
      await target.drop();
      cli.dispose();
    }
  }, 120_000);

  it('imports packages loaded on first use through the loader, so they load from a code-cached start too', async () => {
    // On Node 20 an `import()` in a function restored from the code cache
    // throws (src/platform/packages.ts): none may be left in the bundle.
    const bundle = readFileSync(join(dirname(sharedCli().command[0]), 'aims.cjs'), 'latin1');
    expect(bundle.match(/\bimport\("[^"]+"\)/g) ?? []).toEqual([]);
    // And as a user meets it: an XLSX upload (exceljs, loaded on first use)
    // by the command that saves the cache, then again by one that loads it.
    const shared = sharedCli();
    const target = await createTarget('sqlite', 'aims_lazy');
    const cli = await bundleCli();
    try {
      runCli(shared, target, initArgs('Acme'));
      const file = join(target.dataDir, 'inventory.xlsx');
      runCli(shared, target, ['inventory', 'export', '--org', 'acme', '--format', 'xlsx', '--out', file]);
      const caches = () => readdirSync(dirname(cli.command[0])).filter((f) => f.endsWith('.v8cache'));
      expect(caches()).toEqual([]);
      for (const run of ['saves the cache', 'loads the cache']) {
        const out = JSON.parse(runCli(cli, target, ['inventory', 'import', '--org', 'acme', file, '--json']));
        expect(out, run).toMatchObject({ format: 'xlsx', rejected: 0 });
        expect(caches(), run).toHaveLength(1);
      }
    } finally {
      await target.drop();
      cli.dispose();
    }
  }, 120_000);

  it('keeps its compiled code beside it: a command saves a cache, `aims serve` replaces it with its own, later starts load it', async () => {
    const cli = await bundleCli();
    const target = await createTarget('sqlite', 'aims_codecache');
    const caches = (kind: string) => readdirSync(dirname(cli.command[0])).filter((f) => f.endsWith(`.${kind}.v8cache`));
    let server: ServerProcess | undefined;
    try {
      // a short command first (as `aims init` often is): its cache is saved as it exits
      expect(runCli(cli, target, ['--version']).trim()).toMatch(/^\d+\.\d+\.\d+/);
      expect(caches('cli')).toHaveLength(1);
      expect(caches('serve')).toHaveLength(0);
      // a server saves the code its start ran a few seconds after it listens, and drops the command's
      server = await ServerProcess.start(cli, target);
      for (let i = 0; i < 60 && caches('serve').length === 0; i++) await new Promise((r) => setTimeout(r, 200));
      expect(caches('serve')).toHaveLength(1);
      expect(caches('cli')).toHaveLength(0);
      await server.kill();
      // V8 accepts it: a command that found it unusable would save a cache of its own on exit
      expect(runCli(cli, target, ['--version']).trim()).toMatch(/^\d+\.\d+\.\d+/);
      expect(caches('cli')).toHaveLength(0);
      server = await ServerProcess.start(cli, target);
      expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
    } finally {
      await server?.kill();
      await target.drop();
      cli.dispose();
    }
  }, 120_000);
});
