import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isProxyAddress } from '../auth/proxy.js';

// Every setting OpenAIMS reads, in one place, so README and CLI stay in step.
// CLI flags override environment variables, which override defaults.
export const configSchema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z.string().optional(),
  /** PostgreSQL: the hot fixed statements as named prepared statements (OPENAIMS_PG_PREPARE=off behind a pooler in transaction mode) */
  pgPrepare: z.boolean(),
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  secureCookies: z.boolean(),
  sessionTtlHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  bodyLimitBytes: z.coerce.number().int().min(1024),
  webDir: z.string().optional(),
  /** the Chromium (or Chrome) executable that prints PDF reports */
  chromiumPath: z.string().min(1),
  /** run scheduled reminders in this process (OPENAIMS_JOBS=on|off) */
  jobs: z.boolean(),
  /** smtp://user:pass@host:port or smtps://...; no email without it */
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  mailFrom: z.string().min(3),
  /** where users reach the app, for links in emails: https://aims.example.com */
  publicUrl: z.url().optional(),
  /** where uploaded files are kept: the data directory, or an S3-compatible bucket (several app nodes) */
  storage: z.enum(['fs', 's3']),
  s3Endpoint: z.url().optional(),
  s3Bucket: z.string().optional(),
  s3Region: z.string().min(1),
  /** without a key pair the AWS SDK's default chain applies (environment, profile, instance role) */
  s3AccessKeyId: z.string().optional(),
  s3SecretAccessKey: z.string().optional(),
  /** path-style URLs (http://host/bucket/key), which MinIO and most self-hosted stores need */
  s3ForcePathStyle: z.boolean(),
  /** the largest file an upload may carry, in MB (MiB) */
  uploadMaxMb: z.coerce.number().positive().max(100_000),
  /**
   * Proxies whose X-Forwarded-For is believed (OPENAIMS_TRUST_PROXY, comma
   * separated addresses or CIDRs). Empty: the socket's address is the client's.
   */
  trustProxy: z.array(
    z.string().refine(isProxyAddress, { error: (iss) => `${JSON.stringify(iss.input)} is not an IP address or CIDR range` }),
  ),
  /** PDF reports printed at once by this process; more wait in a queue */
  pdfConcurrency: z.coerce.number().int().min(1).max(64),
  /** PDF reports allowed to wait; past that a request gets 503 with Retry-After */
  pdfQueueMax: z.coerce.number().int().min(0).max(10_000),
  /**
   * The Ed25519 private key that signs the audit log's head (PEM or base64
   * PKCS#8). Unset: a key file kept in the data directory, made on first start.
   */
  auditSigningKey: z.string().min(1).optional(),
  /** a signed checkpoint of the audit chain every N rows */
  auditCheckpointEvery: z.coerce.number().int().min(1).max(1_000_000),
  /**
   * Validate every response against its schema with zod
   * (OPENAIMS_RESPONSE_VALIDATION; tests turn it on). Off: responses are
   * written from their JSON Schema, several times faster.
   */
  responseValidation: z.boolean(),
  /**
   * How often each node's scheduler looks for due reminder jobs, in seconds
   * (OPENAIMS_SCHEDULER_INTERVAL_SECONDS, 1 to 3600, default 60). A job still
   * runs once per due time however many nodes tick: each takes its lease first.
   */
  schedulerIntervalSeconds: z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1 second')
    .max(3600, 'must be at most 3600 seconds (an hour)'),
  /**
   * How long an Idempotency-Key's first request may run before a retry may
   * take its claim over, in seconds (OPENAIMS_IDEMPOTENCY_TAKEOVER_SECONDS,
   * default 60): what frees a key whose node died mid-request. A first request
   * still running then cannot commit (its commit mark fails), so a write is
   * never made twice.
   */
  idempotencyTakeoverSeconds: z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1 second')
    .max(86_400, 'must be at most 86400 seconds (a day: keys live 24 hours)'),
});

export type Config = z.infer<typeof configSchema>;

export type ConfigOverrides = Partial<Config>;

