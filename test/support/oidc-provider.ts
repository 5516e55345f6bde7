import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

// A real OpenID Connect provider (oidc-provider) on a random local port, for
// the single sign-on tests. Its login "page" is a route that signs in the
// account named in the query (?login=<id>&amr=pwd,mfa): a test drives the
// whole redirect dance with plain HTTP requests, as a browser would.

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** who a browser's visit to the login page (no ?login=) signs in as */
  nextLogin: string | null;
  /** follows the authorization URL through the login to the redirect back to the app; returns that URL */
  signIn(authorizationUrl: string, accountId: string, amr?: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const clientId = 'openaims-test';
  const clientSecret = 'a-long-client-secret-for-tests-only-0123456789';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const testProvider: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    nextLogin: null,
    signIn,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['test-cookie-key'] },
    // amr on every ID token (as most providers send it), so it says how the person signed in
    claims: {
      amr: null,
      auth_time: null,
      openid: ['sub', 'amr', 'auth_time'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const a = accounts.get(id);
      return a ? { accountId: id, claims: async () => ({ sub: id, ...a }) } : undefined;
    },
  });
  const callback = provider.callback();
  server.on('request', async (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    try {
      const url = new URL(req.url, issuer);
      const details = await provider.interactionDetails(req, res);
      const accountId = url.searchParams.get('login') ?? testProvider.nextLogin ?? '';
      const amr = (url.searchParams.get('amr') ?? 'pwd').split(',');
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId, amr }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (e) {
      res.statusCode = 500;
      res.end(String(e));
    }
  });

  async function signIn(authorizationUrl: string, accountId: string, amr = ['pwd']): Promise<string> {
    const jar = new Map<string, string>();
    let url = authorizationUrl;
    for (let hop = 0; hop < 6; hop++) {
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair.indexOf('=');
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
      const location = res.headers.get('location');
      if (!location) throw new Error(`provider answered ${res.status} at ${url}: ${await res.text()}`);
      const next = new URL(location, url);
      if (next.toString().startsWith(redirectUri)) return next.toString();
      if (next.pathname.startsWith('/interaction/')) {
        next.searchParams.set('login', accountId);
        next.searchParams.set('amr', amr.join(','));
      }
      url = next.toString();
    }
    throw new Error('the provider never redirected back to the app');
  }

  return testProvider;
}
