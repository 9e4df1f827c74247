import { ANCHOR_COUNT } from './types.ts';
import { SECTION_COUNT, type CompiledCatalogue } from './compile.ts';

/**
 * How hard a minute at a given speed is, for the physiology (fatigue cost) and for the athlete's
 * perception (RPE). Both are functions of the speed's position among the athlete's anchors,
 * p = intensityPosition(...): p = 0 at LT1, 1 at LT2, 2 at vVO2max. Values and sources:
 * PARAMETERS.effort.
 */
export interface EffortConstants {
  /** Cost per minute below LT1 is (speed / LT1)^exponent: easy minutes are cheap. */
  costExponentBelowLt1: number;
  /** Cost per minute at LT2 and at vVO2max relative to a minute at LT1; log-linear between (steep). */
  costAtLt2: number;
  costAtVVO2max: number;
  /** CR-10 RPE at increasing positions p, as [p, rpe] pairs, linearly interpolated and clamped. */
  rpeCurve: readonly (readonly [number, number])[];
}

/**
 * The scale of positions below LT1, in which the RPE curve's points below 0 are written
 * (PARAMETERS.effort.rpeCurve): position falls by this much per fraction of LT1 speed, so a walk at
 * half LT1 speed is −2 and easy running at 88 % of it about −0.5. A unit, not a physiological constant.
 */
const POSITION_PER_FRACTION_BELOW_LT1 = 4;

/**
 * Position of a speed among the anchors: (v/LT1 − 1) × 4 below LT1, 0→1 from LT1 to LT2, 1→2 from
 * LT2 to vVO2max (and on above it). Each stretch is scaled by its own width, so a narrow gap
 * between the thresholds cannot inflate it.
 * @example intensityPosition(13.5, 10, 12, 15) // 1.5 (halfway from LT2 to vVO2max)
 */
export function intensityPosition(speed: number, lt1: number, lt2: number, vVO2max: number): number {
  if (speed <= lt1) return (speed / lt1 - 1) * POSITION_PER_FRACTION_BELOW_LT1;
  if (speed <= lt2) return (speed - lt1) / (lt2 - lt1);
  return 1 + (speed - lt2) / (vVO2max - lt2);
}

/**
 * The effort curves of EffortConstants, compiled once (logarithms, the RPE curve in typed arrays):
 * what a minute costs and how hard it feels.
 */
export class EffortCurves {
  private readonly squareBelowLt1: boolean;
  private readonly exponentBelowLt1: number;
  private readonly costAtLt2: number;
  private readonly logCostAtLt2: number;
  private readonly logCostAboveLt2: number;
  private readonly rpePosition: Float64Array;
  private readonly rpeValue: Float64Array;

  constructor(effort: EffortConstants) {
    this.exponentBelowLt1 = effort.costExponentBelowLt1;
    this.squareBelowLt1 = effort.costExponentBelowLt1 === 2;
    this.costAtLt2 = effort.costAtLt2;
    this.logCostAtLt2 = Math.log(effort.costAtLt2);
    this.logCostAboveLt2 = Math.log(effort.costAtVVO2max / effort.costAtLt2);
    this.rpePosition = Float64Array.from(effort.rpeCurve, ([position]) => position);
    this.rpeValue = Float64Array.from(effort.rpeCurve, ([, rpe]) => rpe);
  }

  /** Fatigue cost of one minute at a speed (a minute at LT1 costs 1). */
  cost(speed: number, lt1: number, lt2: number, vVO2max: number): number {
    return this.costAt(speed, lt1, intensityPosition(speed, lt1, lt2, vVO2max));
  }

  /** The same, for a speed whose position among the anchors is known. */
  costAt(speed: number, lt1: number, position: number): number {
    if (speed <= lt1) {
      const ratio = speed / lt1;
      return this.squareBelowLt1 ? ratio * ratio : Math.pow(ratio, this.exponentBelowLt1);
    }
    if (position <= 1) return Math.exp(this.logCostAtLt2 * position);
    return this.costAtLt2 * Math.exp(this.logCostAboveLt2 * (position - 1));
  }

