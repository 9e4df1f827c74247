import type { MarkerResponse, Parameters } from '../models/parameters.ts';
import type { EventSchedule } from './events.ts';
import type { AdaptationModel } from './model/adaptation-model.ts';
import { injuryHazard } from './injury.ts';
import { HISTORY_DAYS, type AthleteConstants, type AthleteState } from './model/state.ts';
import type { RandomStream } from './rng.ts';

/** The streams the days of an athlete's life draw from: one per purpose, so that one never shifts another. */
export interface LifeStreams {
  sleep: RandomStream;
  illness: RandomStream;
  markers: RandomStream;
  rpe: RandomStream;
  wear: RandomStream;
  injury: RandomStream;
  stress: RandomStream;
}

/**
 * What happens to an athlete every day whatever the plan says: the night's sleep, falling ill, the
 * morning's resting HR and lnRMSSD (and whether the watch was worn), and how hard sessions feel
 * today. Each is drawn from its own stream with a fixed number of draws a day, so every arm replays
 * the same life (common random numbers, docs/MODEL.md) and differs only by the training done.
 *
 * Allocation-free: results go to typed arrays (a number returned from a call that is not inlined
 * would be boxed in the daily loop).
 */
export class DailyLife {
  /** This morning's resting HR (bpm) and lnRMSSD (ln ms), NaN when not measured. */
  readonly today = new Float64Array(2);
  /** Today's shift of every session's RPE (CR-10 units). */
  readonly rpeShift = new Float64Array(1);
  /**
   * The day's running for `runningDay`, written by the caller: minutes, minutes in zone 3, the
   * longest session (three numbers passed to a call too big to inline would be boxed every day).
   */
  readonly running = new Float64Array(3);
  private readonly noise = new Float64Array(2);
  private readonly baseIllnessHazard: number;
  private readonly stressPersistence: number;
  private readonly restingHrNoise: number;
  private readonly lnRmssdNoise: number;
  private readonly stressInnovation: number;
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
    this.stressPersistence = Math.exp(-1 / parameters.lifeStress.timeConstantDays);
    // A marker's day-to-day SD is in all: the life-stress state takes its share, noise the rest.
    const markers = parameters.markers;
    this.restingHrNoise = Math.sqrt(Math.max(0, markers.restingHr.noiseSd ** 2 - parameters.lifeStress.restingHr ** 2));
    this.lnRmssdNoise = Math.sqrt(Math.max(0, markers.lnRmssd.noiseSd ** 2 - parameters.lifeStress.lnRmssd ** 2));
    this.stressInnovation = Math.sqrt(1 - this.stressPersistence * this.stressPersistence);
    this.wornBelow = wornShare * 2 ** 32;
  }

  /** A stationary start of the life-stress state for a new athlete (one draw). */
  startStress(s: AthleteState): void {
    s.lifeStress = this.drawNormal(this.streams.stress);
  }

  /**
   * Today's state of life outside training: yesterday's, persisting (e^(−1/τ)), plus a new draw, so
   * that its SD stays 1 (one draw a day, whoever listens).
   */
  stressDay(s: AthleteState): void {
    const noise = this.drawNormal(this.streams.stress);
    s.lifeStress = this.stressPersistence * s.lifeStress + this.stressInnovation * noise;
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
   * Illness today: an ongoing episode counts down; a scheduled one starts; otherwise an infection is
   * caught with a hazard that rises with strain, sleep debt and overreaching, and shows as illness
   * after PARAMETERS.illness.prodromeDays (the markers move from the day it is caught). One draw
   * every day keeps the stream aligned across arms.
   */
  checkIllness(s: AthleteState, scheduledDays: number): boolean {
    // One 32-bit draw a day, split in two: 16 bits for the onset, 16 for the length.
    const draw = this.streams.illness.nextInt32() >>> 0;
    const onset = (draw >>> 16) * (1 / 65536);
    const length = (draw & 0xffff) * (1 / 65536);
    const ill = this.parameters.illness;
    if (s.illDaysLeft > 0) s.illDaysLeft--;
    if (s.incubationDaysLeft > 0) {
      s.incubationDaysLeft--;
      if (s.incubationDaysLeft === 0 && s.pendingIllDays > s.illDaysLeft) s.illDaysLeft = s.pendingIllDays;
    }
    if (scheduledDays > 0 && scheduledDays > s.illDaysLeft) {
      s.illDaysLeft = scheduledDays;
    } else if (s.illDaysLeft === 0 && s.incubationDaysLeft === 0) {
      const extraDebt = s.sleepDebt - this.constants.baselineSleepDebt;
      let hazard = this.baseIllnessHazard * (extraDebt > 0 ? 1 + ill.sleepDebtHazard * extraDebt : 1);
      if (s.overreachedDaysLeft > 0) hazard *= this.parameters.overreaching.illnessHazard;
      if (s.lifeStress > 0) hazard *= 1 + this.parameters.lifeStress.illnessHazard * s.lifeStress;
      const excess = s.strain > 1 ? ill.strainHazard * (s.strain - 1) : 0;
      // e^excess < 21 while excess < 3: most days the draw is far above any hazard and exp is not needed.
      if (excess > 0 && (excess >= 3 || onset < 21 * hazard)) hazard *= Math.exp(excess);
      if (onset < hazard) {
        s.pendingIllDays = ill.durationDays.min + Math.floor(length * (ill.durationDays.max - ill.durationDays.min + 1));
        if (ill.prodromeDays > 0) s.incubationDaysLeft = ill.prodromeDays;
        else s.illDaysLeft = s.pendingIllDays;
      }
    }
    return s.illDaysLeft > 0;
  }

  /**
   * The morning's markers into `today`, from the athlete's own baselines, moved by the acute strain
   * of the last day or two, accumulated strain, sleep debt above normal, an infection (from the day
   * it is caught), overreaching, life outside training and fitness: resting HR (bpm) up with fatigue and down with fitness,
   * lnRMSSD (ln ms) the other way; each with day-to-day noise and kept within physiological limits
   * (PARAMETERS.markers). False (and NaN readings) when the watch was not worn.
   */
  morningMarkers(s: AthleteState): boolean {
    const c = this.constants;
    const hr = this.parameters.markers.restingHr;
    const hrv = this.parameters.markers.lnRmssd;
    const overreaching = this.parameters.overreaching;
    const acute = s.acuteStrain - 1;
    // Fresher than habitual lowers the markers' fatigue signal only so far (strain cannot go below 0).
    const strain = s.strain > 0.5 ? s.strain - 1 : -0.5;
    const debt = s.sleepDebt - c.baselineSleepDebt;
    const fitness = (s.vo2max / c.baselineVo2max - 1) * 100;
    const infected = s.illDaysLeft > 0 || s.incubationDaysLeft > 0;
    const overreached = s.overreachedDaysLeft > 0;
    const stress = this.parameters.lifeStress;
    this.streams.markers.normals(this.noise, 2);
    // What moves both markers: the last hard day, accumulated strain, sleep debt, an infection,
    // overreaching and life's stress — each marker by its own response.
    const restingHr =
      c.restingHr * (1 + hr.perVo2maxGainPct * fitness) +
      response(hr, acute, strain, debt, infected) +
      (overreached ? overreaching.restingHr : 0) +
      stress.restingHr * s.lifeStress +
      this.restingHrNoise * this.noise[0]!;
    const lnRmssd =
      c.lnRmssd +
      hrv.perVo2maxGainPct * fitness +
      response(hrv, acute, strain, debt, infected) +
      (overreached ? overreaching.lnRmssd : 0) +
      stress.lnRmssd * s.lifeStress +
      this.lnRmssdNoise * this.noise[1]!;
    this.today[0] = restingHr < hr.limits.min ? hr.limits.min : restingHr > hr.limits.max ? hr.limits.max : restingHr;
    this.today[1] = lnRmssd < hrv.limits.min ? hrv.limits.min : lnRmssd > hrv.limits.max ? hrv.limits.max : lnRmssd;
    // The watch was not worn: no readings this morning (the draws above keep the streams aligned).
    if (this.streams.wear.nextInt32() >>> 0 >= this.wornBelow) {
      this.today[0] = Number.NaN;
      this.today[1] = Number.NaN;
      return false;
    }
    return true;
  }

  /**
   * Where an injury leaves today: 0 no injury, or the share of the planned running the athlete may do
   * (0 while resting, rising through the graded return to 1). Counts the injury's days down.
   */
  injuryAllowance(s: AthleteState): number {
    if (s.injuryRestLeft > 0) {
      s.injuryRestLeft--;
      s.injuryRestDays++;
      return 0;
    }
    if (s.injuryReturnLeft > 0) {
      const injury = this.parameters.injury;
      const allowance = injury.returnStartVolume + ((1 - injury.returnStartVolume) * (injury.returnDays - s.injuryReturnLeft)) / injury.returnDays;
      s.injuryReturnLeft--;
      return allowance;
    }
    return 1;
  }

  /**
   * The day's running enters the athlete's running history, and may injure them: a hazard per minute
   * of running (minutes above LT2 counting more) from their years of running, raised by a session
   * longer than any of the last 30 days, by two weeks much bigger than the two before, and by a
   * previous injury (PARAMETERS.injury). One draw every day keeps the stream aligned across arms.
   * The day's minutes come in `running` (minutes, zone-3 minutes, longest session).
   */
  runningDay(s: AthleteState): void {
    const minutes = this.running[0]!;
    const z3Minutes = this.running[1]!;
    const longest = this.running[2]!;
    const draw = this.streams.injury.nextInt32() >>> 0;
    const injury = this.parameters.injury;
    const ring = HISTORY_DAYS;
    // Yesterday is at historyDay: the longest session of the last 30 days, and the two fortnights
    // (today and the 13 days before it; the 14 before those).
    let previousLongest = 0;
    let lastFortnight = minutes;
    let fortnightBefore = 0;
    // Back from yesterday through the ring (two runs of slots: no modulo in the loop).
    const longestSession = s.longestSession;
    const runMinutes = s.runMinutes;
    const yesterday = s.historyDay;
    for (let back = 0; back < ring; back++) {
      const at = back <= yesterday ? yesterday - back : yesterday - back + ring;
      const session = longestSession[at]!;
      if (session > previousLongest) previousLongest = session;
      if (back < 13) lastFortnight += runMinutes[at]!;
      else if (back < 27) fortnightBefore += runMinutes[at]!;
    }
    s.historyDay = (s.historyDay + 1) % ring;
    s.runMinutes[s.historyDay] = minutes;
    s.longestSession[s.historyDay] = longest;
    if (s.injuryRestLeft > 0) return;
    const hazard = injuryHazard(injury, this.constants.injuryPerMinute, minutes, z3Minutes, longest, previousLongest, lastFortnight, fortnightBefore, s.injuredBefore === 1);
    const u = draw * (1 / 4294967296);
    if (u < hazard) {
      // The length from the same draw's position within the hazard (uniform on [0, 1) given an injury).
      const rest = injury.restDays;
      const days = rest.median * Math.exp(rest.sdLog * normalQuantile(0.001 + 0.998 * (u / hazard)));
      s.injuryRestLeft = Math.round(days < rest.min ? rest.min : days > rest.max ? rest.max : days);
      s.injuryReturnLeft = injury.returnDays;
      s.injuredBefore = 1;
      s.injuries++;
    }
  }

  /**
   * Fills the running history from a habitual week (minutes and longest session of each weekday,
   * Monday first) as the 30 days before day 1: yesterday (historyDay) was a Sunday.
   */
  startHistory(s: AthleteState, weekMinutes: Float64Array, weekLongest: Float64Array): void {
    const last = HISTORY_DAYS - 1;
    for (let slot = 0; slot < HISTORY_DAYS; slot++) {
      // Slot `last` is day 0, a Sunday (weekday 6); slot i is day i − last.
      const weekday = (((slot - last) % 7) + 7 + 6) % 7;
      s.runMinutes[slot] = weekMinutes[weekday]!;
      s.longestSession[slot] = weekLongest[weekday]!;
    }
    s.historyDay = last;
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

/**
 * The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9), for a
 * log-normal length drawn from a uniform already in hand.
 */
export function normalQuantile(p: number): number {
  const a = QUANTILE_A;
  const b = QUANTILE_B;
  const c = QUANTILE_C;
  const d = QUANTILE_D;
  if (p < QUANTILE_TAIL || p > 1 - QUANTILE_TAIL) {
    const q = Math.sqrt(-2 * Math.log(p < 0.5 ? p : 1 - p));
    const x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
    return p < 0.5 ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

const QUANTILE_TAIL = 0.02425;
const QUANTILE_A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const QUANTILE_B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const QUANTILE_C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const QUANTILE_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** A marker's response to the last hard day, accumulated strain, sleep debt and an infection. */
function response(marker: MarkerResponse, acute: number, strain: number, debt: number, infected: boolean): number {
  return marker.perAcuteStrain * acute + marker.perStrain * strain + marker.perSleepDebtHour * debt + (infected ? marker.illness : 0);
}
