import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../src/sim/calibration/nelder-mead.ts';

describe(nelderMead, () => {
  describe('having a bowl with its minimum inside the box', () => {
    // (x − 0.3)² + 2(y − 0.7)²: minimum 0 at (0.3, 0.7).
    const bowl = ([x, y]: readonly number[]) => (x! - 0.3) ** 2 + 2 * (y! - 0.7) ** 2;

    it('should find the minimum and say it converged', () => {
      const result = nelderMead(bowl, [0.9, 0.1], { step: 0.1, iterations: 500, tolerance: 1e-14 });
      expect(result.stopped).toBe('converged');
      expect(result.best.point[0]).toBeCloseTo(0.3, 4);
      expect(result.best.point[1]).toBeCloseTo(0.7, 4);
    });
  });

  describe('having its minimum outside the box', () => {
    // Minimum at x = 1.5: within [0, 1] the best is the bound, x = 1.
    const slope = ([x]: readonly number[]) => (x! - 1.5) ** 2;

    it('should stop at the bound, never evaluating outside the box', () => {
      const seen: number[] = [];
      const result = nelderMead(
        (point) => {
          seen.push(point[0]!);
          return slope(point);
        },
        [0.5],
        { step: 0.1, iterations: 200, tolerance: 1e-12 },
      );
      expect(result.best.point[0]).toBeCloseTo(1, 6);
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...seen)).toBeLessThanOrEqual(1);
    });
  });

  describe('having a function that is 0 on a region', () => {
    it('should stop as soon as it reaches 0 (every band met)', () => {
      const result = nelderMead(([x]) => Math.max(0, x! - 0.4), [0.35], { step: 0.1, iterations: 100, tolerance: 0 });
      expect(result.stopped).toBe('met');
      expect(result.best.value).toBe(0);
      expect(result.iterations).toBe(0);
    });
  });

  describe('having a budget of iterations', () => {
    it('should stop after them', () => {
      const result = nelderMead(([x, y]) => x! ** 2 + y! ** 2 + 1, [0.9, 0.9], { step: 0.1, iterations: 3, tolerance: 0 });
      expect([result.stopped, result.iterations]).toEqual(['iterations', 3]);
    });
  });
});
