/**
 * The outcomes a simulated trial measures per athlete, as the summary contract names them
 * (DESIGN.md §5), plus peak speed: % changes of VO2max, LT2 speed, the 10-km time trial (positive =
 * faster) and peak speed; resting HR and lnRMSSD changes; days ill.
 */
export const OUTCOME_METRICS = ['vo2maxPct', 'lt2SpeedPct', 'timeTrialPct', 'peakSpeedPct', 'restingHrDelta', 'lnRmssdDelta', 'illnessDays'] as const;
export type OutcomeMetric = (typeof OUTCOME_METRICS)[number];
