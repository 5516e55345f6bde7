// Approving a versioned record while warnings are open takes a reason per
// open warning (platform/versioned). For tests whose subject is not the
// checks: the exceptions body that accepts every open warning of the draft.
import type { Client } from './app.js';

interface Check {
  code: string;
  severity: 'warning' | 'info';
  field: string;
}

/** One exception per open warning of the draft behind `base` (e.g. /api/v1/orgs/:id/scope). */
export async function acceptAllExceptions(client: Client, base: string, reason = 'Accepted for this test') {
  const draft = (await client.get(base)).body?.draft as { checks?: Check[] } | null;
  return (draft?.checks ?? []).filter((c) => c.severity === 'warning').map((c) => ({ code: c.code, field: c.field, reason }));
}

/** POST <base>/draft/approve with a reason for every open warning. */
export async function approveAccepting(client: Client, base: string, body: { note?: string } = {}) {
  return client.post(`${base}/draft/approve`, { ...body, exceptions: await acceptAllExceptions(client, base) });
}
