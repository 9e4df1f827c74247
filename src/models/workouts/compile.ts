import { ANCHORS, ANCHOR_COUNT, type SessionGoal, type Segment, type Workout } from './types.ts';

export const GOAL_CODE: Record<SessionGoal, number> = { low: 0, threshold: 1, high: 2 };
export const GOAL_NAMES: readonly SessionGoal[] = ['low', 'threshold', 'high'];

/** Sections of a workout: fixed (warm-up and cool-down), one rep of the main set, one add-on unit. */
export const SECTION_FIXED = 0;
export const SECTION_REP = 1;
export const SECTION_ADD_ON = 2;
export const SECTION_COUNT = 3;

/**
 * The catalogue flattened into typed arrays, so that the simulator can turn sessions into dose
 * without allocating. Part p of section s of workout w lives at indices
 * `partStart[w * SECTION_COUNT + s] ≤ p < partStart[w * SECTION_COUNT + s + 1]`.
 */
export interface CompiledCatalogue {
  readonly workouts: readonly Workout[];
  readonly count: number;
  readonly indexOf: ReadonlyMap<string, number>;
  readonly goal: Uint8Array;
  readonly repsMin: Float64Array;
  readonly repsMax: Float64Array;
  readonly repsTypical: Float64Array;
  readonly addOnMax: Float64Array;
  /** Index of the workout run later the same day, or −1. */
  readonly pairedWith: Int16Array;
  readonly partStart: Int32Array;
  /** Anchor weights of each part, ANCHOR_COUNT per part. */
  readonly partWeights: Float64Array;
  readonly partMinutes: Float64Array;
  readonly partKm: Float64Array;
  /** 1 for the work segments of the main set (not recovery between efforts). */
  readonly partIsWork: Uint8Array;
}

/**
 * Merges segments of a section that share intensity, measure (time or distance) and role: a dose is
 * additive over segments, so the 18 segments of a pyramid become two (work and jog), and the
 * simulator evaluates fewer parts.
 */
function mergeAlike(segments: readonly Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const key = (s: Segment) => `${JSON.stringify(s.intensity)}|${s.km === undefined ? 'min' : 'km'}|${s.recovery === true}`;
    const same = merged.find((m) => key(m) === key(segment));
    if (same === undefined) {
      merged.push({ ...segment });
    } else if (segment.km !== undefined) {
      same.km = (same.km ?? 0) + segment.km;
    } else {
      same.minutes = (same.minutes ?? 0) + (segment.minutes ?? 0);
    }
  }
  return merged;
}

export function compileCatalogue(workouts: readonly Workout[]): CompiledCatalogue {
  const count = workouts.length;
  const indexOf = new Map(workouts.map((w, i) => [w.id, i] as const));
  const sections: Segment[][] = workouts.flatMap((w) => [mergeAlike([...w.warmup, ...w.cooldown]), mergeAlike(w.main.rep), mergeAlike(w.addOn?.rep ?? [])]);
  const partCount = sections.reduce((sum, parts) => sum + parts.length, 0);
  const partStart = new Int32Array(count * SECTION_COUNT + 1);
  const partWeights = new Float64Array(partCount * ANCHOR_COUNT);
  const partMinutes = new Float64Array(partCount);
  const partKm = new Float64Array(partCount);
  const partIsWork = new Uint8Array(partCount);
  let p = 0;
  sections.forEach((parts, s) => {
    partStart[s] = p;
    for (const part of parts) {
      ANCHORS.forEach((anchor, a) => (partWeights[p * ANCHOR_COUNT + a] = part.intensity[anchor] ?? 0));
      partMinutes[p] = part.minutes ?? 0;
      partKm[p] = part.km ?? 0;
      partIsWork[p] = s % SECTION_COUNT === SECTION_REP && part.recovery !== true ? 1 : 0;
      p++;
    }
  });
  partStart[count * SECTION_COUNT] = p;
  const pairedWith = new Int16Array(workouts.map((w) => (w.pairedWith === undefined ? -1 : (indexOf.get(w.pairedWith) ?? -1))));
  return {
    workouts,
    count,
    indexOf,
    goal: Uint8Array.from(workouts, (w) => GOAL_CODE[w.goal]),
    repsMin: Float64Array.from(workouts, (w) => w.main.reps.min),
    repsMax: Float64Array.from(workouts, (w) => w.main.reps.max),
    repsTypical: Float64Array.from(workouts, (w) => w.main.reps.typical),
    addOnMax: Float64Array.from(workouts, (w) => w.addOn?.max ?? 0),
    pairedWith,
    partStart,
    partWeights,
    partMinutes,
    partKm,
    partIsWork,
  };
}

/** Index of a workout the code relies on; a catalogue without it is a programming error. */
export function requireWorkout(catalogue: CompiledCatalogue, id: string): number {
  const index = catalogue.indexOf.get(id);
  if (index === undefined) throw new Error(`the catalogue has no "${id}" workout`);
  return index;
}
