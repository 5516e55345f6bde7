// One date format across the app: the organization's locale, from the
// country of its profile (Germany 14.03.2025, the United States 03/14/2025),
// ISO 8601 without a country. Numeric, so English words never mix with
// another language's month names. The org layout sets it (setDateLocale)
// before an organization's pages render; the server's report kit applies the
// same rule (src/platform/report/dates.ts; test/report-dates.test.ts checks both agree).

const DAY: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  calendar: 'gregory',
  numberingSystem: 'latn',
};

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

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

function formatters(locale: string | null, timeZone?: string) {
  return {
    locale,
    day: new Intl.DateTimeFormat(locale ?? 'en-GB', { ...DAY, timeZone: 'UTC' }),
    stamp: new Intl.DateTimeFormat(locale ?? 'en-GB', {
      ...DAY,
      hour: '2-digit',
      minute: '2-digit',
      ...(locale ? {} : { hourCycle: 'h23' as const }),
      timeZone,
    }),
  };
}

// Pages outside an organization (the account pages) keep the last organization's format.
const STORED = 'openaims.dateLocale';
const storage = typeof localStorage === 'undefined' ? null : localStorage;

function stored() {
  try {
    return formatters(storage?.getItem(STORED) || null);
  } catch {
    return formatters(null); // not a locale this browser knows
  }
}

let current = stored();

/** Sets the locale every date of the app is shown in (the organization's); null for ISO 8601. */
export function setDateLocale(locale: string | null, timeZone?: string): void {
  if (locale === current.locale && !timeZone) return;
  current = formatters(locale, timeZone);
  try {
    if (locale) storage?.setItem(STORED, locale);
    else storage?.removeItem(STORED);
  } catch {
    // storage full or refused: the format still applies for this visit
  }
}

export function dateLocale(): string | null {
  return current.locale;
}

const parts = (f: Intl.DateTimeFormat, d: Date) => Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));

/** A timestamp, in the viewer's time zone: "14.03.2025, 15:04" (de-DE), "2025-03-14 15:04" without a locale. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  if (isDay(iso)) return formatDate(iso);
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (current.locale) return current.stamp.format(d);
  const p = parts(current.stamp, d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A YYYY-MM-DD date, a calendar day no time zone moves: "14.03.2025" (de-DE), "2025-03-14" without a locale. */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '';
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return current.locale ? current.day.format(d) : day.slice(0, 10);
}

/**
 * A server's sentence for people ("Last reviewed on 2025-03-04, ...") with its
 * YYYY-MM-DD days in the organization's format, like every other date shown.
 */
export function formatDatesIn(text: string): string {
  return current.locale ? text.replace(/\b(\d{4}-\d{2}-\d{2})(?![\d:T])/g, (day) => formatDate(day)) : text;
}

/** Today as YYYY-MM-DD in UTC, the server's calendar. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDaysIso(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** The options of a select or checkbox group, from a value-to-label table. */
export function options<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}
