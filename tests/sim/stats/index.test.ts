import { describe, expect, it } from 'vitest';
import * as stats from '../../../src/sim/stats/index.ts';

describe('sim/stats index', () => {
  describe('having been imported', () => {
    // qt(0.975, 9) = 2.262157 through the re-export, same as the module itself.
    it('should re-export studentTQuantile, summarize and pairedDifference', () => {
      expect(stats.studentTQuantile(0.975, 9)).toBeCloseTo(2.262157, 6);
      expect(stats.summarize([1, 3]).mean).toBe(2);
      expect(stats.pairedDifference([2], [1]).diff).toBe(1);
    });
  });
});
