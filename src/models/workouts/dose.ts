import { ANCHOR_COUNT } from './types.ts';
import { SECTION_COUNT, type CompiledCatalogue } from './compile.ts';

/**
 * How hard a minute at a given speed is, for the physiology (fatigue cost) and for the athlete's
 * perception (RPE). Both are functions of the position of the speed between the thresholds,
 * p = (speed − LT1) / (LT2 − LT1): p = 0 at LT1, p = 1 at LT2. Values and sources: PARAMETERS.effort.
 */
export interface EffortConstants {
  /** Cost per minute below LT1 is (speed / LT1)^exponent: easy minutes are cheap. */
  costExponentBelowLt1: number;
  /** Cost per minute at LT2 relative to LT1; above LT1 the cost grows as costAtLt2^p (steeply). */
  costAtLt2: number;
  /** CR-10 RPE at increasing positions p, as [p, rpe] pairs, linearly interpolated and clamped. */
  rpeCurve: readonly (readonly [number, number])[];
}

/** Fields of one section of a workout profile. */
export const DOSE_Z1 = 0;
export const DOSE_Z2 = 1;
export const DOSE_Z3 = 2;
/** Fatigue cost (arbitrary units: an easy minute at LT1 costs 1). */
export const DOSE_COST = 3;
/** Σ minutes × RPE and Σ minutes × RPE²: session RPE is their ratio (the hard parts weigh most). */
export const DOSE_RPE = 4;
export const DOSE_RPE_SQUARED = 5;
export const DOSE_FIELDS = 6;
/** After the three sections: 1 when the main set's work is above LT1 (a hard session). */
export const PROFILE_HARD = SECTION_COUNT * DOSE_FIELDS;
export const PROFILE_STRIDE = PROFILE_HARD + 1;

/** Perceived exertion (CR-10) at position p between the thresholds. */
export function rpeAt(position: number, curve: EffortConstants['rpeCurve']): number {
  const first = curve[0]!;
  if (position <= first[0]) return first[1];
  for (let i = 1; i < curve.length; i++) {
    const [p1, r1] = curve[i]!;
    if (position <= p1) {
      const [p0, r0] = curve[i - 1]!;
      return r0 + ((r1 - r0) * (position - p0)) / (p1 - p0);
    }
  }
  return curve[curve.length - 1]![1];
}

/** Fatigue cost of one minute at a speed. */
export function costPerMinute(speed: number, lt1: number, lt2: number, effort: EffortConstants): number {
  if (speed <= lt1) return Math.pow(speed / lt1, effort.costExponentBelowLt1);
  return Math.pow(effort.costAtLt2, (speed - lt1) / (lt2 - lt1));
}

/**
 * Dose profile of one workout for one athlete: minutes per zone, fatigue cost and RPE sums of its
 * fixed part, of one rep of its main set and of one add-on unit, written into `out` at `offset`
 * (PROFILE_STRIDE numbers). `anchors` holds the athlete's anchor speeds (km/h) in ANCHORS order.
 * A session with r reps and a add-on units has dose fixed + r × rep + a × addOn.
 */
export function evaluateWorkout(
  catalogue: CompiledCatalogue,
  workout: number,
  anchors: Float64Array,
  effort: EffortConstants,
  out: Float64Array,
  offset: number,
): void {
  const lt1 = anchors[0]!;
  const lt2 = anchors[1]!;
  const { partStart, partWeights, partMinutes, partKm, partIsWork } = catalogue;
  out.fill(0, offset, offset + PROFILE_STRIDE);
  let workMinutes = 0;
  let workAboveLt1 = 0;
  for (let section = 0; section < SECTION_COUNT; section++) {
    const base = offset + section * DOSE_FIELDS;
    const end = partStart[workout * SECTION_COUNT + section + 1]!;
    for (let p = partStart[workout * SECTION_COUNT + section]!; p < end; p++) {
      let speed = 0;
      for (let a = 0; a < ANCHOR_COUNT; a++) speed += partWeights[p * ANCHOR_COUNT + a]! * anchors[a]!;
      const km = partKm[p]!;
      const minutes = km > 0 ? (km / speed) * 60 : partMinutes[p]!;
      const zone = speed < lt1 ? DOSE_Z1 : speed < lt2 ? DOSE_Z2 : DOSE_Z3;
      out[base + zone]! += minutes;
      out[base + DOSE_COST]! += minutes * costPerMinute(speed, lt1, lt2, effort);
      const rpe = rpeAt((speed - lt1) / (lt2 - lt1), effort.rpeCurve);
      out[base + DOSE_RPE]! += minutes * rpe;
      out[base + DOSE_RPE_SQUARED]! += minutes * rpe * rpe;
      if (partIsWork[p] === 1) {
        workMinutes += minutes;
        if (zone !== DOSE_Z1) workAboveLt1 += minutes;
      }
    }
  }
  out[offset + PROFILE_HARD] = workMinutes > 0 && workAboveLt1 * 2 >= workMinutes ? 1 : 0;
}
