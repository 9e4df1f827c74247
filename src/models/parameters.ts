/**
 * The parameter set: every physiological constant of the simulator, each with its source.
 *
 * One set for every scenario, study and level; nothing is special-cased. Tags follow
 * ../shared/SCIENCE.md: [V] read in the source, [M] from memory or a secondary source,
 * [C] a modelling choice calibrated against the targets in docs/CALIBRATION.md (the published
 * result it was calibrated to is named). Units are in the names or the comments.
 */
import type { EffortConstants } from './workouts/dose.ts';
import type { RaceModelConstants } from './physiology/race.ts';
import type { Level } from './scenario/schema.ts';

export interface Spread {
  mean: number;
  sd: number;
}

/** The range a value is kept within. */
export interface Bounds {
  min: number;
  max: number;
}

/** A hidden trait's distribution: normal, clamped to mean ± 3 SD and to [min, max]. */
export type BoundedSpread = Spread & Bounds;

/** The observable traits a level preset draws and a coach may give for a named athlete. */
export type ObservableTrait =
  | 'age'
  | 'bodyMass'
  | 'vo2max'
  | 'lt1Fraction'
  | 'lt2Fraction'
  | 'economy'
  | 'weeklyHours'
  | 'restingHr'
  | 'lnRmssd'
  | 'sleepHours'
  | 'trainingYears';

/** Trait distributions of one level preset (men / women where they differ). */
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
  /**
   * [C] Median responsiveness to training (1 for the general population). Well-trained and elite
   * athletes are partly selected for trainability (Bouchard et al. 1999; Joyner & Coyle 2008); the
   * values are searched against the level bands (docs/CALIBRATION.md), not measured.
   */
  responsivenessMedian: number;
}

export interface PoolConstants {
  /** Stimulus weight of (saturated) minutes in zone 1, 2, 3. */
  zoneWeights: readonly [number, number, number];
  /**
   * Chronic daily stimulus at which an athlete of responsiveness 1 settles halfway to the ceiling:
   * the level a training load supports is R·S / (R·S + halfStimulus).
   */
  halfStimulus: number;
  /** Time constants (days) with which the pool rises toward a higher supported level and falls toward a lower one. */
  riseDays: number;
  fallDays: number;
}

