import type { Bounds } from './parameters.ts';

/**
 * What no simulated output may ever show: the limits a coach or a physiologist would call
 * impossible, each with its source. They are not the model's constants — the model is built so
 * that it never reaches them (saturating fatigue losses, planner caps, marker limits) — but the
 * yardstick the plausibility scan (`periodize scan`, src/sim/scan.ts) holds every output to.
 */
export const PLAUSIBLE = {
  /**
   * Running a day, minutes: elite distance runners' biggest days are two sessions of 2.5–3.5 h in
   * all (long runs up to 165 min plus an easy run; Haugen et al. 2022, Sports Med Open 8:46) [V];
   * 5 h is beyond any day a runner's plan holds.
   */
  dayMinutes: { min: 0, max: 300 },
  /** Resting HR, bpm: the lowest recorded in endurance athletes ~28 [M]; 110 is tachycardia at rest. */
  restingHr: { min: 28, max: 110 },
  /** Morning lnRMSSD, ln ms: RMSSD of ~3 to ~650 ms (Plews et al. 2012; Buchheit 2014) [M]. */
  lnRmssd: { min: 1, max: 6.5 },
  /** Hours slept in a night. */
  sleepHours: { min: 2, max: 12 },
  /** Session RPE on Foster's CR-10 scale. */
  sessionRpe: { min: 0.5, max: 10 },
  /**
   * A 10-km time, minutes: the world record is 26:11 (men, 2020); the slowest is a walk at the gait
   * speed of frail older adults, under 0.8 m/s (Studenski et al. 2011, JAMA 305:50–58) [M]: at
   * 0.7 m/s, 10 km takes about 240 min.
   */
  tenKmMinutes: { min: 26, max: 240 },
  /** VO2max, ml/kg/min (src/models/trait-limits.ts: frail adults to the highest recorded, Joyner & Coyle 2008). */
  vo2max: { min: 15, max: 95 },
  /**
   * VO2max gained per week of a block, %: HERITAGE's highest responders gained about 40 % in 20
   * weeks (~2 % a week; Bouchard & Rankinen 2001) and untrained adults 20.6 % in 6 weeks of
   * near-maximal intervals (~3.4 % a week; Gormley et al. 2008); the most strenuous programme
   * measured, 40 min at or near VO2max six days a week, raised it 5 % in the first week and linearly
   * after, +44 % in 10 weeks on average, some of its subjects from about 38 to 60 ml/kg/min or more
   * (Hickson, Bomze & Holloszy 1977) [V] → at most 5 % a week. In all, at most 90 %: an untrained
   * person's VO2max to the top of their own ceiling (PARAMETERS.trainability.vo2maxCeilingGain.max;
   * elite endurance athletes are 50–100 % above untrained people of their age, Joyner & Coyle 2008 [M]).
   */
  vo2maxGainPerWeekPct: 5,
  vo2maxGainPct: 90,
  /**
   * VO2max lost, %: complete detraining costs about 7 % in 3 weeks and ~16 % in 12 (Coyle et al.
   * 1984) [M] → at most 5 % and 2 % a week, and 48 % in all (back to an untrained value from the
   * highest ceiling, 90 % above it: 1 − 1/1.9 = 47 %).
   */
  vo2maxLossPct: 48,
  vo2maxLossFirstPct: 5,
  vo2maxLossPerWeekPct: 2,
  /**
   * A 10-km time slower after a block, %: fatigue costs at most PARAMETERS.fatigue.maxPerformanceLoss
   * (12 %), and all causes together 20 % of performance (PARAMETERS.fatigue.minReadiness) → 25 % at once; detraining (VO2max, thresholds,
   * economy together) ~3 % a week more at most [D from Coyle 1984] — up to 120 % slower after long
   * complete rest (untrained again: a 40-min runner's 10 km in 80–90 min).
   */
  tenKmSlowerPct: 120,
  tenKmSlowerFirstPct: 25,
  tenKmSlowerPerWeekPct: 3,
} as const satisfies Record<string, Bounds | number>;

/**
 * What a real athlete's morning reading may be (periodize coach reads them, src/sim/athlete/wellness.ts):
 * the limits of a body at rest; a value outside is a located problem. Wider than
 * PLAUSIBLE (above), which bounds what the simulator writes: a real athlete's
 * reading near the edge of what is recorded is kept, only the impossible refused.
 */
export const READING_LIMITS = {
  /**
   * bpm: the lowest resting heart rates recorded in endurance athletes are in the high 20s (PLAUSIBLE:
   * ~28) [M]; above 120 at rest is a tachycardia, not a morning to train on — or a value from another column.
   */
  restingHr: { min: 25, max: 120 },
  /** ln(ms): rMSSD from about 3 ms (frail, or very ill) to about 650 ms: PLAUSIBLE's own (Plews et al. 2012; Buchheit 2014) [M]. */
  lnRmssd: PLAUSIBLE.lnRmssd,
  /** ms: the same bounds for values read as rMSSD, rounded inward (e^1 ≈ 2.7 to e^6.5 ≈ 665 ms). */
  rmssd: { min: 3, max: 600 },
  /** hours: no night of sleep lasts longer; a longer value is a unit read wrong or a day slept through. */
  sleepHours: { min: 0, max: 16 },
  sleepScore: { min: 0, max: 100 },
} as const;
