/**
 * Workouts are data: segments whose intensity is relative to the athlete's *current* anchors
 * (thresholds, vVO2max, race paces), so the same "10K pace" rep lands in zone 3 for one runner and in
 * upper zone 2 for another. Time in zone is therefore a property of a workout *and* an athlete.
 */

/** The speeds an intensity can be expressed against. Order matters: it indexes anchor vectors. */
export const ANCHORS = ['lt1', 'lt2', 'vVO2max', '5k', '10k', 'half', 'marathon'] as const;
export type Anchor = (typeof ANCHORS)[number];
export const ANCHOR_COUNT = ANCHORS.length;

/**
 * An intensity: a weighted sum of anchor speeds. `{ lt2: 0.96 }` is 96 % of LT2 speed;
 * `{ '10k': 0.5, half: 0.5 }` is halfway between 10-km and half-marathon race pace;
 * `{ lt1: 0.5, lt2: 0.5 }` is the middle of zone 2.
 */
export type Intensity = Partial<Record<Anchor, number>>;

/** A stretch of running at one intensity, lasting either a time or a distance. */
export interface Segment {
  label: string;
  intensity: Intensity;
  /** Recovery between efforts (a jog, a walk, easy running): not work, whatever its label. */
  recovery?: true;
  minutes?: number;
  km?: number;
}

/** The goal of a session, used when a distribution is counted by sessions rather than by time. */
export type SessionGoal = 'low' | 'threshold' | 'high';

export interface Workout {
  id: string;
  name: string;
  goal: SessionGoal;
  /** What the session asks of the athlete, in a coach's words. */
  description: string;
  /** Where the workout comes from. */
  source: string;
  warmup: Segment[];
  /** The main set: `rep` repeated between `reps.min` and `reps.max` times (`reps.typical` by default). */
  main: { rep: Segment[]; reps: { min: number; max: number; typical: number } };
  /** An optional add-on with its own count, e.g. strides after an easy run or a fast finish. */
  addOn?: { label: string; rep: Segment[]; max: number };
  cooldown: Segment[];
  /** A second session run the same day (the afternoon half of a double-threshold day). */
  pairedWith?: string;
}
