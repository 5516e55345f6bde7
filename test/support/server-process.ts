import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { aimsCommand } from './aims-cli.js';
import { bundleInto } from './global-setup.js';

// Real `aims serve` processes for tests that must kill one (crash safety,
// several nodes): the CLI bundled once, a database of its own, a child process
// started on it and killed with SIGKILL.

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Cli {
  /** node arguments that run `aims` (before its own arguments) */
  command: string[];
  /** removes the bundle */
  dispose(): void;
}

/** A CLI bundle of its own (one no process has started yet), removed by dispose(). */
export async function bundleCli(): Promise<Cli> {
  const launcher = await bundleInto(`test-cli-${randomBytes(4).toString('hex')}`);
  return { command: [launcher], dispose: () => fs.rmSync(path.dirname(launcher), { recursive: true, force: true }) };
}

/**
 * The bundle test/support/global-setup.ts built once for this run, shared by
 * every file: a test that needs a bundle of its own (one that has never
 * started, say) takes bundleCli().
 */
export function sharedCli(): Cli {
  return { command: aimsCommand(), dispose: () => {} };
}

export interface Target {
  dataDir: string;
  databaseUrl?: string;
  drop(): Promise<void>;
}

/** A data directory and, on PostgreSQL, a database of its own (`aims serve` takes a URL, not a schema). */
export async function createTarget(dialect: string, prefix = 'aims_test'): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix.replaceAll('_', '-')}-`));
  const dropDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') return { dataDir, drop: async () => dropDir() };
  const url = new URL(process.env.PG_TEST_URL as string);
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: own.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      dropDir();
    },
  };
}

function targetArgs(cli: Cli, t: Target): string[] {
  return [...cli.command, '--data', t.dataDir, ...(t.databaseUrl ? ['--database-url', t.databaseUrl] : [])];
}

/** The environment of a child: quiet, no web app, the target's database rather than the caller's DATABASE_URL. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, OPENAIMS_LOG_LEVEL: 'error', OPENAIMS_WEB_DIR: '/nonexistent', DATABASE_URL: '', ...env };
}

export class ServerProcess {
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly base: string,
  ) {}

  /**
   * Starts `aims serve --port 0` (scheduled jobs off unless `env` turns them
   * on) and resolves once it listens and /api/health answers 200.
   */
  static async start(cli: Cli, t: Target, env: Record<string, string> = {}): Promise<ServerProcess> {
    const child = spawn(process.execPath, [...targetArgs(cli, t), 'serve', '--port', '0'], {
      cwd: ROOT,
      env: childEnv({ OPENAIMS_JOBS: 'off', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const base = await new Promise<string>((resolve, reject) => {
      const onData = (d: Buffer) => {
        output += d.toString();
        const m = /listening on (http:\/\/[^\s]+)/.exec(output);
        if (m) resolve(m[1]);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`aims serve exited (${code}) before listening:\n${output}`)));
    });
    const server = new ServerProcess(child, base);
    server.output = output;
    const keep = (d: Buffer) => {
      server.output += d.toString();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    for (let i = 0; ; i++) {
      const res = await fetch(`${base}/api/health`).catch(() => null);
      if (res?.status === 200) break;
      if (i >= 50) throw new Error(`aims serve at ${base} is not healthy (${res?.status}):\n${server.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return server;
  }

  /** what the process printed so far (stdout and stderr) */
  get log(): string {
    return this.output;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: no shutdown, in-flight requests and transactions cut off. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}

/** Runs an `aims` command on the target and returns its stdout (throws with stderr when it fails). */
export function runCli(cli: Cli, t: Target, args: string[], env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, [...targetArgs(cli, t), ...args], { cwd: ROOT, env: childEnv(env), encoding: 'utf8' });
  if (run.status !== 0 && !run.stdout) throw new Error(`aims ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  return run.stdout;
}
