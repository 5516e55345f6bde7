import { describe, expect, it } from 'vitest';
import { chromiumCandidates, loadConfig, resolveChromiumPath } from './config.js';

describe('Chromium setting', () => {
  it('OPENAIMS_CHROMIUM wins; a flag-style override wins over it', () => {
    expect(resolveChromiumPath({ OPENAIMS_CHROMIUM: '/opt/chrome/chrome' }, 'linux', () => false)).toBe('/opt/chrome/chrome');
    expect(loadConfig({}, { OPENAIMS_CHROMIUM: '/opt/c' }).chromiumPath).toBe('/opt/c');
    expect(loadConfig({ chromiumPath: '/x' }, { OPENAIMS_CHROMIUM: '/opt/c' }).chromiumPath).toBe('/x');
  });

  it('otherwise the first of the platform usual places that exists, else the first of them', () => {
    const only = (file: string) => (f: string) => f === file;
    expect(resolveChromiumPath({}, 'linux', only('/usr/bin/chromium-browser'))).toBe('/usr/bin/chromium-browser');
    expect(resolveChromiumPath({}, 'linux', () => true)).toBe('/usr/bin/chromium');
    expect(resolveChromiumPath({}, 'linux', () => false)).toBe('/usr/bin/chromium');
    expect(resolveChromiumPath({}, 'darwin', only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'))).toBe(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
    expect(resolveChromiumPath({ PROGRAMFILES: 'C:\\Program Files' }, 'win32', () => false)).toBe(
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
    );
    expect(chromiumCandidates('win32', {})).toContain('C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe');
  });
});

describe('interval settings', () => {
  it('default to a minute for the scheduler and take whole seconds from the environment', () => {
    expect(loadConfig({}, {}).schedulerIntervalSeconds).toBe(60);
    expect(loadConfig({}, { OPENAIMS_SCHEDULER_INTERVAL_SECONDS: '5' }).schedulerIntervalSeconds).toBe(5);
    expect(loadConfig({}, {}).idempotencyTakeoverSeconds).toBe(60);
    expect(loadConfig({}, { OPENAIMS_IDEMPOTENCY_TAKEOVER_SECONDS: '10' }).idempotencyTakeoverSeconds).toBe(10);
  });

  it('refuse a value that is not a whole number of seconds in range, naming the setting', () => {
    const bad = (v: string) => () => loadConfig({}, { OPENAIMS_SCHEDULER_INTERVAL_SECONDS: v });
    expect(bad('often')).toThrow(/schedulerIntervalSeconds: must be a whole number of seconds/);
    expect(bad('1.5')).toThrow(/schedulerIntervalSeconds: must be a whole number of seconds/);
    expect(bad('0')).toThrow(/schedulerIntervalSeconds: must be at least 1 second/);
    expect(bad('3601')).toThrow(/schedulerIntervalSeconds: must be at most 3600 seconds/);
    expect(() => loadConfig({}, { OPENAIMS_IDEMPOTENCY_TAKEOVER_SECONDS: '-1' })).toThrow(
      /idempotencyTakeoverSeconds: must be at least 1/,
    );
  });
});
