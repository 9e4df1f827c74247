import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../../src/models/workouts/compile.ts';
import {
  EffortCurves,
  DOSE_COST,
  DOSE_FIELDS,
  DOSE_RPE,
  DOSE_RPE_SQUARED,
  DOSE_Z1,
  DOSE_Z2,
  DOSE_Z3,
  DoseEvaluator,
  intensityPosition,
  PROFILE_HARD,
  PROFILE_STRIDE,
  sectionMinutes,
  sessionDose,
  type EffortConstants,
} from '../../../src/models/workouts/dose.ts';
import type { Segment, Workout } from '../../../src/models/workouts/types.ts';

// Round numbers chosen for hand arithmetic, not the calibrated values of the parameters module.
const EFFORT: EffortConstants = {
  costExponentBelowLt1: 2,
  costAtLt2: 2,
  costAtVVO2max: 4,
  rpeCurve: [
    [-1, 1],
    [0, 2],
    [1, 5],
    [2, 9],
  ],
};

// The athlete: LT1 10 km/h, LT2 12 km/h, vVO2max 15 km/h; race paces (5k, 10k, half, marathon) unused.
const LT1 = 10;
const LT2 = 12;
const TOP = 15;
const ANCHOR_SPEEDS = Float64Array.from([LT1, LT2, TOP, 14, 13, 12.5, 11.5]);

const easy = (minutes: number, label: string): Segment => ({ label, intensity: { lt1: 0.88 }, minutes });
const jog = (minutes: number): Segment => ({ label: 'jog', intensity: { lt1: 0.75 }, minutes });
const workout = (id: string, parts: Pick<Workout, 'warmup' | 'main' | 'cooldown'> & Partial<Workout>): Workout => ({
  id, name: id, goal: 'high', description: '', source: 'test', ...parts,
});

const CATALOGUE = compileCatalogue([
  // 0: 10 min easy + 3 × (4 min at 97 % vVO2max + 3 min jog) + 10 min easy.
  workout('vo2', {
    warmup: [easy(10, 'warm-up')],
    main: { rep: [{ label: '4 min hard', intensity: { vVO2max: 0.97 }, minutes: 4 }, jog(3)], reps: { min: 3, max: 6, typical: 3 } },
    cooldown: [easy(10, 'cool-down')],
  }),
  // 1: 15 min easy + reps of (1.8 km at 90 % LT2 + 2 min jog), with strides (20 s at 110 % vVO2max + 1 min jog).
  workout('km', {
    goal: 'threshold',
    warmup: [easy(15, 'warm-up')],
    main: { rep: [{ label: 'steady km', intensity: { lt2: 0.9 }, km: 1.8 }, jog(2)], reps: { min: 1, max: 6, typical: 2 } },
    addOn: { label: 'strides', rep: [{ label: 'stride', intensity: { vVO2max: 1.1 }, minutes: 1 / 3 }, jog(1)], max: 10 },
    cooldown: [],
  }),
  // 2: an easy run of 1-min reps.
  workout('easy', { goal: 'low', warmup: [], main: { rep: [easy(1, 'easy run')], reps: { min: 20, max: 90, typical: 45 } }, cooldown: [] }),
]);

const evaluateAll = (): Float64Array => {
  const profiles = new Float64Array(CATALOGUE.count * PROFILE_STRIDE);
  new DoseEvaluator(CATALOGUE, EFFORT).evaluateAll(ANCHOR_SPEEDS, profiles);
  return profiles;
};

/** Field `field` of section `section` (0 fixed, 1 rep, 2 add-on) of workout `w`. */
const at = (profiles: Float64Array, w: number, section: number, field: number): number => profiles[w * PROFILE_STRIDE + section * DOSE_FIELDS + field]!;

describe(intensityPosition, () => {
  describe('having LT1 10, LT2 12 and vVO2max 15 km/h', () => {
    it('should be 0 at LT1, 1 at LT2 and 2 at vVO2max', () => {
      expect(intensityPosition(10, LT1, LT2, TOP)).toBe(0);
      expect(intensityPosition(12, LT1, LT2, TOP)).toBe(1);
      expect(intensityPosition(15, LT1, LT2, TOP)).toBe(2);
    });

    // (11 − 10) / (12 − 10) = 0.5; 1 + (13.5 − 12) / (15 − 12) = 1.5; 1 + (16.5 − 12) / 3 = 2.5.
    it('should be linear within each stretch and continue above vVO2max', () => {
      expect(intensityPosition(11, LT1, LT2, TOP)).toBeCloseTo(0.5, 12);
      expect(intensityPosition(13.5, LT1, LT2, TOP)).toBeCloseTo(1.5, 12);
      expect(intensityPosition(16.5, LT1, LT2, TOP)).toBeCloseTo(2.5, 12);
    });

    // (9 / 10 − 1) × 4 = −0.4; (5 / 10 − 1) × 4 = −2 (a walk).
    it('should be negative below LT1, falling by 4 per fraction of LT1 speed', () => {
      expect(intensityPosition(9, LT1, LT2, TOP)).toBeCloseTo(-0.4, 12);
      expect(intensityPosition(5, LT1, LT2, TOP)).toBeCloseTo(-2, 12);
    });
  });
});

