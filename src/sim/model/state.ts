/**
 * What the simulator knows about one athlete and the coach does not. Plain numeric fields, so
 * that the daily loop touches no allocation: one `AthleteConstants` per athlete (shared by every
 * arm), one `AthleteState` per arm, reset from the athlete's baseline state.
 */
export class AthleteConstants {
  /** VO2max the athlete would have untrained, ml/kg/min, and the gain possible above it at the ceiling. */
  vo2maxUntrained = 0;
  vo2maxCeilingGain = 0;
  lt2FractionUntrained = 0;
  lt2FractionCeiling = 0;
  lt1FractionUntrained = 0;
  lt1FractionCeiling = 0;
  economyUntrained = 0;
  economyCeilingGain = 0;
  responsivenessCentral = 1;
  responsivenessPeripheral = 1;
  responsivenessBase = 1;
  /**
   * Per pool, the supported level is 1 − headroom · (reference / (stimulus + floor))^slope:
   * `headroom` = 1 − u0 at the athlete's operating point u0 (what their training history has
   * realised), `reference` the habitual chronic stimulus plus the everyday floor, `slope` =
   * responsiveness × elasticity.
   */
  centralHeadroom = 1;
  peripheralHeadroom = 1;
  baseHeadroom = 1;
  centralReference = 1;
  peripheralReference = 1;
  baseReference = 1;
  centralSlope = 1;
  peripheralSlope = 1;
  baseSlope = 1;
  /** Daily decay factors e^(−1/τ). */
  fatigueDecay = 0;
  vdrDecay = 0;
  chronicDecay = 0;
  sleepDebtDecay = 0;
  acuteDecay = 0;
  overreachingDecay = 0;
  /** Steady-state fatigue per unit of daily cost, 1 / (1 − fatigueDecay). */
  fatigueScale = 0;
  sleepNeed = 0;
  habitualSleep = 0;
  /** Highest chronic daily cost the athlete's tolerance can reach (PARAMETERS.fatigue.loadCapacity × habitual). */
  toleranceCeiling = 0;
  /** Accumulated excess strain the athlete tolerates before non-functional overreaching, and how long an episode lasts (days). */
  overreachingTolerance = 0;
  overreachingDays = 0;
  /** Values at baseline, for markers relative to the athlete's own normal. */
  baselineVo2max = 0;
  baselineSleepDebt = 0;
  /** Mean nightly shortfall of the athlete's habitual sleep against need (hours). */
  habitualSleepDeficit = 0;
  restingHr = 0;
  lnRmssd = 0;
  /** Injuries per minute of running before any multiplier (from the athlete's years of running). */
  injuryPerMinute = 0;
}

/** Days of running history the injury hazard looks back over (the longest session of the last 30 days, two fortnights of volume). */
export const HISTORY_DAYS = 30;

