/*
 * Times and paces as a runner's watch shows them, for the terminal tables, the plan and its messages.
 */

/** Minutes as a race time: 48:31, or 1:02:05 from an hour; "—" for no time. */
export function raceTime(minutes: number): string {
  if (!Number.isFinite(minutes)) return '—';
  const total = Math.round(minutes * 60);
  const hours = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** A speed (km/h) as a pace, min/km: "4:50". */
export function pace(speed: number): string {
  return raceTime(60 / speed);
}

/** A difference in race minutes as a signed m:ss: "−0:12", "+1:05" (a difference under half a second is "+0:00"). */
export function signedClock(minutes: number): string {
  const seconds = Math.round(Math.abs(minutes) * 60);
  return `${minutes < 0 && seconds > 0 ? '−' : '+'}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