describe('EffortCurves.cost', () => {
  const costPerMinute = (speed: number, lt1: number, lt2: number, top: number, effort: typeof EFFORT) => new EffortCurves(effort).cost(speed, lt1, lt2, top);

  describe('having costs 1 at LT1, 2 at LT2 and 4 at vVO2max', () => {
    it('should cost 1 at LT1, costAtLt2 at LT2 and costAtVVO2max at vVO2max', () => {
      expect(costPerMinute(LT1, LT1, LT2, TOP, EFFORT)).toBe(1);
      expect(costPerMinute(LT2, LT1, LT2, TOP, EFFORT)).toBeCloseTo(2, 12);
      expect(costPerMinute(TOP, LT1, LT2, TOP, EFFORT)).toBeCloseTo(4, 12);
    });

    it('should use the costAtVVO2max constant, not extrapolate the LT1–LT2 slope', () => {
      const steeper = { ...EFFORT, costAtVVO2max: 6 };
      expect(costPerMinute(TOP, LT1, LT2, TOP, steeper)).toBeCloseTo(6, 12);
    });

    // Below LT1: (8 / 10)² = 0.64. Between: 2^0.5 = 1.41421 at 11 km/h (position 0.5);
    // 2 × (4/2)^0.5 = 2.82843 at 13.5 km/h (position 1.5).
    it('should follow (v/LT1)^exponent below LT1 and be log-linear between the anchors', () => {
      expect(costPerMinute(8, LT1, LT2, TOP, EFFORT)).toBeCloseTo(0.64, 12);
      expect(costPerMinute(11, LT1, LT2, TOP, EFFORT)).toBeCloseTo(Math.SQRT2, 12);
      expect(costPerMinute(13.5, LT1, LT2, TOP, EFFORT)).toBeCloseTo(2 * Math.SQRT2, 12);
    });

    it('should increase with speed from a walk to above vVO2max (4 to 17 km/h)', () => {
      let previous = -Infinity;
      for (let speed = 4; speed <= 17; speed += 0.05) {
        const cost = costPerMinute(speed, LT1, LT2, TOP, EFFORT);
        expect(cost).toBeGreaterThan(previous);
        previous = cost;
      }
    });
  });
});

describe('EffortCurves.rpe', () => {
  const rpeAt = (position: number, curve: typeof EFFORT.rpeCurve) => new EffortCurves({ ...EFFORT, rpeCurve: curve }).rpe(position);

  describe('having the curve (−1, 1), (0, 2), (1, 5), (2, 9)', () => {
    it('should give the curve value at each knot', () => {
      for (const [position, rpe] of EFFORT.rpeCurve) expect(rpeAt(position, EFFORT.rpeCurve)).toBeCloseTo(rpe, 12);
    });

    // 2 + (5 − 2) × 0.5 = 3.5; 5 + (9 − 5) × 0.85 = 8.4; 1 + (2 − 1) × 0.52 = 1.52.
    it('should interpolate linearly between knots', () => {
      expect(rpeAt(0.5, EFFORT.rpeCurve)).toBeCloseTo(3.5, 12);
      expect(rpeAt(1.85, EFFORT.rpeCurve)).toBeCloseTo(8.4, 12);
      expect(rpeAt(-0.48, EFFORT.rpeCurve)).toBeCloseTo(1.52, 12);
    });

    it('should clamp to the first value below the curve and to the last above it', () => {
      expect(rpeAt(-3, EFFORT.rpeCurve)).toBe(1);
      expect(rpeAt(5, EFFORT.rpeCurve)).toBe(9);
    });
  });
});

