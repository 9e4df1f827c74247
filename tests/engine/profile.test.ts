import { describe, expect, it } from 'vitest';
import { coachAnchors } from '../../src/engine/profile.ts';

describe(coachAnchors, () => {
  const rules = { peakSpeedOverVVO2max: 1.05, riegelExponent: 1.06 };

  describe('having tests: LT1 10 km/h, LT2 12 km/h, peak speed 15.75 km/h, 10 km in 50 min', () => {
    const anchors = coachAnchors({ lt1Speed: 10, lt2Speed: 12, peakSpeed: 15.75, timeTrialMinutes: 50 }, rules, new Float64Array(7));

    it('should take the thresholds as tested and vVO2max as peak speed / 1.05', () => {
      expect(Array.from(anchors.subarray(0, 3))).toEqual([10, 12, 15]);
    });

    // Riegel: 5 km in 50 × 0.5^1.06 = 23.98 min (12.51 km/h); 10 km 12 km/h; half 50 × 2.10975^1.06 =
    // 110.32 min (11.47 km/h); marathon 50 × 4.2195^1.06 = 230.0 min (11.01 km/h).
    it('should set race paces from the time trial by Riegel\'s formula', () => {
      expect(anchors[3]).toBeCloseTo(12.5096, 4);
      expect(anchors[4]).toBeCloseTo(12, 12);
      expect(anchors[5]).toBeCloseTo(11.4743, 4);
      expect(anchors[6]).toBeCloseTo(11.0069, 4);
    });
  });
});
