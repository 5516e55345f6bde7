import type { Role } from '../../src/platform/auth/roles.js';
import { insertUser } from '../../src/platform/auth/users.js';
import { nowIso } from '../../src/platform/db/db.js';
import { PASSWORD, type TestApp } from '../support/app.js';

/**
 * An account and a membership made directly in the database: these tests are
 * about sign-in, not about how people join (invitations are tested on their own).
 */
export async function makeMember(t: TestApp, orgId: string, email: string, role: Role = 'viewer'): Promise<string> {
  return t.database.db.transaction().execute(async (tx) => {
    const user = await insertUser(tx, { userId: null, label: 'test' }, { email, name: email.split('@')[0], password: PASSWORD });
    await tx
      .insertInto('memberships')
      .values({ org_id: orgId, user_id: user.id, role, created_at: nowIso(), expires_at: null, starts_at: null })
      .execute();
    return user.id;
  });
}