  /** Perceived exertion (CR-10) at position p. */
  rpe(position: number): number {
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
/**
 * After the three sections: 1 when at least half the main set's work is above LT1 — a hard session
 * as summary.json counts hardSessionsPerWeek (README.md, The outputs) ("sessions whose main set is above LT1").
 */
export const PROFILE_HARD = SECTION_COUNT * DOSE_FIELDS;
export const PROFILE_STRIDE = PROFILE_HARD + 1;

/**
 * Evaluates workouts into dose profiles for one athlete at a time: minutes per zone, fatigue cost
 * and RPE sums of each workout's fixed part, of one rep of its main set and of one add-on unit
 * (PROFILE_STRIDE numbers per workout). A session with r reps and a add-on units has dose
 * fixed + r × rep + a × addOn. The effort curves are compiled once, so that evaluating is a tight
 * loop over a handful of parts with no allocation.
 */
export class DoseEvaluator {
  private readonly effort: EffortCurves;

  constructor(
    private readonly catalogue: CompiledCatalogue,
    effort: EffortConstants,
  ) {
    this.effort = new EffortCurves(effort);
  }

  /** Writes the profile of `workout` at the athlete's anchor speeds (km/h, ANCHORS order) into `out` at `offset`. */
  evaluate(workout: number, anchors: Float64Array, out: Float64Array, offset: number): void {
    const { partStart, partWeights, partMinutes, partKm, partIsWork } = this.catalogue;
    const lt1 = anchors[0]!;
    const lt2 = anchors[1]!;
    const top = anchors[2]!;
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
          partWeights[w + 2]! * top +
          partWeights[w + 3]! * anchors[3]! +
          partWeights[w + 4]! * anchors[4]! +
          partWeights[w + 5]! * anchors[5]! +
          partWeights[w + 6]! * anchors[6]!;
        const km = partKm[p]!;
        const minutes = km > 0 ? (km / speed) * 60 : partMinutes[p]!;
        const position = intensityPosition(speed, lt1, lt2, top);
        const zone = speed < lt1 ? DOSE_Z1 : speed < lt2 ? DOSE_Z2 : DOSE_Z3;
        const cost = this.effort.costAt(speed, lt1, position);
        const rpe = this.effort.rpe(position);
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

  /** Evaluates every workout of the catalogue (or those listed) into a table. */
  evaluateAll(anchors: Float64Array, out: Float64Array, only?: readonly number[]): void {
    if (only === undefined) for (let w = 0; w < this.catalogue.count; w++) this.evaluate(w, anchors, out, w * PROFILE_STRIDE);
    else for (const w of only) this.evaluate(w, anchors, out, w * PROFILE_STRIDE);
  }
}

/**
 * The dose (every field: minutes per zone, cost, RPE sums) of a session of `workout` with its warm-up
 * and cool-down scaled by `fixedScale`, `reps` repetitions of the main set and `addOns` add-on units,
 * from a profile table (PROFILE_STRIDE numbers per workout), into `out` (DOSE_FIELDS numbers).
 */
export function sessionDose(
  profiles: Float64Array,
  workout: number,
  fixedScale: number,
  reps: number,
  addOns: number,
  out: Float64Array,
): Float64Array {
  const offset = workout * PROFILE_STRIDE;
  for (let field = 0; field < DOSE_FIELDS; field++) {
    const at = offset + field;
    out[field] = fixedScale * profiles[at]! + reps * profiles[at + DOSE_FIELDS]! + addOns * profiles[at + 2 * DOSE_FIELDS]!;
  }
  return out;
}

/** Minutes (all zones) of one section of `workout` — its fixed part, one rep or one add-on unit. */
export function sectionMinutes(profiles: Float64Array, workout: number, section: number): number {
  const at = workout * PROFILE_STRIDE + section * DOSE_FIELDS;
  return profiles[at + DOSE_Z1]! + profiles[at + DOSE_Z2]! + profiles[at + DOSE_Z3]!;
}

/**
 * Session RPE of a minute in each zone when the athlete gave none, on the model's RPE curve
 * (EffortCurves.rpe over PARAMETERS.effort.rpeCurve: CR-10 against position, 0 at LT1, 1 at LT2, 2
 * at vVO2max): zone 1 at the curve's own easy-running point (its second), zone 2 midway between LT1
 * and LT2, zone 3 midway between LT2 and vVO2max.
 */
export function zoneRpes(effort: EffortConstants): Float64Array {
  const curves = new EffortCurves(effort);
  return Float64Array.of(curves.rpe(effort.rpeCurve[1]![0]), curves.rpe(0.5), curves.rpe(1.5));
}

/**
 * A session's RPE from its minutes in each zone when the athlete gave none: each zone's RPE
 * (`zoneRpes`) weighted by the load its minutes carry, so that a few hard minutes in a long easy run
 * count as they feel. Times the minutes, the session-RPE load (Foster 2001).
 */
export function estimatedRpe(z1: number, z2: number, z3: number, zoneRpe: Float64Array): number {
  return (z1 * zoneRpe[0]! ** 2 + z2 * zoneRpe[1]! ** 2 + z3 * zoneRpe[2]! ** 2) / (z1 * zoneRpe[0]! + z2 * zoneRpe[1]! + z3 * zoneRpe[2]!);
}
