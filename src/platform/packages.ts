// Packages loaded on first use rather than at start (playwright-core,
// exceljs, otplib, openid-client, marked, nodemailer) are imported through
// importPackage, never with an `import()` of their own.
//
// Why: the built CLI runs through V8's code cache (bin/run-bundle.js). On
// Node 20 a function that V8 restores from that cache has lost what an
// `import()` inside it needs (its script's dynamic-import options), and the
// call throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING. So once a command or a
// server had saved its cache, the next start's first XLSX upload, PDF, MFA
// code or SSO sign-in failed. The loader, an ordinary module, lends its own
// `import()` here; under tsx and in tests nothing is lent and the plain
// `import()` below runs.

type Importer = (specifier: string) => Promise<unknown>;

/** Where bin/run-bundle.js lends its `import()`. */
export const PACKAGE_IMPORTER = Symbol.for('openaims.importPackage');

/** `import(specifier)` of an installed package, safe in a function restored from the code cache. */
export function importPackage<T>(specifier: string): Promise<T> {
  const lent = (globalThis as { [PACKAGE_IMPORTER]?: Importer })[PACKAGE_IMPORTER];
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>;
}
