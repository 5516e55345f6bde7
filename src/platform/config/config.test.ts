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
