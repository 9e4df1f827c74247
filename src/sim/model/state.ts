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
  /** Daily decay factors e^(−1/τ). */
  fatigueDecay = 0;
  vdrDecay = 0;
  chronicDecay = 0;
  sleepDebtDecay = 0;
  /** Steady-state fatigue per unit of daily cost, 1 / (1 − fatigueDecay). */
  fatigueScale = 0;
  sleepNeed = 0;
  habitualSleep = 0;
  /** Highest chronic daily cost the athlete's tolerance can reach (PARAMETERS.fatigue.loadCapacity × habitual). */
  toleranceCeiling = 0;
  /** Values at baseline, for markers relative to the athlete's own normal. */
  baselineVo2max = 0;
  baselineSleepDebt = 0;
  /** Mean nightly shortfall of the athlete's habitual sleep against need (hours). */
  habitualSleepDeficit = 0;
  restingHr = 0;
  lnRmssd = 0;
}

export class AthleteState {
  /** Adaptation pools, each the fraction of the athlete's headroom realised (0 untrained, 1 ceiling). */
  central = 0;
  peripheral = 0;
  base = 0;
  /** Chronic (two-week) stimulus of each pool, blunting included. */
  centralStimulus = 0;
  peripheralStimulus = 0;
  baseStimulus = 0;
  /** Fatigue (cost units), Busso's recent-load filter, and chronic daily cost (the athlete's tolerance). */
  fatigue = 0;
  vdrLoad = 0;
  chronicLoad = 0;
  /** Fatigue relative to the athlete's tolerance (1 = habitual steady state), as of the last update. */
  strain = 1;
  /** Sleep debt (hours, decaying) and last night's shortfall against need. */
  sleepDebt = 0;
  lastNightDeficit = 0;
  /** Inputs of the day: hours slept last night, and the minutes per zone and cost of what was done. */
  sleptHours = 0;
  doneZ1 = 0;
  doneZ2 = 0;
  doneZ3 = 0;
  doneCost = 0;
  /** Days of illness left (0 = healthy). */
  illDaysLeft = 0;
  // Physiology derived from the pools (refreshPhysiology).
  vo2max = 0;
  lt1Fraction = 0;
  lt2Fraction = 0;
  economy = 0;

  copyFrom(other: AthleteState): void {
    this.central = other.central;
    this.peripheral = other.peripheral;
    this.base = other.base;
    this.centralStimulus = other.centralStimulus;
    this.peripheralStimulus = other.peripheralStimulus;
    this.baseStimulus = other.baseStimulus;
    this.fatigue = other.fatigue;
    this.vdrLoad = other.vdrLoad;
    this.chronicLoad = other.chronicLoad;
    this.strain = other.strain;
    this.sleepDebt = other.sleepDebt;
    this.lastNightDeficit = other.lastNightDeficit;
    this.illDaysLeft = other.illDaysLeft;
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