export class AthleteState {
  /** Adaptation pools, each the fraction of the athlete's headroom realised (0 untrained, 1 ceiling). */
  central = 0;
  peripheral = 0;
  base = 0;
  /** Chronic (two-week) stimulus of each pool, blunting included. */
  centralStimulus = 0;
  peripheralStimulus = 0;
  baseStimulus = 0;
  /** The part of the central chronic stimulus from zone 2 and zone 3, which hard sessions close together share. */
  centralHard = 0;
  /** Fatigue (cost units), Busso's recent-load filter, and chronic daily cost (the athlete's tolerance). */
  fatigue = 0;
  vdrLoad = 0;
  chronicLoad = 0;
  /** Fatigue relative to the athlete's tolerance (1 = habitual steady state), as of the last update. */
  strain = 1;
  /** Recent load (a day or two) and, relative to tolerance, the acute strain a morning starts with (1 = habitual). */
  acuteLoad = 0;
  acuteStrain = 1;
  /** Accumulated strain above the overreaching threshold (strain-days, decaying) and days of an episode left. */
  overreachingLoad = 0;
  overreachedDaysLeft = 0;
  /** Episodes of non-functional overreaching begun since the state was reset. */
  overreachingEpisodes = 0;
  /** The state of life outside training, in SD units (0 on average): see PARAMETERS.lifeStress. */
  lifeStress = 0;
  /** Sleep debt (hours, decaying) and last night's shortfall against need. */
  sleepDebt = 0;
  lastNightDeficit = 0;
  /** Inputs of the day: hours slept last night, and the minutes per zone and cost of what was done. */
  sleptHours = 0;
  doneZ1 = 0;
  doneZ2 = 0;
  doneZ3 = 0;
  doneCost = 0;
  /** Days of illness left (0 = healthy), and days until an infection caught shows (its markers already do). */
  illDaysLeft = 0;
  incubationDaysLeft = 0;
  /** The length of the illness an incubating infection will bring. */
  pendingIllDays = 0;
  /** Days of an injury without running left, then days of graded return left; whether the athlete has been injured. */
  injuryRestLeft = 0;
  injuryReturnLeft = 0;
  injuredBefore = 0;
  /** Injuries since the state was reset, and the days without running they cost. */
  injuries = 0;
  injuryRestDays = 0;
  /** Running history, a ring of HISTORY_DAYS days: minutes run and the longest session, by day. */
  readonly runMinutes = new Float64Array(HISTORY_DAYS);
  readonly longestSession = new Float64Array(HISTORY_DAYS);
  historyDay = 0;
  // Physiology derived from the pools (refreshPhysiology).
  vo2max = 0;
  lt1Fraction = 0;
  lt2Fraction = 0;
  economy = 0;

  /** From now on, count overreaching episodes, injuries and their days afresh (what an arm reports). */
  startCounting(): void {
    this.overreachingEpisodes = 0;
    this.injuries = 0;
    this.injuryRestDays = 0;
  }

  copyFrom(other: AthleteState): void {
    this.central = other.central;
    this.peripheral = other.peripheral;
    this.base = other.base;
    this.centralStimulus = other.centralStimulus;
    this.peripheralStimulus = other.peripheralStimulus;
    this.baseStimulus = other.baseStimulus;
    this.centralHard = other.centralHard;
    this.fatigue = other.fatigue;
    this.vdrLoad = other.vdrLoad;
    this.chronicLoad = other.chronicLoad;
    this.strain = other.strain;
    this.acuteLoad = other.acuteLoad;
    this.acuteStrain = other.acuteStrain;
    this.overreachingLoad = other.overreachingLoad;
    this.overreachedDaysLeft = other.overreachedDaysLeft;
    this.overreachingEpisodes = other.overreachingEpisodes;
    this.lifeStress = other.lifeStress;
    this.sleepDebt = other.sleepDebt;
    this.lastNightDeficit = other.lastNightDeficit;
    this.sleptHours = other.sleptHours;
    this.doneZ1 = other.doneZ1;
    this.doneZ2 = other.doneZ2;
    this.doneZ3 = other.doneZ3;
    this.doneCost = other.doneCost;
    this.illDaysLeft = other.illDaysLeft;
    this.incubationDaysLeft = other.incubationDaysLeft;
    this.pendingIllDays = other.pendingIllDays;
    this.injuryRestLeft = other.injuryRestLeft;
    this.injuryReturnLeft = other.injuryReturnLeft;
    this.injuredBefore = other.injuredBefore;
    this.injuries = other.injuries;
    this.injuryRestDays = other.injuryRestDays;
    this.runMinutes.set(other.runMinutes);
    this.longestSession.set(other.longestSession);
    this.historyDay = other.historyDay;
    this.vo2max = other.vo2max;
    this.lt1Fraction = other.lt1Fraction;
    this.lt2Fraction = other.lt2Fraction;
    this.economy = other.economy;
  }
}

/** Sets the day's work done (the daily loop sets the fields itself: passing numbers through a call can box them). */
export function setDone(s: AthleteState, z1: number, z2: number, z3: number, cost: number): void {
  s.doneZ1 = z1;
  s.doneZ2 = z2;
  s.doneZ3 = z3;
  s.doneCost = cost;
}
