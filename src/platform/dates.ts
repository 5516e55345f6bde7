// Calendar arithmetic on dates written YYYY-MM-DD (UTC, no time of day). One
// home for it, because due dates, review dates and the certification cycle
// must all agree on what "a month later" means.

/** Today's date in UTC as YYYY-MM-DD: what due dates and review dates compare with. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 and "soon" are not). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `days` later (or earlier, when negative). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The date `months` later, same day of month; a day the target month lacks becomes its last day (08-31 + 6 = 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = daysInMonth(first.getUTCFullYear(), first.getUTCMonth() + 1);
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The same month and day `years` later; 29 February becomes 28 February in a year without one. */
export function anniversary(date: string, years: number): string {
  return addMonths(date, years * 12);
}
