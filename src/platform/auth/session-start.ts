import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Row } from '../db/tables.js';

// Starting a session belongs to the accounts module, but single sign-on and
// the second factor (modules sso and mfa, which accounts depends on: the
// password route asks them) must start sessions too. Accounts provides its
// starter here at start-up and they take it from here, so no module imports
// in a circle.

export interface SignInMethod {
  /** how the user proved who they are, written to the audit log */
  method: 'password' | 'sso' | 'setup' | 'mfa';
  /**
   * The second factor was shown (TOTP or recovery code, or an identity
   * provider's MFA): the session carries the mark an organization that
   * requires two-step verification looks for.
   */
  secondFactor?: boolean;
}

export interface SessionStarter {
  /** what a new session answers with, for the routes that start one */
  schema: z.ZodType;
  start(req: FastifyRequest, reply: FastifyReply, user: Row<'users'>, how: SignInMethod): Promise<unknown>;
}

let starter: SessionStarter | null = null;

export function provideSessionStarter(s: SessionStarter): void {
  starter = s;
}

export function sessionStarter(): SessionStarter {
  if (!starter) throw new Error('the accounts module has not provided the session starter (provideSessionStarter)');
  return starter;
}
