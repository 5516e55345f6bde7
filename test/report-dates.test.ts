import { describe, expect, it } from 'vitest';
import { dateFormat, localeOfCountry } from '../src/platform/report/dates.js';
import * as web from '../web/src/shared/ui/format.js';

// One date format across the app and its reports: the web app's formatter
// (web/src/shared/ui/format.ts) and the report kit's (src/platform/report/dates.ts)
// are two copies of one rule, since the web app cannot import server code.
// They must agree for every country.

const COUNTRIES = ['DE', 'US', 'GB', 'FR', 'SE', 'JP', 'CN', 'IN', 'BR', 'NL', 'CH', 'IR', 'EG', 'KR', 'HU', 'FI', 'CA'];
const DAYS = ['2025-03-04', '2026-12-31', '2024-02-29'];

describe('the web app and the reports write dates alike', () => {
  it.each(COUNTRIES)('for %s', (country) => {
    expect(web.localeOfCountry(country)).toBe(localeOfCountry(country));
    const locale = localeOfCountry(country);
    web.setDateLocale(locale, 'UTC');
    const server = dateFormat(locale);
    for (const day of DAYS) expect(web.formatDate(day)).toBe(server.date(day));
    const stamp = '2025-03-04T17:05:00Z';
    expect(`${web.formatDateTime(stamp)} UTC`).toBe(server.dateTime(stamp));
  });

  it('without a country: ISO 8601 in both', () => {
    web.setDateLocale(null, 'UTC');
    expect(web.formatDate('2025-03-04')).toBe('2025-03-04');
    expect(web.formatDateTime('2025-03-04T17:05:00Z')).toBe('2025-03-04 17:05');
    expect(dateFormat(null).dateTime('2025-03-04T17:05:00Z')).toBe('2025-03-04 17:05 UTC');
  });

  it("follows the organization's locale once set", () => {
    web.setDateLocale('de-DE', 'UTC');
    expect(web.formatDate('2025-03-04')).toBe('04.03.2025');
    web.setDateLocale('en-US', 'UTC');
    expect(web.formatDate('2025-03-04')).toBe('03/04/2025');
    expect(web.dateLocale()).toBe('en-US');
  });

  it("rewrites the days in a server's sentence, not timestamps or other numbers", () => {
    web.setDateLocale('de-DE', 'UTC');
    expect(web.formatDatesIn('Last reviewed on 2025-03-04, longer ago than the 365-day review interval.')).toBe(
      'Last reviewed on 04.03.2025, longer ago than the 365-day review interval.',
    );
    expect(web.formatDatesIn('at 2025-03-04T10:00:00Z')).toBe('at 2025-03-04T10:00:00Z');
    web.setDateLocale(null, 'UTC');
    expect(web.formatDatesIn('due on 2025-03-04')).toBe('due on 2025-03-04');
  });
});
