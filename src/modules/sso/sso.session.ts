import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Row } from '../../platform/db/tables.js';

// Starting a session belongs to the accounts module, which already depends
// on this one (password sign-in asks passwordSignInRefusal). So accounts
// hands its startSession over at start-up instead of this module importing
// it, which would make a cycle.

export type SessionStarter = (
  req: FastifyRequest,
  reply: FastifyReply,
  user: Row<'users'>,
  how: { method: 'sso'; secondFactor?: boolean },
) => Promise<unknown>;

let starter: SessionStarter | null = null;

export function provideSessionStart(fn: SessionStarter): void {
  starter = fn;
}

/** `secondFactor`: the provider says it checked a second factor (its amr claim), so the session counts as two-step verified. */
export function startSsoSession(
  req: FastifyRequest,
  reply: FastifyReply,
  user: Row<'users'>,
  secondFactor: boolean,
): Promise<unknown> {
  if (!starter) throw new Error('the accounts module has not provided startSession (provideSessionStart)');
  return starter(req, reply, user, { method: 'sso', secondFactor });
}
