/** Today's date in UTC as YYYY-MM-DD: what due dates and review dates compare with. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
