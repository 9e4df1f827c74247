/**
 * The parameter set: every physiological constant of the simulator, each with its source.
 *
 * One set for every scenario, study and level; nothing is special-cased, and no constant belongs to a
 * level: a level preset only says what such athletes are like to observe (VO2max, thresholds,
 * economy, years and hours of training), and the physiology works from what an athlete is and has
 * done. Tags: [V] read in the source, [M] from memory or a secondary source, [D] derived here by
 * arithmetic on sourced numbers (the arithmetic is given), [C] a modelling choice fitted against
 * the calibration outcomes of trials/: the constants marked `calibrate: true` in
 * UNCERTAIN_PARAMETERS take the weighted median of the calibrated ensemble, ensemble/ensemble.json
 * (docs/CALIBRATION.md, The default parameter set; tests/sim/calibration/default-set.test.ts holds
 * them to it). Every
 * value has a prior — a range in UNCERTAIN_PARAMETERS at the end of this file, uniform or
 * log-uniform, with its reason and source (a value read in a source keeps the uncertainty the
 * source states) — or says in WITHOUT_PRIOR why it takes none (the bound of a distribution, a
 * convention, a value stated exactly); tests/models/priors.test.ts holds every one to it.
 * The sensitivity analyses (docs/SENSITIVITY.md, `periodize sensitivity`) show what each range does
 * to the answers. Units are in the names or the comments.
 */
import type { EffortConstants } from './workouts/dose.ts';
import type { RaceModelConstants, WalkingConstants } from './physiology/race.ts';
import type { Level } from './scenario/schema.ts';
import { TRAIT_LIMITS, type Bounds, type ObservableTrait } from './trait-limits.ts';

export type { Bounds, ObservableTrait } from './trait-limits.ts';

export interface Spread {
  mean: number;
  sd: number;
}

/** A hidden trait's distribution: normal, clamped to mean ± 3 SD and to [min, max]. */
export type BoundedSpread = Spread & Bounds;

/** A log-normal spread: the median and the SD of the logarithm, clamped to [min, max]. */
export interface LogSpread extends Bounds {
  median: number;
  sdLog: number;
}

/** Trait distributions of one level preset (men / women where they differ): what such athletes look like, nothing hidden. */
export interface LevelPreset {
  femaleShare: number;
  age: Spread;
  bodyMass: { male: Spread; female: Spread };
  vo2max: { male: Spread; female: Spread };
  lt1Fraction: Spread;
  lt2Fraction: Spread;
  economy: Spread;
  weeklyHours: Spread;
  restingHr: Spread;
  lnRmssd: Spread;
  sleepHours: Spread;
  trainingYears: Spread;
  /** Intensity distribution of the athletes' habitual training (3-zone, by time). */
  habitualDistribution: { z1: number; z2: number; z3: number };
}

export interface PoolConstants {
  /** Stimulus weight of (saturated) minutes in zone 1, 2, 3 (zone 3 = 1). */
  zoneWeights: readonly [number, number, number];
  /**
   * Habitual daily stimulus that, once matured over years of training, holds the pool halfway from
   * untrained to the ceiling: the level a habit supports is S / (S + halfStimulus).
   */
  halfStimulus: number;
  /**
   * How much of the headroom left a rise in the chronic stimulus closes: the unrealised headroom
   * shrinks as (habitual / stimulus)^(R · elasticity), so a doubling closes 1 − 2^−elasticity of it —
   * for an athlete of responsiveness R = 1.
   */
  elasticity: number;
  /** Time constants (days) with which the pool rises toward a higher supported level and falls toward a lower one. */
  riseDays: number;
  fallDays: number;
}

/** How a morning marker responds to the athlete's state (in the marker's unit but for perVo2maxGainPct): its day-to-day noise and its limits. */
export interface MarkerResponse {
  noiseSd: number;
  /** Per unit of acute strain above 1 (the morning after a hard day). */
  perAcuteStrain: number;
  perStrain: number;
  perSleepDebtHour: number;
  illness: number;
  /** Per % of VO2max gained since the baseline: ln ms for lnRMSSD; for resting HR a share of its baseline (× (1 + this × gain %)). */
  perVo2maxGainPct: number;
  limits: Bounds;
}

export interface Parameters {
  race: RaceModelConstants;
  walking: WalkingConstants;
  /** What a coach assumes to turn a time trial into race paces at other distances (vVO2max from peak speed uses tests.peakSpeedOverVVO2max). */
  coaching: { riegelExponent: number };
  effort: EffortConstants;
  levels: Record<Level, LevelPreset>;
  /**
   * Correlations (within a level) between observable traits, drawn as a Gaussian copula: fitter
   * runners train more and have trained longer.
   */
  traitCorrelations: {
    vo2maxWeeklyHours: number;
    vo2maxTrainingYears: number;
    weeklyHoursTrainingYears: number;
    lt2FractionWeeklyHours: number;
    /** VO2max and the oxygen cost of running (economy, ml/kg/km): runners with the highest VO2max run less economically. */
    vo2maxEconomy: number;
  };
  /** Speed at VO2max (VO2max / economy), km/h: a drawn athlete whose traits make them faster is made less economical to fit. */
  vVO2maxLimit: Bounds;
  /** The fastest 10 km run, minutes: a drawn athlete, or one at their ceiling, who would run it faster is made less economical (drawn) or given less VO2max headroom. */
  tenKmRecordMinutes: number;
  /** Plausible values of each observable trait: a named athlete outside them is rejected; a drawn one is kept within them. */
  traitLimits: Record<ObservableTrait, Bounds>;
  /** Maximal heart rate from age: intercept − perYear × age, with a normal individual spread of sd, clamped to ± maxZ SD. */
  hrMax: { intercept: number; perYear: number; sd: number; maxZ: number };
  habitual: {
    /**
     * Fraction of the habitual week's dose that the athlete sustains on average over a year (easier
     * weeks, travel, off-season): the starting state is in equilibrium with this, so a block of
     * consistent training improves even a runner who keeps their usual week.
     */
    consistency: number;
  };
  /**
   * Training history: how much of what the habitual stimulus supports an athlete has realised, from
   * their years of training — central and peripheral adaptations mature within months, economy
   * over years. maturity = 1 − (1 − atStart) · e^(−years / timeConstant).
   */
  history: {
    maturityAtStart: number;
    maturityYears: { central: number; peripheral: number; base: number };
  };
  trainability: {
    /** VO2max at the individual ceiling relative to the untrained value, minus 1. */
    vo2maxCeilingGain: BoundedSpread;
    /** The fastest VO2max can rise, a share of the untrained value a week: far below its target, the central pool rises at this pace, not faster. */
    vo2maxMostGainPerWeek: number;
    /** Highest attainable fraction of VO2max at LT2. */
    lt2FractionCeiling: number;
    /** Highest attainable fraction of VO2max at LT1. */
    lt1FractionCeiling: number;
    /** Lowest fractions of VO2max at LT2 and LT1 however far the athlete detrains, and the least gap between them. */
    lt2FractionFloor: number;
    lt1FractionFloor: number;
    minThresholdGap: number;
    /** Improvement of running economy from untrained to ceiling (fraction of oxygen cost). */
    economyCeilingGain: BoundedSpread;
    /** Responsiveness is log-normal with median 1 — for everyone, whatever their level — and this SD of its logarithm. */
    responsivenessSdLog: number;
    /** Correlation between the responsiveness of the three adaptation pools (log scale). */
    poolResponseCorrelation: number;
  };
  /**
   * Minutes in zone 1, 2, 3 within a day at which that zone's stimulus is half its maximum
   * (m / (1 + m / K)): the 40th minute above LT2 adds less than the 5th, the third hour of easy
   * running less than the first.
   */
  zoneSaturationMinutes: readonly [number, number, number];
  /** Everyday activity outside training, as zone-1 minutes a day: the stimulus a sedentary person lives on. */
  lifeStimulusMinutes: number;
  /** Days over which the daily stimulus is averaged into the chronic stimulus a pool responds to. */
  stimulusWindowDays: number;
  pools: { central: PoolConstants; peripheral: PoolConstants; base: PoolConstants };
  fatigue: {
    /** Individual decay time constant of fatigue, days. */
    timeConstantDays: BoundedSpread;
    /** Busso variable dose–response: fatigue gain grows with recent load relative to chronic load. */
    vdrTimeConstantDays: number;
    vdrGain: number;
    /** Chronic load (the athlete's tolerance) adapts with this time constant, days. */
    chronicTimeConstantDays: number;
    /**
     * Daily cost any healthy adult tolerates whatever their habit (about 3 hours of easy running a
     * week), so that a sedentary person's tolerance is not zero.
     */
    chronicFloor: number;
    /**
     * Chronic load builds tolerance only up to this multiple of the athlete's habitual daily cost:
     * a few weeks do not make a 5-hour runner tolerate 15 hours.
     */
    loadCapacity: number;
    /** Performance lost at strain 1 (habitual steady training); the loss grows as strain² ... */
    performancePerStrain: number;
    /** ... toward at most this share of performance however deep the fatigue. */
    maxPerformanceLoss: number;
    /** Whatever the causes together (fatigue, a short night, illness, overreaching), performance on the day stays above this share of fresh. */
    minReadiness: number;
    /** Strain (fatigue / tolerance) at which adaptation is halved. */
    bluntingStrain: number;
    bluntingExponent: number;
  };
  /**
   * The acute state a session meets: yesterday's and today's load relative to the athlete's
   * tolerance, decaying over a day or two (parasympathetic reactivation), which the morning markers
   * show and which makes the timing of a hard session matter.
   */
  acute: {
    timeConstantDays: number;
    /** Share of the day's zone-2 and zone-3 stimulus lost per unit of acute strain above 1 (1 / (1 + k · excess)). */
    efficacyLossPerStrain: number;
    /** Extra fatigue cost of a session per unit of acute strain above 1 when it starts. */
    costPerStrain: number;
  };
  /**
   * Hard sessions share their effect with the hard sessions around them: the zone-2 and zone-3 part
   * H of the central pool's chronic stimulus is D reference sessions a week, and counts 1 / (1 + D /
   * halfSessionsPerWeek) — so more hard work always adds, but less and less.
   */
  hardDensity: {
    /** The reference session, in minutes above LT2, whose stimulus counts as one session. */
    sessionMinutes: number;
    halfSessionsPerWeek: number;
  };
  /**
   * Life outside training — work, worry, travel — as a state that comes and goes over days (an AR(1)
   * process in SD units, 0 on average): it lowers morning HRV and raises resting HR, and on its bad
   * days a hard session adapts less and colds come more easily. What makes an HRV reading worth
   * acting on beyond the training the coach already knows of.
   */
  lifeStress: {
    timeConstantDays: number;
    /** lnRMSSD (ln ms) and resting HR (bpm) per SD of stress. */
    lnRmssd: number;
    restingHr: number;
    /** Share of the day's zone-2 and zone-3 stimulus lost per SD of stress above average (1 / (1 + k · stress)). */
    efficacyLoss: number;
    /** Illness hazard × (1 + this × stress above average). */
    illnessHazard: number;
  };
  sleep: {
    needHours: BoundedSpread;
    nightlySdHours: number;
    debtTimeConstantDays: number;
    /** Next-day performance lost per hour slept less than the athlete usually does. */
    performancePerHourDeficit: number;
    /** Performance lost per hour of sleep debt above the athlete's usual. */
    performancePerDebtHour: number;
    /** Fraction of the day's adaptation lost per hour of sleep debt (linear, so night-to-night spread adds no bias). */
    adaptationLostPerDebtHour: number;
    /** Share of the day's adaptation kept however large the sleep debt. */
    minAdaptationKept: number;
    /** Night-to-night SD of the hours slept on a scheduled (restricted) night. */
    restrictedNightSdHours: number;
    /** Hours slept in a night are kept within these bounds. */
    minNightHours: number;
    maxNightHours: number;
  };
  illness: {
    /** Episodes per year at habitual load and normal sleep. */
    episodesPerYear: number;
    /** The hazard × e^(strainHazard · (strain − 1)) above strain 1. */
    strainHazard: number;
    /** Hazard multiplier per hour of sleep debt. */
    sleepDebtHazard: number;
    /** Days between infection and symptoms, during which the markers already move. */
    prodromeDays: number;
    durationDays: { min: number; max: number };
    /** Adaptation retained while ill. */
    adaptationWhileIll: number;
    performanceWhileIll: number;
  };
  /**
   * Non-functional overreaching (Meeusen et al. 2013): strain sustained above `strainThreshold`
   * accumulates (decaying with `timeConstantDays`); past the athlete's own tolerance, performance
   * stays down for weeks whatever the rest.
   */
  overreaching: {
    strainThreshold: number;
    timeConstantDays: number;
    /** Individual tolerance of accumulated excess strain (strain-days), log-normal. */
    tolerance: LogSpread;
    /** Length of an episode, days, log-normal: days pass at full speed only while strain is back under the threshold. */
    durationDays: LogSpread;
    performanceLoss: number;
    adaptationKept: number;
    illnessHazard: number;
    restingHr: number;
    lnRmssd: number;
  };
  /** Running-related injuries: a hazard per hour of running that rises with load spikes, and the time they cost. */
  injury: {
    /** Injuries per 1 000 h for a novice and for an athlete of many years; between them e^(−years / historyYears). */
    per1000hNovice: number;
    per1000hExperienced: number;
    historyYears: number;
    /** Share of the injuries counted per 1 000 h that stop running for days (the rest are run through). */
    timeLossShare: number;
    /** Hazard ratios of a session longer than the longest of the last 30 days by 10–30 %, 30–100 % and over 100 %. */
    spikeHazard: readonly [number, number, number];
    /** Hazard ratio when the last two weeks' volume is over 30 % above the two weeks before (10–30 %: halfway). */
    progressionHazard: number;
    /** Each minute above LT2 counts this many minutes of exposure (speed work). */
    intensityHazard: number;
    /** Hazard ratio after an injury, for the rest of the scenario. */
    previousInjuryHazard: number;
    /** Days without running, log-normal. */
    restDays: LogSpread;
    /** Days of graded return after the rest: easy running only, from `returnStartVolume` of the plan up to all of it. */
    returnDays: number;
    returnStartVolume: number;
  };
  markers: {
    /** Resting HR (bpm); its fitness response is relative: resting HR × (1 + perVo2maxGainPct × gain %). */
    restingHr: MarkerResponse;
    /** Morning lnRMSSD (ln ms); its fitness response adds perVo2maxGainPct × gain %. */
    lnRmssd: MarkerResponse;
    rpe: { noiseSd: number; perStrain: number; perHourDeficit: number };
    wornShare: number;
  };
  tests: {
    vo2maxCv: number;
    lt2SpeedCv: number;
    lt1SpeedCv: number;
    timeTrialCv: number;
    peakSpeedCv: number;
    /** Peak speed of an incremental test relative to vVO2max. */
    peakSpeedOverVVO2max: number;
    /** Share of the day's readiness loss that shows in the lactate-threshold test (the time trial shows all of it). */
    lt2ReadinessShare: number;
    /** The days before a test: easy running at this share of the recent daily volume (a trial's pre-test days). */
    preTestDays: number;
    preTestVolume: number;
    /** Readiness lost to fatigue on test day above which a scenario is warned that its tests meet unabsorbed fatigue. */
    fatigueWarningLoss: number;
  };
}

