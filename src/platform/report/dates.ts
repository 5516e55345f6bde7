// Dates as people of the organization write them. The organization's locale
// comes from the country of its profile (Germany: 14.03.2025, the United
// States: 03/14/2025, Sweden: 2025-03-14); without a country every date is
// ISO 8601. Dates are numeric so the app's English words never mix with
// another language's month names. Human-readable reports (HTML, PDF, DOCX,
// XLSX) use it; CSV and JSON keep ISO 8601. The web app's format.ts applies
// the same rule (test/report-dates.test.ts checks that both agree).

/** The BCP 47 locale of a country's dates: "DE" -> "de-DE"; null without a (known) country. */
export function localeOfCountry(country: string | null | undefined): string | null {
  if (!country || !/^[A-Z]{2}$/.test(country)) return null;
  try {
    const language = new Intl.Locale(`und-${country}`).maximize().language;
    const tag = `${language}-${country}`;
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length ? tag : null;
  } catch {
    return null;
  }
}

const DAY: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  calendar: 'gregory',
  numberingSystem: 'latn',
};

export interface DateFormat {
  locale: string | null;
  /** a YYYY-MM-DD day (or the day of a timestamp) */
  date(value: string | null | undefined): string;
  /** a timestamp with its time, in timeZone; "UTC" is named after it */
  dateTime(value: string | null | undefined): string;
}

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The organization's date format. Days are calendar days and never move with
 * a time zone; timestamps show in timeZone (UTC on the server, which says so).
 */
export function dateFormat(locale: string | null, timeZone = 'UTC'): DateFormat {
  const day = locale ? new Intl.DateTimeFormat(locale, { ...DAY, timeZone: 'UTC' }) : null;
  const stamp = locale
    ? new Intl.DateTimeFormat(locale, { ...DAY, hour: '2-digit', minute: '2-digit', timeZone })
    : new Intl.DateTimeFormat('en-GB', { ...DAY, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const suffix = timeZone === 'UTC' ? ' UTC' : '';
  const date = (value: string | null | undefined): string => {
    if (!value) return '';
    const d = new Date(isDay(value) ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(d.getTime())) return value;
    if (!day) return isDay(value) ? value : d.toISOString().slice(0, 10);
    return day.format(isDay(value) ? d : new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`));
  };
  const dateTime = (value: string | null | undefined): string => {
    if (!value) return '';
    if (isDay(value)) return date(value);
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return value;
    if (locale) return `${stamp.format(d)}${suffix}`;
    // ISO 8601 without a locale: 2025-03-14 15:04
    const p = Object.fromEntries(stamp.formatToParts(d).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${suffix}`;
  };
  return { locale, date, dateTime };
}
