import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { isProxyAddress, trustProxyOption, warnIfForwardedButUntrusted } from './proxy.js';

describe('trusted proxies', () => {
  it('accepts addresses, CIDR ranges and the named ranges', () => {
    for (const ok of ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', '2001:db8::/128', 'loopback', '0.0.0.0/0']) {
      expect(isProxyAddress(ok), ok).toBe(true);
    }
  });

  it('refuses anything else', () => {
    for (const bad of ['', '10.0.0.0/33', '::1/129', '10.0.0/8', 'proxy.example.com', '10.0.0.1/8/1', '10.0.0.1/-1', '*']) {
      expect(isProxyAddress(bad), bad).toBe(false);
    }
  });

  it('trusts no one by default, and only the list otherwise', () => {
    expect(loadConfig({}, {}).trustProxy).toEqual([]);
    expect(trustProxyOption([])).toBe(false);
    const c = loadConfig({}, { OPENAIMS_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' });
    expect(trustProxyOption(c.trustProxy)).toEqual(['127.0.0.1', '10.0.0.0/8']);
  });

  it('names a bad entry in the configuration error', () => {
    expect(() => loadConfig({}, { OPENAIMS_TRUST_PROXY: '127.0.0.1,10.0.0.0/99' })).toThrow(
      /^Invalid configuration: trustProxy\.1: "10\.0\.0\.0\/99" is not an IP address or CIDR range/,
    );
  });

  it('warns once when X-Forwarded-For arrives and no proxy is trusted', () => {
    const warnings: string[] = [];
    const log = { warn: (m: string) => warnings.push(m) };
    const forwarded = { 'x-forwarded-for': '198.51.100.1' };
    warnIfForwardedButUntrusted(log, ['10.0.0.1'], forwarded, '10.0.0.1');
    warnIfForwardedButUntrusted(log, [], {}, '10.0.0.1');
    expect(warnings).toEqual([]);
    warnIfForwardedButUntrusted(log, [], forwarded, '10.0.0.1');
    warnIfForwardedButUntrusted(log, [], forwarded, '10.0.0.1');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/OPENAIMS_TRUST_PROXY/);
  });
});
