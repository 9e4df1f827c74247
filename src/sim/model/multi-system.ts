import { inject, injectable } from 'inversify';
import type { Parameters, PoolConstants } from '../../models/parameters.ts';
import { PARAMETERS } from '../tokens.ts';
import type { AthleteTraits } from '../population.ts';
import type { AdaptationModel } from './adaptation-model.ts';
import { type AthleteConstants, type AthleteState, setDone } from './state.ts';

/** Weeks of habitual training lived to settle fatigue, sleep and pools before the baseline. */
const WARM_UP_WEEKS = 16;
/** A week of nights at the normal quantiles (k − ½)/7, in a fixed order: habitual sleep's spread. */
const NIGHT_PATTERN = [0.366, -1.465, 0.792, -0.366, 1.465, -0.792, 0];

/**
 * The multi-system adaptation model (DESIGN.md §4).
 *
 * Three adaptation pools — central (VO2max), peripheral (fraction of VO2max at LT2) and base
 * (economy and LT1) — each hold the fraction u of the athlete's individual headroom realised
 * (0 untrained, 1 at the ceiling). Each day of training gives each pool a stimulus
 * S = Σ_zone weight × h(minutes in zone), with diminishing returns within the day
 * (h(m) = m / (1 + m/K), K per zone), of which strain, sleep debt and illness let only a fraction B
 * count. The chronic stimulus C (B·S averaged over two weeks) supports a level
 *
 *   target = R·C / (R·C + halfStimulus)
 *
 * — R the athlete's responsiveness — toward which the pool moves with its own time constants: weeks
 * to rise, longer to fall (detraining). So the
 * level a load supports saturates toward the ceiling, untrained athletes (far from it) gain much and
 * elite athletes little, and how fast anyone adapts does not depend on how much.
 *
 * Fatigue is a Banister-type impulse response with Busso's variable dose–response (2003): each day's
 * cost (rising steeply above LT1) enters with a gain that grows when recent load exceeds the chronic
 * load the athlete is used to. Strain — fatigue relative to the steady state of that tolerance —
 * depresses performance (as strain²), blunts adaptation and raises the risk of illness; past an
 * optimum, more load gives less (the inverted U). Short sleep and illness blunt adaptation and cost
 * performance.
 *
 * The athlete starts in equilibrium with their habitual training (as sustained over a year): doing
 * what they always did keeps them where they are.
 */
@injectable()
export class MultiSystemModel implements AdaptationModel {
  readonly name = 'multi-system';
  private readonly centralPool: PoolConstants;
  private readonly peripheralPool: PoolConstants;
  private readonly basePool: PoolConstants;
  private readonly inverseSaturation1: number;
  private readonly inverseSaturation2: number;
  private readonly inverseSaturation3: number;
  /** Daily weight of a new day in the chronic stimulus (1 − e^(−1/window)). */
  private readonly stimulusWeight: number;
  private readonly vdrGain: number;
  private readonly inverseBluntingStrain: number;
  private readonly bluntingExponent: number;
  private readonly adaptationLostPerDebtHour: number;
  private readonly minAdaptationKept: number;
  private readonly adaptationWhileIll: number;
  private readonly lt2FractionFloor: number;
  private readonly lt1FractionFloor: number;
  private readonly minThresholdGap: number;
  /** Per pool (central, peripheral, base): zone weights ×3, halfStimulus, 1/riseDays, 1/fallDays. */
  private readonly poolConstants: Float64Array;

  constructor(@inject(PARAMETERS) private readonly parameters: Parameters) {
    this.centralPool = parameters.pools.central;
    this.peripheralPool = parameters.pools.peripheral;
    this.basePool = parameters.pools.base;
    this.inverseSaturation1 = 1 / parameters.zoneSaturationMinutes[0];
    this.inverseSaturation2 = 1 / parameters.zoneSaturationMinutes[1];
    this.inverseSaturation3 = 1 / parameters.zoneSaturationMinutes[2];
    this.stimulusWeight = 1 - Math.exp(-1 / parameters.stimulusWindowDays);
    this.vdrGain = parameters.fatigue.vdrGain;
    this.inverseBluntingStrain = 1 / parameters.fatigue.bluntingStrain;
    this.bluntingExponent = parameters.fatigue.bluntingExponent;
    this.adaptationLostPerDebtHour = parameters.sleep.adaptationLostPerDebtHour;
    this.minAdaptationKept = parameters.sleep.minAdaptationKept;
    this.adaptationWhileIll = parameters.illness.adaptationWhileIll;
    this.lt2FractionFloor = parameters.trainability.lt2FractionFloor;
    this.lt1FractionFloor = parameters.trainability.lt1FractionFloor;
    this.minThresholdGap = parameters.trainability.minThresholdGap;
    this.poolConstants = Float64Array.from(
      [this.centralPool, this.peripheralPool, this.basePool].flatMap((pool) => [...pool.zoneWeights, pool.halfStimulus, 1 / pool.riseDays, 1 / pool.fallDays]),
    );
  }

