import { inject, injectable } from 'inversify';
import type { Parameters, PoolConstants } from '../../models/parameters.ts';
import { PARAMETERS } from '../tokens.ts';
import type { AthleteTraits } from '../population.ts';
import type { AdaptationModel } from './adaptation-model.ts';
import type { AthleteConstants, AthleteState } from './state.ts';

/**
 * The multi-system adaptation model (DESIGN.md §4).
 *
 * Three adaptation pools — central (VO2max), peripheral (fraction of VO2max at LT2) and base
 * (economy and LT1) — each hold the fraction u of the athlete's individual headroom realised. A day
 * of training adds stimulus S = Σ_zone weight × minutes, with diminishing returns within the day
 * (h(S) = S / (1 + S/K)), scaled by the athlete's responsiveness and by the headroom left:
 *
 *   u ← u + gain × responsiveness × h(S) × (1 − u) × blunting − decay × u
 *
 * so untrained athletes (u near 0) gain fast and elite athletes (u near 1) slowly, and every pool
 * decays toward the untrained state without stimulus (detraining).
 *
 * Fatigue is a Banister-type impulse response with Busso's variable dose–response (2003): each day's
 * cost (rising steeply above LT1) enters with a gain that grows when recent load exceeds the chronic
 * load the athlete is used to. Strain — fatigue relative to the steady state of the chronic load —
 * depresses performance, blunts adaptation and raises the risk of illness; past an optimum, more
 * load gives less (the inverted U). Sleep below need and illness blunt adaptation and performance.
 *
 * The athlete starts in equilibrium with their habitual training: the pools at the level that
 * training sustains, so doing what they always did keeps them where they are.
 */
/** Weeks of habitual training simulated to settle fatigue before the baseline. */
const WARM_UP_WEEKS = 8;
/** Physiological floors of the threshold fractions under complete detraining. */
const MIN_LT2_FRACTION = 0.5;
const MIN_LT1_FRACTION = 0.3;

@injectable()
export class MultiSystemModel implements AdaptationModel {
  readonly name = 'multi-system';
  private readonly centralPool: PoolConstants;
  private readonly peripheralPool: PoolConstants;
  private readonly basePool: PoolConstants;

  private readonly dailyBlunting = new Float64Array(7);