function envBool(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** "a, b , c" → ['a', 'b', 'c']; unset or empty → [] */
function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Where Chromium usually lives on each platform, most likely first. */
export function chromiumCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      path.join(env.HOME ?? '~', 'Applications/Chromium.app/Contents/MacOS/Chromium'),
      path.join(env.HOME ?? '~', 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'];
    if (env.LOCALAPPDATA) roots.push(env.LOCALAPPDATA);
    return roots.flatMap((r) => [
      path.win32.join(r, 'Chromium', 'Application', 'chrome.exe'),
      path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
}

/**
 * OPENAIMS_CHROMIUM when set; otherwise the first of the platform's usual
 * places that exists, or the first of them (so messages name where we looked).
 */
export function resolveChromiumPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = fs.existsSync,
): string {
  if (env.OPENAIMS_CHROMIUM) return env.OPENAIMS_CHROMIUM;
  const candidates = chromiumCandidates(platform, env);
  return candidates.find((c) => exists(c)) ?? candidates[0];
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const raw = {
    dataDir: path.resolve(overrides.dataDir ?? env.OPENAIMS_DATA ?? './data'),
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    pgPrepare: overrides.pgPrepare ?? envBool(env.OPENAIMS_PG_PREPARE) ?? true,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    port: overrides.port ?? env.PORT ?? 3000,
    logLevel: overrides.logLevel ?? env.OPENAIMS_LOG_LEVEL ?? 'info',
    secureCookies: overrides.secureCookies ?? envBool(env.OPENAIMS_SECURE_COOKIES) ?? false,
    sessionTtlHours: overrides.sessionTtlHours ?? env.OPENAIMS_SESSION_TTL_HOURS ?? 12,
    bodyLimitBytes: overrides.bodyLimitBytes ?? env.OPENAIMS_BODY_LIMIT ?? 1024 * 1024,
    webDir: overrides.webDir ?? env.OPENAIMS_WEB_DIR,
    chromiumPath: overrides.chromiumPath ?? resolveChromiumPath(env),
    jobs: overrides.jobs ?? envBool(env.OPENAIMS_JOBS) ?? true,
    smtpUrl: overrides.smtpUrl ?? (env.OPENAIMS_SMTP_URL || undefined),
    mailFrom: overrides.mailFrom ?? (env.OPENAIMS_MAIL_FROM || 'OpenAIMS <no-reply@localhost>'),
    publicUrl: overrides.publicUrl ?? (env.OPENAIMS_PUBLIC_URL || undefined),
    storage: overrides.storage ?? (env.OPENAIMS_STORAGE || 'fs'),
    s3Endpoint: overrides.s3Endpoint ?? (env.OPENAIMS_S3_ENDPOINT || undefined),
    s3Bucket: overrides.s3Bucket ?? (env.OPENAIMS_S3_BUCKET || undefined),
    s3Region: overrides.s3Region ?? (env.OPENAIMS_S3_REGION || 'us-east-1'),
    s3AccessKeyId: overrides.s3AccessKeyId ?? (env.OPENAIMS_S3_ACCESS_KEY_ID || undefined),
    s3SecretAccessKey: overrides.s3SecretAccessKey ?? (env.OPENAIMS_S3_SECRET_ACCESS_KEY || undefined),
    s3ForcePathStyle: overrides.s3ForcePathStyle ?? envBool(env.OPENAIMS_S3_FORCE_PATH_STYLE) ?? false,
    uploadMaxMb: overrides.uploadMaxMb ?? env.OPENAIMS_UPLOAD_MAX_MB ?? 100,
    trustProxy: overrides.trustProxy ?? listOf(env.OPENAIMS_TRUST_PROXY),
    pdfConcurrency: overrides.pdfConcurrency ?? env.OPENAIMS_PDF_CONCURRENCY ?? 2,
    pdfQueueMax: overrides.pdfQueueMax ?? env.OPENAIMS_PDF_QUEUE ?? 8,
    auditSigningKey: overrides.auditSigningKey ?? (env.OPENAIMS_AUDIT_SIGNING_KEY || undefined),
    auditCheckpointEvery: overrides.auditCheckpointEvery ?? env.OPENAIMS_AUDIT_CHECKPOINT_EVERY ?? 1000,
    responseValidation: overrides.responseValidation ?? envBool(env.OPENAIMS_RESPONSE_VALIDATION) ?? false,
    schedulerIntervalSeconds: overrides.schedulerIntervalSeconds ?? (env.OPENAIMS_SCHEDULER_INTERVAL_SECONDS || 60),
    idempotencyTakeoverSeconds: overrides.idempotencyTakeoverSeconds ?? (env.OPENAIMS_IDEMPOTENCY_TAKEOVER_SECONDS || 60),
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${detail}`);
  }
  return parsed.data;
}