  initialize(
    traits: AthleteTraits,
    habitualZ1: Float64Array,
    habitualZ2: Float64Array,
    habitualZ3: Float64Array,
    habitualCost: Float64Array,
    c: AthleteConstants,
    s: AthleteState,
  ): void {
    const p = this.parameters;
    c.responsivenessCentral = traits.responsivenessCentral;
    c.responsivenessPeripheral = traits.responsivenessPeripheral;
    c.responsivenessBase = traits.responsivenessBase;
    c.fatigueDecay = Math.exp(-1 / traits.fatigueTimeConstant);
    c.fatigueScale = 1 / (1 - c.fatigueDecay);
    c.vdrDecay = Math.exp(-1 / p.fatigue.vdrTimeConstantDays);
    c.chronicDecay = Math.exp(-1 / p.fatigue.chronicTimeConstantDays);
    c.sleepDebtDecay = Math.exp(-1 / p.sleep.debtTimeConstantDays);
    c.sleepNeed = traits.sleepNeed;
    c.habitualSleep = traits.sleepHours;
    c.restingHr = traits.restingHr;
    c.lnRmssd = traits.lnRmssd;

    // The habitual steady state, found by living the habitual week until it repeats itself: fatigue
    // (nonlinear, Busso), chronic stimulus and pools, and sleep — nights spread as the athlete's do
    // (a fixed pattern of normal quantiles), because short nights cost more than long ones give.
    const deficit = expectedShortfall(c.sleepNeed - c.habitualSleep, p.sleep.nightlySdHours);
    s.sleepDebt = deficit / (1 - c.sleepDebtDecay);
    s.lastNightDeficit = deficit;
    s.illDaysLeft = 0;
    c.baselineSleepDebt = s.sleepDebt;
    c.habitualSleepDeficit = deficit;
    let cost = 0;
    for (let d = 0; d < 7; d++) cost += habitualCost[d]!;
    // The habitual week as planned (before the year's average consistency), or the floor anyone
    // tolerates, sets how far tolerance can grow.
    c.toleranceCeiling = p.fatigue.loadCapacity * Math.max(p.fatigue.chronicFloor, cost / 7 / p.habitual.consistency);
    s.chronicLoad = cost / 7;
    s.fatigue = (cost / 7) * c.fatigueScale;
    s.vdrLoad = cost / 7 / (1 - c.vdrDecay);
    s.strain = 1;
    let central = 0;
    let peripheral = 0;
    let base = 0;
    for (let d = 0; d < 7; d++) {
      const m1 = habitualZ1[d]! / (1 + habitualZ1[d]! * this.inverseSaturation1);
      const m2 = habitualZ2[d]! / (1 + habitualZ2[d]! * this.inverseSaturation2);
      const m3 = habitualZ3[d]! / (1 + habitualZ3[d]! * this.inverseSaturation3);
      central += stimulus(this.centralPool, m1, m2, m3) / 7;
      peripheral += stimulus(this.peripheralPool, m1, m2, m3) / 7;
      base += stimulus(this.basePool, m1, m2, m3) / 7;
    }
    const blunting = this.blunting(1, s.sleepDebt);
    s.centralStimulus = blunting * central;
    s.peripheralStimulus = blunting * peripheral;
    s.baseStimulus = blunting * base;
    s.central = supported(c.responsivenessCentral * s.centralStimulus, this.centralPool.halfStimulus);
    s.peripheral = supported(c.responsivenessPeripheral * s.peripheralStimulus, this.peripheralPool.halfStimulus);
    s.base = supported(c.responsivenessBase * s.baseStimulus, this.basePool.halfStimulus);
    let debt = 0;
    let shortfall = 0;
    for (let week = 0; week < WARM_UP_WEEKS; week++) {
      for (let d = 0; d < 7; d++) {
        s.sleptHours = c.habitualSleep + p.sleep.nightlySdHours * NIGHT_PATTERN[d]!;
        this.sleep(c, s);
        setDone(s, habitualZ1[d]!, habitualZ2[d]!, habitualZ3[d]!, habitualCost[d]!);
        this.train(c, s);
        if (week === WARM_UP_WEEKS - 1) {
          debt += s.sleepDebt / 7;
          shortfall += s.lastNightDeficit / 7;
        }
      }
    }
    c.baselineSleepDebt = debt;
    c.habitualSleepDeficit = shortfall;

    // Trait values move linearly from the athlete's observed value (at today's pool level) to the
    // ceiling (pool level 1), and back toward the untrained value (level 0) with detraining.
    const trainability = p.trainability;
    c.vo2maxCeilingGain = traits.vo2maxCeilingGain;
    c.vo2maxUntrained = traits.vo2max / (1 + c.vo2maxCeilingGain * s.central);
    c.lt2FractionCeiling = Math.max(trainability.lt2FractionCeiling, traits.lt2Fraction + 0.005);
    c.lt2FractionUntrained = (traits.lt2Fraction - c.lt2FractionCeiling * s.peripheral) / (1 - s.peripheral);
    c.lt1FractionCeiling = Math.max(trainability.lt1FractionCeiling, traits.lt1Fraction + 0.005);
    c.lt1FractionUntrained = (traits.lt1Fraction - c.lt1FractionCeiling * s.base) / (1 - s.base);
    c.economyCeilingGain = traits.economyCeilingGain;
    c.economyUntrained = traits.economy / (1 - c.economyCeilingGain * s.base);
    this.refreshPhysiology(c, s);
    c.baselineVo2max = s.vo2max;
  }