/** An uncertain constant: where it is, the range it may take, and why. */
export interface UncertainParameter {
  /** Dotted path into Parameters (array items by index: `pools.central.zoneWeights.1`). */
  path: string;
  low: number;
  high: number;
  why: string;
  /** Fitted to the calibration outcomes within [low, high]: by the ensemble (npm run ensemble), whose weighted median is the committed value, and by the calibration search (npm run calibrate -- --search); otherwise fixed at its value, the range for the sensitivity analyses. */
  calibrate?: true;
  /**
   * How the prior spreads over [low, high]: uniform, unless `logUniform` — a positive scale known
   * only to within a factor of several (a time constant, a hazard), as likely to be halved as doubled.
   */
  distribution?: 'logUniform';
}

/**
 * The value at quantile `u` (0 … 1) of a prior: low + (high − low) u, or, log-uniform,
 * low (high / low)^u.
 * @example priorValue({ path: 'x', low: 2, high: 8, why: '', distribution: 'logUniform' }, 0.5) // 4
 */
export function priorValue(prior: UncertainParameter, u: number): number {
  return prior.distribution === 'logUniform' ? prior.low * (prior.high / prior.low) ** u : prior.low + (prior.high - prior.low) * u;
}

/**
 * A constant that takes no prior, and why: the bound of a distribution's support or a plausibility
 * clamp (`limit`), a protocol choice or a definition (`convention`), or a value read in a source
 * that states no uncertainty for it (`exact`, [V] and [D] values only). A path covers everything
 * below it.
 */
export interface WithoutPrior {
  path: string;
  kind: 'limit' | 'convention' | 'exact';
  why: string;
}

