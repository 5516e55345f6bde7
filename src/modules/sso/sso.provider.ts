import type * as client from 'openid-client';
import { importPackage } from '../../platform/packages.js';

// The organization's OpenID Connect provider as openid-client sees it.
// Discovery results are cached per process for a few minutes: they are the
// provider's public metadata, not state that must agree across app nodes.

/** openid-client, loaded by the first sign-in or settings check, not at server start. */
export const openidClient = () => importPackage<typeof client>('openid-client');

const CACHE_MS = 5 * 60_000;
const TIMEOUT_SECONDS = 10;
const cache = new Map<string, { at: number; config: Promise<client.Configuration> }>();

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

/**
 * Plain http is accepted only for a provider on this machine (a local test
 * or development provider); anything else must use https.
 */
export function insecureAllowed(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}

async function discover(p: ProviderSettings): Promise<client.Configuration> {
  const issuer = new URL(p.issuer);
  if (issuer.protocol !== 'https:' && !insecureAllowed(issuer)) throw new Error('the issuer must use https');
  const oidc = await openidClient();
  return oidc.discovery(
    issuer,
    p.clientId,
    p.clientSecret ?? undefined,
    p.clientSecret ? oidc.ClientSecretPost(p.clientSecret) : oidc.None(),
    { timeout: TIMEOUT_SECONDS, ...(insecureAllowed(issuer) ? { execute: [oidc.allowInsecureRequests] } : {}) },
  );
}

/** The provider's configuration, discovered (or from the cache); rejects with why discovery failed. */
export function providerConfig(p: ProviderSettings, fresh = false): Promise<client.Configuration> {
  const key = JSON.stringify([p.issuer, p.clientId, p.clientSecret]);
  const hit = cache.get(key);
  if (!fresh && hit && Date.now() - hit.at < CACHE_MS) return hit.config;
  const config = discover(p);
  cache.set(key, { at: Date.now(), config });
  // a failure is not cached: the next sign-in tries again
  config.catch(() => cache.delete(key));
  return config;
}

/** Why discovery failed, in words an administrator can act on. */
export function discoveryFailure(e: unknown): string {
  const err = e as { message?: string; code?: string; cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message ?? err.code;
  const msg = err.message ?? String(e);
  return `discovery failed: ${msg}${cause && !msg.includes(String(cause)) ? ` (${cause})` : ''}`.slice(0, 300);
}