  sleep(c: AthleteConstants, s: AthleteState): void {
    const deficit = c.sleepNeed - s.sleptHours;
    s.lastNightDeficit = deficit > 0 ? deficit : 0;
    s.sleepDebt = s.sleepDebt * c.sleepDebtDecay + s.lastNightDeficit;
  }

  train(c: AthleteConstants, s: AthleteState): void {
    const z1 = s.doneZ1;
    const z2 = s.doneZ2;
    const z3 = s.doneZ3;
    this.accumulateFatigue(c, s, s.doneCost);
    let blunting = this.blunting(s.strain, s.sleepDebt);
    if (s.illDaysLeft > 0) blunting *= this.adaptationWhileIll;
    const m1 = z1 / (1 + z1 * this.inverseSaturation1);
    const m2 = z2 / (1 + z2 * this.inverseSaturation2);
    const m3 = z3 / (1 + z3 * this.inverseSaturation3);
    // The day's stimulus, as far as strain, sleep and illness let it count, into the two-week average;
    // each pool then moves toward the level that average supports (constants unpacked for speed).
    const k = this.poolConstants;
    const w = this.stimulusWeight;
    s.centralStimulus += w * (blunting * (k[0]! * m1 + k[1]! * m2 + k[2]! * m3) - s.centralStimulus);
    s.peripheralStimulus += w * (blunting * (k[6]! * m1 + k[7]! * m2 + k[8]! * m3) - s.peripheralStimulus);
    s.baseStimulus += w * (blunting * (k[12]! * m1 + k[13]! * m2 + k[14]! * m3) - s.baseStimulus);
    s.central = move(s.central, c.responsivenessCentral * s.centralStimulus, k[3]!, k[4]!, k[5]!);
    s.peripheral = move(s.peripheral, c.responsivenessPeripheral * s.peripheralStimulus, k[9]!, k[10]!, k[11]!);
    s.base = move(s.base, c.responsivenessBase * s.baseStimulus, k[15]!, k[16]!, k[17]!);
  }

  /** Fatigue with Busso's variable gain (recent load relative to chronic load), chronic load and strain. */
  private accumulateFatigue(c: AthleteConstants, s: AthleteState, cost: number): void {
    s.vdrLoad = s.vdrLoad * c.vdrDecay + cost;
    const acuteRatio = (s.vdrLoad * (1 - c.vdrDecay)) / this.tolerance(c, s);
    const gain = acuteRatio > 1 ? 1 + this.vdrGain * (acuteRatio - 1) : 1;
    s.fatigue = s.fatigue * c.fatigueDecay + cost * gain;
    s.chronicLoad = s.chronicLoad * c.chronicDecay + (1 - c.chronicDecay) * cost;
    s.strain = s.fatigue / (this.tolerance(c, s) * c.fatigueScale);
  }