export const PARAMETERS: Parameters = {
  race: {
    /** [M] Time to exhaustion at vVO2max ≈ 4–8 min (Billat et al. 1994, Eur J Appl Physiol 69:271–273). */
    minutesAtVVO2max: 6,
    /** [M] LT2 / maximal lactate steady state is the pace that can be raced for about an hour (Coyle 1995; Jones et al. 2019). */
    minutesAtLt2: 60,
    /**
     * [C] Race speed falls from LT2 toward LT1 over ultra-long efforts (~12 h), so a 4-h marathoner
     * races near 90 % and a 2:05 marathoner near 96 % of LT2 speed (Joyner & Coyle 2008, J Physiol
     * 586:35–44), close to Riegel's T ∝ D^1.06 between 10 km and the marathon.
     */
    minutesAtLt1: 720,
  },
  /**
   * [V] ACSM's walking equation: VO2 = 3.5 + 0.1 × speed (m/min), for level walking at 50–100 m/min
   * (ACSM's Guidelines for Exercise Testing and Prescription, metabolic calculations) — up to
   * 6 km/h, past which running is the cheaper gait. A walk is kept up at the share of VO2max a run
   * of the same duration is (race.ts sustainableFraction): a frail adult with a VO2max of 15 and
   * thresholds at 50 and 65 % of it walks 10 km in about 3 h 10 min.
   */
  walking: { restingVo2: 3.5, vo2PerMetrePerMinute: 0.1, topSpeed: 6 },
  coaching: {
    /** [V] Riegel 1981 (Am Sci 69:285–290): T2 = T1 × (D2 / D1)^1.06, the coach's race-time rule. */
    riegelExponent: 1.06,
  },
  effort: {
    /** [C] Below LT1 a minute costs little and grows with speed squared (TRIMP-like, Morton et al. 1990). */
    costExponentBelowLt1: 2,
    /**
     * [M] Cost per minute rises steeply above LT1 (exponential, as Banister's TRIMP weighting
     * e^{1.92·HRr}, Morton et al. 1990): 1.8× at LT2 and 3.5× at vVO2max — about 4× an easy minute,
     * near Lucia's TRIMP (1, 2, 3 per zone) and Banister's, which under-counts short intervals.
     */
    costAtLt2: 1.8,
    costAtVVO2max: 3.5,
    /**
     * [M] CR-10 RPE against position (0 = LT1, 1 = LT2, 2 = vVO2max): session RPE below ~4 is zone 1,
     * 5–6 is zone 2, 7+ is zone 3 (Seiler & Kjerland 2006, Scand J Med Sci Sports 16:49–56; Foster 2001).
     */
    rpeCurve: [
      [-2, 1],
      [-0.5, 3],
      [0, 4.5],
      [1, 6.5],
      [2, 9],
      [2.6, 10],
    ],
  },
  levels: {
    /**
     * Sedentary adults (HERITAGE: Bouchard et al. 1999, J Appl Physiol 87:1003–1008; baseline
     * VO2max ≈ 2.4 L/min, ages 17–65) [M for SDs]. LT fractions of untrained people ~50–60 % (LT1)
     * and ~65–70 % (LT2) of VO2max (Bassett & Howley 2000) [M].
     */
    untrained: {
      femaleShare: 0.5,
      age: { mean: 36, sd: 12 },
      bodyMass: { male: { mean: 84, sd: 12 }, female: { mean: 69, sd: 12 } },
      vo2max: { male: { mean: 34, sd: 6 }, female: { mean: 28, sd: 5 } },
      lt1Fraction: { mean: 0.55, sd: 0.05 },
      lt2Fraction: { mean: 0.7, sd: 0.04 },
      economy: { mean: 215, sd: 15 },
      weeklyHours: { mean: 0.75, sd: 0.4 },
      restingHr: { mean: 70, sd: 8 },
      lnRmssd: { mean: 3.5, sd: 0.45 },
      sleepHours: { mean: 7.0, sd: 0.7 },
      trainingYears: { mean: 0, sd: 0 },
      habitualDistribution: { z1: 0.95, z2: 0.05, z3: 0 },
    },
    /**
     * Recreational runners, ~3–6 h a week (e.g. Nuuttila et al. 2021, Med Sci Sports Exerc
     * 53:1464–1473, VO2max ≈ 48–52 ml/kg/min) [M]; recreational marathoners run 40–60 km and 4–5
     * days a week (Nikolaidis et al. 2021) [V, secondary]; their habitual training has much moderate
     * running ("too hard on easy days", Seiler 2010, IJSPP 5:276–291) [M].
     */
    recreational: {
      femaleShare: 0.45,
      age: { mean: 38, sd: 9 },
      bodyMass: { male: { mean: 76, sd: 9 }, female: { mean: 62, sd: 8 } },
      vo2max: { male: { mean: 50, sd: 5.5 }, female: { mean: 44, sd: 5 } },
      lt1Fraction: { mean: 0.65, sd: 0.04 },
      lt2Fraction: { mean: 0.79, sd: 0.035 },
      economy: { mean: 210, sd: 14 },
      weeklyHours: { mean: 4.5, sd: 1.4 },
      restingHr: { mean: 58, sd: 7 },
      lnRmssd: { mean: 3.9, sd: 0.4 },
      sleepHours: { mean: 7.1, sd: 0.6 },
      trainingYears: { mean: 5, sd: 3 },
      habitualDistribution: { z1: 0.68, z2: 0.29, z3: 0.03 },
    },
    /** Trained club runners [M] (Saunders et al. 2004, Sports Med 34:465–485 for economy). */
    trained: {
      femaleShare: 0.35,
      age: { mean: 33, sd: 8 },
      bodyMass: { male: { mean: 71, sd: 7 }, female: { mean: 58, sd: 6 } },
      vo2max: { male: { mean: 57, sd: 5 }, female: { mean: 50, sd: 4.5 } },
      lt1Fraction: { mean: 0.69, sd: 0.035 },
      lt2Fraction: { mean: 0.83, sd: 0.03 },
      economy: { mean: 204, sd: 12 },
      weeklyHours: { mean: 6.5, sd: 1.8 },
      restingHr: { mean: 53, sd: 6 },
      lnRmssd: { mean: 4.1, sd: 0.4 },
      sleepHours: { mean: 7.2, sd: 0.6 },
      trainingYears: { mean: 8, sd: 4 },
      habitualDistribution: { z1: 0.82, z2: 0.13, z3: 0.05 },
    },
    /** Well-trained / national-level runners [M]; sub-elite club runners run 80–110 km a week (Hagan et al. 1987) [V, secondary]. */
    'well-trained': {
      femaleShare: 0.3,
      age: { mean: 29, sd: 6 },
      bodyMass: { male: { mean: 67, sd: 6 }, female: { mean: 55, sd: 5 } },
      vo2max: { male: { mean: 64, sd: 4.5 }, female: { mean: 56, sd: 4 } },
      lt1Fraction: { mean: 0.73, sd: 0.03 },
      lt2Fraction: { mean: 0.86, sd: 0.025 },
      economy: { mean: 198, sd: 11 },
      weeklyHours: { mean: 8.5, sd: 2 },
      restingHr: { mean: 49, sd: 5 },
      lnRmssd: { mean: 4.3, sd: 0.4 },
      sleepHours: { mean: 7.3, sd: 0.6 },
      trainingYears: { mean: 11, sd: 4 },
      habitualDistribution: { z1: 0.86, z2: 0.09, z3: 0.05 },
    },
    /**
     * International-level endurance athletes: VO2max 70–85 ml/kg/min (men), LT at 80–90 % of VO2max
     * (Joyner & Coyle 2008) [M]; ≥ 80 % of sessions and ~90 % of time below LT1 (Seiler &
     * Tønnessen 2009, Sportscience 13:32–53) [V]; junior world-class rowers 95/2/3 (Guellich et al.
     * 2009) [V]; elite distance runners 11–14 sessions and 160–220 km a week (Haugen et al. 2022,
     * Sports Med Open 8:46) [V].
     */
    elite: {
      femaleShare: 0.3,
      age: { mean: 27, sd: 4 },
      bodyMass: { male: { mean: 64, sd: 5 }, female: { mean: 52, sd: 4 } },
      vo2max: { male: { mean: 74, sd: 4.5 }, female: { mean: 65, sd: 4 } },
      lt1Fraction: { mean: 0.77, sd: 0.03 },
      lt2Fraction: { mean: 0.88, sd: 0.02 },
      economy: { mean: 192, sd: 10 },
      weeklyHours: { mean: 13, sd: 3 },
      restingHr: { mean: 45, sd: 5 },
      lnRmssd: { mean: 4.5, sd: 0.4 },
      sleepHours: { mean: 7.4, sd: 0.6 },
      trainingYears: { mean: 12, sd: 4 },
      habitualDistribution: { z1: 0.94, z2: 0.03, z3: 0.03 },
    },
  },
  /**
   * Within a level, fitter runners train more and have trained longer. Across runners, VO2max and
   * weekly distance each correlate with marathon time at r ≈ −0.63 to −0.74 (Hagan et al. 1981,
   * Med Sci Sports Exerc 13:185–189; Tanda 2011, J Hum Sport Exerc 6:511–520) [V, secondary], so
   * with each other at about 0.5 across levels [D]; within one level the range is narrower and the
   * correlation lower [D: halved]. Experienced runners run ~25 % more (58.8 vs 47.2 km a week) [V,
   * secondary] → r ≈ 0.3 [D]. Threshold fraction rises with volume (Bassett & Howley 2000) [M].
   */
  traitCorrelations: {
    vo2maxWeeklyHours: 0.3,
    vo2maxTrainingYears: 0.2,
    weeklyHoursTrainingYears: 0.3,
    lt2FractionWeeklyHours: 0.25,
    /**
     * [M] VO2max and running economy are inversely related among trained runners — a higher VO2max
     * with a higher oxygen cost (Pate et al. 1992, MSSE 24:1128; Lucia et al. 2006, J Appl Physiol
     * 100:1165: Eritrean runners' better economy with lower VO2max): r ≈ 0.3–0.5 between VO2max and
     * the cost per km.
     */
    vo2maxEconomy: 0.4,
  },
  /**
   * [M] World-class distance runners reach vVO2max of ~22–25 km/h (Billat et al. 2003, Med Sci Sports
   * Exerc 35:297: elite Kenyan runners ≈ 23.5).
   */
  vVO2maxLimit: { min: 5, max: 24.5 },
  /**
   * [V] The 10 000-m world record, 26:11.00 on the track (Cheptegei 2020; World Athletics): no
   * athlete, drawn or at their ceiling, runs 10 km faster — their vVO2max is kept to what their LT2
   * fraction would need for it (race.ts fastestTopSpeed).
   */
  tenKmRecordMinutes: 26 + 11 / 60,
  /** [M] Plausible human ranges, each with its source (src/models/trait-limits.ts). */
  traitLimits: TRAIT_LIMITS,
  /** [V] Tanaka, Monahan & Seals 2001 (J Am Coll Cardiol 37:153–156): HRmax = 208 − 0.7 × age, SD ≈ 7 bpm. */
  hrMax: { intercept: 208, perYear: 0.7, sd: 7, maxZ: 2.5 },
  habitual: {
    /**
     * [C] Athletes enter a block at the fitness that this share of their reported week sustains —
     * the year's average with easier weeks, travel and off-season — which is why even arms that keep
     * their usual week improve in trials.
     */
    consistency: 0.58869,
  },
  history: {
    /**
     * [M] Central and peripheral adaptations of previously untrained people plateau within months
     * (most of HERITAGE's gain came in 20 weeks, Bouchard et al. 1999); running economy keeps
     * improving over years (Jones 2006, IJSPP 1:101–116: ~15 % over 11 years in one elite runner;
     * Scrimgeour et al. 1986). A first-year runner has realised half of what their habit supports.
     */
    maturityAtStart: 0.5,
    maturityYears: { central: 0.5, peripheral: 0.5, base: 3 },
  },
  trainability: {
    /**
     * [M/C] Endurance-trained VO2max is ~40–60 % above the untrained value of the same person (Joyner
     * & Coyle 2008); HERITAGE's sedentary adults gained +15–30 % in 20 weeks.
     */
    vo2maxCeilingGain: { mean: 0.6, sd: 0.12, min: 0.15, max: 0.9 },
    /**
     * [V] Six days a week of 40 min at or near VO2max raised untrained adults' VO2max 5 % in the first
     * week and then linearly, 0.12 L/min a week, +44 % in 10 weeks (Hickson, Bomze & Holloszy 1977,
     * J Appl Physiol 42:372–376): the fastest rise measured, a pace, not a jump. At a constant load
     * the rise has a half-time of 10–11 days (Hickson et al. 1981, MSSE 13:17–20) — riseDays.
     */
    vo2maxMostGainPerWeek: 0.05,
    /** [M] LT2 (MLSS) reaches ~85–90 % of VO2max in elite athletes (Joyner & Coyle 2008); one above keeps its own + 0.005. */
    lt2FractionCeiling: 0.895,
    /** [M] LT1 of elite endurance athletes ≈ 75–85 % of VO2max (Seiler 2010, IJSPP 5:276–291; Joyner & Coyle 2008). */
    lt1FractionCeiling: 0.83,
    /**
     * [M] Below the untrained presets (LT1 ≈ 50–60 %, LT2 ≈ 65–70 % of VO2max; Bassett & Howley
     * 2000, MSSE 32:70–84): floors only prolonged complete detraining could approach. The two
     * thresholds stay apart (LT1 is ~10–20 points below LT2 in most athletes; 4 at the least).
     */
    lt2FractionFloor: 0.5,
    lt1FractionFloor: 0.3,
    minThresholdGap: 0.04,
    /** [M] Economy improves by up to ~10 % with years of training (Jones 2006, IJSPP 1:101–116; Saunders 2004). */
    economyCeilingGain: { mean: 0.08, sd: 0.02, min: 0.01, max: 0.15 },
    /**
     * [V] HERITAGE: VO2max gain 384 ± 202 ml/min (CV ≈ 0.5 including test error; range −114 to
     * +1097) after 20 weeks (Bouchard & Rankinen 2001, MSSE 33:S446) — with test error removed the
     * true CV is ≈ 0.45, a log-normal SD of ≈ 0.43. Trainability is largely genetic (heritability of
     * the response 47 %, Bouchard et al. 1999): one distribution for everyone.
     */
    responsivenessSdLog: 0.43,
    /** [M] Central and peripheral responses are related but not identical (Vollaard et al. 2009, J Appl Physiol 106:1479). */
    poolResponseCorrelation: 0.6,
  },
  /**
   * [M] Diminishing returns within a day, steepest above LT2: reduced training that keeps its
   * intensity maintains VO2max for months (Hickson et al. 1985, J Appl Physiol 58:492–499), and
   * accumulated interval time beyond ~30 min adds little (Seiler et al. 2013, Scand J Med Sci Sports
   * 23:74–83: 4 × 8 min beat 4 × 16 min).
   */
  zoneSaturationMinutes: [90, 40, 25],
  /** [M] About 20–30 min of light activity a day (walking, stairs) in a sedentary adult's life. */
  lifeStimulusMinutes: 29.5192,
  /** [M] Chronic stimulus over two weeks: a single session does not move the supported level. */
  stimulusWindowDays: 14,
  pools: {
    /**
     * Central (VO2max: stroke volume, blood volume). Zone weights per minute, zone 3 = 1, from
     * studies that matched work or time across intensities (notes in docs/MODEL.md): 4 × 4 min at
     * 90–95 % HRmax raised VO2max 7.2 % where the same work at 70 % or 85 % HRmax did not
     * significantly (Helgerud et al. 2007, MSSE 39:665–671) [V] → zone 1 ≈ 0.08, zone 2 ≈ 0.14 [D];
     * three intensities with matched volume in untrained adults → zone 1 ≈ 0.19, zone 2 ≈ 0.42 [D]
     * (Gormley et al. 2008, MSSE 40:1336–1343); interval vs continuous training meta-analyses give
     * HIIT a small edge at far fewer minutes (Milanović et al. 2015, Sports Med 45:1469–1481) [V].
     * Rises over ~2–3 weeks; falls by about half of the trained gain in 8 weeks (Coyle et al. 1984,
     * J Appl Physiol 57:1857–1864) [M]. halfStimulus, elasticity and riseDays [C].
     */
    central: { zoneWeights: [0.130829, 0.372643, 1], halfStimulus: 1.93167, elasticity: 1.066, riseDays: 22.8848, fallDays: 80 },
    /**
     * Peripheral (fraction of VO2max at LT2: mitochondria, lactate transport and clearance). Work at
     * LT2 raises it in trained runners at small doses (Sjödin et al. 1982, Eur J Appl Physiol
     * 49:45–57; Philp et al. 2008, Eur J Appl Physiol 102:571) [V]; with work matched, higher
     * intensity gives ~1.5–2× the mitochondrial gain per minute (MacInnis et al. 2017, J Physiol
     * 595:2955–2968; Daussin et al. 2008, Am J Physiol 295:R264) [V]; volume maintains mitochondrial
     * content (Granata et al. 2018, Sports Med 48:1809) [V]. Enzymes respond within weeks.
     */
    peripheral: { zoneWeights: [0.3, 0.6, 1], halfStimulus: 10.6565, elasticity: 0.756291, riseDays: 20, fallDays: 60 },
    /**
     * Base (economy and LT1): volume, mostly easy. With work matched, economy improved alike across
     * intensities (Helgerud et al. 2007 [M]; Enoksen et al. 2011, JSCR 25:812) and all-easy training
     * raised power at LT1 most (Ingham et al. 2008, MSSE 40:579–584) [V]; economy follows years of
     * mileage (Jones 2006) [M]. Slow to gain and slow to lose.
     */
    base: { zoneWeights: [0.7, 0.9, 1], halfStimulus: 30, elasticity: 0.486684, riseDays: 60, fallDays: 150 },
  },
  fatigue: {
    /**
     * [V] Banister fatigue time constants of 4–20 d: τ2 = 7 d by convention (IJSPP 2022;17:810);
     * 15 d Fitz-Clarke 1991; 19 d (6–32) Hellard et al. 2006, J Sports Sci 24:509–520. Kept within
     * 4–25 d, the span individually fitted values cover.
     */
    timeConstantDays: { mean: 7, sd: 2, min: 4, max: 25 },
    /**
     * [M form, C value] After Busso 2003 (MSSE 35:1188–1195, variable dose–response: fatigue gain
     * k2(i) = k3 Σ w e^{−(i−j)/τ3}): here the gain grows with recent load relative to the athlete's
     * tolerance, not with absolute recent load.
     */
    vdrTimeConstantDays: 5,
    vdrGain: 0.934239,
    /** [V] Chronic load over 28–42 days (Hulin et al. 2016; the 42-d fitness convention). */
    chronicTimeConstantDays: 42,
    /** [M] 25 cost units a day (a minute at LT1 costs 1): about 3–4 hours of easy running a week. */
    chronicFloor: 25,
    /** [C] Busso 2003: the inverted U needs tolerance that cannot grow without bound within a block. */
    loadCapacity: 1.8,
    /**
     * [C] Mujika 1996 (MSSE 28:251–258): a taper after hard training adds 2–3 % by shedding fatigue;
     * in steady habitual training performance sits about 2 % below fresh (this at strain 1), after a
     * hard block several per cent. The loss grows as strain² (Busso 2003: fatigue effects grow faster than load) ...
     */
    performancePerStrain: 0.0218402,
    /**
     * [V] ... but stays within what overload costs: 2 weeks of intensified training cost 5–8 % of
     * maximal power and 5–10 % of time-trial time (Halson et al. 2002, J Appl Physiol 93:947–956;
     * Jeukendrup et al. 1992) → at most 12 % [D].
     */
    maxPerformanceLoss: 0.12,
    /**
     * [D] The largest single losses — deep fatigue 12 %, a near-sleepless night ~10 % (Craven 2022's
     * −7.6 % for ≤ 6 h, more for less), a cold 8 % — do not add up without limit: a runner that far
     * gone does not finish a race. At most 20 % (a 10-km 25 % slower) on any day.
     */
    minReadiness: 0.8,
    /**
     * [C] Busso 2003: past an optimum, more daily load lowers performance (inverted U).
     */
    bluntingStrain: 3,
    /** [M] Adaptation kept falls as 1 / (1 + (strain / bluntingStrain)^2): slowly at first, steeply past the optimum. */
    bluntingExponent: 2,
  },
  acute: {
    /**
     * [M] Parasympathetic reactivation takes about 24 h after easy, 24–48 h after threshold and ≥ 48 h
     * after high-intensity sessions (Stanley, Peake & Buchheit 2013, Sports Med 43:1259–1277).
     */
    timeConstantDays: 1.5,
    /**
     * [M] A hard session in a state that has not recovered from the last one is done at lower
     * quality and adapts less. No study isolates it (the HRV-guided trials that suggest it are the
     * model's validation, trials/, so they set nothing here); vagal tone before training predicts
     * the response to it (Hautala et al. 2003, Am J Physiol 285:H1747: r = 0.52) [V]. Assumed: the
     * morning after a hard day (acute strain ≈ 2), a hard session keeps ~80 % of its stimulus (the
     * range in UNCERTAIN_PARAMETERS includes no effect at all).
     */
    efficacyLossPerStrain: 0.25,
    /** [M] ... and costs a little more (the same pace at a higher HR and RPE). */
    costPerStrain: 0.1,
  },
  hardDensity: {
    /**
     * [V] Hatle 2014's session: 4 × 4 min at 90–95 % HRmax, 16 min above LT2. Sessions are counted
     * by their stimulus in these units (a threshold run of 40 min counts about 0.7 for VO2max), so
     * that adding hard minutes never lowers the sum; it is a unit, its uncertainty in K's range.
     */
    sessionMinutes: 16,
    /**
     * [D] Hatle et al. 2014 (PLoS ONE 9:e88375; not a trial in trials/): the same 24 sessions of
     * 4 × 4 min raised VO2max +10.7 % at 3 a week for 8 weeks and at most +6.1 % at 8 a week for 3
     * weeks (its peak, 12 days after; +3.0 % four days after). Read linearly, peak against peak, a
     * session at 8 a week did 0.57 of one at 3 a week: (1 + 3/K) / (1 + 8/K) = 0.57 gives K ≈ 3.6
     * sessions a week. The study is small (21 adults); on the day the 8-a-week group peaked the
     * groups did not differ (6.1 % against 7.9 %, p = 0.61), a ratio of 0.77 that would give K ≈ 14.
     * Hatle measured VO2max: only the central pool is shared. Habitual sessions, blunted a little by
     * strain, life and colds, count about 0.8 of a reference one. The range in UNCERTAIN_PARAMETERS
     * runs from a stronger sharing (2: 0.50 at 8 a week against 3) to little (20); the model's own
     * strain and overreaching also make dense blocks pay less, and a replay of the study that would
     * fit K against them is not yet in trials/ (docs/MODEL.md).
     */
    halfSessionsPerWeek: 3.6,
  },
  lifeStress: {
    /** [M] A stressful spell — a deadline, a week of travel — lasts days: a 5-day time constant (day-to-day autocorrelation 0.82). */
    timeConstantDays: 5,
    /**
     * [M] Psychological stress lowers vagal HRV and raises HR (Kim et al. 2018, Psychiatry Investig
     * 15:235–245, a meta-analysis: lower RMSSD and HF under stress). Of the day-to-day SD of morning
     * lnRMSSD (≈ 0.2 ln ms, markers.lnRmssd.noiseSd with this), a quarter of the variance — 0.1 per SD
     * — is taken to be this state, the rest measurement and biological noise; of resting HR's 3 bpm,
     * 1.5 bpm per SD likewise.
     */
    lnRmssd: -0.1,
    restingHr: 1.5,
    /**
     * [M] Sedentary adults rating their lives most stressful gained little or nothing from two weeks of
     * controlled training, and baseline stress correlated with the gain (r = 0.32–0.45; Ruuska et al.
     * 2012, Front Physiol 3:51) [V]: a hard session on a day 1 SD more stressed than usual keeps ~77 %
     * of its stimulus (range: none of this effect to a half).
     */
    efficacyLoss: 0.3,
    /** [M] Colds follow psychological stress dose by dose (27 → 47 % across a stress index; Cohen, Tyrrell & Smith 1991, N Engl J Med 325:606–612). */
    illnessHazard: 0.3,
  },
  sleep: {
    /** [M] Adults need 7–9 h (Hirshkowitz et al. 2015, Sleep Health 1:40–43). */
    needHours: { mean: 7.7, sd: 0.4, min: 6, max: 9.5 },
    /** [M] Night-to-night SD of sleep duration ≈ 0.6–0.9 h in athletes (Leeder et al. 2012, J Sports Sci 30:541). */
    nightlySdHours: 0.7,
    /** [M] Debt from several short nights takes several nights to repay: one night of recovery is not enough (Banks et al. 2010, Sleep 33:1013–1026). */
    debtTimeConstantDays: 4,
    /** [V] Craven et al. 2022 (Sports Med 52:2669): one night ≤ 6 h → −7.6 % (−11.9 to −3.1) next-day performance; [C] per hour below need. */
    performancePerHourDeficit: 0.0248757,
    /** [M] Accumulated debt costs much less per hour than last night's deficit (Craven 2022 measured next-day effects; the carry-over is assumed small). */
    performancePerDebtHour: 0.004,
    /** [M] Sleep restriction blunts training adaptation (Lopes et al. 2023, Sports Med) — size [C]. */
    adaptationLostPerDebtHour: 0.05,
    /** [M] Even under heavy restriction some adaptation occurs (Lopes et al. 2023). */
    minAdaptationKept: 0.2,
    /** [M] A scheduled night (a restriction protocol, travel) varies less than a free one: ±0.3 h. */
    restrictedNightSdHours: 0.3,
    /** [M] Bounds of plausible sleep in one night. */
    minNightHours: 2,
    maxNightHours: 12,
  },
  illness: {
    /** [M] Adults catch 2–4 colds a year (Heikkinen & Järvinen 2003, Lancet 361:51–59). */
    episodesPerYear: 2,
    /** [V] Illness follows individual strain thresholds (Foster 1998, MSSE 30:1164–1168); size [M]. */
    strainHazard: 0.7,
    /** [M] Short sleep raises the risk of a cold (Prather et al. 2015, Sleep 38:1353–1359); size [M]. */
    sleepDebtHazard: 0.15,
    /** [V] Wearables detect an infection a median of 3 days before symptoms (Mishra et al. 2020, Nat Biomed Eng 4:1208) → 2 days of markers before the first ill day. */
    prodromeDays: 2,
    /** [M] Upper-respiratory infections last ~4–8 days. */
    durationDays: { min: 4, max: 8 },
    /** [M] While ill, training (if any) adapts little: 20 % of the usual stimulus counts. */
    adaptationWhileIll: 0.2,
    /** [M] Assumed: a cold costs several per cent of endurance performance while it lasts. */
    performanceWhileIll: 0.08,
  },
  overreaching: {
    /**
     * [M] Meeusen et al. 2013 (MSSE 45:186–205): non-functional overreaching follows intensified
     * training without enough recovery; 2–3 weeks of ~+40 % volume overreach about half of trained
     * triathletes *functionally* (Aubry et al. 2014, MSSE 46:1769: 11 of 23; performance −2 %,
     * recovered within 2 weeks of taper) [V], while doubling running volume in 3 weeks left
     * runners under-performing for months (Lehmann et al. 1992) [V]. Strain above 1.5 (half again
     * the habitual steady state) accumulates over two weeks; the tolerance [C].
     */
    strainThreshold: 1.5,
    timeConstantDays: 14,
    tolerance: { median: 4.94414, sdLog: 0.5, min: 1, max: 60 },
    /** [V] Non-functional overreaching lasts weeks to months (Meeusen 2013): median 6 weeks, 2 weeks to 3 months [M]. */
    durationDays: { median: 42, sdLog: 0.5, min: 14, max: 90 },
    /** [M] Performance 3–10 % down (Meeusen 2013; Halson et al. 2002): 5 %. */
    performanceLoss: 0.05,
    /** [M] Training during it adapts little. */
    adaptationKept: 0.3,
    /** [V] 67–70 % of overreached triathletes had infections against 10–20 % of the others (Aubry 2014; Hausswirth et al. 2014) → ×4 [D]. */
    illnessHazard: 4,
    /** [V] Resting HR up (Bosquet et al. 2008, SMD +0.55 → ~+3 bpm [D]) and the 7-day lnRMSSD down (Plews et al. 2012: −0.17 a week before NFOR) [V]. */
    restingHr: 3,
    lnRmssd: -0.2,
  },
  injury: {
    /**
     * [V] Running injuries per 1 000 h: novices 17.8, recreational runners 7.7 (Videbæk et al. 2015,
     * Sports Med 45:1017–1026), elite long-distance runners ~2.5 (Lysholm & Wiklander 1987, Am J
     * Sports Med 15:168) → 18 falling to 3 with years of running, e^(−years/4) [D: 18 at 0 years,
     * 7.3 at 5, 3.7 at 12 — near the 7.7 and ~2.5–4 of the cohorts].
     */
    per1000hNovice: 18,
    per1000hExperienced: 3,
    historyYears: 4,
    /**
     * [C] Cohorts count any running-related complaint that restricts running; many are run through at
     * a lower volume. Fitted to Run Clever (Ramskov et al. 2018: 28 % of recreational runners injured
     * in 16 weeks of progressing volume; trials/run-clever-2018.yaml).
     */
    timeLossShare: 0.578012,
    /** [V] A session longer than the longest of the last 30 days: +10–30 % HR 1.64, +30–100 % 1.52, > 100 % 2.28 (Frandsen et al. 2025, Br J Sports Med, 5 205 runners). */
    spikeHazard: [1.64, 1.52, 2.28],
    /** [V] Over 30 % more volume in two weeks than in the two before: HR 1.59 (0.96–2.66) (Nielsen et al. 2014, J Orthop Sports Phys Ther 44:739–747). */
    progressionHazard: 1.59,
    /** [M] Speed training: OR 1.46 for injury (a secondary source) → a minute above LT2 counts 1.5 [D]. */
    intensityHazard: 1.5,
    /** [V] A previous injury doubles the risk (RR 1.7–2.7 across cohorts: Macera 1989; Walter 1989; Hespanhol 2016). */
    previousInjuryHazard: 2,
    /**
     * [M] Days without running: median ~12 (3–42) before a graded return; full recovery takes a
     * median of 56–71 days of reduced running (Nielsen et al. 2014) [V].
     */
    restDays: { median: 12, sdLog: 0.6, min: 7, max: 60 },
    /** [V] Walk/run return protocols reach continuous easy running in 3–4 weeks. */
    returnDays: 21,
    returnStartVolume: 0.3,
  },
  markers: {
    /**
     * Morning resting HR varies ~3 bpm day to day (2–5; sitting CV 4.7 %) [V] — in all, the life-stress state's part within it; the morning after a
     * hard session +1–5 bpm (Hynynen et al. 2010: nocturnal HR +9 % after a moderate session) [V];
     * up with accumulated fatigue and short sleep (Buchheit 2014, Front Physiol 5:73) [M]; +4 bpm
     * with an infection, from ~2 days before symptoms (+1 to +11) [V]; down ~0.9 % per % of VO2max
     * gained (Tulppo et al. 2003: −6 bpm with VO2peak +11 % at ~60 bpm) [D]. Readings are kept within 28–110
     * bpm: the lowest resting HRs recorded in endurance athletes are ~28 bpm [M].
     */
    restingHr: { noiseSd: 3, perAcuteStrain: 1.5, perStrain: 2, perSleepDebtHour: 0.5, illness: 4, perVo2maxGainPct: -0.009, limits: { min: 28, max: 110 } },
    /**
     * Morning lnRMSSD: day-to-day SD ≈ 0.2 ln ms (0.12–0.35; Plews et al. 2012, Eur J Appl Physiol
     * 112:3729; Buchheit 2014) [V] — in all: the life-stress state's part (lifeStress.lnRmssd) is
     * within it, the rest measurement and biological noise; the morning after a threshold or interval session ≈ −0.12
     * (−0.05 to −0.25; nocturnal −0.14 after a moderate session, Hynynen 2010) [D]; the 7-day mean
     * falls with accumulated strain before non-functional overreaching (Plews 2012: −0.17 a week)
     * [V]; sleep loss −0.03 per hour (inconsistent) [M]; an infection −0.3 (−0.1 to −0.8) [V]; up
     * ~0.03 per % of VO2max gained (+11.6 % RMSSD with +3.7 % VO2max) [D]. Kept within 1–6.5 ln ms.
     */
    lnRmssd: { noiseSd: 0.2, perAcuteStrain: -0.08, perStrain: -0.12, perSleepDebtHour: -0.03, illness: -0.3, perVo2maxGainPct: 0.03, limits: { min: 1, max: 6.5 } },
    /** [M] Session RPE is reproducible to about ±1 CR-10 unit and rises with fatigue (Foster et al. 2001). */
    rpe: { noiseSd: 0.6, perStrain: 0.8, perHourDeficit: 0.25 },
    /**
     * [M] Share of mornings with a reading (resting HR, HRV and sleep come from one device): about
     * six mornings in seven. Assumed; HRV guidance needs at least 3 readings a week (Plews et al.
     * 2014, Int J Sports Physiol Perform 9:783–790), so athletes do miss mornings. A scenario sets
     * its own with `monitoring: { wornShare }`.
     */
    wornShare: 6 / 7,
  },
  tests: {
    /** [M] Test–retest typical error of VO2max ≈ 2–4 % (Hopkins 2000, Sports Med 30:1–15, on reliability): 3 %. */
    vo2maxCv: 0.03,
    /** [V] Lactate-threshold speed CV < 3.1 % (Cerezuela-Espejo et al. 2018, Front Physiol 9:1320). */
    lt2SpeedCv: 0.03,
    /** [M] The first threshold is no easier to pin down than the second: the same CV is assumed. */
    lt1SpeedCv: 0.03,
    /** [M] Typical error of an endurance time trial ≈ 1–2 % (Hopkins, Schabort & Hawley 2001, Sports Med 31:211–234). */
    timeTrialCv: 0.015,
    /** [M] Peak treadmill speed CV ≈ 2 %. */
    peakSpeedCv: 0.02,
    /** [M] Peak incremental-test speed ≈ 5 % above vVO2max (Billat & Koralsztein 1996, Sports Med 22:90). */
    peakSpeedOverVVO2max: 1.05,
    /** [C] Lab threshold tests are affected by fatigue less than a race (Mujika 1996: fitness unchanged). */
    lt2ReadinessShare: 0.5,
    /**
     * [M] Trials test after 2–3 days without hard training (48–72 h is the usual standardisation);
     * easy running at half the recent volume.
     */
    preTestDays: 3,
    preTestVolume: 0.5,
    /** [D] One test-retest typical error of a time trial (1.5 %): fatigue above it changes what a trial would read. */
    fatigueWarningLoss: 0.015,
  },
};

