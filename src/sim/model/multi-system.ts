import { inject, injectable } from 'inversify';
import type { Parameters, PoolConstants } from '../../models/parameters.ts';
import { fastestTopSpeed, RACE_DISTANCES_KM } from '../../models/physiology/race.ts';
import { PARAMETER_SET } from '../tokens.ts';
import { fractionCeiling, type AthleteTraits } from '../population.ts';
import { normalCdf } from '../stats/normal.ts';
import type { AdaptationModel, HabitualWeek } from './adaptation-model.ts';
import { type AthleteConstants, type AthleteState, setDone } from './state.ts';

/** Weeks of habitual training lived to settle the chronic stimulus (a 14-day average, pools held) before the baseline. */
const WARM_UP_WEEKS = 12;
/** Weeks of the reported week lived, from its steady state, to settle fatigue (τ ≤ 25 days) and sleep. */
const RECENT_WEEKS = 6;
/** A week of nights at the normal quantiles (k − ½)/7, in a fixed order: habitual sleep's spread. */
const NIGHT_PATTERN = [0.366, -1.465, 0.792, -0.366, 1.465, -0.792, 0];
/** Operating points are kept this far from untrained (0) and the ceiling (1). */
const EDGE = 0.005;

/**
 * The multi-system adaptation model (the model in full: docs/MODEL.md).
 *
 * Three adaptation pools — central (VO2max), peripheral (fraction of VO2max at LT2) and base
 * (economy and LT1) — each hold the fraction u of the athlete's individual headroom realised
 * (0 untrained, 1 at the ceiling). Each day of training gives each pool a stimulus
 * S = Σ_zone weight × h(minutes in zone), with diminishing returns within the day
 * (h(m) = m / (1 + m/K)), of which strain, sleep debt, illness and overreaching let only a fraction
 * count — and of the zone-2 and zone-3 part less again when the session meets a body that has not
 * recovered from the last one (acute strain); and the hard part of two weeks' central stimulus is
 * shared among the hard sessions that gave it (Hatle et al. 2014, docs/MODEL.md). The chronic
 * stimulus C (averaged over two weeks) sets the level the pool moves toward, with its own time
 * constants (weeks to rise, longer to fall):
 *
 *   logit(target) = logit(u0) + R · elasticity · ln((C + F) / (C_habit + F))
 *
 * — u0 the athlete's operating point, R their responsiveness, F everyday activity. So training
 * history, not a label, decides how far an athlete is from their ceiling: u0 is what the habitual
 * stimulus supports at maturity, S/(S + halfStimulus), times how much of it the athlete's years of
 * training have realised. A more responsive athlete moves further for the same change in training,
 * at every level; an athlete near the ceiling moves little in u for the same shift in logit.
 *
 * Fatigue is a Banister-type impulse response with Busso's variable dose–response (2003): each day's
 * cost (rising steeply above LT1) enters with a gain that grows when recent load exceeds the chronic
 * load the athlete is used to. Strain — fatigue relative to the steady state of that tolerance —
 * depresses performance (as strain², saturating), blunts adaptation and raises the risk of illness;
 * past an optimum, more load gives less (the inverted U). Strain held above a threshold for weeks
 * tips the athlete into non-functional overreaching: weeks of lower performance and little
 * adaptation (Meeusen et al. 2013).
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
  /** The most VO2max rises in a day, a share of itself (trainability.vo2maxMostGainPerWeek / 7). */
  private readonly mostDailyGain: number;
  private readonly vdrGain: number;
  private readonly inverseBluntingStrain: number;
  private readonly bluntingExponent: number;
  private readonly adaptationLostPerDebtHour: number;
  private readonly minAdaptationKept: number;
  private readonly adaptationWhileIll: number;
  private readonly lt2FractionFloor: number;
  private readonly lt1FractionFloor: number;
  private readonly minThresholdGap: number;
  private readonly efficacyLossPerStrain: number;
  private readonly costPerStrain: number;
  /** Reference hard sessions a week per unit of the central pool's chronic hard stimulus (7 / a reference session's). */
  private readonly sessionsPerStimulus: number;
  private readonly halfDensity: number;
  private readonly stressEfficacyLoss: number;
  /** The stress factor of a hard session's efficacy, and the share of adaptation colds leave, on average. */
  private readonly meanStressEfficacy: number;
  private readonly meanIllnessFactor: number;
  private readonly overreachingThreshold: number;
  /** The everyday-activity stimulus of each pool (central, peripheral, base). */
  private readonly floor: Float64Array;
  /** Per pool (central, peripheral, base): zone weights ×3, 1/riseDays, 1/fallDays. */
  private readonly poolConstants: Float64Array;

  constructor(@inject(PARAMETER_SET) private readonly parameters: Parameters) {
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
    this.efficacyLossPerStrain = parameters.acute.efficacyLossPerStrain;
    this.costPerStrain = parameters.acute.costPerStrain;
    this.halfDensity = parameters.hardDensity.halfSessionsPerWeek;
    if (!(this.halfDensity > 0)) throw new RangeError(`hardDensity.halfSessionsPerWeek must be above 0 (got ${this.halfDensity})`);
    this.stressEfficacyLoss = parameters.lifeStress.efficacyLoss;
    this.meanStressEfficacy = meanOverPositiveNormal((z) => 1 / (1 + this.stressEfficacyLoss * z));
    const illness = parameters.illness;
    const illShare = (illness.episodesPerYear / 365) * ((illness.durationDays.min + illness.durationDays.max) / 2);
    this.meanIllnessFactor = 1 - illShare * (1 - illness.adaptationWhileIll);
    this.overreachingThreshold = parameters.overreaching.strainThreshold;
    this.mostDailyGain = parameters.trainability.vo2maxMostGainPerWeek / 7;
    const life = parameters.lifeStimulusMinutes / (1 + parameters.lifeStimulusMinutes * this.inverseSaturation1);
    this.floor = Float64Array.from([this.centralPool, this.peripheralPool, this.basePool], (pool) => pool.zoneWeights[0] * life);
    const reference = parameters.hardDensity.sessionMinutes;
    const referenceStimulus = reference / (1 + reference * this.inverseSaturation3);
    this.sessionsPerStimulus = 7 / (this.centralPool.zoneWeights[2] * referenceStimulus);
    this.poolConstants = Float64Array.from(
      [this.centralPool, this.peripheralPool, this.basePool].flatMap((pool) => [...pool.zoneWeights, 1 / pool.riseDays, 1 / pool.fallDays]),
    );
  }

  initialize(traits: AthleteTraits, habitual: HabitualWeek, c: AthleteConstants, s: AthleteState): void {
    const p = this.parameters;
    c.responsivenessCentral = traits.responsivenessCentral;
    c.responsivenessPeripheral = traits.responsivenessPeripheral;
    c.responsivenessBase = traits.responsivenessBase;
    c.fatigueDecay = Math.exp(-1 / traits.fatigueTimeConstant);
    c.fatigueScale = 1 / (1 - c.fatigueDecay);
    c.vdrDecay = Math.exp(-1 / p.fatigue.vdrTimeConstantDays);
    c.chronicDecay = Math.exp(-1 / p.fatigue.chronicTimeConstantDays);
    c.sleepDebtDecay = Math.exp(-1 / p.sleep.debtTimeConstantDays);
    c.acuteDecay = Math.exp(-1 / p.acute.timeConstantDays);
    c.overreachingDecay = Math.exp(-1 / p.overreaching.timeConstantDays);
    c.overreachingTolerance = traits.overreachingTolerance;
    c.overreachingDays = traits.overreachingDays;
    c.sleepNeed = traits.sleepNeed;
    c.habitualSleep = traits.sleepHours;
    c.restingHr = traits.restingHr;
    c.lnRmssd = traits.lnRmssd;
    const injury = p.injury;
    c.injuryPerMinute =
      (injury.timeLossShare * (injury.per1000hExperienced + (injury.per1000hNovice - injury.per1000hExperienced) * Math.exp(-traits.trainingYears / injury.historyYears))) / 60_000;

    // The habitual steady state, found by living the habitual week until it repeats itself: fatigue
    // (nonlinear, Busso), acute load, chronic stimulus and sleep — nights spread as the athlete's do
    // (a fixed pattern of normal quantiles), because short nights cost more than long ones give.
    const deficit = expectedShortfall(c.sleepNeed - c.habitualSleep, p.sleep.nightlySdHours);
    s.sleepDebt = deficit / (1 - c.sleepDebtDecay);
    s.lastNightDeficit = deficit;
    s.illDaysLeft = 0;
    s.incubationDaysLeft = 0;
    s.pendingIllDays = 0;
    // The habit is lived at an average life (the day-to-day state starts after, DailyLife.startStress).
    s.lifeStress = 0;
    s.overreachingLoad = 0;
    s.overreachedDaysLeft = 0;
    s.injuryRestLeft = 0;
    s.injuryReturnLeft = 0;
    s.injuredBefore = 0;
    s.startCounting();
    c.baselineSleepDebt = s.sleepDebt;
    c.habitualSleepDeficit = deficit;
    let cost = 0;
    for (let d = 0; d < 7; d++) cost += habitual.cost[d]!;
    // The reported week, or the floor anyone tolerates, sets how far tolerance can grow.
    c.toleranceCeiling = p.fatigue.loadCapacity * Math.max(p.fatigue.chronicFloor, cost / 7);
    // Fitness is in equilibrium with the year's average of the reported week (its consistency):
    // live that week, the pools held, until it repeats itself — what it settles to is the habitual
    // chronic stimulus each pool's target is measured against.
    const consistency = p.habitual.consistency;
    this.settling = true;
    this.settle(c, s, habitual, consistency, WARM_UP_WEEKS);
    const centralHabit = this.weekMean[0]!;
    const peripheralHabit = this.weekMean[1]!;
    const baseHabit = this.weekMean[2]!;
    // The operating point: what the habit supports at maturity, times how far the years of training
    // have matured it.
    const history = p.history;
    const years = traits.trainingYears;
    const matured = (timeConstant: number) => 1 - (1 - history.maturityAtStart) * Math.exp(-years / timeConstant);
    const central0 = edge((centralHabit / (centralHabit + this.centralPool.halfStimulus)) * matured(history.maturityYears.central));
    const peripheral0 = edge((peripheralHabit / (peripheralHabit + this.peripheralPool.halfStimulus)) * matured(history.maturityYears.peripheral));
    const base0 = edge((baseHabit / (baseHabit + this.basePool.halfStimulus)) * matured(history.maturityYears.base));
    c.centralHeadroom = 1 - central0;
    c.peripheralHeadroom = 1 - peripheral0;
    c.baseHeadroom = 1 - base0;
    c.centralReference = centralHabit + this.floor[0]!;
    c.peripheralReference = peripheralHabit + this.floor[1]!;
    c.baseReference = baseHabit + this.floor[2]!;
    c.centralSlope = c.responsivenessCentral * this.centralPool.elasticity;
    c.peripheralSlope = c.responsivenessPeripheral * this.peripheralPool.elasticity;
    c.baseSlope = c.responsivenessBase * this.basePool.elasticity;
    // Where the pools hover as the habitual week's stimulus rises and falls day by day: the athlete's
    // observed state, so that the habit lived on keeps them there.
    const k = this.poolConstants;
    s.central = this.stationary(0, c.centralHeadroom, c.centralReference, c.centralSlope, k[3]!, k[4]!);
    s.peripheral = this.stationary(1, c.peripheralHeadroom, c.peripheralReference, c.peripheralSlope, k[8]!, k[9]!);
    s.base = this.stationary(2, c.baseHeadroom, c.baseReference, c.baseSlope, k[13]!, k[14]!);
    // Fatigue, tolerance and sleep are those of the weeks lately run: the reported week. (Its
    // stimulus, above the habitual one, is what a block at the reported volume improves on.)
    const centralStimulus = s.centralStimulus;
    const peripheralStimulus = s.peripheralStimulus;
    const baseStimulus = s.baseStimulus;
    const centralHard = s.centralHard;
    this.settle(c, s, habitual, 1, RECENT_WEEKS);
    this.settling = false;
    c.baselineSleepDebt = this.weekMean[3]!;
    c.habitualSleepDeficit = this.weekMean[4]!;
    s.centralStimulus = centralStimulus;
    s.peripheralStimulus = peripheralStimulus;
    s.baseStimulus = baseStimulus;
    s.centralHard = centralHard;
    s.overreachingLoad = 0;
    s.overreachedDaysLeft = 0;
    s.startCounting();

    // Trait values move linearly from the athlete's observed value (at the operating point) to the
    // ceiling (pool level 1), and back toward the untrained value (level 0) with detraining.
    const trainability = p.trainability;
    // The ceiling stays human: at it, no faster at VO2max than the fastest runners (vVO2maxLimit,
    // at the economy of the athlete's own ceiling), no 10 km faster than the record at the LT
    // fractions of their ceiling, and no higher VO2max than ever recorded.
    // First economy: even with VO2max where it is, the ceiling's economy may not make them faster
    // than that — economy(ceiling) = E·(1 − e)/(1 − e·u_base) ≥ E·r, r = V·60/(fastest·E), gives
    // e ≤ (1 − r)/(1 − r·u_base). Then VO2max: untrained × (1 + g) ≤ most with untrained =
    // V / (1 + g·u0) gives g ≤ (most − V) / (V − most·u0).
    c.lt2FractionCeiling = fractionCeiling(trainability.lt2FractionCeiling, traits.lt2Fraction);
    c.lt1FractionCeiling = fractionCeiling(trainability.lt1FractionCeiling, traits.lt1Fraction);
    const record = fastestTopSpeed(RACE_DISTANCES_KM['10k'], p.tenKmRecordMinutes, c.lt1FractionCeiling, c.lt2FractionCeiling, p.race);
    const fastest = record < p.vVO2maxLimit.max ? record : p.vVO2maxLimit.max;
    const v = traits.vo2max;
    const r = (v * 60) / (fastest * traits.economy);
    const economyMost = r >= 1 ? 0 : (1 - r) / (1 - r * s.base);
    c.economyCeilingGain = traits.economyCeilingGain < economyMost ? traits.economyCeilingGain : economyMost;
    c.economyUntrained = traits.economy / (1 - c.economyCeilingGain * s.base);
    const most = Math.min(p.traitLimits.vo2max.max, (fastest * c.economyUntrained * (1 - c.economyCeilingGain)) / 60);
    let gain = traits.vo2maxCeilingGain;
    if (v * (1 + gain) > most * (1 + gain * s.central)) gain = v >= most ? 0 : Math.max(0, (most - v) / (v - most * s.central));
    // Nobody's VO2max, untrained, is below the lowest adults have (traitLimits.vo2max.min): an athlete
    // observed near it has that much less to lose — and to gain (V / (1 + g·u0) ≥ min).
    const lowest = p.traitLimits.vo2max.min;
    if (s.central > 0 && v / (1 + gain * s.central) < lowest) gain = v > lowest ? (v / lowest - 1) / s.central : 0;
    c.vo2maxCeilingGain = gain;
    c.vo2maxUntrained = v / (1 + gain * s.central);
    c.lt2FractionUntrained = (traits.lt2Fraction - c.lt2FractionCeiling * s.peripheral) / (1 - s.peripheral);
    c.lt1FractionUntrained = (traits.lt1Fraction - c.lt1FractionCeiling * s.base) / (1 - s.base);
    this.refreshPhysiology(c, s);
    c.baselineVo2max = s.vo2max;
  }

  /** Means over the last week lived by `settle`: the three pools' chronic stimulus, sleep debt, nightly shortfall. */
  private readonly weekMean = new Float64Array(5);
  /** The three pools' chronic stimulus on each day of the last week lived by `settle` (pool × 7 + day). */
  private readonly weekStimulus = new Float64Array(21);
  /** True while `initialize` lives the habit: the day-to-day states enter by their expected effect. */
  private settling = false;

  /**
   * Lives `weeks` of the habitual week at `scale` of its minutes and cost, the pools held, from the
   * week's steady state: fatigue (nonlinear, Busso), acute and chronic load, stimulus and sleep —
   * nights spread as the athlete's do (a fixed pattern of normal quantiles), because short nights
   * cost more than long ones give. Leaves the last week's means in `weekMean`.
   */
  private settle(c: AthleteConstants, s: AthleteState, habitual: HabitualWeek, scale: number, weeks: number): void {
    const p = this.parameters;
    let cost = 0;
    let central = 0;
    let peripheral = 0;
    let base = 0;
    let centralHard = 0;
    for (let d = 0; d < 7; d++) {
      cost += (scale * habitual.cost[d]!) / 7;
      const z1 = scale * habitual.z1[d]!;
      const z2 = scale * habitual.z2[d]!;
      const z3 = scale * habitual.z3[d]!;
      const m1 = z1 / (1 + z1 * this.inverseSaturation1);
      const m2 = z2 / (1 + z2 * this.inverseSaturation2);
      const m3 = z3 / (1 + z3 * this.inverseSaturation3);
      central += stimulus(this.centralPool, m1, m2, m3) / 7;
      peripheral += stimulus(this.peripheralPool, m1, m2, m3) / 7;
      base += stimulus(this.basePool, m1, m2, m3) / 7;
      centralHard += stimulus(this.centralPool, 0, m2, m3) / 7;
    }
    s.chronicLoad = cost;
    s.fatigue = cost * c.fatigueScale;
    s.vdrLoad = cost / (1 - c.vdrDecay);
    s.acuteLoad = cost / (1 - c.acuteDecay);
    s.strain = 1;
    s.acuteStrain = 1;
    const blunting = this.blunting(1, s.sleepDebt);
    s.centralStimulus = blunting * central;
    s.peripheralStimulus = blunting * peripheral;
    s.baseStimulus = blunting * base;
    s.centralHard = blunting * centralHard;
    const mean = this.weekMean;
    mean.fill(0);
    for (let week = 0; week < weeks; week++) {
      for (let d = 0; d < 7; d++) {
        s.sleptHours = c.habitualSleep + p.sleep.nightlySdHours * NIGHT_PATTERN[d]!;
        this.sleep(c, s);
        setDone(s, scale * habitual.z1[d]!, scale * habitual.z2[d]!, scale * habitual.z3[d]!, scale * habitual.cost[d]!);
        this.live(c, s);
        if (week === weeks - 1) {
          const shared = this.sharedCentral(s);
          this.weekStimulus[d] = shared;
          this.weekStimulus[7 + d] = s.peripheralStimulus;
          this.weekStimulus[14 + d] = s.baseStimulus;
          mean[0]! += shared / 7;
          mean[1]! += s.peripheralStimulus / 7;
          mean[2]! += s.baseStimulus / 7;
          mean[3]! += s.sleepDebt / 7;
          mean[4]! += s.lastNightDeficit / 7;
        }
      }
    }
  }

  /**
   * Where a pool hovers as the habitual week's chronic stimulus rises and falls day by day: the level
   * L at which the week's moves cancel, Σ_d r_d (T_d − L) = 0 — r_d the rise rate on days whose
   * target T_d is above L, the fall rate below — a little above the target of the mean stimulus, as
   * rises are faster than falls. Solved by fixed-point iteration from the mean target.
   */
  private stationary(pool: number, headroom: number, reference: number, slope: number, inverseRise: number, inverseFall: number): number {
    const floor = this.floor[pool]!;
    const targets = this.weekTargets;
    let level = 0;
    for (let d = 0; d < 7; d++) {
      targets[d] = targetOf(headroom, reference, this.weekStimulus[pool * 7 + d]! + floor, slope);
      level += targets[d]! / 7;
    }
    for (let iteration = 0; iteration < 30; iteration++) {
      let weighted = 0;
      let rates = 0;
      for (let d = 0; d < 7; d++) {
        const rate = targets[d]! > level ? inverseRise : inverseFall;
        weighted += rate * targets[d]!;
        rates += rate;
      }
      level = weighted / rates;
    }
    return level;
  }

  private readonly weekTargets = new Float64Array(7);

  sleep(c: AthleteConstants, s: AthleteState): void {
    const deficit = c.sleepNeed - s.sleptHours;
    s.lastNightDeficit = deficit > 0 ? deficit : 0;
    s.sleepDebt = s.sleepDebt * c.sleepDebtDecay + s.lastNightDeficit;
  }

  train(c: AthleteConstants, s: AthleteState): void {
    const before = s.overreachedDaysLeft;
    this.live(c, s);
    if (before === 0 && s.overreachedDaysLeft > 0) s.overreachingEpisodes++;
    // Each pool moves toward the level its chronic stimulus supports (constants unpacked for speed),
    // the central pool's hard part shared among the hard sessions that gave it (sharedCentral).
    const k = this.poolConstants;
    const central = move(s.central, c.centralHeadroom, c.centralReference, this.sharedCentral(s) + this.floor[0]!, c.centralSlope, k[3]!, k[4]!);
    // A day's rise of the central pool, paced: VO2max (untrained × (1 + g·u)) rises at most
    // `trainability.vo2maxMostGainPerWeek` of the untrained value a week — a linear rise, as
    // Hickson's was, and so at most that share of any later value. The step is
    // `step / (1 + (step/most)^4)^¼`: the same as unpaced while well under the most (at a third of
    // it, 0.3 % less), never above it. Written out here rather than called: a number returned from a
    // call that is not inlined is boxed, every day.
    if (central > s.central) {
      let step = central - s.central;
      const ceilingGain = c.vo2maxCeilingGain;
      if (ceilingGain > 0) {
        const r = step / (this.mostDailyGain / ceilingGain);
        const r2 = r * r;
        step = step / Math.sqrt(Math.sqrt(1 + r2 * r2));
      }
      s.central = s.central + step;
    } else {
      s.central = central;
    }
    s.peripheral = move(s.peripheral, c.peripheralHeadroom, c.peripheralReference, s.peripheralStimulus + this.floor[1]!, c.peripheralSlope, k[8]!, k[9]!);
    s.base = move(s.base, c.baseHeadroom, c.baseReference, s.baseStimulus + this.floor[2]!, c.baseSlope, k[13]!, k[14]!);
  }

  /**
   * The central pool's chronic stimulus with its hard part shared among the hard sessions that gave
   * it: H, the zone-2 and zone-3 part, is D reference sessions a week (D = H × sessionsPerStimulus),
   * each counting 1 / (1 + D/K) of a lone one — so the whole is raw − H·D / (K + D), which still
   * rises with every minute of hard work (hardDensity, Hatle et al. 2014, a VO2max study: the LT2
   * and economy pools are not shared; docs/MODEL.md).
   */
  private sharedCentral(s: AthleteState): number {
    const sessions = s.centralHard * this.sessionsPerStimulus;
    return s.centralStimulus - (s.centralHard * sessions) / (this.halfDensity + sessions);
  }

  /**
   * One day's fatigue, acute load, overreaching and chronic stimulus from what was done (the pools
   * are moved by `train`): the day's stimulus, as far as strain, sleep, illness, overreaching and —
   * for its zone-2 and zone-3 part — the morning's acute strain let it count.
   */
  private live(c: AthleteConstants, s: AthleteState): void {
    const z1 = s.doneZ1;
    const z2 = s.doneZ2;
    const z3 = s.doneZ3;
    const acuteExcess = s.acuteStrain > 1 ? s.acuteStrain - 1 : 0;
    this.accumulateFatigue(c, s, s.doneCost * (1 + this.costPerStrain * acuteExcess));
    let blunting = this.blunting(s.strain, s.sleepDebt);
    if (s.illDaysLeft > 0) blunting *= this.adaptationWhileIll;
    if (s.overreachedDaysLeft > 0) blunting *= this.parameters.overreaching.adaptationKept;
    // A hard session after a hard day, or on a day life weighs on, keeps less of its stimulus. While
    // the habit is lived to set the athlete's starting state, life and colds enter at their average.
    const stress = s.lifeStress > 0 ? s.lifeStress : 0;
    let efficacy = 1 / (1 + this.efficacyLossPerStrain * acuteExcess);
    if (this.settling) {
      efficacy *= this.meanStressEfficacy;
      blunting *= this.meanIllnessFactor;
    } else {
      efficacy /= 1 + this.stressEfficacyLoss * stress;
    }
    const m1 = z1 / (1 + z1 * this.inverseSaturation1);
    const m2 = (efficacy * z2) / (1 + z2 * this.inverseSaturation2);
    const m3 = (efficacy * z3) / (1 + z3 * this.inverseSaturation3);
    const k = this.poolConstants;
    const w = this.stimulusWeight;
    // The chronic stimulus, and the central pool's zone-2 and zone-3 part apart (sharedCentral).
    const centralHard = blunting * (k[1]! * m2 + k[2]! * m3);
    s.centralStimulus += w * (blunting * k[0]! * m1 + centralHard - s.centralStimulus);
    s.peripheralStimulus += w * (blunting * (k[5]! * m1 + k[6]! * m2 + k[7]! * m3) - s.peripheralStimulus);
    s.baseStimulus += w * (blunting * (k[10]! * m1 + k[11]! * m2 + k[12]! * m3) - s.baseStimulus);
    s.centralHard += w * (centralHard - s.centralHard);
  }

  /** Fatigue with Busso's variable gain (recent load relative to chronic load), chronic and acute load, strain, overreaching. */
  private accumulateFatigue(c: AthleteConstants, s: AthleteState, cost: number): void {
    s.vdrLoad = s.vdrLoad * c.vdrDecay + cost;
    const tolerance = this.tolerance(c, s);
    const acuteRatio = (s.vdrLoad * (1 - c.vdrDecay)) / tolerance;
    const gain = acuteRatio > 1 ? 1 + this.vdrGain * (acuteRatio - 1) : 1;
    s.fatigue = s.fatigue * c.fatigueDecay + cost * gain;
    s.chronicLoad = s.chronicLoad * c.chronicDecay + (1 - c.chronicDecay) * cost;
    const now = this.tolerance(c, s);
    s.strain = s.fatigue / (now * c.fatigueScale);
    s.acuteLoad = s.acuteLoad * c.acuteDecay + cost;
    s.acuteStrain = (s.acuteLoad * (1 - c.acuteDecay)) / now;
    // Overreaching: strain above the threshold accumulates; an episode, once begun, passes at full
    // speed only while strain is back under it.
    const excess = s.strain - this.overreachingThreshold;
    s.overreachingLoad = s.overreachingLoad * c.overreachingDecay + (excess > 0 ? excess : 0);
    if (s.overreachedDaysLeft > 0) {
      s.overreachedDaysLeft -= excess > 0 ? 0.25 : 1;
      if (s.overreachedDaysLeft < 0) s.overreachedDaysLeft = 0;
    } else if (s.overreachingLoad > c.overreachingTolerance) {
      s.overreachedDaysLeft = c.overreachingDays;
      s.overreachingLoad = 0;
    }
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
    const readiness = 1 - fatigueLoss(p.fatigue.performancePerStrain, p.fatigue.maxPerformanceLoss, s.strain) - this.otherLoss(c, s);
    return readiness > p.fatigue.minReadiness ? readiness : p.fatigue.minReadiness;
  }

  fatigueLoss(_c: AthleteConstants, s: AthleteState): number {
    const p = this.parameters;
    return fatigueLoss(p.fatigue.performancePerStrain, p.fatigue.maxPerformanceLoss, s.strain);
  }

  /** Performance lost to sleep below the athlete's own normal, illness and overreaching. */
  private otherLoss(c: AthleteConstants, s: AthleteState): number {
    const p = this.parameters;
    const shortNight = s.lastNightDeficit - c.habitualSleepDeficit;
    const extraDebt = s.sleepDebt - c.baselineSleepDebt;
    let loss = p.sleep.performancePerHourDeficit * (shortNight > 0 ? shortNight : 0) + p.sleep.performancePerDebtHour * (extraDebt > 0 ? extraDebt : 0);
    if (s.illDaysLeft > 0) loss += p.illness.performanceWhileIll;
    if (s.overreachedDaysLeft > 0) loss += p.overreaching.performanceLoss;
    return loss;
  }

  /** How much of the day's adaptation survives strain (1 / (1 + (strain/s50)^n)) and sleep debt (linear). */
  private blunting(strain: number, sleepDebt: number): number {
    const relative = strain * this.inverseBluntingStrain;
    const power = this.bluntingExponent === 2 ? relative * relative : Math.pow(relative, this.bluntingExponent);
    const sleep = 1 - this.adaptationLostPerDebtHour * sleepDebt;
    return (sleep > this.minAdaptationKept ? sleep : this.minAdaptationKept) / (1 + power);
  }
}

