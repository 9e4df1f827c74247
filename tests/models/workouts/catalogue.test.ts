import { describe, expect, it } from 'vitest';
import { WORKOUTS } from '../../../src/models/workouts/catalogue.ts';
import { compileCatalogue, GOAL_CODE, GOAL_NAMES, SECTION_ADD_ON, SECTION_COUNT, SECTION_FIXED, SECTION_REP } from '../../../src/models/workouts/compile.ts';
import { ANCHOR_COUNT, ANCHORS, type Segment, type Workout } from '../../../src/models/workouts/types.ts';

const byId = (id: string): Workout => {
  const workout = WORKOUTS.find((w) => w.id === id);
  if (workout === undefined) throw new Error(`no workout "${id}"`);
  return workout;
};

const allSegments = (w: Workout): Segment[] => [...w.warmup, ...w.main.rep, ...(w.addOn?.rep ?? []), ...w.cooldown];

/** Part indices [start, end) of one section of workout `w` in a compiled catalogue. */
const partsOf = (partStart: Int32Array, w: number, section: number): [number, number] => [partStart[w * SECTION_COUNT + section]!, partStart[w * SECTION_COUNT + section + 1]!];

describe('WORKOUTS', () => {
  describe('having the workouts the project was asked for', () => {
    const named = [
      'easy-run', 'recovery-run', 'long-run', 'tempo-run', 'cruise-intervals', 'alternations',
      'sweet-spot-10min', 'sweet-spot-6min', 'sweet-spot-3min', 'sweet-spot-1min',
      'double-threshold-am', 'double-threshold-pm', 'thirty-thirty', 'fartlek', 'hill-sprints',
      'pyramid', 'vo2max-intervals', 'steady-run',
    ];

    it.each(named)('should contain "%s"', (id) => {
      expect(WORKOUTS.map((w) => w.id)).toContain(id);
    });

    it('should offer strides as the add-on of the easy run', () => {
      expect(byId('easy-run').addOn?.label).toBe('strides');
    });

    it('should pair the morning double-threshold session with the afternoon one', () => {
      expect(byId('double-threshold-am').pairedWith).toBe('double-threshold-pm');
      expect(byId('double-threshold-pm').pairedWith).toBeUndefined();
    });

    // Rep counts from §2: cruise 4–6, sweet spot 3–4 / 5–6 / 10 / 25, 30/30 starting at 3–5.
    it.each([
      ['cruise-intervals', 4, 6],
      ['sweet-spot-10min', 3, 4],
      ['sweet-spot-6min', 5, 6],
      ['sweet-spot-3min', 10, 10],
      ['sweet-spot-1min', 25, 25],
      ['thirty-thirty', 3, 5],
    ] as const)('should allow the rep counts §2 gives for "%s" (%i–%i)', (id, low, high) => {
      const { reps } = byId(id).main;
      expect(reps.min).toBeLessThanOrEqual(low);
      expect(reps.max).toBeGreaterThanOrEqual(high);
    });

    // 1 + 2 + 3 + 4 + 5 + 4 + 3 + 2 + 1 min of work, each followed by as long a jog.
    it('should build the pyramid as 1-2-3-4-5-4-3-2-1 min with equal jogs', () => {
      const rep = byId('pyramid').main.rep;
      expect(rep.filter((_, i) => i % 2 === 0).map((s) => s.minutes)).toEqual([1, 2, 3, 4, 5, 4, 3, 2, 1]);
      expect(rep.filter((_, i) => i % 2 === 1).map((s) => s.minutes)).toEqual([1, 2, 3, 4, 5, 4, 3, 2, 1]);
    });

    // 1 mile = 1.609 km at 10-km race pace, then 3 min of jogging.
    it('should run cruise intervals as a mile at 10-km pace and a 3-min jog', () => {
      const [work, jog] = byId('cruise-intervals').main.rep;
      expect(work).toMatchObject({ intensity: { '10k': 1 }, km: 1.609 });
      expect(jog).toMatchObject({ label: 'jog', minutes: 3 });
    });
  });

  describe('having ids', () => {
    it('should use each id once', () => {
      const ids = WORKOUTS.map((w) => w.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  describe.each(WORKOUTS.map((w) => [w.id, w] as const))('having the workout "%s"', (_id, workout) => {
    it('should have 1 ≤ reps.min ≤ reps.typical ≤ reps.max', () => {
      const { min, typical, max } = workout.main.reps;
      expect(min).toBeGreaterThanOrEqual(1);
      expect(min).toBeLessThanOrEqual(typical);
      expect(typical).toBeLessThanOrEqual(max);
    });

    it('should give every segment exactly one positive duration: minutes or km', () => {
      for (const segment of allSegments(workout)) {
        const measures = [segment.minutes, segment.km].filter((value) => value !== undefined);
        expect(measures, segment.label).toHaveLength(1);
        expect(measures[0]!, segment.label).toBeGreaterThan(0);
      }
    });

    it('should express every intensity as non-negative weights of known anchors, at least one positive', () => {
      for (const segment of allSegments(workout)) {
        const entries = Object.entries(segment.intensity);
        expect(entries.length, segment.label).toBeGreaterThan(0);
        for (const [anchor, weight] of entries) {
          expect(ANCHORS, segment.label).toContain(anchor);
          expect(weight, segment.label).toBeGreaterThanOrEqual(0);
        }
        expect(entries.some(([, weight]) => weight! > 0), segment.label).toBe(true);
      }
    });

    it('should have a main set of at least one segment and a positive add-on count if it has an add-on', () => {
      expect(workout.main.rep.length).toBeGreaterThan(0);
      if (workout.addOn !== undefined) expect(workout.addOn.max).toBeGreaterThan(0);
    });
  });
});

describe(compileCatalogue, () => {
  const compiled = compileCatalogue(WORKOUTS);

  describe('having the whole catalogue', () => {
    it('should index every workout by its id', () => {
      expect(compiled.count).toBe(WORKOUTS.length);
      WORKOUTS.forEach((w, i) => expect(compiled.indexOf.get(w.id)).toBe(i));
    });

    it('should code goals as low 0, threshold 1, high 2, and decode them back', () => {
      expect(GOAL_CODE).toEqual({ low: 0, threshold: 1, high: 2 });
      WORKOUTS.forEach((w, i) => {
        expect(compiled.goal[i]).toBe(GOAL_CODE[w.goal]);
        expect(GOAL_NAMES[compiled.goal[i]!]).toBe(w.goal);
      });
    });

    it('should copy rep ranges and add-on counts (0 without an add-on)', () => {
      WORKOUTS.forEach((w, i) => {
        expect(compiled.repsMin[i]).toBe(w.main.reps.min);
        expect(compiled.repsTypical[i]).toBe(w.main.reps.typical);
        expect(compiled.repsMax[i]).toBe(w.main.reps.max);
        expect(compiled.addOnMax[i]).toBe(w.addOn?.max ?? 0);
      });
    });

    it('should point the morning double threshold at the afternoon one, and the others at −1', () => {
      const am = compiled.indexOf.get('double-threshold-am')!;
      const pm = compiled.indexOf.get('double-threshold-pm')!;
      expect(compiled.pairedWith[am]).toBe(pm);
      WORKOUTS.forEach((_, i) => {
        if (i !== am) expect(compiled.pairedWith[i]).toBe(-1);
      });
    });

    it('should lay out parts contiguously, section after section, ending at the part count', () => {
      const { partStart } = compiled;
      expect(partStart).toHaveLength(WORKOUTS.length * SECTION_COUNT + 1);
      expect(partStart[0]).toBe(0);
      for (let i = 1; i < partStart.length; i++) expect(partStart[i]!).toBeGreaterThanOrEqual(partStart[i - 1]!);
      const parts = partStart[partStart.length - 1]!;
      expect(compiled.partMinutes).toHaveLength(parts);
      expect(compiled.partKm).toHaveLength(parts);
      expect(compiled.partWeights).toHaveLength(parts * ANCHOR_COUNT);
    });

    // Merging only regroups segments, so each section keeps its total minutes and km.
    it('should keep the total minutes and km of every section', () => {
      const sum = (segments: readonly Segment[], measure: 'minutes' | 'km') => segments.reduce((s, seg) => s + (seg[measure] ?? 0), 0);
      WORKOUTS.forEach((w, i) => {
        const sections: [number, readonly Segment[]][] = [
          [SECTION_FIXED, [...w.warmup, ...w.cooldown]],
          [SECTION_REP, w.main.rep],
          [SECTION_ADD_ON, w.addOn?.rep ?? []],
        ];
        for (const [section, segments] of sections) {
          const [start, end] = partsOf(compiled.partStart, i, section);
          let minutes = 0;
          let km = 0;
          for (let p = start; p < end; p++) {
            minutes += compiled.partMinutes[p]!;
            km += compiled.partKm[p]!;
          }
          expect(minutes, `${w.id} section ${section}`).toBeCloseTo(sum(segments, 'minutes'), 9);
          expect(km, `${w.id} section ${section}`).toBeCloseTo(sum(segments, 'km'), 9);
        }
      });
    });
  });

  describe('having the pyramid (18 segments in its main set)', () => {
    const w = compiled.indexOf.get('pyramid')!;
    const [start, end] = partsOf(compiled.partStart, w, SECTION_REP);

    it('should merge the main set into 2 parts: 25 min of work at 5-km pace and 25 min of jogging', () => {
      expect(end - start).toBe(2);
      expect(compiled.partMinutes[start]).toBe(25);
      expect(compiled.partMinutes[start + 1]).toBe(25);
    });

    it('should mark the first part as work and the jog as recovery', () => {
      expect(compiled.partIsWork[start]).toBe(1);
      expect(compiled.partIsWork[start + 1]).toBe(0);
    });

    it('should keep the work part at 100 % of 5-km pace and nothing else', () => {
      const weights = Array.from(compiled.partWeights.subarray(start * ANCHOR_COUNT, (start + 1) * ANCHOR_COUNT));
      expect(weights).toEqual(ANCHORS.map((anchor) => (anchor === '5k' ? 1 : 0)));
    });

    // Warm-up 15 min and cool-down 10 min, both at easy pace (LT1 × 0.88), merge into one 25-min part.
    it('should merge warm-up and cool-down into one fixed part of 25 min', () => {
      const [fixedStart, fixedEnd] = partsOf(compiled.partStart, w, SECTION_FIXED);
      expect(fixedEnd - fixedStart).toBe(1);
      expect(compiled.partMinutes[fixedStart]).toBe(25);
      expect(compiled.partIsWork[fixedStart]).toBe(0);
    });
  });

  describe('having a distance-based rep (cruise intervals)', () => {
    it('should keep the mile in km (1.609) with 0 minutes, and the jog in minutes', () => {
      const w = compiled.indexOf.get('cruise-intervals')!;
      const [start, end] = partsOf(compiled.partStart, w, SECTION_REP);
      expect(end - start).toBe(2);
      expect(compiled.partKm[start]).toBe(1.609);
      expect(compiled.partMinutes[start]).toBe(0);
      expect(compiled.partMinutes[start + 1]).toBe(3);
      expect(compiled.partKm[start + 1]).toBe(0);
    });
  });

  describe('having segments of equal intensity but different measure or role', () => {
    // 2 min + 3 min of work at LT2 merge; 1 km at LT2 stays apart (distance); a recovery segment at
    // the same intensity stays apart, whatever its label.
    it('should merge only segments with the same intensity, measure and role', () => {
      const workout: Workout = {
        id: 'mixed', name: 'Mixed', goal: 'threshold', description: '', source: 'test',
        warmup: [], cooldown: [],
        main: {
          rep: [
            { label: 'a', intensity: { lt2: 1 }, minutes: 2 },
            { label: 'b', intensity: { lt2: 1 }, km: 1 },
            { label: 'float', intensity: { lt2: 1 }, minutes: 4, recovery: true },
            { label: 'c', intensity: { lt2: 1 }, minutes: 3 },
            { label: 'd', intensity: { lt2: 1 }, km: 0.5 },
          ],
          reps: { min: 1, max: 1, typical: 1 },
        },
      };
      const one = compileCatalogue([workout]);
      const [start, end] = partsOf(one.partStart, 0, SECTION_REP);
      expect(end - start).toBe(3);
      expect(Array.from(one.partMinutes.subarray(start, end))).toEqual([5, 0, 4]);
      expect(Array.from(one.partKm.subarray(start, end))).toEqual([0, 1.5, 0]);
      expect(Array.from(one.partIsWork.subarray(start, end))).toEqual([1, 1, 0]);
    });
  });
});
