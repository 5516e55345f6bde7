import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../../src/platform/auth/roles.js';
import { addMember as inviteAndAccept, Client, setupOwner, signIn } from '../support/app.js';

// The cast of the security tests: one signed-in user per role in
// organization A, and an outsider who owns organization B and is nobody in A.
// Each signed-in principal holds a browser session (cookie + CSRF token) and
// an API token, so every transport can be tried as every role.

export interface Principal {
  name: Role | 'outsider';
  email: string;
  userId: string;
  /** the session cookie with its CSRF token */
  browser: Client;
  /** the API token as a bearer */
  token: Client;
}

export interface Cast {
  orgA: string;
  orgB: string;
  principals: Principal[];
  owner: Principal;
  /** signs the principal in again, with a new token: after an operation ended their session or token */
  refresh(p: Principal): Promise<void>;
  /** whether both the principal's session and token still work */
  stillSignedIn(p: Principal): Promise<boolean>;
}

/** Makes `email` a member of the organization with `role`, as a person joins: invited, then accepting. */
async function addMember(app: FastifyInstance, owner: Client, orgId: string, role: Role, email: string): Promise<void> {
  await inviteAndAccept(owner, app, orgId, { email, role, name: role });
}

async function issueToken(app: FastifyInstance, browser: Client): Promise<Client> {
  const res = await browser.post('/api/v1/tokens', { name: 'authz matrix' });
  if (res.status !== 201) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return new Client(app, undefined, undefined, res.body.token);
}

async function userIdOf(browser: Client): Promise<string> {
  const res = await browser.get('/api/v1/session');
  if (res.status !== 200) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.user.id;
}

export async function createCast(app: FastifyInstance): Promise<Cast> {
  const setup = await setupOwner(app, 'owner@example.com', 'Org A');
  const orgA = setup.orgId;
  const owner: Principal = {
    name: 'owner',
    email: 'owner@example.com',
    userId: setup.userId,
    browser: setup.client,
    token: await issueToken(app, setup.client),
  };
  const principals: Principal[] = [owner];
  for (const role of ROLES.filter((r) => r !== 'owner')) {
    const email = `${role}@example.com`;
    await addMember(app, owner.browser, orgA, role, email);
    const browser = await signIn(app, email);
    principals.push({ name: role, email, userId: await userIdOf(browser), browser, token: await issueToken(app, browser) });
  }
  // The outsider signs up by being added somewhere, founds B, then leaves A.
  const email = 'outsider@example.com';
  await addMember(app, owner.browser, orgA, 'viewer', email);
  const browser = await signIn(app, email);
  const outsiderId = await userIdOf(browser);
  const created = await browser.post('/api/v1/orgs', { name: 'Org B' });
  if (created.status !== 201) throw new Error(`org B: ${created.status} ${JSON.stringify(created.body)}`);
  const left = await owner.browser.delete(`/api/v1/orgs/${orgA}/members/${outsiderId}`);
  if (left.status !== 204) throw new Error(`outsider leaves A: ${left.status}`);
  principals.push({ name: 'outsider', email, userId: outsiderId, browser, token: await issueToken(app, browser) });

  const refresh = async (p: Principal) => {
    const fresh = await signIn(app, p.email);
    p.browser.cookie = fresh.cookie;
    p.browser.csrf = fresh.csrf;
    p.token.bearer = (await issueToken(app, fresh)).bearer;
  };
  const stillSignedIn = async (p: Principal) =>
    (await p.browser.get('/api/v1/tokens')).status === 200 && (await p.token.get('/api/v1/tokens')).status === 200;
  return { orgA, orgB: created.body.id as string, principals, owner, refresh, stillSignedIn };
}
