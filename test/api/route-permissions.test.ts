import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { PERMISSION_NAMES, PERMISSIONS, type Permission } from '../../src/platform/auth/roles.js';

// One sweep over every org-scoped operation of the OpenAPI document: each
// declares its permission (x-permission), a non-member gets 404 whatever it
// sends, a viewer cannot write, an auditor reads and never writes, the owner
// is never refused. A new route is covered the day it is added.

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  method: Method;
  path: string;
  permission: string;
}

const OTHER_ID = '01900000-0000-7000-8000-000000000000';

describe.each(testDialects())('declared route permissions (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let operations: Operation[];
  const as: Record<string, Client> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
    for (const role of ['viewer', 'auditor', 'outsider']) {
      await addMember(owner, t.app, orgId, {
        email: `${role}@example.com`,
        role: role === 'outsider' ? 'viewer' : role,
        name: role,
      });
      as[role] = await signIn(t.app, `${role}@example.com`);
    }
    // The outsider owns an organization of their own and leaves ours.
    expect((await as.outsider.post('/api/v1/orgs', { name: 'Elsewhere' })).status).toBe(201);
    const outsiderId = (await owner.get(`/api/v1/orgs/${orgId}/members`)).body.items.find(
      (m: { email: string }) => m.email === 'outsider@example.com',
    ).userId;
    expect((await owner.delete(`/api/v1/orgs/${orgId}/members/${outsiderId}`)).status).toBe(204);

    const doc = (await owner.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { 'x-permission'?: string }>>;
    };
    operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/orgs/{orgId}'))
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({
          method: method.toUpperCase() as Method,
          path,
          permission: op['x-permission'] ?? '',
        })),
      );
  });
  afterAll(() => t.close());

  // The role table is the contract: a viewer may read and raise concerns, an auditor may read and sample the audit log.
  const mayAs = (role: 'viewer' | 'auditor', op: Operation) =>
    (PERMISSIONS[op.permission as Permission] as readonly string[]).includes(role);
  const url = (op: Operation) => op.path.replace('{orgId}', orgId).replace(/\{[^}]+\}/g, OTHER_ID);
  const send = (c: Client, op: Operation) => c.request(op.method, url(op), op.method === 'GET' ? undefined : {});

  it('finds the org routes, each with a declared permission', () => {
    expect(operations.length).toBeGreaterThan(40);
    const undeclared = operations.filter((op) => !(PERMISSION_NAMES as string[]).includes(op.permission));
    expect(undeclared).toEqual([]);
  });

  it('answers 404 to a non-member on every operation, before reading the body', async () => {
    for (const op of operations) {
      const res = await send(as.outsider, op);
      expect({ op: `${op.method} ${op.path}`, status: res.status }).toEqual({ op: `${op.method} ${op.path}`, status: 404 });
      expect(res.body.detail).toBe('Organization not found.');
    }
  });

  it('refuses a viewer every operation beyond reading and raising concerns', async () => {
    for (const op of operations) {
      const res = await send(as.viewer, op);
      const refused = res.status === 403;
      expect({ op: `${op.method} ${op.path}`, refused }).toEqual({
        op: `${op.method} ${op.path}`,
        refused: !mayAs('viewer', op),
      });
    }
  });

  it('lets an auditor read and the audit log, and never write or raise concerns', async () => {
    for (const op of operations) {
      const res = await send(as.auditor, op);
      const refused = res.status === 403;
      expect({ op: `${op.method} ${op.path}`, refused }).toEqual({
        op: `${op.method} ${op.path}`,
        refused: !mayAs('auditor', op),
      });
      expect(res.status).toBeLessThan(500);
    }
  });

  it('never refuses the owner', async () => {
    for (const op of operations) {
      const res = await send(owner, op);
      expect({ op: `${op.method} ${op.path}`, status: res.status }).not.toEqual({ op: `${op.method} ${op.path}`, status: 403 });
      expect(res.status).toBeLessThan(500);
    }
  });

  it('will not start a server whose org route declares no permission', async () => {
    const { buildApp } = await import('../../src/app.js');
    const { loadConfig } = await import('../../src/platform/config/config.js');
    const app = await buildApp(t.database, loadConfig({ logLevel: 'silent', dataDir: '/tmp', webDir: '/nonexistent' }, {}));
    expect(() => app.get('/api/v1/orgs/:orgId/forgotten', async () => ({}))).toThrow(/declares no permission/);
    await app.close();
  });
});