  constructor(@inject(PARAMETERS) private readonly parameters: Parameters) {
    this.centralPool = parameters.pools.central;
    this.peripheralPool = parameters.pools.peripheral;
    this.basePool = parameters.pools.base;
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

    // Habitual steady state of sleep, then of fatigue: the habitual week repeated until it repeats
    // itself (Busso's variable gain makes fatigue nonlinear, so this is simulated, not solved).
    const deficit = expectedShortfall(c.sleepNeed - c.habitualSleep, p.sleep.nightlySdHours);
    s.sleepDebt = deficit / (1 - c.sleepDebtDecay);
    s.lastNightDeficit = deficit;
    s.illDaysLeft = 0;
    c.baselineSleepDebt = s.sleepDebt;
    let cost = 0;
    for (let d = 0; d < 7; d++) cost += habitualCost[d]!;
    s.chronicLoad = cost / 7;
    s.fatigue = (cost / 7) * c.fatigueScale;
    s.vdrLoad = cost / 7 / (1 - c.vdrDecay);
    for (let week = 0; week < WARM_UP_WEEKS; week++) {
      for (let d = 0; d < 7; d++) {
        this.accumulateFatigue(c, s, habitualCost[d]!);
        if (week === WARM_UP_WEEKS - 1) this.dailyBlunting[d] = this.blunting(this.strain(c, s), s.sleepDebt);
      }
    }

    // Pools at the periodic equilibrium of the habitual week (exact: the week is an affine map of u).
    s.central = periodicEquilibrium(this.centralPool, c.responsivenessCentral, this.dailyBlunting, habitualZ1, habitualZ2, habitualZ3);
    s.peripheral = periodicEquilibrium(this.peripheralPool, c.responsivenessPeripheral, this.dailyBlunting, habitualZ1, habitualZ2, habitualZ3);
    s.base = periodicEquilibrium(this.basePool, c.responsivenessBase, this.dailyBlunting, habitualZ1, habitualZ2, habitualZ3);

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

  sleep(c: AthleteConstants, s: AthleteState, hours: number): void {
    const deficit = c.sleepNeed - hours;
    s.lastNightDeficit = deficit > 0 ? deficit : 0;
    s.sleepDebt = s.sleepDebt * c.sleepDebtDecay + s.lastNightDeficit;
  }

  train(c: AthleteConstants, s: AthleteState, z1: number, z2: number, z3: number, cost: number): void {
    this.accumulateFatigue(c, s, cost);
    let blunting = this.blunting(this.strain(c, s), s.sleepDebt);
    if (s.illDaysLeft > 0) blunting *= this.parameters.illness.adaptationWhileIll;
    s.central = advance(this.centralPool, s.central, c.responsivenessCentral * blunting, z1, z2, z3);
    s.peripheral = advance(this.peripheralPool, s.peripheral, c.responsivenessPeripheral * blunting, z1, z2, z3);
    s.base = advance(this.basePool, s.base, c.responsivenessBase * blunting, z1, z2, z3);
  }

  /** Fatigue with Busso's variable gain (recent load relative to chronic load), and chronic load. */
  private accumulateFatigue(c: AthleteConstants, s: AthleteState, cost: number): void {
    const f = this.parameters.fatigue;
    s.vdrLoad = s.vdrLoad * c.vdrDecay + cost;
    const chronic = s.chronicLoad > f.chronicFloor ? s.chronicLoad : f.chronicFloor;
    const acuteRatio = (s.vdrLoad * (1 - c.vdrDecay)) / chronic;
    const gain = acuteRatio > 1 ? 1 + f.vdrGain * (acuteRatio - 1) : 1;
    s.fatigue = s.fatigue * c.fatigueDecay + cost * gain;
    s.chronicLoad = s.chronicLoad * c.chronicDecay + (1 - c.chronicDecay) * cost;
  }

  refreshPhysiology(c: AthleteConstants, s: AthleteState): void {
    s.vo2max = c.vo2maxUntrained * (1 + c.vo2maxCeilingGain * s.central);
    const lt2 = c.lt2FractionUntrained + (c.lt2FractionCeiling - c.lt2FractionUntrained) * s.peripheral;
    s.lt2Fraction = lt2 > MIN_LT2_FRACTION ? lt2 : MIN_LT2_FRACTION;
    const lt1 = c.lt1FractionUntrained + (c.lt1FractionCeiling - c.lt1FractionUntrained) * s.base;
    // LT1 stays below LT2 (the thresholds cannot cross) and above a physiological floor.
    const highest = s.lt2Fraction - 0.04;
    s.lt1Fraction = lt1 > highest ? highest : lt1 > MIN_LT1_FRACTION ? lt1 : MIN_LT1_FRACTION;
    s.economy = c.economyUntrained * (1 - c.economyCeilingGain * s.base);
  }

  strain(c: AthleteConstants, s: AthleteState): number {
    const floor = this.parameters.fatigue.chronicFloor;
    return s.fatigue / ((s.chronicLoad > floor ? s.chronicLoad : floor) * c.fatigueScale);
  }

  readiness(c: AthleteConstants, s: AthleteState): number {
    const p = this.parameters;
    let value =
      1 -
      p.fatigue.performancePerStrain * this.strain(c, s) -
      p.sleep.performancePerHourDeficit * s.lastNightDeficit -
      p.sleep.performancePerDebtHour * s.sleepDebt;
    if (s.illDaysLeft > 0) value -= p.illness.performanceWhileIll;
    return value > 0.5 ? value : 0.5;
  }

  private blunting(strain: number, sleepDebt: number): number {
    const f = this.parameters.fatigue;
    const relative = strain / f.bluntingStrain;
    return 1 / (1 + Math.pow(relative, f.bluntingExponent)) / (1 + sleepDebt / this.parameters.sleep.bluntingDebtHours);
  }
}

function stimulus(pool: PoolConstants, z1: number, z2: number, z3: number): number {
  const weighted = pool.zoneWeights[0] * z1 + pool.zoneWeights[1] * z2 + pool.zoneWeights[2] * z3;
  return weighted / (1 + weighted / pool.halfSaturation);
}

function advance(pool: PoolConstants, level: number, rate: number, z1: number, z2: number, z3: number): number {
  return level + pool.gain * rate * stimulus(pool, z1, z2, z3) * (1 - level) - pool.decayPerDay * level;
}

/**
 * The pool level that one habitual week returns to: each day is u ↦ u(1 − x − decay) + x, with x the
 * day's gain rate, so the week is an affine map a·u + b whose fixed point is b / (1 − a).
 */
function periodicEquilibrium(
  pool: PoolConstants,
  responsiveness: number,
  blunting: Float64Array,
  z1: Float64Array,
  z2: Float64Array,
  z3: Float64Array,
): number {
  let a = 1;
  let b = 0;
  for (let d = 0; d < 7; d++) {
    const x = pool.gain * responsiveness * blunting[d]! * stimulus(pool, z1[d]!, z2[d]!, z3[d]!);
    const slope = 1 - x - pool.decayPerDay;
    a *= slope;
    b = b * slope + x;
  }
  return b / (1 - a);
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