export interface Parameters {
  race: RaceModelConstants;
  /** What a coach assumes to turn a time trial into race paces at other distances (vVO2max from peak speed uses tests.peakSpeedOverVVO2max). */
  coaching: { riegelExponent: number };
  effort: EffortConstants;
  levels: Record<Level, LevelPreset>;
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
  trainability: {
    /** VO2max at the individual ceiling relative to the untrained value, minus 1. */
    vo2maxCeilingGain: BoundedSpread;
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
    /** Responsiveness is log-normal with median 1 and this SD of its logarithm. */
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
    /** Performance lost at strain 1 (habitual steady training); the loss grows as strain². */
    performancePerStrain: number;
    /** Strain (fatigue / tolerance) at which adaptation is halved. */
    bluntingStrain: number;
    bluntingExponent: number;
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
    /** Hazard multiplier per unit of strain above 1. */
    strainHazard: number;
    /** Hazard multiplier per hour of sleep debt. */
    sleepDebtHazard: number;
    durationDays: { min: number; max: number };
    /** Adaptation retained while ill. */
    adaptationWhileIll: number;
    performanceWhileIll: number;
  };
  markers: {
    restingHr: { noiseSd: number; perStrain: number; perSleepDebtHour: number; illness: number; perVo2maxGainPct: number };
    lnRmssd: { noiseSd: number; perStrain: number; perSleepDebtHour: number; illness: number; perVo2maxGainPct: number };
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
  };
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
  coaching: {
    /** [V] Riegel 1981 (Am Sci 69:285–290): T2 = T1 × (D2 / D1)^1.06, the coach's race-time rule. */
    riegelExponent: 1.06,
  },
  effort: {
    /** [C] Below LT1 a minute costs little and grows with speed squared (TRIMP-like, Morton et al. 1990). */
    costExponentBelowLt1: 2,
    /**
     * [C] Cost per minute rises steeply above LT1 (exponential, as Banister's TRIMP weighting
     * e^{1.92·HRr}): 1.8× at LT2 and 3.5× at vVO2max — about 4× an easy minute, near the 3× of
     * Banister's TRIMP, which under-counts short intervals. Calibrated with the taper and inverted-U targets.
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
      responsivenessMedian: 1,
    },
    /**
     * Recreational runners, ~3–6 h a week (e.g. Nuuttila et al. 2021, Med Sci Sports Exerc
     * 53:1464–1473, VO2max ≈ 48–52 ml/kg/min) [M]; their habitual training has much moderate running
     * ("too hard on easy days", Seiler 2010, IJSPP 5:276–291) [M].
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
      responsivenessMedian: 1,
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
      responsivenessMedian: 1,
    },
    /** Well-trained / national-level runners [M]. */
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
      responsivenessMedian: 3.9,
    },
    /**
     * International-level endurance athletes: VO2max 70–85 ml/kg/min (men), LT at 80–90 % of VO2max
     * (Joyner & Coyle 2008) [M]; ≥ 80 % of sessions and ~90 % of time below LT1 (Seiler &
     * Tønnessen 2009, Sportscience 13:32–53) [V]; junior world-class rowers 95/2/3 (Guellich et al. 2009) [V].
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
      responsivenessMedian: 2.2,
    },
  },
  /**
   * [M] Plausible human ranges: VO2max from frail adults (~15) to the highest recorded (~95
   * ml/kg/min, Joyner & Coyle 2008); LT fractions as in the level notes; running economy 150–280
   * ml/kg/km (Saunders et al. 2004); resting HR 30–100 bpm and lnRMSSD 1–6.5 ln ms (Plews et al.
   * 2012); sleep 3–12 h; up to 40 h of training a week.
   */
  traitLimits: {
    age: { min: 12, max: 90 },
    bodyMass: { min: 30, max: 150 },
    vo2max: { min: 15, max: 95 },
    lt1Fraction: { min: 0.3, max: 0.9 },
    lt2Fraction: { min: 0.5, max: 0.95 },
    economy: { min: 150, max: 280 },
    weeklyHours: { min: 0.25, max: 40 },
    restingHr: { min: 30, max: 100 },
    lnRmssd: { min: 1, max: 6.5 },
    sleepHours: { min: 3, max: 12 },
    trainingYears: { min: 0, max: 40 },
  },
  /** [V] Tanaka, Monahan & Seals 2001 (J Am Coll Cardiol 37:153–156): HRmax = 208 − 0.7 × age, SD ≈ 7 bpm. */
  hrMax: { intercept: 208, perYear: 0.7, sd: 7, maxZ: 2.5 },
  habitual: {
    /**
     * [C] Searched (docs/CALIBRATION.md): athletes enter a block at the fitness that 58 % of their
     * reported week sustains — the year's average with easier weeks, travel and off-season — which
     * is why even arms that keep their usual week improve in trials (Treff et al. 2017: +1.5 % in
     * both arms of elite rowers in 11 weeks).
     */
    consistency: 0.578,
  },
  trainability: {
    /**
     * [M/C] Endurance-trained VO2max is ~40–60 % above the untrained value of the same person (Joyner
     * & Coyle 2008); 60 % (at the top of that range) meets HERITAGE's +15–30 % for sedentary adults.
     */
    vo2maxCeilingGain: { mean: 0.6, sd: 0.12, min: 0.15, max: 0.9 },
    /**
     * [M/C] LT2 (MLSS) reaches ~85–90 % of VO2max in elite athletes (Joyner & Coyle 2008); 0.895 is
     * the ceiling for athletes below it (one above keeps its own + 0.005). Set with the well-trained band.
     */
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
     * true CV is ≈ 0.45, a log-normal SD of ≈ 0.43.
     */
    responsivenessSdLog: 0.43,
    /** [C] Central and peripheral responses are related but not identical (Vollaard et al. 2009, J Appl Physiol 106:1479). */
    poolResponseCorrelation: 0.6,
  },
  /**
   * [C] Diminishing returns within a day, steepest above LT2: reduced training that keeps its
   * intensity maintains VO2max for months (Hickson et al. 1985, J Appl Physiol 58:492–499) [M], and
   * a taper keeps fitness (Mujika 1996; the taper target).
   */
  zoneSaturationMinutes: [90, 40, 25],
  /** [C] Chronic stimulus over two weeks: a single session does not move the supported level. */
  stimulusWindowDays: 14,
  pools: {
    /**
     * Central (VO2max: stroke volume, blood volume). Work above LT2 is the strongest per-minute
     * stimulus (Helgerud et al. 2007, MSSE 39:665–671; MacInnis & Gibala 2017, J Physiol 595:2915)
     * [M]; zone 2 gives little to trained athletes (Neal et al. 2013: threshold training, no VO2max
     * gain) [M]; volume counts for its length (zone-1 weight searched). Rises over ~2–3 weeks; falls
     * by about half of the trained gain in 8 weeks (Coyle et al. 1984, J Appl Physiol 57:1857–1864)
     * [M]. halfStimulus and the zone-1 weight [C] searched (docs/CALIBRATION.md).
     */
    central: { zoneWeights: [0.195, 0.12, 1], halfStimulus: 2.68, riseDays: 18, fallDays: 80 },
    /**
     * Peripheral (fraction of VO2max at LT2: mitochondria, lactate transport and clearance). Work at
     * and above LT2 drives it most per minute, zone 2 less (MacInnis & Gibala 2017; Neal et al. 2013,
     * J Appl Physiol 114:461–471: polarized raised LT more than threshold training) [M]; enzymes
     * respond within weeks. halfStimulus and riseDays [C] searched.
     */
    peripheral: { zoneWeights: [0.195, 0.2, 1], halfStimulus: 10.7, riseDays: 20, fallDays: 60 },
    /**
     * Base (economy and LT1): volume, mostly easy (Seiler 2010; Esteve-Lanao et al. 2005, MSSE
     * 37:496–504) [M]; slow to gain and slow to lose (economy changes over months and years, Jones
     * 2006) [M]. halfStimulus [C].
     */
    base: { zoneWeights: [1, 0.8, 0.5], halfStimulus: 30, riseDays: 60, fallDays: 150 },
  },
  fatigue: {
    /**
     * [V] Banister fatigue time constants of 4–20 d: τ2 = 7 d by convention (IJSPP 2022;17:810);
     * 15 d Fitz-Clarke 1991; 19 d (6–32) Hellard et al. 2006, J Sports Sci 24:509–520. Kept within
     * 4–25 d, the span individually fitted values cover.
     */
    timeConstantDays: { mean: 7, sd: 2, min: 4, max: 25 },
    /** [V form, C value] Busso 2003 (MSSE 35:1188–1195) variable dose–response: fatigue gain k2(i) = k3 Σ w e^{−(i−j)/τ3}. */
    vdrTimeConstantDays: 5,
    vdrGain: 0.6,
    /** [V] Chronic load over 28–42 days (Hulin et al. 2016; the 42-d fitness convention). */
    chronicTimeConstantDays: 42,
    /** [M] 25 cost units a day (a minute at LT1 costs 1): about 3–4 hours of easy running a week. */
    chronicFloor: 25,
    /** [C] Busso 2003: the inverted U needs tolerance that cannot grow without bound within a block. */
    loadCapacity: 1.8,
    /**
     * [C] Mujika 1996 (MSSE 28:251–258): a taper after hard training adds 2–3 % by shedding fatigue;
     * in steady habitual training performance sits ~1.5 % below fresh, after a hard block several per
     * cent. The loss grows as strain² (Busso 2003: fatigue effects grow faster than load).
     */
    performancePerStrain: 0.0155,
    /**
     * [C] Busso 2003: past an optimum, more daily load lowers performance (inverted U); with the
     * Neal 2013 target (a big jump in intensity still pays off over six weeks).
     */
    bluntingStrain: 3,
    /** [M] The strain² form of performancePerStrain (Busso 2003: fatigue effects grow faster than load). */
    bluntingExponent: 2,
  },
  sleep: {
    /** [M] Adults need 7–9 h (Hirshkowitz et al. 2015, Sleep Health 1:40–43). */
    needHours: { mean: 7.7, sd: 0.4, min: 6, max: 9.5 },
    /** [M] Night-to-night SD of sleep duration ≈ 0.6–0.9 h in athletes (Leeder et al. 2012, J Sports Sci 30:541). */
    nightlySdHours: 0.7,
    /** [M] Debt from several short nights takes several nights to repay: one night of recovery is not enough (Banks et al. 2010, Sleep 33:1013–1026). */
    debtTimeConstantDays: 4,
    /** [V] Craven et al. 2022 (Sports Med 52:2669): one night ≤ 6 h → −7.6 % (−11.9 to −3.1) next-day endurance; [C] per hour below need. */
    performancePerHourDeficit: 0.022,
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
    /** [V] Illness follows individual strain thresholds (Foster 1998, MSSE 30:1164–1168); size [C]. */
    strainHazard: 0.7,
    /** [M] Short sleep raises the risk of a cold (Prather et al. 2015, Sleep 38:1353–1359); size [C]. */
    sleepDebtHazard: 0.15,
    /** [M] Upper-respiratory infections last ~4–8 days. */
    durationDays: { min: 4, max: 8 },
    /** [M] While ill, training (if any) adapts little: 20 % of the usual stimulus counts. */
    adaptationWhileIll: 0.2,
    /** [M] Assumed: a cold costs several per cent of endurance performance while it lasts. */
    performanceWhileIll: 0.08,
  },
  markers: {
    /**
     * [M] Morning resting HR varies ~2–3 bpm day to day; it rises a few bpm with accumulated
     * fatigue, sleep loss and illness and falls with aerobic fitness (Buchheit 2014, Front Physiol
     * 5:73; Meeusen et al. 2013, MSSE 45:186–205).
     */
    restingHr: { noiseSd: 2.5, perStrain: 3, perSleepDebtHour: 0.8, illness: 7, perVo2maxGainPct: -0.25 },
    /**
     * [M] lnRMSSD day-to-day CV ≈ 6–8 % (SD ≈ 0.25 ln ms) (Plews et al. 2012, Eur J Appl Physiol
     * 112:3729); falls with fatigue, sleep loss and illness (Buchheit 2014).
     */
    lnRmssd: { noiseSd: 0.25, perStrain: -0.15, perSleepDebtHour: -0.04, illness: -0.35, perVo2maxGainPct: 0.01 },
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
    /** [V] VO2max test CV ≈ 3 % (DESIGN.md §4). */
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
  },
};
