import type { Event } from '../models/scenario/schema.ts';
import type { RandomStream } from './rng.ts';

/**
 * Life events of one athlete, laid out by day (day 1 = Monday of week 1). Who is affected is drawn
 * once per athlete from the 'events' stream, so every arm sees the same events — except events
 * limited to some arms (`arms: [...]`), which a coach uses to ask "what does this cost?".
 */
/** Days after a scheduled illness counted with it in `inEvent` (the return to training). */
export const RETURN_DAYS = 3;

export class EventSchedule {
  /** Hours slept on the night before each day, or NaN for the athlete's own sleep. */
  readonly sleepHours: Float64Array;
  /** Length of an illness that starts on each day (0 = none). */
  readonly illnessStart: Uint8Array;
  /** Planned-volume factor of each week (index = week). */
  readonly loadFactor: Float64Array;
  /** 1 on days inside a sleep restriction, a scheduled illness or the RETURN_DAYS after it. */
  readonly inEvent: Uint8Array;

  constructor(
    readonly weeks: number,
    /** Days between the last week and the final tests (the pre-test days). */
    testDays = 0,
  ) {
    // One extra day: the night before the final tests.
    const days = weeks * 7 + testDays + 2;
    this.sleepHours = new Float64Array(days);
    this.illnessStart = new Uint8Array(days);
    this.loadFactor = new Float64Array(weeks + 1);
    this.inEvent = new Uint8Array(days);
  }

  /**
   * Draws which events affect this athlete (one draw per event, always) and lays out those that
   * apply to `arm`: events without an `arms` list apply to every arm; with `arm` null, only those.
   */
  fill(events: readonly Event[], stream: RandomStream, arm: string | null = null): void {
    this.sleepHours.fill(Number.NaN);
    this.illnessStart.fill(0);
    this.loadFactor.fill(1);
    this.inEvent.fill(0);
    const lastDay = this.sleepHours.length - 1;
    for (const event of events) {
      const affected = stream.uniform() < (event.share ?? 1);
      if (!affected) continue;
      if (event.arms !== undefined && (arm === null || !event.arms.includes(arm))) continue;
      const firstDay = eventFirstDay(event);
      switch (event.type) {
        case 'sleep-restriction': {
          const days = event.days ?? (event.weeks ?? 1) * 7;
          for (let day = firstDay; day < firstDay + days && day <= lastDay; day++) {
            this.sleepHours[day] = event.hours;
            this.inEvent[day] = 1;
          }
          break;
        }
        case 'illness':
          if (firstDay <= lastDay) this.illnessStart[firstDay] = Math.max(this.illnessStart[firstDay]!, event.days);
          // The illness and the days back from it: ill, every arm misses its sessions alike; what a
          // coach does differently shows in the first days back.
          for (let day = firstDay; day < firstDay + event.days + RETURN_DAYS && day <= lastDay; day++) this.inEvent[day] = 1;
          break;
        case 'load-multiplier': {
          const weeks = event.weeks ?? 1;
          for (let week = event.fromWeek; week < event.fromWeek + weeks && week <= this.weeks; week++) this.loadFactor[week]! *= event.factor;
          break;
        }
      }
    }
  }
}

/** The first day (from 1) an event touches: day fromDay (default 1) of week fromWeek; a load change starts with its week. */
export function eventFirstDay(event: Event): number {
  return (event.fromWeek - 1) * 7 + (event.type === 'load-multiplier' ? 1 : (event.fromDay ?? 1));
}
