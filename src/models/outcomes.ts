/**
 * The outcomes a simulated trial measures per athlete, as the summary contract names them
 * (README.md, The outputs), plus peak speed: % changes of VO2max, LT2 speed, the 10-km time trial (positive =
 * faster) and peak speed; resting HR and lnRMSSD changes; days ill; whether the athlete was injured
 * (1 or 0: its mean is the injured share), the days without running injuries cost, and whether the
 * athlete overreached non-functionally (its mean is the overreached share).
 */
export const OUTCOME_METRICS = [
  'vo2maxPct',
  'lt2SpeedPct',
  'timeTrialPct',
  'peakSpeedPct',
  'restingHrDelta',
  'lnRmssdDelta',
  'illnessDays',
  'injured',
  'injuryDaysLost',
  'overreached',
] as const;
export type OutcomeMetric = (typeof OUTCOME_METRICS)[number];