/**
 * Performance lost to fatigue: performancePerStrain × strain² while small, saturating toward
 * maxLoss (maxLoss · (1 − e^(−p·strain²/maxLoss))): deep fatigue costs several per cent, never half.
 */
export function fatigueLoss(perStrain: number, maxLoss: number, strain: number): number {
  return maxLoss * (1 - Math.exp((-perStrain * strain * strain) / maxLoss));
}

function stimulus(pool: PoolConstants, m1: number, m2: number, m3: number): number {
  return pool.zoneWeights[0] * m1 + pool.zoneWeights[1] * m2 + pool.zoneWeights[2] * m3;
}

function edge(level: number): number {
  return level < EDGE ? EDGE : level > 1 - EDGE ? 1 - EDGE : level;
}

/**
 * The level a chronic stimulus supports: the athlete's unrealised headroom at their habit (1 − u0)
 * shrinks by the power `slope` of the stimulus's ratio to the habitual one —
 * 1 − headroom · (reference / stimulus)^slope — so each doubling of the stimulus closes the same
 * share of what is left to gain, and a lower stimulus opens it again (toward untrained, 0).
 */
function targetOf(headroom: number, reference: number, stimulus: number, slope: number): number {
  const target = 1 - headroom * Math.pow(reference / stimulus, slope);
  return target > 0 ? target : 0;
}