  refreshPhysiology(c: AthleteConstants, s: AthleteState): void {
    s.vo2max = c.vo2maxUntrained * (1 + c.vo2maxCeilingGain * s.central);
    const lt2 = c.lt2FractionUntrained + (c.lt2FractionCeiling - c.lt2FractionUntrained) * s.peripheral;
    s.lt2Fraction = lt2 > this.lt2FractionFloor ? lt2 : this.lt2FractionFloor;
    const lt1 = c.lt1FractionUntrained + (c.lt1FractionCeiling - c.lt1FractionUntrained) * s.base;
    // LT1 stays below LT2 (the thresholds cannot cross) and above a physiological floor.
    const highest = s.lt2Fraction - this.minThresholdGap;
    s.lt1Fraction = lt1 > highest ? highest : lt1 > this.lt1FractionFloor ? lt1 : this.lt1FractionFloor;
    s.economy = c.economyUntrained * (1 - c.economyCeilingGain * s.base);
  }

  strain(_c: AthleteConstants, s: AthleteState): number {
    return s.strain;
  }

  /** The daily cost the athlete is used to: chronic load, between the floor and the athlete's capacity. */
  private tolerance(c: AthleteConstants, s: AthleteState): number {
    const chronic = s.chronicLoad;
    const floor = this.parameters.fatigue.chronicFloor;
    return chronic < floor ? floor : chronic > c.toleranceCeiling ? c.toleranceCeiling : chronic;
  }

  readiness(c: AthleteConstants, s: AthleteState): number {
    const p = this.parameters;
    const strain = s.strain;
    // Fatigue costs performance more than in proportion (strain², with strain 1 in habitual
    // training); sleep costs it only below the athlete's own normal.
    const shortNight = s.lastNightDeficit - c.habitualSleepDeficit;
    const extraDebt = s.sleepDebt - c.baselineSleepDebt;
    let value =
      1 -
      p.fatigue.performancePerStrain * strain * strain -
      p.sleep.performancePerHourDeficit * (shortNight > 0 ? shortNight : 0) -
      p.sleep.performancePerDebtHour * (extraDebt > 0 ? extraDebt : 0);
    if (s.illDaysLeft > 0) value -= p.illness.performanceWhileIll;
    return value > 0.5 ? value : 0.5;
  }

  /** How much of the day's adaptation survives strain (1 / (1 + (strain/s50)^n)) and sleep debt (linear). */
  private blunting(strain: number, sleepDebt: number): number {
    const relative = strain * this.inverseBluntingStrain;
    const power = this.bluntingExponent === 2 ? relative * relative : Math.pow(relative, this.bluntingExponent);
    const sleep = 1 - this.adaptationLostPerDebtHour * sleepDebt;
    return (sleep > this.minAdaptationKept ? sleep : this.minAdaptationKept) / (1 + power);
  }
}

function stimulus(pool: PoolConstants, m1: number, m2: number, m3: number): number {
  return pool.zoneWeights[0] * m1 + pool.zoneWeights[1] * m2 + pool.zoneWeights[2] * m3;
}

/** The level a drive (responsiveness × chronic blunted stimulus) supports: drive / (drive + halfStimulus). */
function supported(drive: number, halfStimulus: number): number {
  return drive / (drive + halfStimulus);
}

/**
 * One day's move of a pool toward the level its drive supports (`supported`, written out: a call
 * the optimiser does not inline would box its result every day): weeks to rise, longer to fall.
 */
function move(level: number, drive: number, halfStimulus: number, inverseRise: number, inverseFall: number): number {
  const target = drive / (drive + halfStimulus);
  return level + (target - level) * (target > level ? inverseRise : inverseFall);
}

/** E[max(0, X)] for X ~ N(mean, sd): the mean nightly shortfall of sleep against need. */
function expectedShortfall(mean: number, sd: number): number {
  const z = mean / sd;
  const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  return mean * normalCdf(z) + sd * density;
}

function normalCdf(z: number): number {
  // Abramowitz & Stegun 7.1.26 via erf; |error| < 1.5e-7.
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
