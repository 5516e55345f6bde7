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

export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
api.use(csrf);

/** A problem+json answer from the API, thrown so queries and mutations fail. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Partial<Problem> | undefined) {
    const title = problem?.title ?? `Request failed (${status})`;
    super(problem?.detail ?? title);
    this.status = status;
    this.problem = { type: 'about:blank', title, status, ...problem };
  }

  /** Field errors keyed by path without the "body." prefix, e.g. "sites.0.address". */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
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
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(url, { method: 'POST', body, headers, credentials: 'same-origin' });
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
