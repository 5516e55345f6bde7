import { describe, expect, it } from 'vitest';
import { dateFormat, localeOfCountry } from './dates.js';
import { formatStamp, metadataRows } from './model.js';

describe('localeOfCountry', () => {
  it("gives the country's own language with the country", () => {
    expect(localeOfCountry('DE')).toBe('de-DE');
    expect(localeOfCountry('US')).toBe('en-US');
    expect(localeOfCountry('GB')).toBe('en-GB');
    expect(localeOfCountry('SE')).toBe('sv-SE');
  });
  it('has none without a valid country', () => {
    expect(localeOfCountry(null)).toBeNull();
    expect(localeOfCountry('')).toBeNull();
    expect(localeOfCountry('de')).toBeNull();
    expect(localeOfCountry('Germany')).toBeNull();
  });
});

describe('dateFormat', () => {
  it('writes days as the locale does, never moved by a time zone', () => {
    expect(dateFormat('de-DE').date('2025-03-04')).toBe('04.03.2025');
    expect(dateFormat('en-US').date('2025-03-04')).toBe('03/04/2025');
    expect(dateFormat('en-GB').date('2025-03-04')).toBe('04/03/2025');
    expect(dateFormat('sv-SE').date('2025-03-04')).toBe('2025-03-04');
    expect(dateFormat('de-DE', 'Pacific/Honolulu').date('2025-03-04')).toBe('04.03.2025');
  });
  it('is ISO 8601 without a locale', () => {
    expect(dateFormat(null).date('2025-03-04')).toBe('2025-03-04');
    expect(dateFormat(null).dateTime('2025-03-04T17:05:09.123Z')).toBe('2025-03-04 17:05 UTC');
    expect(formatStamp('2025-03-04T17:05:09.123Z')).toBe('2025-03-04 17:05 UTC');
  });
  it('uses western digits and the Gregorian calendar in every locale', () => {
    expect(dateFormat(localeOfCountry('IR')).date('2025-03-04')).toMatch(/2025/);
    expect(dateFormat(localeOfCountry('EG')).date('2025-03-04')).toMatch(/04.*03.*2025/);
  });
  it('names UTC on timestamps and keeps the day of a timestamp', () => {
    expect(dateFormat('de-DE').dateTime('2025-03-04T17:05:00Z')).toBe('04.03.2025, 17:05 UTC');
    expect(dateFormat('de-DE').date('2025-03-04T23:59:00Z')).toBe('04.03.2025');
  });
  it('leaves what is not a date as it is, and nothing as nothing', () => {
    expect(dateFormat('de-DE').date('soon')).toBe('soon');
    expect(dateFormat('de-DE').date(null)).toBe('');
    expect(dateFormat('de-DE').dateTime(undefined)).toBe('');
  });
  it("shows a report's approval and generation in the report's locale", () => {
    const rows = metadataRows({
      organization: 'Acme',
      record: { name: 'Scope' },
      approval: { by: 'Ana', at: '2025-03-04T10:00:00Z' },
      generatedAt: '2025-03-05T08:30:00Z',
      locale: 'de-DE',
    });
    expect(rows).toContainEqual(['Approved', '04.03.2025, 10:00 UTC by Ana']);
    expect(rows).toContainEqual(['Generated', '05.03.2025, 08:30 UTC']);
  });
});