/**
 * The uncertain constants and the ranges they may take (the sensitivity table spans each). A value
 * read in a source keeps its published uncertainty; a modelling choice its plausible span.
 */
export const UNCERTAIN_PARAMETERS: readonly UncertainParameter[] = [
  { path: 'pools.central.zoneWeights.0', low: 0.05, high: 0.25, why: 'zone 1 per minute for VO2max: Helgerud 2007 ≈ 0.08 (trained) to Gormley 2008 ≈ 0.19 (untrained)', calibrate: true },
  { path: 'pools.central.zoneWeights.1', low: 0.15, high: 0.5, why: 'zone 2 per minute for VO2max: Helgerud 2007 ≈ 0.14, Gormley 2008 ≈ 0.42', calibrate: true },
  { path: 'pools.peripheral.zoneWeights.0', low: 0.1, high: 0.6, why: 'zone 1 for LT2: volume keeps mitochondrial content (Granata 2018)' },
  { path: 'pools.peripheral.zoneWeights.1', low: 0.3, high: 0.9, why: 'zone 2 for LT2: work-matched mitochondrial gains 1.5–2× for the higher intensity (MacInnis 2017, Daussin 2008)' },
  { path: 'pools.base.zoneWeights.0', low: 0.4, high: 1.2, why: 'economy improved alike across intensities with work matched (Enoksen 2011, Helgerud 2007)' },
  { path: 'pools.base.zoneWeights.1', low: 0.6, high: 1.2, why: 'as zone 1: economy improved alike across intensities with work matched (Enoksen 2011, Helgerud 2007)' },
  { path: 'pools.central.elasticity', low: 0.1, high: 2, why: 'calibrated: from a doubling of the stimulus closing 7 % of the headroom left to 75 %', calibrate: true },
  { path: 'pools.peripheral.elasticity', low: 0.1, high: 2, why: 'calibrated; as central', calibrate: true },
  { path: 'pools.base.elasticity', low: 0.05, high: 1, why: 'calibrated; economy moves slowly', calibrate: true },
  { path: 'pools.central.halfStimulus', low: 1, high: 8, why: 'no direct measure: from a habit supporting 5/6 of the ceiling at a reference stimulus of 5 (1) to half of it at 8; fitted by the calibration search', calibrate: true, distribution: 'logUniform' },
  { path: 'pools.peripheral.halfStimulus', low: 3, high: 30, why: 'no direct measure: a factor of ten around the central pool\'s scale for a pool fed more by volume; fitted by the calibration search', calibrate: true, distribution: 'logUniform' },
  { path: 'pools.central.riseDays', low: 10, high: 35, why: 'VO2max rises over weeks (Coyle 1984; HERITAGE)', calibrate: true },
  { path: 'pools.peripheral.riseDays', low: 10, high: 35, why: 'enzymes respond within weeks' },
  { path: 'habitual.consistency', low: 0.5, high: 0.9, why: 'a reported week against the year\'s average: calibrated', calibrate: true },
  { path: 'history.maturityYears.base', low: 1, high: 8, why: 'economy over years (Jones 2006)' },
  { path: 'lifeStimulusMinutes', low: 10, high: 45, why: 'everyday activity of sedentary adults', calibrate: true },
  { path: 'sleep.performancePerHourDeficit', low: 0.01, high: 0.04, why: 'Craven 2022: one night ≤ 6 h → −7.6 % (−11.9 to −3.1) next day', calibrate: true },
  { path: 'fatigue.performancePerStrain', low: 0.01, high: 0.03, why: 'calibrated on the taper', calibrate: true },
  { path: 'fatigue.vdrGain', low: 0.2, high: 1.2, why: 'calibrated on the inverted U', calibrate: true },
  { path: 'fatigue.bluntingStrain', low: 2, high: 5, why: 'calibrated on the inverted U' },
  { path: 'acute.efficacyLossPerStrain', low: 0, high: 0.5, why: 'no direct evidence: from no effect to a hard session after a hard day keeping two-thirds of its stimulus' },
  { path: 'acute.costPerStrain', low: 0, high: 0.3, why: 'no direct source: from no extra cost to a hard session the morning after a hard day (acute strain ≈ 2) costing 30 % more fatigue' },
  { path: 'hardDensity.halfSessionsPerWeek', low: 2, high: 20, why: 'Hatle 2014: 24 sessions at 8 a week gained 0.57 of the same at 3 a week peak against peak (K ≈ 3.6), 0.77 on the same day (K ≈ 14): from a stronger sharing (2) to little (20: a session counts 0.87 at three a week)' },
  { path: 'markers.lnRmssd.noiseSd', low: 0.12, high: 0.35, why: 'day-to-day SD of morning lnRMSSD in all (Plews 2012; Buchheit 2014)' },
  { path: 'lifeStress.efficacyLoss', low: 0, high: 1, why: 'Ruuska 2012: high stress, little or no gain; from no effect to a half of a hard session\'s stimulus lost at 1 SD' },
  { path: 'lifeStress.lnRmssd', low: -0.17, high: 0, why: 'from none to most (0.17 of 0.2) of the day-to-day variation of lnRMSSD' },
  { path: 'markers.lnRmssd.perAcuteStrain', low: -0.15, high: -0.03, why: 'the morning after a hard session −0.05 to −0.25 ln ms (Hynynen 2010)' },
  { path: 'markers.lnRmssd.perStrain', low: -0.25, high: 0, why: 'accumulated strain: from no change (Bellenger 2016) to Plews 2012\'s decline' },
  { path: 'overreaching.tolerance.median', low: 3, high: 15, why: 'strain-days above 1.5 before non-functional overreaching: from half of Aubry 2014\'s overload group (3) to rare at Lehmann 1992\'s doubling (15); fitted', calibrate: true, distribution: 'logUniform' },
  { path: 'injury.per1000hNovice', low: 10, high: 33, why: 'Videbæk 2015 and the cohorts around it' },
  { path: 'injury.timeLossShare', low: 0.3, high: 1, why: 'calibrated on Run Clever', calibrate: true },
  { path: 'injury.per1000hExperienced', low: 2, high: 4, why: 'Lysholm 1987; Jacobsson 2013' },
  { path: 'injury.progressionHazard', low: 0.96, high: 2.66, why: 'Nielsen 2014, 95 % CI' },
  { path: 'trainability.responsivenessSdLog', low: 0.35, high: 0.5, why: 'HERITAGE\'s spread with and without test error' },
  // The priors of the constants from memory and the modelling choices (issue 12): sources looked up, or "no direct source" and a deliberately wide range.
  { path: 'race.minutesAtVVO2max', low: 4, high: 10, why: 'Billat 1994: Tlim at vVO2max 404 ± 101 s (CV 25 %) in subelite runners; ends span roughly mean ± 1.5 SD of individuals (4–10 min)' },
  { path: 'race.minutesAtLt2', low: 40, high: 90, why: 'Hafen 2018: time to exhaustion at MLSS 79 ± 17 min in well-trained runners; cycling MLSS trials ~45–60 min [M]; the hour-race convention sits inside' },
  { path: 'race.minutesAtLt1', low: 360, high: 1800, why: 'no direct source: fitted; 360 puts a 4-h marathoner near LT1, 1800 keeps him ~93 % of LT2; Joyner 1991/Joyner & Coyle 2008: elite marathon just under LT2', distribution: 'logUniform' },
  { path: 'effort.costExponentBelowLt1', low: 1.2, high: 3.2, why: 'Banister TRIMP (Morton 1990, HRr·0.64e^1.92HRr) with HRr ~ speed gives an exponent ≈2.0–2.2 below LT1; ends from near-linear (distance-like) to steeper' },
  { path: 'effort.costAtLt2', low: 1.3, high: 2.5, why: 'per-minute weight at LT2 vs LT1: Edwards zones ≈1.3–1.7, Banister TRIMP (Morton 1990) ≈1.9–2.0 for HRr 0.65–0.7→0.87–0.9, Lucia TRIMP 2' },
  { path: 'effort.costAtVVO2max', low: 2.5, high: 5, why: 'Banister TRIMP (Morton 1990) gives 2.5–3.0× at HRr 1 vs LT1, Lucia 3; up to 5 since HR-based TRIMP under-counts short intervals' },
  { path: 'effort.rpeCurve.0.1', low: 0.5, high: 1.5, why: 'no direct source: CR-10 for a walk at half LT1 speed, "very weak" (0.5) to below easy running (1.5); kept under the next point so the curve rises' },
  { path: 'effort.rpeCurve.1.1', low: 1.5, high: 3.5, why: 'easy running below LT1: CR-10 ~3 at LT (PMC4429818: 3.1–3.2); sRPE zone 1 below 4 (Seiler & Kjerland 2006); between the walk and LT1 points' },
  { path: 'effort.rpeCurve.2.1', low: 3.5, high: 5.5, why: 'RPE at LT1: CR-10 3.1 at LT (PMC4429818), Borg 11 ± 2 (Seip 1991); sRPE Z1/Z2 border 3–4 (Seiler & Kjerland 2006); from 3.5, above easy running' },
  { path: 'effort.rpeCurve.3.1', low: 5.5, high: 8, why: 'RPE at LT2: Borg 16.5 ± 2.3 at 4 mM (Seip 1991) ≈ CR-10 6–7; sRPE zone 2 is 5–6 and zone 3 ≥ 7 (Seiler & Kjerland 2006; Ieno 2020)' },
  { path: 'effort.rpeCurve.4.1', low: 8, high: 9.5, why: 'RPE at vVO2max, near-maximal: CR-10 8 to 9.5; peak Borg 18–19 in FRIEND tests (Myers 2023) ≈ CR-10 9–10 at exhaustion' },
  { path: 'effort.rpeCurve.5.1', low: 9.5, high: 10, why: 'top of the CR-10 scale for supramaximal running (session RPE is clamped to 10); from 9.5, above the vVO2max point' },
  { path: 'traitCorrelations.vo2maxEconomy', low: 0.1, high: 0.55, why: 'Shaw 2015 (168 highly trained runners): partial r 0.25–0.26, changes r 0.35; Pate 1992: positive in 188 mixed runners; within-level 0.1–0.55' },
  { path: 'history.maturityAtStart', low: 0.2, high: 0.8, why: 'no direct source: share of the habit-supported level realised in year 0; from a fifth to four-fifths, HERITAGE (Bouchard 1999) gains most in 20 weeks' },
  { path: 'history.maturityYears.central', low: 0.2, high: 1.5, why: 'VO2max gains mostly within 20 wk (Bouchard 1999), half-time 10–11 d at constant load (Hickson 1981) but still rising at 10 wk (Hickson 1977): 2.5 mo to 1.5 yr', distribution: 'logUniform' },
  { path: 'history.maturityYears.peripheral', low: 0.2, high: 1.5, why: 'no direct source: enzymes and LT respond within weeks (Mujika & Padilla 2000) yet LT fraction keeps rising with years of training; as central', distribution: 'logUniform' },
  { path: 'trainability.lt2FractionCeiling', low: 0.89, high: 0.93, why: 'Joyner & Coyle 2008: elite LT2 ~80–90 % VO2max; Hafen 2018: MLSS 83 ± 5 %; from 0.89, above the LT1 ceiling\'s top plus the least gap (0.04)' },
  { path: 'trainability.lt1FractionCeiling', low: 0.77, high: 0.85, why: 'LT1 of elite endurance athletes ≈ 75–85 % VO2max (Seiler 2010; Joyner & Coyle 2008); at least the elite preset\'s mean 0.77' },
  { path: 'trainability.economyCeilingGain.mean', low: 0.04, high: 0.12, why: 'Jones 2006: 15 % better economy over 11 yr in one elite runner (kept as the clamp); untrained → elite presets 215 → 192 ml/kg/km ≈ 11 %; 4–12 %', distribution: 'logUniform' },
  { path: 'trainability.economyCeilingGain.sd', low: 0.01, high: 0.04, why: 'no direct source: between-person spread of the economy headroom, from a CV of ~12 % to 50 % of the mean, like the VO2max ceiling (0.12 of 0.6)', distribution: 'logUniform' },
  { path: 'trainability.poolResponseCorrelation', low: 0.1, high: 0.85, why: 'Vollaard 2009: VO2max low responders not consistently low for submaximal/LT variables, ΔVO2max unrelated to Δperformance; Gaskill 2001: VT response ≠ VO2max response' },
  { path: 'zoneSaturationMinutes.0', low: 45, high: 240, why: 'no direct source: half-saturation of easy minutes in a day, from a long run (45 min) to ~4 h before the third hour counts half', distribution: 'logUniform' },
  { path: 'zoneSaturationMinutes.1', low: 20, high: 100, why: 'no direct source: Seiler 2013, 4×16 min at 88 % HRmax gained less than 4×8 at 90 % (4.2 vs 11.4 % VO2peak): zone-2 minutes saturate within ~20–100 min', distribution: 'logUniform' },
  { path: 'zoneSaturationMinutes.2', low: 12, high: 60, why: 'Seiler 2013: 32 min at ~90 % HRmax beat 16 min at 94 % and 64 min at 88 %; Hickson 1985: reduced volume at same intensity keeps VO2max', distribution: 'logUniform' },
  { path: 'stimulusWindowDays', low: 7, high: 28, why: 'averaging time constant of the chronic stimulus: 7 d acute to 28 d chronic windows (Hulin 2016; Williams 2017); VO2max half-time 10–11 d (Hickson 1981)', distribution: 'logUniform' },
  { path: 'pools.base.halfStimulus', low: 10, high: 90, why: 'no direct source: ~1 h of easy running a day (≈25 units at w1 0.7) supports half the economy/LT1 headroom; from ~25 min to ~3 h a day', distribution: 'logUniform' },
  { path: 'pools.base.riseDays', low: 25, high: 150, why: 'no direct source: economy/LT1 change over weeks to months in training studies yet over years in Jones 2006; from 3.5 weeks to 5 months', distribution: 'logUniform' },
  { path: 'pools.base.fallDays', low: 60, high: 365, why: 'Mujika & Padilla 2000: LT lowered but above untrained after long detraining; Lepers 2024 case: RE 22 % worse after 12 wk off; 2 months to a year', distribution: 'logUniform' },
  { path: 'fatigue.vdrTimeConstantDays', low: 1.5, high: 10, why: 'Busso 2003 VDR form; fitted τ3 not read in the source (public code: 2.3 d \'per Busso 2003\', sysmod default 5 d); from a 2-day window to beyond the 7-d ATL convention', distribution: 'logUniform' },
  { path: 'fatigue.chronicFloor', low: 10, high: 50, why: 'no direct source: WHO 2020 (Bull) 150–300 min/wk moderate activity ≈ 21–43 min/day anyone tolerates; from ~1.5 h to ~6 h of easy running a week', distribution: 'logUniform' },
  { path: 'fatigue.loadCapacity', low: 1.3, high: 3, why: 'no direct source [C]: +40 % volume overreached half of triathletes (Aubry 2014), doubling did worse (Lehmann 1992); from +30 % to tripling of the habit' },
  { path: 'fatigue.bluntingExponent', low: 1, high: 4, why: 'no direct source: Hill exponent; 2 as in public VDR/Hill code (γ = 2); from a gentle (1) to a near-threshold (4) fall of adaptation past bluntingStrain' },
  { path: 'acute.timeConstantDays', low: 0.7, high: 3, why: 'Stanley 2013 review: vagal reactivation ~24 h after easy, 24–48 h after threshold, ≥48 h after HIT; τ from 0.7 d (mostly gone in 1 d) to 3 d', distribution: 'logUniform' },
  { path: 'lifeStress.timeConstantDays', low: 2, high: 14, why: 'no direct source: daily stressors pile up over days (Smyth 2023) and only stressors ≥1 month raised cold risk (Cohen 1998); AR(1) τ from 2 d to 2 weeks', distribution: 'logUniform' },
  { path: 'lifeStress.restingHr', low: 0, high: 2.5, why: 'Kim 2018 meta-analysis: stress lowers vagal HRV, raises HR, no per-SD size; from none to most (2.5 of 3 bpm) of resting HR\'s day-to-day SD, as lnRmssd\'s range' },
  { path: 'lifeStress.illnessHazard', low: 0.05, high: 0.8, why: 'Cohen 1991: colds 27→47 % across 5 stress levels (×1.7 over ~3 SD); Cohen 1998: chronic stressors ~×2; per SD of stress from ×1.05 to ×1.8', distribution: 'logUniform' },
  { path: 'sleep.needHours.mean', low: 7, high: 8.7, why: 'Hirshkowitz 2015: 7–9 h for adults; Van Dongen 2003: need 8.16 h (24 − 15.84, SE 0.73); Klerman 2005: 8.9 h asymptote in the young' },
  { path: 'sleep.needHours.sd', low: 0.2, high: 0.8, why: 'no direct source for need\'s spread: Kitamura 2016 and Klerman 2005 show individual optimal sleep; 0.2 h to 0.8 h (±2 SD covering Hirshkowitz\'s 7–9 h)', distribution: 'logUniform' },
  { path: 'sleep.nightlySdHours', low: 0.4, high: 1.3, why: 'within-person night-to-night SD: 1.26 h adults (Knutson 2007), 63 min swimmers (Gudmundsdottir 2020), 87 min youth footballers (Lolli 2024); actigraphy inflates it', distribution: 'logUniform' },
  { path: 'sleep.debtTimeConstantDays', low: 1.5, high: 10, why: 'Kitamura 2016: 1 h of debt takes 4 days to repay; Banks 2010: one recovery night insufficient; Belenky 2003: no recovery in 3 days after 5–7 h nights', distribution: 'logUniform' },
  { path: 'sleep.performancePerDebtHour', low: 0.001, high: 0.012, why: 'no direct source: Craven 2022 measured next-day effects only (−7.6 %); Van Dongen 2003: deficits grow with cumulative debt; carry-over 0.1–1.2 % per hour', distribution: 'logUniform' },
  { path: 'sleep.adaptationLostPerDebtHour', low: 0.01, high: 0.12, why: 'Saner 2021: 5 nights of 4 h cut mitochondrial function and SarcPS, but HIIE prevented it; Knowles 2024 altered response; 1–12 % per hour of debt', distribution: 'logUniform' },
  { path: 'sleep.minAdaptationKept', low: 0.05, high: 0.6, why: 'Saner 2021: HIIE under 4 h nights kept mitochondrial function; no direct source for the floor: from almost none (5 %) to most (60 %) kept' },
  { path: 'sleep.restrictedNightSdHours', low: 0.15, high: 0.6, why: 'Rae 2017: half-night restriction slept 3.83 ± 0.33 h (CON 7.56 ± 0.63 h); a scheduled night varies less than a free one: 0.15–0.6 h', distribution: 'logUniform' },
  { path: 'illness.episodesPerYear', low: 1, high: 4, why: 'Heikkinen 2003: adults 2–4 colds/yr; Svendsen 2016 elite skiers median 3 (1–7) RTI/GI events/yr; elite runners 1.0 ± 0.8 in 2.5 winter months', distribution: 'logUniform' },
  { path: 'illness.sleepDebtHazard', low: 0.03, high: 0.5, why: 'Prather 2015: <6 h vs >7 h OR 4.2; Cohen 2009: <7 h vs ≥8 h OR 2.94 (1.18–7.30); ~1.5 h/night less ≈ 7 h extra debt; RR 1.2–4.5', distribution: 'logUniform' },
  { path: 'illness.durationDays.min', low: 2, high: 5, why: 'lower end of the uniform episode length: Svendsen 2016 symptoms median 5 (1–24) d; elite runners 5.4 ± 3.8 d; sets mean duration with max' },
  { path: 'illness.durationDays.max', low: 6, high: 12, why: 'upper end of the uniform episode length: common colds resolve in 7–10 d (Heikkinen 2003); Svendsen 2016 median 5 d; mean 4–8.5 d with min' },
  { path: 'illness.adaptationWhileIll', low: 0, high: 0.6, why: 'no direct source: Weidner 1998 moderate exercise did not worsen a rhinovirus cold, nothing on adaptation; from none to most of the stimulus counting' },
  { path: 'illness.performanceWhileIll', low: 0, high: 0.15, why: 'Weidner 1997: rhinovirus URI did not change maximal exercise; febrile illness costs more; from none to 15 % lost while ill' },
  { path: 'overreaching.strainThreshold', low: 1.2, high: 2, why: 'no direct source: Aubry 2014 (+40 % volume for 3 wk overreached ~half) and Lehmann 1992 (doubled volume) must cross it; habitual strain 1, 1.2–2' },
  { path: 'overreaching.timeConstantDays', low: 7, high: 28, why: 'overreaching builds over 1–4 weeks: Halson 2002 after 7–14 days of intensified training, Lehmann 1997 staleness after ~3 weeks; 7–28 d', distribution: 'logUniform' },
  { path: 'overreaching.tolerance.sdLog', low: 0.25, high: 0.9, why: 'no direct source: the same overload overreached 11 of 23 (Aubry 2014) and 9 of 18 (Hausswirth 2014): a wide individual spread, sdLog 0.25–0.9' },
  { path: 'overreaching.performanceLoss', low: 0.02, high: 0.1, why: 'Aubry 2014 −2 % (functional OR) to Halson 2002: 1-h TT 59.4→65.3 min (≈10 %), max power −5.6 % after 2 wk intensified training' },
  { path: 'overreaching.adaptationKept', low: 0, high: 0.7, why: 'no direct source: Lehmann 1992 doubled volume gave stagnant v4mmol (≈ no gain); from none kept (hard limit) to most of it' },
  { path: 'injury.intensityHazard', low: 1, high: 2.5, why: 'evidence on intensity and injury conflicting (Nielsen 2012 review); Ramskov 2018: intensity vs volume progression alike; 1 (no extra) to 2.5' },
  { path: 'injury.restDays.median', low: 7, high: 30, why: 'no direct source for days off: full recovery takes median 71 d (Nielsen 2014) and 56 d (Mulvad 2018), mostly reduced running; 7 (the clamp) to 30 d', distribution: 'logUniform' },
  { path: 'injury.restDays.sdLog', low: 0.3, high: 1.2, why: 'recovery times range 9–617 d (Nielsen 2014), IQR 70 d around median 56 (Mulvad 2018): wide spread, sdLog 0.3–1.2', distribution: 'logUniform' },
  { path: 'markers.rpe.noiseSd', low: 0.3, high: 1.2, why: 'session RPE test–retest r 0.88, means 2.0/1.9, 4.2/4.3, 7.3/7.4 (Herman 2006); ICC 0.88 (Day 2004): day-to-day SD ≈ 0.3–1.2 CR-10', distribution: 'logUniform' },
  { path: 'markers.rpe.perStrain', low: 0.3, high: 1.5, why: 'Halson 2002: perception of effort +8.6 % after 2 wk intensified training; sRPE rises with fatigue at fixed load (JFMK 2020): 0.3–1.5 per strain unit', distribution: 'logUniform' },
  { path: 'markers.rpe.perHourDeficit', low: 0, high: 0.6, why: 'RPE rises with sleep loss over several-min exercise (Myles 1985) yet not at self-selected work (Martin 1982): from none to +0.6 CR-10 per hour' },
  { path: 'markers.wornShare', low: 0.7, high: 0.97, why: 'wrist-wearable long-term adherence median 88 % of days (IQR 75–97 %; Frodi 2024); HRV guidance needs ≥3 readings a week (Plews 2014)' },
  { path: 'tests.vo2maxCv', low: 0.015, high: 0.055, why: 'VO2max test–retest CoV 2.0 % (Eur J Appl Physiol 2023, men); meta-analysis of 39 studies SEM 2.58 ml/kg/min ≈ 4–5 %: 1.5–5.5 %', distribution: 'logUniform' },
  { path: 'tests.lt1SpeedCv', low: 0.015, high: 0.06, why: 'threshold speeds CV < 3.1 % for all LT/VT methods (Cerezuela-Espejo 2018), SEM 0.06–0.14 km/h (Pfitzinger 1998); LT1 harder to pin: to 6 %', distribution: 'logUniform' },
  { path: 'tests.timeTrialCv', low: 0.008, high: 0.035, why: 'running TT CV: outdoor 5 km 0.95 %, treadmill 5 km 2.0 % (Laursen 2007), 60 min 2.7 % (1.8–4.0; Schabort 1998); review <1–5 % (Stevens 2015)', distribution: 'logUniform' },
  { path: 'tests.peakSpeedCv', low: 0.012, high: 0.035, why: 'treadmill peak speed CV 1.5–3.8 % by definition (Peserico 2014), 2.6 % in 38 men (Rev Bras Med Esporte); track Vpeak 1.2–1.3 % (Front Physiol 2021)' },
  { path: 'tests.peakSpeedOverVVO2max', low: 1, high: 1.12, why: 'peak speed includes an anaerobic part above the lowest speed at VO2max; definitions differ (Billat 1996); ≥1 by definition, up to ~12 %' },
  { path: 'tests.lt2ReadinessShare', low: 0, high: 1, why: 'no direct source: from a lab threshold blind to fatigue (0) to one losing as much as a race (1); Halson 2002 saw VO2max −5 % with fatigue' },
  // Values read in a source, with the uncertainty their sources state (issue 12).
  { path: 'walking.restingVo2', low: 2.6, high: 4.2, why: 'Byrne 2005: measured resting VO2 2.6 ± 0.4 ml/kg/min against the 3.5 MET convention; Ludlow 2016: ACSM under-predicts walking cost in 97 % of cases: 2.6–4.2' },
  { path: 'walking.vo2PerMetrePerMinute', low: 0.08, high: 0.12, why: 'Hall 2004: ACSM walking within 14.4 of 340 kJ measured per 1600 m at 1.41 m/s (~4 %); Ludlow 2016: under-predicts in 97 % of cases; net cost ±20 %: 0.08–0.12' },
  { path: 'coaching.riegelExponent', low: 1.04, high: 1.12, why: 'Riegel 1981: 1.06 typical, up to ~1.08 for elite records; Vickers 2016 (n = 2303): calibrated to the half, but marathons ≥10 min slower for half of runners (≈1.12)' },
  { path: 'traitCorrelations.vo2maxWeeklyHours', low: 0.1, high: 0.5, why: 'Hagan 1981: marathon time r −0.63 (VO2max), −0.67 (km); Hagan 1987: −0.65, −0.74 → VO2max–volume ≈0.45 across levels, lower within one: 0.1–0.5' },
  { path: 'traitCorrelations.vo2maxTrainingYears', low: 0, high: 0.4, why: 'Hagan 1987: marathon time r −0.47 with marathons done, −0.65 with VO2max (→ ≈0.3 across levels); Nikolaidis 2021: speed vs marathons done r 0.08: 0–0.4' },
  { path: 'traitCorrelations.weeklyHoursTrainingYears', low: 0.1, high: 0.5, why: 'Hagan 1987: marathon time r −0.47 with marathons done, −0.74 with km/wk (→ ≈0.35 across levels); experienced runners run ~25 % more: 0.1–0.5' },
  { path: 'traitCorrelations.lt2FractionWeeklyHours', low: 0.05, high: 0.45, why: 'no within-level r read: threshold fraction rises with volume (Bassett & Howley 2000); volume r −0.67 to −0.74 with marathon time (Hagan 1981, 1987): 0.05–0.45' },
  { path: 'hrMax.intercept', low: 205, high: 211, why: 'intercepts of large age equations: 207 (Gellish 2007, longitudinal), 208 (Tanaka 2001 meta-analysis), 211 (Nes 2013, n = 3320); women runners ~5 below (Nikolaidis 2018)' },
  { path: 'hrMax.perYear', low: 0.6, high: 0.8, why: 'slopes: 0.64 (Nes 2013), 0.63 at 25–50 y (Zhu 2010, CARDIA), 0.7 (Tanaka 2001; Gellish 2007); 0.6–0.8 around them' },
  { path: 'hrMax.sd', low: 6, high: 11, why: 'individual spread around age equations: Sxy 7–11 bpm (Robergs & Landwehr 2002), SEE 10.8 (Nes 2013), SD 10–12 for 220 − age (Gellish 2007); part is test error' },
  { path: 'trainability.vo2maxCeilingGain.mean', low: 0.4, high: 0.8, why: 'Hickson 1977: +44 % in 10 wk, still rising linearly; Joyner & Coyle 2008: trained VO2max ~40–60 % above untrained; HERITAGE +17–19 % in 20 wk (Bouchard 1999): 0.4–0.8' },
  { path: 'trainability.vo2maxCeilingGain.sd', low: 0.06, high: 0.24, why: 'no direct SD of the ceiling: HERITAGE gains 384 ± 202 ml/min (Bouchard & Rankinen 2001, CV ≈0.5); Hickson 1977 4 of 8 reached ~60; CV 10–40 % of 0.6', distribution: 'logUniform' },
  { path: 'trainability.vo2maxMostGainPerWeek', low: 0.03, high: 0.07, why: 'Hickson 1977: +5 % in week 1, +44 % in 10 wk (4.4 %/wk, 0.12 L/min/wk), half the subjects from ~38 to ~60 ml/kg/min (~5.7 %/wk); Hickson 1981 slower: 3–7 %/wk' },
  { path: 'pools.central.fallDays', low: 25, high: 160, why: 'Coyle 1984: VO2max −7 % by 12–21 d, −14 % by 56 d, −16 % by 84 d, still above sedentary; Mujika & Padilla 2001: recent gains gone after >4 wk: 25–160 d', distribution: 'logUniform' },
  { path: 'pools.peripheral.fallDays', low: 20, high: 150, why: 'Coyle 1985: mitochondrial enzymes −40 % by 56 d then stable, 50 % above sedentary at 84 d; LT still 75 vs 62 % VO2max of controls: 20–150 d', distribution: 'logUniform' },
  { path: 'fatigue.timeConstantDays.mean', low: 4, high: 20, why: 'Banister τ2: 7 d convention and values from 4 d (IJSPP 2022); 15 d Fitz-Clarke 1991; 19 d (6–32) Hellard 2006; 21 d Clarke & Skiba 2013: 4–20', distribution: 'logUniform' },
  { path: 'fatigue.timeConstantDays.sd', low: 1, high: 5, why: 'no between-athlete SD read: individually fitted τ2 span 4–20+ d (IJSPP 2022; Hellard 2006 CI 6–32 is fit error, not spread): SD 1–5 d', distribution: 'logUniform' },
  { path: 'fatigue.chronicTimeConstantDays', low: 20, high: 60, why: 'chronic load windows: 28 d (Hulin 2016), 42 d CTL convention; fitted fitness τ 38 d (17–59) Hellard 2006, 36 d Clarke & Skiba 2013: 20–60 d', distribution: 'logUniform' },
  { path: 'fatigue.maxPerformanceLoss', low: 0.08, high: 0.2, why: 'Halson 2002: 2 wk intensified training, max power 338→319 W (−5.6 %), 1-h TT 59.4→65.3 min (+9.9 %), VO2max −5 %; deeper fatigue could cost more: 0.08–0.2' },
  { path: 'illness.strainHazard', low: 0.1, high: 1.5, why: 'Foster 1998: illness above individual strain thresholds, no size; Hellard 2015: OR 1.08–1.10 per +10 % load, 1.5–1.7× in intensive periods; Svendsen 2016: none', distribution: 'logUniform' },
  { path: 'illness.prodromeDays', low: 1, high: 4, why: 'wearable signals precede symptoms: ~1 d for H1N1/rhinovirus challenge (Grzesiak 2021), median 3 d for COVID-19 (Alavi 2021), ≥9 d in 4 of 25 (Mishra 2020): 1–4 d' },
  { path: 'overreaching.durationDays.median', low: 21, high: 60, why: 'Meeusen 2013: NFOR recovers in weeks to months, OTS beyond ~2 months; NFOR = decrement lasting ≥3 wk (Tian 2013 wrestlers); F-OR resolves in 1–3 wk (Hausswirth 2014): 21–60 d' },
  { path: 'overreaching.durationDays.sdLog', low: 0.3, high: 0.8, why: 'no reported spread: Meeusen 2013 \'weeks to months\' (≈2 wk–3 mo) read as ±2 SD gives sdLog ≈0.47; from a narrow 0.3 to 0.8' },
  { path: 'overreaching.illnessHazard', low: 2, high: 8, why: 'Hausswirth 2014: URTI in 67 % of F-OR vs 22 % (AF) and 11 % (CTL), ×3–6; 6/9 vs 3/18 gives RR 4 (95 % CI ≈1.3–12, n = 9 a group): 2–8', distribution: 'logUniform' },
  { path: 'overreaching.restingHr', low: 0, high: 5.5, why: 'Bosquet 2008 meta: short-term overload resting HR SMD 0.55 (p = 0.01 → CI ≈0.13–0.97 ≈ +0.7–5.3 bpm at SD ~5.5); long-term overload no change: 0–5.5 bpm' },
  { path: 'overreaching.lnRmssd', low: -0.4, high: 0, why: 'Bellenger 2016 meta: resting HRV largely unaffected by overreaching (0); Plews 2012 NFOR case: 7-d lnRMSSD −0.17 a week over the build-up (≈ −0.4)' },
  { path: 'injury.historyYears', low: 2.5, high: 7.5, why: 'derived: 3 + 15·e^(−y/τ) must reach Videbæk 2015\'s 7.7/1000 h (recreational) at y/τ ≈1.16; recreational runners\' 3–8 yr of running give τ ≈2.5–7.5', distribution: 'logUniform' },
  { path: 'injury.spikeHazard.0', low: 1.31, high: 2.05, why: 'Frandsen 2025 (5 205 runners): single-session spike 10–30 % over the 30-day longest run, HRR 1.64, 95 % CI 1.31–2.05' },
  { path: 'injury.spikeHazard.1', low: 1.16, high: 2.0, why: 'Frandsen 2025 (5 205 runners): single-session spike 30–100 %, HRR 1.52, 95 % CI 1.16–2.00' },
  { path: 'injury.spikeHazard.2', low: 1.5, high: 3.48, why: 'Frandsen 2025 (5 205 runners): single-session spike > 100 %, HRR 2.28, 95 % CI 1.50–3.48' },
  { path: 'injury.previousInjuryHazard', low: 1.3, high: 3.2, why: 'previous injury: Walter 1989 OR 1.69 (1.27–2.25) men, 2.35 (1.33–4.07) women; Wen 1998 RR 2.02 (1.27–3.21); Macera 1989 OR 2.7: 1.3–3.2' },
  { path: 'injury.returnDays', low: 14, high: 42, why: 'walk/run return protocols: continuous 20 min within ~3 wk (Louw, physio protocol); Sharman (Trail Runner): ~2 wk walk-run/short runs, then 50–75 % mileage: 2–6 wk', distribution: 'logUniform' },
  { path: 'injury.returnStartVolume', low: 0.1, high: 0.5, why: 'return protocols start at 5×30 s to 5–10 min of jogging (Sharman, Trail Runner; Louw) and reach 50–75 % of usual mileage by week 3: start 10–50 % of plan' },
  { path: 'markers.restingHr.noiseSd', low: 2, high: 5.5, why: 'day-to-day SD of morning resting HR: typical error ~10 % (Buchheit 2014, Table 1; ≈5 bpm at 50 bpm), sitting CV 4.7 % (≈2.5–3 bpm): 2–5.5 bpm' },
  { path: 'markers.restingHr.perAcuteStrain', low: 0.6, high: 3, why: 'Hynynen 2010: nocturnal HR +9 ± 6 % after a moderate session, +30 % after a marathon ≈ +1–5 bpm next morning; per acute-strain unit (×0.6, as lnRmssd): 0.6–3', distribution: 'logUniform' },
  { path: 'markers.restingHr.perStrain', low: 0, high: 4, why: 'Bosquet 2008 meta: overload ≤2 wk raises resting HR SMD 0.55 (~+3 bpm at strain 1.5–2), longer overload no change: 0–4 bpm per strain unit' },
  { path: 'markers.restingHr.perSleepDebtHour', low: 0, high: 1, why: 'van Leeuwen 2017: 5 nights of 4 h TIB, HR 60→63 bpm (65 after recovery) ≈0.2–0.4 bpm per h of debt; 5-h nights: daytime HR −1.2 bpm (Psychosom Med 2023): 0–1' },
  { path: 'markers.restingHr.illness', low: 1, high: 11, why: 'fever raises resting HR ≈8.5 bpm per 1.1 °C (cited with Radin 2020); URTI case: supine HR +11 bpm (Hottenrott 2021); afebrile colds less: +1 to +11 bpm', distribution: 'logUniform' },
  { path: 'markers.restingHr.perVo2maxGainPct', low: -0.012, high: -0.002, why: 'Tulppo 2003: 24-h HR 70→64 and 67→60 bpm (−9 to −10 %) with VO2peak ~+11 %; HERITAGE (Wilmore 1996): −2.6 bpm (~−4 %) with +17.7 % VO2max: −0.002 to −0.012/%' },
  { path: 'markers.lnRmssd.perSleepDebtHour', low: -0.08, high: 0, why: 'inconsistent: RMSSD fell after 3 nights of 3 h (Bourdillon 2021), LF/HF rose after 5 nights of 4 h (van Leeuwen 2017), others no change: 0 to −0.08 per h' },
  { path: 'markers.lnRmssd.illness', low: -0.8, high: -0.05, why: 'URTI case (Hottenrott 2021): standing RMSSD 20.8→4.2 ms (ln −1.6) but supine unchanged; wearables show HRV falls with infection: −0.05 to −0.8 ln ms' },
  { path: 'markers.lnRmssd.perVo2maxGainPct', low: 0.008, high: 0.05, why: '+11.6 % RMSSD with +3.7 % VO2max ≈0.03/%; Bellenger 2016: improved performance raises resting RMSSD SMD 0.58; HR-based ratios differ ×3.5 (Wilmore 1996): 0.008–0.05', distribution: 'logUniform' },
  { path: 'tests.lt2SpeedCv', low: 0.015, high: 0.05, why: 'threshold speed CV < 3.1 % for all LT/VT (Cerezuela-Espejo 2018); standardized Dmax LT2 CV ≤ 1.9 % (IJSPP 2015); LoA ±1.62 km/h (~5 %) in moderately fit (Grant 2002)', distribution: 'logUniform' },
];

