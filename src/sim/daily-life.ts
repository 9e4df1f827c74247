import type { Parameters } from '../models/parameters.ts';
import type { EventSchedule } from './events.ts';
import type { AdaptationModel } from './model/adaptation-model.ts';
import type { AthleteConstants, AthleteState } from './model/state.ts';
import type { RandomStream } from './rng.ts';

/** The streams the days of an athlete's life draw from: one per purpose, so that one never shifts another. */
export interface LifeStreams {
  sleep: RandomStream;
  illness: RandomStream;
  markers: RandomStream;
  rpe: RandomStream;
  wear: RandomStream;
}

/**
 * What happens to an athlete every day whatever the plan says: the night's sleep, falling ill, the
 * morning's resting HR and lnRMSSD (and whether the watch was worn), and how hard sessions feel
 * today. Each is drawn from its own stream with a fixed number of draws a day, so every arm replays
 * the same life (common random numbers, DESIGN.md §4) and differs only by the training done.
 *
 * Allocation-free: results go to typed arrays (a number returned from a call that is not inlined
 * would be boxed in the daily loop).
 */
export class DailyLife {
  /** This morning's resting HR (bpm) and lnRMSSD (ln ms), NaN when not measured. */
  readonly today = new Float64Array(2);
  /** Today's shift of every session's RPE (CR-10 units). */
  readonly rpeShift = new Float64Array(1);
  private readonly noise = new Float64Array(2);
  private readonly baseIllnessHazard: number;
  /** A morning has readings when a 32-bit draw falls below this (the share of mornings monitored). */
  private readonly wornBelow: number;

  constructor(
    private readonly streams: LifeStreams,
    private readonly parameters: Parameters,
    private readonly model: AdaptationModel,
    /** The athlete's constants (one object, refilled for every athlete). */
    private readonly constants: AthleteConstants,
    private readonly schedule: EventSchedule,
    wornShare: number,
  ) {
    this.baseIllnessHazard = parameters.illness.episodesPerYear / 365;
    this.wornBelow = wornShare * 2 ** 32;
  }

  /**
   * The night before `day` (0: a baseline night, no event): the scheduled hours of a sleep-restriction
   * event, or the athlete's own, with night-to-night spread.
   */
  night(s: AthleteState, day: number): void {
    const noise = this.drawNormal(this.streams.sleep);
    const c = this.constants;
    const sleep = this.parameters.sleep;
    const scheduled = day > 0 ? this.schedule.sleepHours[day]! : Number.NaN;
    let hours = scheduled === scheduled ? scheduled + sleep.restrictedNightSdHours * noise : c.habitualSleep + sleep.nightlySdHours * noise;
    if (hours < sleep.minNightHours) hours = sleep.minNightHours;
    else if (hours > sleep.maxNightHours) hours = sleep.maxNightHours;
    s.sleptHours = hours;
    this.model.sleep(c, s);
  }

  /**
   * Illness today: an ongoing episode counts down; a scheduled one starts; otherwise a new one starts
   * with a hazard that rises with strain and sleep debt. One draw every day keeps the stream aligned
   * across arms.
   */
  checkIllness(s: AthleteState, scheduledDays: number): boolean {
    // One 32-bit draw a day, split in two: 16 bits for the onset, 16 for the length.
    const draw = this.streams.illness.nextInt32() >>> 0;
    const onset = (draw >>> 16) * (1 / 65536);
    const length = (draw & 0xffff) * (1 / 65536);
    const ill = this.parameters.illness;
    if (s.illDaysLeft > 0) s.illDaysLeft--;
    if (scheduledDays > 0 && scheduledDays > s.illDaysLeft) {
      s.illDaysLeft = scheduledDays;
    } else if (s.illDaysLeft === 0) {
      const extraDebt = s.sleepDebt - this.constants.baselineSleepDebt;
      let hazard = this.baseIllnessHazard * (extraDebt > 0 ? 1 + ill.sleepDebtHazard * extraDebt : 1);
      const excess = s.strain > 1 ? ill.strainHazard * (s.strain - 1) : 0;
      // e^excess < 21 while excess < 3: most days the draw is far above any hazard and exp is not needed.
      if (excess > 0 && (excess >= 3 || onset < 21 * hazard)) hazard *= Math.exp(excess);
      if (onset < hazard) s.illDaysLeft = ill.durationDays.min + Math.floor(length * (ill.durationDays.max - ill.durationDays.min + 1));
    }
    return s.illDaysLeft > 0;
  }

  /**
   * The morning's markers into `today`, from the athlete's own baselines, moved by strain, sleep debt
   * above normal, illness and fitness: resting HR (bpm) up with fatigue and down with fitness, lnRMSSD
   * (ln ms) the other way; each with day-to-day noise. False (and NaN readings) when the watch was
   * not worn.
   */
  morningMarkers(s: AthleteState): boolean {
    const c = this.constants;
    const hr = this.parameters.markers.restingHr;
    const hrv = this.parameters.markers.lnRmssd;
    const strain = s.strain - 1;
    const debt = s.sleepDebt - c.baselineSleepDebt;
    const fitness = (s.vo2max / c.baselineVo2max - 1) * 100;
    const ill = s.illDaysLeft > 0;
    this.streams.markers.normals(this.noise, 2);
    this.today[0] =
      c.restingHr + hr.perStrain * strain + hr.perSleepDebtHour * debt + (ill ? hr.illness : 0) + hr.perVo2maxGainPct * fitness + hr.noiseSd * this.noise[0]!;
    this.today[1] =
      c.lnRmssd + hrv.perStrain * strain + hrv.perSleepDebtHour * debt + (ill ? hrv.illness : 0) + hrv.perVo2maxGainPct * fitness + hrv.noiseSd * this.noise[1]!;
    // The watch was not worn: no readings this morning (the draws above keep the streams aligned).
    if (this.streams.wear.nextInt32() >>> 0 >= this.wornBelow) {
      this.today[0] = Number.NaN;
      this.today[1] = Number.NaN;
      return false;
    }
    return true;
  }

  /** Draws today's RPE shift: up with strain and a short night; one noise draw a day keeps streams aligned. */
  drawRpeShift(s: AthleteState): void {
    const rpe = this.parameters.markers.rpe;
    this.rpeShift[0] = rpe.perStrain * (s.strain - 1) + rpe.perHourDeficit * s.lastNightDeficit + rpe.noiseSd * this.drawNormal(this.streams.rpe);
  }

  /** One normal variate from `stream`, passed through a typed array so that it is not boxed. */
  private drawNormal(stream: RandomStream): number {
    stream.normals(this.noise, 1);
    return this.noise[0]!;
  }
}