describe(DoseEvaluator, () => {
  const profiles = evaluateAll();

  describe('having 10 min easy + 3 × (4 min at 97 % vVO2max + 3 min jog) + 10 min easy', () => {
    // Easy is 0.88 × 10 = 8.8 km/h (Z1); work 0.97 × 15 = 14.55 km/h (Z3, ≥ LT2); jog 7.5 km/h (Z1).
    it('should put the 20 min of warm-up and cool-down in Z1', () => {
      expect(at(profiles, 0, 0, DOSE_Z1)).toBeCloseTo(20, 12);
      expect(at(profiles, 0, 0, DOSE_Z2)).toBe(0);
      expect(at(profiles, 0, 0, DOSE_Z3)).toBe(0);
    });

    it('should put one rep at 4 min Z3 and 3 min Z1', () => {
      expect(at(profiles, 0, 1, DOSE_Z1)).toBeCloseTo(3, 12);
      expect(at(profiles, 0, 1, DOSE_Z2)).toBe(0);
      expect(at(profiles, 0, 1, DOSE_Z3)).toBeCloseTo(4, 12);
    });

    it('should have an empty add-on section', () => {
      for (let field = 0; field < DOSE_FIELDS; field++) expect(at(profiles, 0, 2, field)).toBe(0);
    });

    it('should mark the session as hard', () => {
      expect(profiles[0 * PROFILE_STRIDE + PROFILE_HARD]).toBe(1);
    });

    // Fixed: 20 × 0.88² = 15.488. Rep: work at position 1 + 2.55 / 3 = 1.85 costs 2 × 2^0.85;
    // 4 × that + 3 × 0.75² (= 1.6875).
    it('should sum cost per minute × minutes in each section', () => {
      expect(at(profiles, 0, 0, DOSE_COST)).toBeCloseTo(20 * 0.88 ** 2, 10);
      expect(at(profiles, 0, 1, DOSE_COST)).toBeCloseTo(4 * 2 * 2 ** 0.85 + 3 * 0.75 ** 2, 10);
    });

    // Easy at position −0.48 → RPE 1.52; work at 1.85 → 8.4; jog at (0.75 − 1) × 4 = −1 → 1.
    it('should sum minutes × RPE and minutes × RPE² in each section', () => {
      expect(at(profiles, 0, 0, DOSE_RPE)).toBeCloseTo(20 * 1.52, 10);
      expect(at(profiles, 0, 0, DOSE_RPE_SQUARED)).toBeCloseTo(20 * 1.52 ** 2, 10);
      expect(at(profiles, 0, 1, DOSE_RPE)).toBeCloseTo(4 * 8.4 + 3 * 1, 10);
      expect(at(profiles, 0, 1, DOSE_RPE_SQUARED)).toBeCloseTo(4 * 8.4 ** 2 + 3 * 1, 10);
    });
  });

  describe('having a rep measured in km (1.8 km at 90 % of LT2)', () => {
    // 0.9 × 12 = 10.8 km/h, between LT1 and LT2 (Z2): 1.8 / 10.8 × 60 = 10 min.
    it('should last km / speed × 60 minutes, in the zone of its speed', () => {
      expect(at(profiles, 1, 1, DOSE_Z2)).toBeCloseTo(10, 12);
      expect(at(profiles, 1, 1, DOSE_Z1)).toBeCloseTo(2, 12);
      expect(at(profiles, 1, 1, DOSE_Z3)).toBe(0);
    });

    // Stride 1.1 × 15 = 16.5 km/h (Z3) for 1/3 min, then 1 min of jogging (Z1).
    it('should evaluate one add-on unit: 1/3 min Z3 and 1 min Z1', () => {
      expect(at(profiles, 1, 2, DOSE_Z3)).toBeCloseTo(1 / 3, 12);
      expect(at(profiles, 1, 2, DOSE_Z1)).toBeCloseTo(1, 12);
    });

    it('should mark a main set above LT1 (Z2 work) as hard', () => {
      expect(profiles[1 * PROFILE_STRIDE + PROFILE_HARD]).toBe(1);
    });

    // Halving the speeds of every anchor doubles the time a fixed distance takes: 20 min.
    it('should take longer for a slower athlete', () => {
      const slow = new Float64Array(PROFILE_STRIDE);
      new DoseEvaluator(CATALOGUE, EFFORT).evaluate(1, ANCHOR_SPEEDS.map((v) => v / 2), slow, 0);
      expect(slow[1 * DOSE_FIELDS + DOSE_Z2]).toBeCloseTo(20, 12);
    });
  });

  describe('having an easy run', () => {
    it('should not mark it as hard', () => {
      expect(profiles[2 * PROFILE_STRIDE + PROFILE_HARD]).toBe(0);
      expect(at(profiles, 2, 1, DOSE_Z1)).toBeCloseTo(1, 12);
    });
  });

  describe('when writing into a buffer that holds old values', () => {
    it('should overwrite all PROFILE_STRIDE numbers at the offset and nothing else', () => {
      const out = new Float64Array(PROFILE_STRIDE + 4).fill(Number.NaN);
      new DoseEvaluator(CATALOGUE, EFFORT).evaluate(0, ANCHOR_SPEEDS, out, 2);
      expect(Number.isNaN(out[0]!) && Number.isNaN(out[1]!)).toBe(true);
      for (let i = 2; i < 2 + PROFILE_STRIDE; i++) expect(Number.isFinite(out[i]!)).toBe(true);
      expect(Number.isNaN(out[PROFILE_STRIDE + 2]!) && Number.isNaN(out[PROFILE_STRIDE + 3]!)).toBe(true);
      expect(out[2 + DOSE_FIELDS + DOSE_Z3]).toBeCloseTo(4, 12);
    });
  });
});

