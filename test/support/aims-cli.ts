import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';

// The real `aims` program in a child process, as a user runs it: the bundle
// that test/support/global-setup.ts built for this run, started through
// bin/run-bundle.js as bin/aims.js starts it.

const ROOT = path.resolve(import.meta.dirname, '../..');

/** node arguments that run `aims` (before its own arguments). */
export function aimsCommand(): string[] {
  return inject('aimsCommand');
}

/**
 * The environment of a child: logs quiet, and none of the developer's shell
 * settings that would point it at another database or key (DATABASE_URL,
 * OPENAIMS_DATA, a signing key, a port).
 */
export function aimsEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _url,
    OPENAIMS_DATA: _data,
    OPENAIMS_AUDIT_SIGNING_KEY: _key,
    PORT: _port,
    HOST: _host,
    ...env
  } = process.env;
  return { ...env, OPENAIMS_LOG_LEVEL: 'silent', ...extra };
}

/** The first owner `aims init` makes in the tests that need one. */
export const OWNER_EMAIL = 'ciso@example.com';
export const OWNER_PASSWORD = 'correct horse battery staple';

/** `aims init` for OWNER_EMAIL and an organization (slug `example-ltd` by default). */
export function initArgs(org = 'Example Ltd'): string[] {
  return ['init', '--email', OWNER_EMAIL, '--password', OWNER_PASSWORD, '--org', org];
}

/** Starts `aims args…` in the repository's folder; stdout and stderr piped unless `stdio` says otherwise. */
export function startAims(
  args: string[],
  opts: { env?: Record<string, string>; stdio?: SpawnOptions['stdio'] } = {},
): ChildProcess {
  return spawn(process.execPath, [...aimsCommand(), ...args], {
    cwd: ROOT,
    env: aimsEnv(opts.env),
    stdio: opts.stdio ?? ['ignore', 'pipe', 'pipe'],
  });
}

export interface AimsRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `aims args…` to its end: its exit code and everything it wrote. */
export function runAims(args: string[], env: Record<string, string> = {}): Promise<AimsRun> {
  return new Promise((resolve, reject) => {
    const child = startAims(args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
