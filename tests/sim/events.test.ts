import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/models/scenario/schema.ts';
import { EventSchedule } from '../../src/sim/events.ts';
import { openStream } from '../../src/sim/rng.ts';

/** The schedule of athlete 0 of scenario seed 1 over `weeks` weeks. */
const scheduleOf = (weeks: number, events: readonly Event[], athlete = 0): EventSchedule => {
  const schedule = new EventSchedule(weeks);
  schedule.fill(events, openStream(1, athlete, 'events'));
  return schedule;
};

/** Days (array indices) whose night's sleep is set. */
const restrictedNights = (schedule: EventSchedule): number[] =>
  Array.from(schedule.sleepHours.keys()).filter((day) => !Number.isNaN(schedule.sleepHours[day]!));

describe('EventSchedule.fill', () => {
  describe('having no events', () => {
    const schedule = scheduleOf(4, []);

    // 4 weeks = days 1–28, the extra day 29 and the unused index 0: 30 entries; weeks 1–4 plus index 0.
    it('should hold weeks × 7 + 2 days and weeks + 1 week factors', () => {
      expect(schedule.sleepHours).toHaveLength(30);
      expect(schedule.illnessStart).toHaveLength(30);
      expect(schedule.loadFactor).toHaveLength(5);
    });

    it('should leave sleep to the athlete (NaN), start no illness and keep every load factor at 1', () => {
      expect(schedule.sleepHours.every(Number.isNaN)).toBe(true);
      expect(schedule.illnessStart.every((length) => length === 0)).toBe(true);
      expect(Array.from(schedule.loadFactor)).toEqual([1, 1, 1, 1, 1]);
    });
  });

  describe('having a sleep restriction from Wednesday of week 2 for 4 days', () => {
    // Day 1 is Monday of week 1, so Wednesday of week 2 is day 7 + 3 = 10; 4 days: 10, 11, 12, 13.
    it('should set the nights before days 10–13 and no others', () => {
      const schedule = scheduleOf(4, [{ type: 'sleep-restriction', fromWeek: 2, fromDay: 3, days: 4, hours: 5.5 }]);
      expect(restrictedNights(schedule)).toEqual([10, 11, 12, 13]);
      expect(schedule.sleepHours[10]).toBe(5.5);
    });
  });

  describe('having a sleep restriction given in weeks', () => {
    // From Monday of week 3 (day 15) for 2 weeks: days 15–28.
    it('should cover weeks × 7 days from the first day', () => {
      const schedule = scheduleOf(6, [{ type: 'sleep-restriction', fromWeek: 3, weeks: 2, hours: 6 }]);
      expect(restrictedNights(schedule)).toEqual(Array.from({ length: 14 }, (_, i) => 15 + i));
    });

    // Neither weeks nor days: one week, days 8–14.
    it('should last one week when no length is given', () => {
      const schedule = scheduleOf(4, [{ type: 'sleep-restriction', fromWeek: 2, hours: 6 }]);
      expect(restrictedNights(schedule)).toEqual([8, 9, 10, 11, 12, 13, 14]);
    });
  });

  describe('having a sleep restriction that runs past the last week', () => {
    // 3 weeks: training days 1–21, the extra day 22 (the morning of the final tests). From day 15 for
    // 14 days would reach day 28; it stops at day 22.
    it('should reach the extra last day (weeks × 7 + 1) and stop there', () => {
      const schedule = scheduleOf(3, [{ type: 'sleep-restriction', fromWeek: 3, weeks: 2, hours: 5 }]);
      expect(restrictedNights(schedule)).toEqual([15, 16, 17, 18, 19, 20, 21, 22]);
      expect(schedule.sleepHours[3 * 7 + 1]).toBe(5);
    });

    // Week 4, day 1 of a 3-week scenario is day 22: the night before the final tests.
    it('should set the night before the final tests for an event on week weeks + 1, day 1', () => {
      const schedule = scheduleOf(3, [{ type: 'sleep-restriction', fromWeek: 4, days: 1, hours: 4 }]);
      expect(restrictedNights(schedule)).toEqual([22]);
    });
  });

  describe('having illnesses', () => {
    // Tuesday of week 2 is day 9.
    it('should record the length of an illness on the day it starts', () => {
      const schedule = scheduleOf(4, [{ type: 'illness', fromWeek: 2, fromDay: 2, days: 5 }]);
      expect(schedule.illnessStart[9]).toBe(5);
      expect(schedule.illnessStart.reduce((sum, length) => sum + length, 0)).toBe(5);
    });

    it('should keep the longer of two illnesses starting the same day', () => {
      const schedule = scheduleOf(4, [
        { type: 'illness', fromWeek: 3, days: 7 },
        { type: 'illness', fromWeek: 3, days: 3 },
      ]);
      expect(schedule.illnessStart[15]).toBe(7);
    });

    // 3 weeks: the last index is 22; week 4, day 2 would be day 23.
    it('should ignore an illness that starts after the extra last day', () => {
      const schedule = scheduleOf(3, [{ type: 'illness', fromWeek: 4, fromDay: 2, days: 3 }]);
      expect(schedule.illnessStart.every((length) => length === 0)).toBe(true);
    });
  });

  describe('having load multipliers', () => {
    // Weeks 1–3 × 2 and weeks 3–4 × 0.5: week 3 is 2 × 0.5 = 1; index 0 is unused.
    it('should multiply the factors of overlapping weeks', () => {
      const schedule = scheduleOf(5, [
        { type: 'load-multiplier', fromWeek: 1, weeks: 3, factor: 2 },
        { type: 'load-multiplier', fromWeek: 3, weeks: 2, factor: 0.5 },
      ]);
      expect(Array.from(schedule.loadFactor)).toEqual([1, 2, 2, 1, 0.5, 1]);
    });

    it('should last one week when no length is given, and stop at the last week', () => {
      const schedule = scheduleOf(4, [
        { type: 'load-multiplier', fromWeek: 2, factor: 1.5 },
        { type: 'load-multiplier', fromWeek: 4, weeks: 3, factor: 0.8 },
      ]);
      expect(Array.from(schedule.loadFactor)).toEqual([1, 1, 1.5, 1, 0.8]);
    });
  });

  describe('having shares of athletes affected', () => {
    const illness: Event = { type: 'illness', fromWeek: 1, days: 3 };
    const affected = (share: number | undefined, athletes: number): number => {
      let count = 0;
      for (let athlete = 0; athlete < athletes; athlete++) {
        const event: Event = share === undefined ? illness : { ...illness, share };
        if (scheduleOf(2, [event], athlete).illnessStart[1] === 3) count++;
      }
      return count;
    };

    it('should affect nobody at share 0', () => {
      expect(affected(0, 500)).toBe(0);
    });

    it('should affect everybody at share 1, and by default', () => {
      expect(affected(1, 500)).toBe(500);
      expect(affected(undefined, 500)).toBe(500);
    });

    // Binomial: SE √(0.3 × 0.7 / 4000) = 0.00725; 5 SE = 0.036.
    it('should affect about 30 % of 4 000 athletes at share 0.3', () => {
      expect(Math.abs(affected(0.3, 4000) / 4000 - 0.3)).toBeLessThan(5 * Math.sqrt((0.3 * 0.7) / 4000));
    });
  });

  describe('when filled again for the next athlete', () => {
    it('should forget the previous athlete\'s events', () => {
      const schedule = scheduleOf(3, [
        { type: 'sleep-restriction', fromWeek: 1, hours: 5 },
        { type: 'illness', fromWeek: 2, days: 4 },
        { type: 'load-multiplier', fromWeek: 1, factor: 2 },
      ]);
      schedule.fill([], openStream(1, 1, 'events'));
      expect(schedule.sleepHours.every(Number.isNaN)).toBe(true);
      expect(schedule.illnessStart.every((length) => length === 0)).toBe(true);
      expect(Array.from(schedule.loadFactor)).toEqual([1, 1, 1, 1]);
    });
  });

  describe('when filled for two arms from the same stream key, with an event limited to one arm', () => {
    it('should give that event to its arm only and every other event to both alike', () => {
      const events: Event[] = [
        { type: 'sleep-restriction', fromWeek: 1, weeks: 1, hours: 5, share: 0.5, arms: ['bad'] },
        { type: 'illness', fromWeek: 2, days: 4, share: 0.5 },
      ];
      let restricted = 0;
      let ill = 0;
      for (let athlete = 0; athlete < 20; athlete++) {
        const bad = new EventSchedule(3);
        bad.fill(events, openStream(1, athlete, 'events'), 'bad');
        const good = new EventSchedule(3);
        good.fill(events, openStream(1, athlete, 'events'), 'good');
        // The limited event still takes its draw in the other arm, so later events land alike.
        expect(Array.from(good.illnessStart)).toEqual(Array.from(bad.illnessStart));
        expect(good.sleepHours.every(Number.isNaN)).toBe(true);
        if (!bad.sleepHours.every(Number.isNaN)) restricted++;
        if (bad.illnessStart.some((days) => days > 0)) ill++;
      }
      // Both events hit some athletes (share 0.5 of 20), so the comparison above is not vacuous.
      expect(restricted).toBeGreaterThan(0);
      expect(ill).toBeGreaterThan(0);
    });
  });
});