describe(sessionDose, () => {
  const profiles = evaluateAll();
  const field = (workout: number, fixedScale: number, reps: number, addOns: number, f: number) =>
    sessionDose(profiles, workout, fixedScale, reps, addOns, new Float64Array(DOSE_FIELDS))[f]!;
  const minutes = (workout: number, fixedScale: number, reps: number, addOns: number) =>
    field(workout, fixedScale, reps, addOns, DOSE_Z1) + field(workout, fixedScale, reps, addOns, DOSE_Z2) + field(workout, fixedScale, reps, addOns, DOSE_Z3);

  describe('having the VO2max session with half a warm-up and 5 reps', () => {
    // Z1: 0.5 × 20 + 5 × 3 = 25; Z3: 5 × 4 = 20.
    it('should give fixedScale × fixed + reps × rep', () => {
      expect(field(0, 0.5, 5, 0, DOSE_Z1)).toBeCloseTo(25, 12);
      expect(field(0, 0.5, 5, 0, DOSE_Z3)).toBeCloseTo(20, 12);
    });
  });

  describe('having the km session with 2 reps and 6 strides', () => {
    // Z1: 15 + 2 × 2 + 6 × 1 = 25; Z2: 2 × 10 = 20; Z3: 6 × 1/3 = 2.
    it('should add add-ons × one add-on unit', () => {
      expect(field(1, 1, 2, 6, DOSE_Z1)).toBeCloseTo(25, 12);
      expect(field(1, 1, 2, 6, DOSE_Z2)).toBeCloseTo(20, 12);
      expect(field(1, 1, 2, 6, DOSE_Z3)).toBeCloseTo(2, 12);
    });

    it('should combine the sections the same way for cost and RPE fields', () => {
      for (const f of [DOSE_COST, DOSE_RPE, DOSE_RPE_SQUARED]) {
        const expected = 0.8 * at(profiles, 1, 0, f) + 3 * at(profiles, 1, 1, f) + 4 * at(profiles, 1, 2, f);
        expect(field(1, 0.8, 3, 4, f)).toBeCloseTo(expected, 10);
      }
    });
  });

  // 0.5 × 20 + 5 × (4 + 3) = 45 min; 15 + 2 × 12 + 6 × 4/3 = 47 min.
  it('should add up to the minutes of the three zones', () => {
    expect(minutes(0, 0.5, 5, 0)).toBeCloseTo(45, 12);
    expect(minutes(1, 1, 2, 6)).toBeCloseTo(47, 12);
  });

  it('should give 0 for a session with nothing in it', () => {
    expect(minutes(0, 0, 0, 0)).toBe(0);
  });
});

describe(sectionMinutes, () => {
  const profiles = evaluateAll();

  // The VO2max session: fixed 20 min, a rep 4 + 3 min; the km session: fixed 15, rep 12, add-on 4/3.
  it('should give the minutes of one section, all zones', () => {
    expect(sectionMinutes(profiles, 0, 0)).toBeCloseTo(20, 12);
    expect(sectionMinutes(profiles, 0, 1)).toBeCloseTo(7, 12);
    expect(sectionMinutes(profiles, 1, 0)).toBeCloseTo(15, 12);
    expect(sectionMinutes(profiles, 1, 1)).toBeCloseTo(12, 12);
    expect(sectionMinutes(profiles, 1, 2)).toBeCloseTo(4 / 3, 12);
  });
});
