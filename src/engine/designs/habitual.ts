import type { ZoneShares } from '../../models/zones.ts';
import { requireWorkout, type CompiledCatalogue } from '../../models/workouts/compile.ts';
import type { ResolvedDesign } from './resolve.ts';

/**
 * An athlete's habitual training as a design: their usual distribution at their usual hours, with
 * plain sessions (a tempo run, VO2max intervals or fartlek) — the week they did before the study.
 */
export function habitualDesign(shares: ZoneShares, catalogue: CompiledCatalogue): ResolvedDesign {
  const index = (id: string) => requireWorkout(catalogue, id);
  return {
    label: 'habitual',
    distribution: shares,
    basis: 'time',
    weeklyHours: { relative: 1 },
    progression: 0,
    loadWeeks: 1,
    deloadWeeks: 0,
    deloadVolume: 1,
    hardDaySpacing: 1,
    doubleDays: false,
    sessionsPerWeek: 0,
    highMenu: [index('vo2max-intervals'), index('fartlek')],
    thresholdMenu: [index('tempo-run')],
    rotateEvery: 1,
    longRunShare: 0.25,
    taper: null,
  };
}
