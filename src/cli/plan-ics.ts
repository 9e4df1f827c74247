import ical from 'ical-generator';
import type { PlannedWeek } from '../sim/athlete/plan.ts';

/**
 * The plan as an iCalendar file (RFC 5545, written by ical-generator): one all-day event per
 * session on its date, the workout and its minutes as the title, the structure with paces and
 * heart rates in the description. Deterministic — ids from the date and the session, the stamp the
 * plan's first day — so the same plan writes the same bytes; the athlete's name is in every id, so two
 * athletes' plans in one calendar stay apart.
 */
export function planIcs(athlete: string, weeks: readonly PlannedWeek[]): string {
  const calendar = ical({ name: `${athlete}: training plan`, prodId: { company: 'periodize', product: 'plan', language: 'EN' } });
  const stamp = new Date(`${weeks[0]!.start}T00:00:00Z`);
  for (const week of weeks) {
    week.sessions.forEach((session, k) => {
      const zones = `zones 1/2/3: ${Math.round(session.z1Minutes)}/${Math.round(session.z2Minutes)}/${Math.round(session.z3Minutes)} min`;
      calendar.createEvent({
        id: `${slug(athlete)}-${session.date}-${k + 1}-${session.workout}@periodize`,
        start: new Date(`${session.date}T00:00:00Z`),
        allDay: true,
        stamp,
        summary: `${session.name} (${Math.round(session.minutes)} min)`,
        description: `${session.structure}\n\n${zones} · week ${week.week}, ${week.block}`,
      });
    });
  }
  return calendar.toString();
}

/** The athlete's name as a part of an id: "Anna Berg" → "anna-berg". */
function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'athlete';
}
