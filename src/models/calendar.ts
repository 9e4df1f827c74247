/*
 * Calendar dates as a plan writes them, YYYY-MM-DD: a coach's calendar days, no time zone (a
 * watch's times get their local date where they are read: src/sim/athlete/activities.ts).
 */

/** The weekday of a YYYY-MM-DD date, Monday 0. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `days` after a YYYY-MM-DD date, as YYYY-MM-DD (calendar days, no time zone). */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
