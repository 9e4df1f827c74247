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
 * Evaluates workouts into dose profiles for one athlete at a time: minutes per zone, fatigue cost
 * and RPE sums of each workout's fixed part, of one rep of its main set and of one add-on unit
 * (PROFILE_STRIDE numbers per workout). A session with r reps and a add-on units has dose
 * fixed + r × rep + a × addOn. The effort curves are compiled once, so that evaluating is a tight
 * loop over a handful of parts with no allocation.
 */
export class DoseEvaluator {
  private readonly logCostAtLt2: number;
  private readonly costExponent: number;
  private readonly rpePosition: Float64Array;
  private readonly rpeValue: Float64Array;

  constructor(
    private readonly catalogue: CompiledCatalogue,
    effort: EffortConstants,
  ) {
    this.logCostAtLt2 = Math.log(effort.costAtLt2);
    this.costExponent = effort.costExponentBelowLt1;
    this.rpePosition = Float64Array.from(effort.rpeCurve, ([position]) => position);
    this.rpeValue = Float64Array.from(effort.rpeCurve, ([, rpe]) => rpe);
  }

  /** Writes the profile of `workout` at the athlete's anchor speeds (km/h, ANCHORS order) into `out` at `offset`. */
  evaluate(workout: number, anchors: Float64Array, out: Float64Array, offset: number): void {
    const { partStart, partWeights, partMinutes, partKm, partIsWork } = this.catalogue;
    const lt1 = anchors[0]!;
    const lt2 = anchors[1]!;
    const gap = lt2 - lt1;
    for (let i = 0; i < PROFILE_STRIDE; i++) out[offset + i] = 0;
    let workMinutes = 0;
    let workAboveLt1 = 0;
    const first = workout * SECTION_COUNT;
    for (let section = 0; section < SECTION_COUNT; section++) {
      const base = offset + section * DOSE_FIELDS;
      const end = partStart[first + section + 1]!;
      for (let p = partStart[first + section]!; p < end; p++) {
        const w = p * ANCHOR_COUNT;
        const speed =
          partWeights[w]! * lt1 +
          partWeights[w + 1]! * lt2 +
          partWeights[w + 2]! * anchors[2]! +
          partWeights[w + 3]! * anchors[3]! +
          partWeights[w + 4]! * anchors[4]! +
          partWeights[w + 5]! * anchors[5]! +
          partWeights[w + 6]! * anchors[6]!;
        const km = partKm[p]!;
        const minutes = km > 0 ? (km / speed) * 60 : partMinutes[p]!;
        const position = (speed - lt1) / gap;
        const zone = speed < lt1 ? DOSE_Z1 : speed < lt2 ? DOSE_Z2 : DOSE_Z3;
        const cost = speed <= lt1 ? Math.pow(speed / lt1, this.costExponent) : Math.exp(this.logCostAtLt2 * position);
        const rpe = this.rpe(position);
        out[base + zone] = out[base + zone]! + minutes;
        out[base + DOSE_COST] = out[base + DOSE_COST]! + minutes * cost;
        out[base + DOSE_RPE] = out[base + DOSE_RPE]! + minutes * rpe;
        out[base + DOSE_RPE_SQUARED] = out[base + DOSE_RPE_SQUARED]! + minutes * rpe * rpe;
        if (partIsWork[p] === 1) {
          workMinutes += minutes;
          if (zone !== DOSE_Z1) workAboveLt1 += minutes;
        }
      }
    }
    out[offset + PROFILE_HARD] = workMinutes > 0 && workAboveLt1 * 2 >= workMinutes ? 1 : 0;
  }

  /** Evaluates every workout of the catalogue into a table. */
  evaluateAll(anchors: Float64Array, out: Float64Array): void {
    for (let w = 0; w < this.catalogue.count; w++) this.evaluate(w, anchors, out, w * PROFILE_STRIDE);
  }

  private rpe(position: number): number {
    const positions = this.rpePosition;
    const values = this.rpeValue;
    if (position <= positions[0]!) return values[0]!;
    const last = positions.length - 1;
    for (let i = 1; i <= last; i++) {
      const p1 = positions[i]!;
      if (position <= p1) {
        const p0 = positions[i - 1]!;
        const r0 = values[i - 1]!;
        return r0 + ((values[i]! - r0) * (position - p0)) / (p1 - p0);
      }
    }
    return values[last]!;
  }
}

/**
 * One field (a zone's minutes, cost, RPE sums) of a session of `workout` with its warm-up and
 * cool-down scaled by `fixedScale`, `reps` repetitions of the main set and `addOns` add-on units,
 * from a profile table (PROFILE_STRIDE numbers per workout).
 */
export function sessionDoseField(
  profiles: Float64Array,
  workout: number,
  fixedScale: number,
  reps: number,
  addOns: number,
  field: number,
): number {
  const offset = workout * PROFILE_STRIDE + field;
  return fixedScale * profiles[offset]! + reps * profiles[offset + DOSE_FIELDS]! + addOns * profiles[offset + 2 * DOSE_FIELDS]!;
}

/** Total minutes of such a session. */
export function sessionDoseMinutes(profiles: Float64Array, workout: number, fixedScale: number, reps: number, addOns: number): number {
  return (
    sessionDoseField(profiles, workout, fixedScale, reps, addOns, DOSE_Z1) +
    sessionDoseField(profiles, workout, fixedScale, reps, addOns, DOSE_Z2) +
    sessionDoseField(profiles, workout, fixedScale, reps, addOns, DOSE_Z3)
  );
}
