// The loader behind bin/aims.js: runs the CommonJS bundle that
// `npm run build` (scripts/build-server.ts) writes, through V8's code cache.
// The first run saves the compiled code beside the bundle, and later starts
// load it instead of parsing and compiling ~4 MB of JavaScript again (about
// 130 ms of a ~0.9 s start, issue 17). Node 20 has no such cache of its own
// (module.enableCompileCache came in Node 22). The tests that start real
// servers run their bundle through this file too (test/support/server-process.ts).
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** Runs the CLI bundle at `bundle` (a path), as `node bundle` would, with its code cache. */
export function runBundle(bundle) {
  let source;
  let stat;
  try {
    const bytes = fs.readFileSync(bundle);
    // esbuild writes the bundle in ASCII, and decoding ~4 MB as latin1 (the
    // same characters then) takes a few ms where UTF-8 takes ~40 of every start.
    source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    stat = fs.statSync(bundle);
  } catch (err) {
    if (err?.code !== 'ENOENT') throw err;
    console.error('OpenAIMS is not built yet: run `npm run build` first.');
    process.exit(1);
  }

  // Named after the bundle's size and time, so a rebuilt bundle never meets an
  // old cache (V8 refuses a cache made for other code too, or by another Node).
  // Two kinds: a cache saved by `aims serve` after it started holds what a
  // server start runs; one saved by a shorter command (`aims init`, often the
  // first) holds less, and the first `aims serve` replaces it.
  const dir = path.dirname(bundle);
  const name = path.basename(bundle);
  const stem = `${name}.${stat.size}-${Math.trunc(stat.mtimeMs)}`;
  const cacheOf = (kind) => path.join(dir, `${stem}.${kind}.v8cache`);
  let loadedKind = null;
  let cachedData;
  for (const kind of ['serve', 'cli']) {
    try {
      cachedData = fs.readFileSync(cacheOf(kind));
      loadedKind = kind;
      break;
    } catch {
      /* not saved yet */
    }
  }

  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
    // the bundle's `import()` of packages left in node_modules (exceljs, playwright-core, ...)
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (script.cachedDataRejected) loadedKind = null;

  // Saved once the process has done its work (the server answered, the command
  // ran), so the cache holds the functions a start runs, not only the top
  // level. Never fatal: a read-only install starts without a cache.
  let serving = false;
  let savedKind = null;
  const save = () => {
    const kind = serving ? 'serve' : 'cli';
    if (loadedKind === 'serve' || loadedKind === kind || savedKind === kind) return;
    savedKind = kind;
    try {
      const tmp = `${cacheOf(kind)}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheOf(kind));
      for (const f of fs.readdirSync(dir)) {
        const stale = f.startsWith(stem)
          ? kind === 'serve' && f === path.basename(cacheOf('cli'))
          : f.startsWith(`${name}.`) && f.endsWith('.v8cache');
        if (stale) fs.rmSync(path.join(dir, f), { force: true });
      }
    } catch {
      /* no cache this time */
    }
  };
  // src/cli/serve.ts emits this once the server listens.
  // (a server that took long to start, past the first timer, saves 5 s after it listens)
  process.once('openaims:serving', () => {
    serving = true;
    setTimeout(save, 5000).unref();
  });
  setTimeout(save, 5000).unref();
  process.once('exit', save);

  // A function V8 restores from the cache has lost what its `import()` needs
  // (Node 20), so the bundle imports packages through this module's own
  // (src/platform/packages.ts).
  globalThis[Symbol.for('openaims.importPackage')] = (specifier) => import(specifier);

  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dir);
}