/**
 * One day's move of a pool toward the level its chronic stimulus supports (targetOf, written out:
 * a call the optimiser does not inline would box its result every day): weeks to rise, longer to fall.
 */
function move(level: number, headroom: number, reference: number, stimulus: number, slope: number, inverseRise: number, inverseFall: number): number {
  const supported = 1 - headroom * Math.pow(reference / stimulus, slope);
  const target = supported > 0 ? supported : 0;
  return level + (target - level) * (target > level ? inverseRise : inverseFall);
}

/**
 * E[f(max(0, Z))] for Z ~ N(0, 1): half the mass at 0 (f(0)), the rest by Simpson's rule over
 * (0, 8] (the tail beyond 8 SD is below 10⁻¹⁵).
 */
function meanOverPositiveNormal(f: (z: number) => number): number {
  const steps = 800;
  const h = 8 / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const z = i * h;
    const weight = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * f(z) * Math.exp(-0.5 * z * z);
  }
  return 0.5 * f(0) + ((sum * h) / 3) / Math.sqrt(2 * Math.PI);
}

/** E[max(0, X)] for X ~ N(mean, sd): the mean nightly shortfall of sleep against need. */
function expectedShortfall(mean: number, sd: number): number {
  const z = mean / sd;
  const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  return mean * normalCdf(z) + sd * density;
}