/** The constants that take no prior, and why (tests/models/priors.test.ts holds every other one to a prior). */
export const WITHOUT_PRIOR: readonly WithoutPrior[] = [
  {
    path: 'levels',
    kind: 'convention',
    why: 'a level preset describes a population to observe (its traits\' means, spreads and limits), data about athletes and their own distributions, not a constant of the physiology',
  },
  { path: 'effort.rpeCurve.0.0', kind: 'convention', why: 'x-position where the RPE curve is read: a walk at half LT1 speed (position scale of dose.ts, 4 per fraction below LT1)' },
  { path: 'effort.rpeCurve.1.0', kind: 'convention', why: 'x-position where the RPE curve is read: easy running at ~88 % of LT1 speed' },
  { path: 'effort.rpeCurve.2.0', kind: 'convention', why: 'x-position where the RPE curve is read: LT1 (anchor 0 of the intensity scale)' },
  { path: 'effort.rpeCurve.3.0', kind: 'convention', why: 'x-position where the RPE curve is read: LT2 (anchor 1 of the intensity scale)' },
  { path: 'effort.rpeCurve.4.0', kind: 'convention', why: 'x-position where the RPE curve is read: vVO2max (anchor 2 of the intensity scale)' },
  { path: 'effort.rpeCurve.5.0', kind: 'convention', why: 'x-position where the RPE curve is read: supramaximal speed where the curve reaches the top of the scale' },
  { path: 'trainability.lt2FractionFloor', kind: 'limit', why: 'clamp: lowest LT2 fraction however far one detrains, well below untrained 65–70 % (Bassett & Howley 2000); a plausibility bound, rarely reached' },
  { path: 'trainability.lt1FractionFloor', kind: 'limit', why: 'clamp: lowest LT1 fraction on complete detraining, well below untrained 50–60 %; a plausibility bound keeping the fraction positive, rarely reached' },
  { path: 'trainability.minThresholdGap', kind: 'limit', why: 'clamp keeping LT1 below LT2 (drawn athletes, named-athlete validation, detraining); typical gap 10–20 points, so it only bounds the support' },
  { path: 'trainability.economyCeilingGain.min', kind: 'limit', why: 'lower clamp of the truncated normal economy headroom (already inside mean − 3 SD = 0.02): support bound, not a rate' },
  { path: 'trainability.economyCeilingGain.max', kind: 'limit', why: 'upper clamp of the truncated normal economy headroom, near Jones 2006\'s 15 % in a world-record holder: support bound' },
  { path: 'pools.base.zoneWeights.2', kind: 'convention', why: 'normalisation: zone-3 weight is the unit the other weights are expressed in (zone 3 = 1); its scale is absorbed by halfStimulus' },
  { path: 'sleep.needHours.min', kind: 'limit', why: 'clamp of the sleep-need trait (already within mean ± 3 SD = 6.5–8.9 h): bounds its support, not a rate' },
  { path: 'sleep.needHours.max', kind: 'limit', why: 'clamp of the sleep-need trait (above mean + 3 SD): bounds its support, not a rate' },
  { path: 'sleep.minNightHours', kind: 'limit', why: 'plausibility clamp on one night\'s drawn sleep; bounds the support of the nightly draw, not a physiological rate' },
  { path: 'sleep.maxNightHours', kind: 'limit', why: 'plausibility clamp on one night\'s drawn sleep (Klerman 2005 gave 12 h nights); bounds the support, not a rate' },
  { path: 'vVO2maxLimit.min', kind: 'limit', why: 'lower end of the vVO2max clamp (km/h, a walking pace): a plausibility bound no drawn athlete reaches, not a rate' },
  { path: 'vVO2maxLimit.max', kind: 'limit', why: 'ceiling clamp on vVO2max at the fastest runners (elite Kenyans ≈ 23.5 km/h, Billat 2003): bounds drawn/ceiling athletes, the 10-km record binds too' },
  { path: 'traitLimits', kind: 'limit', why: 'TRAIT_LIMITS: plausible human ranges of each observable trait; a named athlete outside is rejected, a drawn one clamped — support bounds' },
  { path: 'overreaching.tolerance.min', kind: 'limit', why: 'lower truncation of the log-normal tolerance (strain-days); keeps a drawn athlete from overreaching on any excess; support bound' },
  { path: 'overreaching.tolerance.max', kind: 'limit', why: 'upper truncation of the log-normal tolerance (strain-days, ~5 SD above the median); support bound, rarely reached' },
  { path: 'injury.restDays.min', kind: 'limit', why: 'lower truncation of days off: cohort injury definitions need ≥1 week of restricted running (DANO-RUN, Nielsen 2014); support bound' },
  { path: 'injury.restDays.max', kind: 'limit', why: 'upper truncation of days off (~2 months, beyond it a scenario loses the athlete anyway); support bound, not a rate' },
  { path: 'tests.preTestDays', kind: 'convention', why: 'protocol of the simulated trial: 2–3 days without hard training before tests (the usual 48–72 h standardisation); a scenario sets 0–7' },
  { path: 'tests.preTestVolume', kind: 'convention', why: 'protocol of the simulated trial: easy running at half the recent daily volume in the pre-test days; a choice of how trials standardise' },
  { path: 'walking.topSpeed', kind: 'limit', why: 'upper end of the ACSM walking equation\'s validated range (50–100 m/min = 3–6 km/h): caps walking speed, past it running is the cheaper gait' },
  { path: 'tenKmRecordMinutes', kind: 'exact', why: 'World Athletics: 10 000 m world record 26:11.00 (Cheptegei 2020), a timed record without uncertainty; used as a ceiling on drawn athletes' },
  { path: 'hrMax.maxZ', kind: 'limit', why: 'clamp of the individual HRmax draw at ±2.5 SD of the normal spread: bounds the support, not a rate' },
  { path: 'trainability.vo2maxCeilingGain.min', kind: 'limit', why: 'lower clamp of the truncated normal VO2max headroom (below mean − 3 SD = 0.24): a support bound, not a rate' },
  { path: 'trainability.vo2maxCeilingGain.max', kind: 'limit', why: 'upper clamp of the truncated normal VO2max headroom (mean + 2.5 SD): a support bound, not a rate' },
  { path: 'pools.central.zoneWeights.2', kind: 'convention', why: 'normalisation: zone-3 weight is the unit the other zone weights are expressed in (zone 3 = 1); its scale is absorbed by halfStimulus' },
  { path: 'pools.peripheral.zoneWeights.2', kind: 'convention', why: 'normalisation: zone-3 weight is the unit the other zone weights are expressed in (zone 3 = 1); its scale is absorbed by halfStimulus' },
  { path: 'fatigue.timeConstantDays.min', kind: 'limit', why: 'lower clamp of the individual fatigue time constant, the shortest fitted τ2 reported (IJSPP 2022): a support bound' },
  { path: 'fatigue.timeConstantDays.max', kind: 'limit', why: 'upper clamp of the individual fatigue time constant, above Hellard 2006\'s 19 d and Clarke & Skiba\'s 21 d: a support bound' },
  { path: 'fatigue.minReadiness', kind: 'limit', why: 'plausibility floor on all performance losses together (fatigue, sleep, illness, overreaching): a clamp on the day\'s readiness' },
  { path: 'hardDensity.sessionMinutes', kind: 'convention', why: 'unit: Hatle 2014\'s 4 × 4 min session (16 min above LT2) as one reference session; its uncertainty lies in halfSessionsPerWeek' },
  { path: 'overreaching.durationDays.min', kind: 'limit', why: 'lower truncation of the log-normal episode length: NFOR outlasts the 1–3 wk of functional overreaching (Meeusen 2013); support bound' },
  { path: 'overreaching.durationDays.max', kind: 'limit', why: 'upper truncation of the log-normal episode length (~3 months, where NFOR shades into OTS, Meeusen 2013); support bound' },
  { path: 'markers.restingHr.limits.min', kind: 'limit', why: 'plausibility clamp on a resting-HR reading: the lowest resting HRs recorded in endurance athletes are ~28 bpm; support bound' },
  { path: 'markers.restingHr.limits.max', kind: 'limit', why: 'plausibility clamp on a morning resting-HR reading (tachycardia well above any modelled shift); support bound, not a rate' },
  { path: 'markers.lnRmssd.limits.min', kind: 'limit', why: 'plausibility clamp on a morning lnRMSSD reading (RMSSD ≈2.7 ms); support bound, not a rate' },
  { path: 'markers.lnRmssd.limits.max', kind: 'limit', why: 'plausibility clamp on a morning lnRMSSD reading (RMSSD ≈665 ms, above any athlete\'s); support bound, not a rate' },
  { path: 'tests.fatigueWarningLoss', kind: 'convention', why: 'reporting threshold for a warning, set at one time-trial typical error (1.5 %, Hopkins 2001); changes only the summary\'s warnings, not the simulation' },
];
