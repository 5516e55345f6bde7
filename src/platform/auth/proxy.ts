import { isIP } from 'node:net';

// Which peers may tell us the client's address. X-Forwarded-For is a header
// any client can write, so it is believed only from the proxies the operator
// lists (OPENAIMS_TRUST_PROXY); otherwise the socket's address is the client.
// Without this a client picks its own IP and walks around every per-address
// limit (and can pin a lockout on someone else's address).

/** Names proxy-addr (Fastify's trustProxy) understands for common ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IPv4/IPv6 address, a CIDR range of one, or a named range. */
export function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Fastify's `trustProxy`: off when no proxy is configured, else only the listed ones. */
export function trustProxyOption(list: string[]): false | string[] {
  return list.length === 0 ? false : list;
}

let warned = false;

/**
 * Behind a reverse proxy that nobody listed, every client has the proxy's
 * address, so they all share one per-source sign-in limit: a stranger's 20
 * failures would then stop everyone signing in. Say so once in the log.
 */
export function warnIfForwardedButUntrusted(
  log: { warn(msg: string): void },
  trusted: string[],
  headers: Record<string, unknown>,
  peer: string,
): void {
  if (warned || trusted.length > 0 || headers['x-forwarded-for'] === undefined) return;
  warned = true;
  log.warn(
    `A request from ${peer} carries X-Forwarded-For, which is ignored: if OpenAIMS runs behind a reverse proxy, list it in OPENAIMS_TRUST_PROXY so sign-in limits apply per client, not to everyone behind the proxy.`,
  );
}
