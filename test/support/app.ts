import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { openDatabase } from '../../src/platform/db/db.js';
import { createTestDatabase, type TestDatabase, type TestDialect } from './db.js';

export const PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(dialect: TestDialect): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const config = loadConfig({ logLevel: 'silent', dataDir: '/tmp', webDir: '/nonexistent', responseValidation: true }, {});
  const app = await buildApp(database, config);
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}

/**
 * A second app process on the same PostgreSQL schema, as two nodes behind a
 * load balancer would be: for tests of what must hold across processes.
 */
export async function startSecondNode(t: TestApp): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const db = openDatabase({ dataDir: '/tmp', databaseUrl: process.env.PG_TEST_URL, pgSchema: t.database.schema });
  const app = await buildApp(db, loadConfig({ logLevel: 'silent', dataDir: '/tmp', webDir: '/nonexistent' }, {}));
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in browser: sends the session cookie and the CSRF header. */
export class Client {
  constructor(
    private readonly app: FastifyInstance,
    public cookie?: string,
    public csrf?: string,
    public bearer?: string,
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    return { status: res.statusCode, body: res.body ? safeJson(res.body) : undefined, headers: res.headers, raw: res };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

function safeJson(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const set = res.headers['set-cookie'];
  const list = Array.isArray(set) ? set : [set];
  const c = list.find((v) => typeof v === 'string' && v.startsWith('aims_session='));
  if (!c) throw new Error('no session cookie set');
  return String(c).split(';')[0];
}

export async function setupOwner(app: FastifyInstance, email = 'lead@example.com', orgName = 'Acme AI') {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { email, password: PASSWORD, name: 'Ada Lead', orgName },
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  const body = res.json();
  return {
    client: new Client(app, sessionCookie(res), body.csrfToken),
    orgId: body.organizations[0].id as string,
    userId: body.user.id as string,
  };
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return new Client(app, sessionCookie(res), res.json().csrfToken);
}

/**
 * Makes someone a member the way a person joins: the owner (or admin) invites
 * the email, and the invitee accepts through the link, creating the account
 * when the email is new (with `password`, PASSWORD by default) or signing in
 * to the existing one. Returns the member's user id.
 */
export async function addMember(
  owner: Client,
  app: FastifyInstance,
  orgId: string,
  input: { email: string; role: string; name: string; password?: string; expiresAt?: string },
): Promise<{ userId: string }> {
  const password = input.password ?? PASSWORD;
  const invited = await owner.post(`/api/v1/orgs/${orgId}/members`, {
    email: input.email,
    role: input.role,
    ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
  });
  if (invited.status !== 202) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const token = String(invited.body.acceptUrl).split('/invite/')[1];
  const accept = `/api/v1/invitations/${token}/accept`;
  let res = await new Client(app).post(accept, { name: input.name, password });
  let member: Client;
  if (res.status === 401) {
    // the email has an account already: its owner signs in and accepts
    member = await signIn(app, input.email, password);
    res = await member.post(accept, {});
  } else {
    member = res.status === 200 ? new Client(app, sessionCookie(res), res.body.csrfToken) : new Client(app);
  }
  if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${JSON.stringify(res.body)}`);
  const userId = (await member.get('/api/v1/session')).body.user.id;
  // the tests sign the member in themselves: leave no session of the helper's behind
  await member.delete('/api/v1/session');
  return { userId: userId as string };
}
