import { describe, expect, it } from 'vitest';
import { choleskyOf, ConditionalNormal } from '../../src/sim/conditional-normal.ts';
import { RandomStream } from '../../src/sim/rng.ts';

describe(ConditionalNormal, () => {
  // Two standard normals with correlation 0.6.
  const pair = new ConditionalNormal(Float64Array.from([1, 0.6, 0.6, 1]), 2);

  describe('having nothing given', () => {
    it('should draw the joint distribution (L e: the Cholesky factor times the innovations)', () => {
      const out = new Float64Array(2);
      pair.sample(Float64Array.from([Number.NaN, Number.NaN]), Float64Array.from([1, 2]), out);
      expect(out[0]).toBeCloseTo(1, 12);
      expect(out[1]).toBeCloseTo(0.6 * 1 + 0.8 * 2, 12);
    });
  });

  describe('having the first given', () => {
    it('should draw the second from N(0.6 z1, 1 − 0.36): its mean and SD over many draws', () => {
      const stream = new RandomStream(Int32Array.from([1, 2, 3, 4]));
      const out = new Float64Array(2);
      const given = Float64Array.from([1.5, Number.NaN]);
      const innovations = new Float64Array(2);
      let sum = 0;
      let squares = 0;
      const n = 20_000;
      for (let i = 0; i < n; i++) {
        innovations[0] = stream.normal();
        innovations[1] = stream.normal();
        pair.sample(given, innovations, out);
        expect(out[0]).toBe(1.5);
        sum += out[1]!;
        squares += out[1]! ** 2;
      }
      const mean = sum / n;
      expect(mean).toBeCloseTo(0.9, 1);
      expect(Math.sqrt(squares / n - mean * mean)).toBeCloseTo(0.8, 1);
    });
  });

  describe('having a matrix that is not a correlation matrix', () => {
    it('should refuse it at once', () => {
      expect(() => new ConditionalNormal(Float64Array.from([1, 1.2, 1.2, 1]), 2)).toThrow(/not positive definite/);
      expect(choleskyOf(Float64Array.from([4, 2, 2, 5]), 2)).toEqual(Float64Array.from([2, 0, 1, 2]));
    });
  });
});
