import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The architecture's boundaries, checked on the source text (no build, fast):
// - a module is entered only through its index (server: src/modules/B/index.ts,
//   web: web/src/modules/B/index.ts[x]); platform/ and catalogue/ (server) and
//   shared/ (web) import no module;
// - *.rules.ts stay pure: nothing they load, directly or through other files,
//   does I/O (database, HTTP, file system);
// - modules depend on each other without cycles (server and web);
// - a table declared in a module's <m>.tables.ts is queried by that module only.
// Each checker returns its offenders as readable lines; the self-tests at the
// end feed them a small fake file set with one violation of each kind.

interface SourceFile {
  /** path from the repository root, with forward slashes */
  path: string;
  text: string;
}

interface ImportRef {
  spec: string;
  /** erased at compile time: `import type`, `export type`, or every specifier marked `type` */
  typeOnly: boolean;
  line: number;
}

// ---------------------------------------------------------------- imports

const STATIC_IMPORT = /(?:^|[\n;])[ \t]*(import|export)(\s+type)?\s+([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE_IMPORT = /(?:^|[\n;])[ \t]*import\s*['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Block and line comments blanked out (string contents kept), so commented-out code is not read as code. */
function stripComments(text: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else {
      if (c === "'" || c === '"' || c === '`') quote = c;
      out += c;
      i++;
    }
  }
  return out;
}

function importsOf(source: string): ImportRef[] {
  const text = stripComments(source);
  const out: ImportRef[] = [];
  for (const m of text.matchAll(STATIC_IMPORT)) {
    const clause = m[3];
    const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const names = braces
      ? braces[1]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
    const allTyped = names.length > 0 && names.every((n) => n.startsWith('type '));
    out.push({ spec: m[4], typeOnly: !!m[2] || allTyped, line: lineAt(text, m.index + m[0].indexOf(m[1])) });
  }
  for (const m of text.matchAll(BARE_IMPORT)) out.push({ spec: m[1], typeOnly: false, line: lineAt(text, m.index + 1) });
  for (const m of text.matchAll(DYNAMIC_IMPORT)) out.push({ spec: m[1], typeOnly: false, line: lineAt(text, m.index) });
  return out;
}

/** The file a relative import names, when it is in the set; else the normalised path without extension. */
function resolve(from: string, spec: string, files: Map<string, SourceFile>): string {
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  const stem = base.replace(/\.(js|jsx|mjs|ts|tsx)$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`])
    if (files.has(candidate)) return candidate;
  return stem;
}

interface Edge {
  from: string;
  /** a repository path for a relative import, else the bare specifier (a package or node: builtin) */
  to: string;
  typeOnly: boolean;
  line: number;
}

function edgesOf(files: SourceFile[]): Edge[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  return files.flatMap((f) =>
    importsOf(f.text).map((i) => ({
      from: f.path,
      to: i.spec.startsWith('.') ? resolve(f.path, i.spec, byPath) : i.spec,
      typeOnly: i.typeOnly,
      line: i.line,
    })),
  );
}

// ---------------------------------------------------------------- layers

const SERVER_MODULE = /^src\/modules\/([^/]+)\//;
const WEB_MODULE = /^web\/src\/modules\/([^/]+)\//;
const isTest = (path: string) => /\.test\.tsx?$/.test(path);

/** The module a path belongs to, with its side: "server:gap", "web:gap"; null outside modules. */
function moduleOf(path: string): string | null {
  // A trailing slash lets an unresolved directory import ("../../q") count too.
  const s = SERVER_MODULE.exec(`${path}/`);
  if (s) return `server:${s[1]}`;
  const w = WEB_MODULE.exec(`${path}/`);
  return w ? `web:${w[1]}` : null;
}

/** Whether a resolved import target is the module's front door. */
function isModuleIndex(target: string): boolean {
  return /^(src|web\/src)\/modules\/[^/]+(\/index(\.tsx?)?)?$/.test(target);
}

const at = (e: Edge) => `${e.from}:${e.line}`;

/** Deep imports across modules, and platform/catalogue/shared code importing a module. */
function checkLayering(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const e of edgesOf(files)) {
    if (!e.to.startsWith('src/') && !e.to.startsWith('web/')) continue;
    const fromModule = moduleOf(e.from);
    const toModule = moduleOf(e.to);
    if (fromModule && toModule && fromModule !== toModule && !isModuleIndex(e.to)) {
      const index = toModule.startsWith('web:')
        ? `web/src/modules/${toModule.slice(4)}`
        : `src/modules/${toModule.slice(7)}/index.ts`;
      out.push(`${at(e)} imports ${e.to}, inside another module: import from ${index} instead`);
    }
    if (/^src\/(platform|catalogue)\//.test(e.from) && toModule?.startsWith('server:'))
      out.push(`${at(e)} imports ${e.to}: ${e.from.split('/')[1]}/ must not depend on a module`);
    if (e.from.startsWith('web/src/shared/') && toModule?.startsWith('web:'))
      out.push(`${at(e)} imports ${e.to}: web/src/shared must not depend on a module`);
  }
  return out;
}

// ---------------------------------------------------------------- pure rules

/** Packages and builtins that reach a database, the network or the file system. */
const IO_PACKAGES =
  /^(node:)?(fs|fs\/promises|http|https|http2|net|tls|dgram|dns|child_process|worker_threads|cluster)$|^(kysely|better-sqlite3|pg|pg-.*|fastify|@fastify\/.*|undici|puppeteer.*|playwright.*|exceljs|argon2)$/;

/**
 * *.rules.ts files and whatever they load at run time (type-only imports are
 * erased) must not reach an I/O package: the rules are unit-tested without one.
 */
function checkPureRules(files: SourceFile[]): string[] {
  const out: string[] = [];
  const edges = edgesOf(files).filter((e) => !e.typeOnly);
  const from = new Map<string, Edge[]>();
  for (const e of edges) from.set(e.from, [...(from.get(e.from) ?? []), e]);
  for (const f of files) {
    if (!/\.rules\.ts$/.test(f.path)) continue;
    // Breadth first, so the chain reported is a shortest one.
    const via = new Map<string, string[]>([[f.path, [f.path]]]);
    const queue = [f.path];
    let found: string[] | null = null;
    while (queue.length && !found) {
      const current = queue.shift()!;
      for (const e of from.get(current) ?? []) {
        const chain = [...via.get(current)!, e.to];
        if (IO_PACKAGES.test(e.to)) {
          found = chain;
          break;
        }
        if (!via.has(e.to) && (e.to.startsWith('src/') || e.to.startsWith('web/'))) {
          via.set(e.to, chain);
          queue.push(e.to);
        }
      }
    }
    if (found) out.push(`${f.path} loads I/O: ${found.join(' -> ')}`);
  }
  return out;
}

// ---------------------------------------------------------------- cycles

/** Cycles in the module -> module graph (every import, type-only ones too: they are dependencies all the same). */
function checkModuleCycles(files: SourceFile[]): string[] {
  const graph = new Map<string, Map<string, Edge>>();
  for (const e of edgesOf(files)) {
    const a = moduleOf(e.from);
    const b = moduleOf(e.to);
    if (!a || !b || a === b || isTest(e.from)) continue;
    if (!graph.has(a)) graph.set(a, new Map());
    if (!graph.get(a)!.has(b)) graph.get(a)!.set(b, e);
  }
  // Tarjan's strongly connected components; each component of two or more is a cycle.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) components.push(c.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return components.map((c) => {
    // One concrete cycle through the component's first module, with an import for each step.
    const inC = new Set(c);
    const start = c[0];
    const prev = new Map<string, string>();
    const queue = [start];
    let end: string | null = null;
    while (queue.length && !end) {
      const v = queue.shift()!;
      for (const w of graph.get(v)?.keys() ?? []) {
        if (!inC.has(w)) continue;
        if (w === start) {
          end = v;
          break;
        }
        if (!prev.has(w)) {
          prev.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = end!; v !== start; v = prev.get(v)!) path.splice(1, 0, v);
    path.push(start);
    const steps = path.slice(1).map((b, i) => {
      const e = graph.get(path[i])!.get(b)!;
      return `${path[i]} -> ${b} (${at(e)})`;
    });
    return `module cycle among ${c.join(', ')}: ${steps.join('; ')}`;
  });
}

// ---------------------------------------------------------------- table ownership

/** The tables each module declares in its *.tables.ts (the keys of its `interface DB` augmentation). */
function declaredTables(files: SourceFile[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const f of files) {
    const m = SERVER_MODULE.exec(f.path);
    if (!m || !/\.tables\.ts$/.test(f.path)) continue;
    const text = stripComments(f.text);
    for (const db of text.matchAll(/interface\s+DB\s*\{([^}]*)\}/g))
      for (const t of db[1].matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/gm)) owner.set(t[1], m[1]);
  }
  return owner;
}

const QUERY_CALL =
  /\.\s*(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|innerJoinLateral|leftJoinLateral)\s*\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*"|`[^`]*`)/g;
const RAW_SQL = /\bsql(?:<[^`]*?>)?`([^`]*)`/g;
const RAW_TABLE = /\b(?:from|join|into|update)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/gi;

/** Tables a file names in Kysely calls ('t', 't as x', ['t', 'u']) and in raw sql`` templates. */
function tablesQueried(source: string): { table: string; line: number }[] {
  const text = stripComments(source);
  const out: { table: string; line: number }[] = [];
  for (const m of text.matchAll(QUERY_CALL))
    for (const lit of m[2].matchAll(/['"`]([^'"`]+)['"`]/g)) {
      const table = lit[1]
        .trim()
        .split(/\s+as\s+/i)[0]
        .trim();
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) out.push({ table, line: lineAt(text, m.index) });
    }
  for (const m of text.matchAll(RAW_SQL))
    for (const t of m[1].matchAll(RAW_TABLE)) out.push({ table: t[1], line: lineAt(text, m.index + (t.index ?? 0)) });
  return out;
}

/** A module's tables are queried by its own files only: not by another module, not by the platform. */
function checkTableOwnership(files: SourceFile[]): string[] {
  const owner = declaredTables(files);
  const out: string[] = [];
  for (const f of files) {
    if (!f.path.startsWith('src/')) continue;
    const mine = SERVER_MODULE.exec(f.path)?.[1];
    for (const q of tablesQueried(f.text)) {
      const o = owner.get(q.table);
      if (o && o !== mine)
        out.push(`${f.path}:${q.line} queries ${q.table}, a table of the ${o} module: ask through src/modules/${o}/index.ts`);
    }
  }
  return out;
}

// ---------------------------------------------------------------- the repository

const root = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): SourceFile[] {
  return (readdirSync(posix.join(root, dir), { recursive: true }) as string[])
    .map((p) => p.split('\\').join('/'))
    .filter((p) => /\.(ts|tsx)$/.test(p) && !p.endsWith('.d.ts') && !p.split('/').includes('node_modules'))
    .map((p) => ({ path: `${dir}/${p}`, text: readFileSync(posix.join(root, dir, p), 'utf8') }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

const report = (offenders: string[]) => `${offenders.length} offender(s):\n${offenders.join('\n')}`;

/**
 * Offenders known and reported, waiting for their fix in code another
 * engineer is changing, matched by the start of the line (line numbers move).
 * Each must still be found, so the entry goes when its fix lands; anything
 * not listed fails.
 */
const KNOWN: Record<string, string> = {};

function unexpected(offenders: string[]): string[] {
  return offenders.filter((o) => !Object.keys(KNOWN).some((k) => o.startsWith(k)));
}

describe('architecture', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('web/src')];

  it('reads the server and the web sources', () => {
    expect(files.some((f) => f.path === 'src/platform/db/tables.ts')).toBe(true);
    expect(files.some((f) => f.path.startsWith('web/src/modules/'))).toBe(true);
    // The ownership check sees the modules' tables, and not the platform's.
    const tables = declaredTables(files);
    expect(tables.get('gap_answers')).toBe('gap');
    expect(tables.get('scope_versions')).toBe('scope');
    expect(tables.has('users')).toBe(false);
  });

  it('enters a module only through its index; platform, catalogue and web shared code import no module', () => {
    const offenders = unexpected(checkLayering(files));
    expect(offenders, report(offenders)).toEqual([]);
  });

  it('keeps *.rules.ts free of I/O, also through what they import', () => {
    const offenders = unexpected(checkPureRules(files));
    expect(offenders, report(offenders)).toEqual([]);
  });

  it('has no import cycle between modules (server and web)', () => {
    const offenders = unexpected(checkModuleCycles(files));
    expect(offenders, report(offenders)).toEqual([]);
  });

  it('still finds each known offender (remove its entry from KNOWN once fixed)', () => {
    const all = [...checkLayering(files), ...checkPureRules(files), ...checkModuleCycles(files), ...checkTableOwnership(files)];
    const gone = Object.keys(KNOWN).filter((k) => !all.some((o) => o.startsWith(k)));
    expect(gone, `fixed, so remove from KNOWN:\n${gone.join('\n')}`).toEqual([]);
  });

  it("queries a module's tables from that module only", () => {
    const offenders = unexpected(checkTableOwnership(files));
    expect(offenders, report(offenders)).toEqual([]);
  });
});

// ---------------------------------------------------------------- the checks can fail

describe('architecture checks on a fake file set', () => {
  const fake = (files: Record<string, string>): SourceFile[] => Object.entries(files).map(([path, text]) => ({ path, text }));

  const clean = fake({
    'src/modules/a/index.ts': "export { x } from './a.service.js';",
    'src/modules/a/a.tables.ts':
      "declare module '../../platform/db/tables.js' {\n  interface DB {\n    a_items: AItemsTable;\n  }\n}\nexport interface AItemsTable { id: string }",
    'src/modules/a/a.service.ts':
      "import { sql } from 'kysely';\nexport const x = (db) => db.selectFrom('a_items as i').innerJoin('users', 'users.id', 'i.id').select(sql`count(*)`);",
    'src/modules/a/a.rules.ts':
      "import { fold } from '../../platform/text.js';\nimport type { Db } from '../../platform/db/db.js';",
    'src/modules/b/index.ts': "import { x } from '../a/index.js';\nexport const y = () => import('../a/index.js');",
    'src/modules/b/b.rules.ts': "// import { db } from 'kysely';\nexport const pure = 1;",
    'src/platform/text.ts': 'export const fold = (s) => s;',
    'src/platform/db/db.ts': "import { Kysely } from 'kysely';",
    'src/platform/register/store.ts': 'export const list = (db, def) => db.selectFrom(def.table).selectAll();',
    'src/app.ts': "import { y } from './modules/b/index.js';",
    'web/src/modules/p/index.ts': "export { P } from './pages/P';",
    'web/src/modules/p/pages/P.tsx': "import { Q } from '../../q';\nimport { api } from '../../../shared/api';",
    'web/src/modules/q/index.tsx': 'export const Q = 1;',
    'web/src/shared/api.ts': 'export const api = 1;',
  });

  it('finds nothing in a clean file set', () => {
    expect(checkLayering(clean)).toEqual([]);
    expect(checkPureRules(clean)).toEqual([]);
    expect(checkModuleCycles(clean)).toEqual([]);
    expect(checkTableOwnership(clean)).toEqual([]);
  });

  it('reports a deep import across modules, and platform, catalogue and shared code importing a module', () => {
    const offenders = checkLayering([
      ...clean,
      ...fake({
        'src/modules/c/c.service.ts': "import { x } from '../a/a.service.js';",
        'src/platform/http/x.ts': "import type { X } from '../../modules/a/index.js';",
        'src/catalogue/y.ts': "export { x } from '../modules/a/index.js';",
        'web/src/modules/r/pages/R.tsx': "import { P } from '../../p/pages/P';",
        'web/src/shared/ui/S.tsx': "import { Q } from '../../modules/q';",
      }),
    ]);
    expect(offenders).toEqual([
      'src/modules/c/c.service.ts:1 imports src/modules/a/a.service.ts, inside another module: import from src/modules/a/index.ts instead',
      'src/platform/http/x.ts:1 imports src/modules/a/index.ts: platform/ must not depend on a module',
      'src/catalogue/y.ts:1 imports src/modules/a/index.ts: catalogue/ must not depend on a module',
      'web/src/modules/r/pages/R.tsx:1 imports web/src/modules/p/pages/P.tsx, inside another module: import from web/src/modules/p instead',
      'web/src/shared/ui/S.tsx:1 imports web/src/modules/q/index.tsx: web/src/shared must not depend on a module',
    ]);
  });

  it('reports a rules file that loads I/O, directly or through another file', () => {
    const offenders = checkPureRules([
      ...clean,
      ...fake({
        'src/modules/c/c.rules.ts': "import { readFileSync } from 'node:fs';",
        'src/modules/d/d.rules.ts': "import { helper } from './d.helpers.js';",
        'src/modules/d/d.helpers.ts': "import { db } from '../../platform/db/db.js';\nexport const helper = 1;",
      }),
    ]);
    expect(offenders).toEqual([
      'src/modules/c/c.rules.ts loads I/O: src/modules/c/c.rules.ts -> node:fs',
      'src/modules/d/d.rules.ts loads I/O: src/modules/d/d.rules.ts -> src/modules/d/d.helpers.ts -> src/platform/db/db.ts -> kysely',
    ]);
  });

  it('reports an import cycle between modules, server and web', () => {
    const offenders = checkModuleCycles([
      ...clean,
      ...fake({
        'src/modules/a/a.uses-c.ts': "import type { C } from '../c/index.js';",
        'src/modules/c/index.ts': "export { y } from '../b/index.js';",
        'web/src/modules/q/hooks/useQ.ts': "import { P } from '../../p';",
      }),
    ]);
    expect(offenders).toEqual([
      'module cycle among server:a, server:b, server:c: server:a -> server:c (src/modules/a/a.uses-c.ts:1); server:c -> server:b (src/modules/c/index.ts:1); server:b -> server:a (src/modules/b/index.ts:1)',
      'module cycle among web:p, web:q: web:p -> web:q (web/src/modules/p/pages/P.tsx:1); web:q -> web:p (web/src/modules/q/hooks/useQ.ts:1)',
    ]);
  });

  it("reports a query on another module's table, from a module or from the platform", () => {
    const offenders = checkTableOwnership([
      ...clean,
      ...fake({
        'src/modules/b/b.repository.ts': [
          "db.selectFrom('a_items').selectAll();",
          "db.selectFrom('users').leftJoin('a_items as ai', 'ai.id', 'users.id');",
          'db.insertInto( "a_items" ).values(row);',
          "db.updateTable('a_items').set(x); db.deleteFrom(['a_items']);",
          'sql`select count(*) from a_items`.execute(db);',
        ].join('\n'),
        'src/platform/versioned/x.ts': "db.selectFrom('a_items as x').innerJoin('users', 'users.id', 'x.id');",
      }),
    ]);
    expect(offenders).toEqual([
      'src/modules/b/b.repository.ts:1 queries a_items, a table of the a module: ask through src/modules/a/index.ts',
      'src/modules/b/b.repository.ts:2 queries a_items, a table of the a module: ask through src/modules/a/index.ts',
      'src/modules/b/b.repository.ts:3 queries a_items, a table of the a module: ask through src/modules/a/index.ts',
      'src/modules/b/b.repository.ts:4 queries a_items, a table of the a module: ask through src/modules/a/index.ts',
      'src/modules/b/b.repository.ts:4 queries a_items, a table of the a module: ask through src/modules/a/index.ts',
      'src/modules/b/b.repository.ts:5 queries a_items, a table of the a module: ask through src/modules/a/index.ts',
      'src/platform/versioned/x.ts:1 queries a_items, a table of the a module: ask through src/modules/a/index.ts',
    ]);
  });
});
