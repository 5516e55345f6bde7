import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './api-types';

// The typed client: paths and bodies come from the server's OpenAPI document
// (scripts/gen-api-types.ts), so a route change that breaks a page fails
// `npm run typecheck`.

export type Schemas = components['schemas'];
export type Session = Schemas['Session'];
export type Organization = Schemas['Organization'];
export type Role = NonNullable<Organization['role']>;
export type Problem = Schemas['Problem'];

let csrfToken: string | null = null;

/** The CSRF token of the current session; sent on every unsafe request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && UNSAFE.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

// Idempotency-Key on every POST, so a double click or a retry never creates
// twice: the server replays the first answer for 24 hours. One key per user
// action: an identical POST (same path and body) while the first still runs,
// or retried after it failed without an answer (network error, 5xx, 409 in
// progress), reuses its key; any other answer ends the action, and the next
// submit gets a fresh key.
const RETRY_WINDOW_MS = 10 * 60 * 1000;
const actionKeys = new Map<string, { key: string; at: number }>();
const requestActions = new Map<string, string>();

function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; getRandomValues does not (plain HTTP on a LAN)
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function keyForAction(action: string): string {
  const now = Date.now();
  const held = actionKeys.get(action);
  if (held && now - held.at < RETRY_WINDOW_MS) return held.key;
  const key = randomKey();
  actionKeys.set(action, { key, at: now });
  return key;
}

/** Ends the action unless its answer says the same request may be retried. */
function settleAction(action: string, status: number | null) {
  const retryable = status === null || status >= 500 || status === 408 || status === 409 || status === 429;
  if (!retryable) actionKeys.delete(action);
}

const idempotency: Middleware = {
  async onRequest({ request, id }) {
    if (request.method !== 'POST' || request.headers.has('Idempotency-Key')) return request;
    const action = `${request.url}\n${await request.clone().text()}`;
    requestActions.set(id, action);
    request.headers.set('Idempotency-Key', keyForAction(action));
    return request;
  },
  onResponse({ response, id }) {
    const action = requestActions.get(id);
    if (action === undefined) return;
    requestActions.delete(id);
    settleAction(action, response.status);
  },
  onError({ id }) {
    const action = requestActions.get(id);
    if (action !== undefined) settleAction(action, null);
    requestActions.delete(id);
  },
};

export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
api.use(csrf, idempotency);

// A repeat of a POST whose first try was saved, but whose answer never came
// back (the server handling it stopped), hears 409 "Already saved". The key
// stays with the action (settleAction), so saving again keeps hearing it and
// never creates a second record; the query client refreshes what is shown.
const ALREADY_SAVED = 'Already saved';
const ALREADY_SAVED_MESSAGE =
  'This was saved already, but the answer did not reach your browser (the server handling it stopped). Look for it in the list or the audit log before saving again.';

/** A problem+json answer from the API, thrown so queries and mutations fail. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Partial<Problem> | undefined) {
    const title = problem?.title ?? `Request failed (${status})`;
    super(status === 409 && title === ALREADY_SAVED ? ALREADY_SAVED_MESSAGE : (problem?.detail ?? title));
    this.status = status;
    this.problem = { type: 'about:blank', title, status, ...problem };
  }

  /** The request was saved before, but its answer was lost (the server handling it stopped). */
  get alreadySaved(): boolean {
    return this.status === 409 && this.problem.title === ALREADY_SAVED;
  }

  /** Field errors keyed by path without the "body." prefix, e.g. "sites.0.address"; headers are no form's fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      if (e.field.startsWith('headers.')) continue;
      const key = e.field.replace(/^body\.?/, '');
      out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
    }
    return out;
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns the data of a typed call, or throws an ApiError with the problem. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error as Partial<Problem> | undefined);
  return data as T;
}

/**
 * A POST whose body is a raw file (imports), which the typed client cannot
 * express: the same CSRF header, and the same ApiError when it fails.
 */
export async function postRaw<T>(url: string, body: Blob, contentType: string): Promise<T> {
  const action = `${url}\n${blobId(body)}`;
  const headers: Record<string, string> = { 'Content-Type': contentType, 'Idempotency-Key': keyForAction(action) };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body, headers, credentials: 'same-origin' });
  } catch (e) {
    settleAction(action, null);
    throw e;
  }
  settleAction(action, response.status);
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) throw new ApiError(response.status, data as Partial<Problem> | undefined);
  return data as T;
}

// A raw body (an import file) is one action while it is the same Blob.
const blobIds = new WeakMap<Blob, number>();
let nextBlobId = 0;
function blobId(body: Blob): number {
  let n = blobIds.get(body);
  if (n === undefined) {
    n = ++nextBlobId;
    blobIds.set(body, n);
  }
  return n;
}
