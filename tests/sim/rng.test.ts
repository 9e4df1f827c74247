import { describe, expect, it } from 'vitest';
import { deriveStreamSeed, openStream, RandomStream } from '../../src/sim/rng.ts';

const seedOf = (seed: number, athlete: number, purpose: Parameters<typeof deriveStreamSeed>[2]): number[] =>
  Array.from(deriveStreamSeed(seed, athlete, purpose, new Int32Array(4)));

const draws = (count: number, next: () => number): Float64Array => {
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = next();
  return values;
};

const mean = (values: Float64Array): number => values.reduce((sum, v) => sum + v, 0) / values.length;

describe(deriveStreamSeed, () => {
  describe('having the same seed, athlete and purpose', () => {
    it('should give the same 4 words every time', () => {
      expect(seedOf(42, 7, 'traits')).toEqual(seedOf(42, 7, 'traits'));
    });

    it('should write into and return the array it is given', () => {
      const out = new Int32Array(4);
      expect(deriveStreamSeed(42, 7, 'traits', out)).toBe(out);
      expect(Array.from(out).some((word) => word !== 0)).toBe(true);
    });
  });

  describe('having a different seed, athlete or purpose', () => {
    const reference = seedOf(42, 7, 'traits');

    it('should differ with the scenario seed', () => {
      expect(seedOf(43, 7, 'traits')).not.toEqual(reference);
    });

    it('should differ with the athlete index', () => {
      expect(seedOf(42, 8, 'traits')).not.toEqual(reference);
    });

    it('should differ with the purpose', () => {
      expect(seedOf(42, 7, 'events')).not.toEqual(reference);
    });

    // "42:17" and "421:7" would collide if the key were built without separators.
    it('should keep (seed 42, athlete 17) apart from (seed 421, athlete 7)', () => {
      expect(seedOf(42, 17, 'sleep')).not.toEqual(seedOf(421, 7, 'sleep'));
    });

    it('should give 1 000 athletes 1 000 distinct seeds', () => {
      const seeds = new Set<string>();
      for (let athlete = 0; athlete < 1000; athlete++) seeds.add(seedOf(1, athlete, 'markers').join(','));
      expect(seeds.size).toBe(1000);
    });
  });
});

describe(RandomStream, () => {
  describe('having opened a stream twice from the same key', () => {
    it('should draw the same sequence from both', () => {
      const a = openStream(42, 3, 'illness');
      const b = new RandomStream(deriveStreamSeed(42, 3, 'illness', new Int32Array(4)));
      expect(Array.from(draws(50, () => a.nextInt32()))).toEqual(Array.from(draws(50, () => b.nextInt32())));
    });
  });

  describe('when a saved state is restored with reseed', () => {
    it('should replay the draws made after the save (uniform and normal mixed)', () => {
      const stream = openStream(42, 0, 'markers');
      draws(17, () => stream.normal());
      const saved = new Int32Array(4);
      stream.saveTo(saved);
      const mixed = () => [stream.uniform(), stream.normal(), stream.normal(), stream.uniformPositive()];
      const first = Array.from({ length: 100 }, mixed);
      stream.reseed(saved);
      expect(Array.from({ length: 100 }, mixed)).toEqual(first);
    });

    it('should save to and restore from any 4-word slot of a shared buffer', () => {
      const a = openStream(3, 0, 'sleep');
      const b = openStream(3, 0, 'illness');
      const slots = new Int32Array(12);
      a.saveTo(slots, 4);
      b.saveTo(slots, 8);
      const fromA = draws(10, () => a.uniform());
      const fromB = draws(10, () => b.uniform());
      b.reseed(slots, 4);
      a.reseed(slots, 8);
      expect(Array.from(draws(10, () => b.uniform()))).toEqual(Array.from(fromA));
      expect(Array.from(draws(10, () => a.uniform()))).toEqual(Array.from(fromB));
      expect(Array.from(slots.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    });

    it('should replay in another stream object too', () => {
      const stream = openStream(9, 1, 'rpe');
      const saved = new Int32Array(4);
      stream.saveTo(saved);
      const copy = new RandomStream(saved);
      expect(Array.from(draws(20, () => copy.normal()))).toEqual(Array.from(draws(20, () => stream.normal())));
    });
  });

  describe('when normals are drawn in batches', () => {
    it('should give the same variates, in the same order, as one at a time', () => {
      const batched = openStream(5, 2, 'sleep');
      const single = openStream(5, 2, 'sleep');
      const out = new Float64Array(3);
      const fromBatches: number[] = [];
      // 2 000 draws cross many ziggurat rejections and tail draws, which take more than two words.
      for (let i = 0; i < 1000; i++) {
        batched.normals(out, 1 + (i % 3));
        fromBatches.push(...out.subarray(0, 1 + (i % 3)));
      }
      expect(fromBatches).toEqual(Array.from(draws(fromBatches.length, () => single.normal())));
    });
  });

  describe('having an all-zero seed (a state xoshiro128** never leaves)', () => {
    it('should still produce varying numbers after reseed', () => {
      const stream = new RandomStream();
      stream.reseed(new Int32Array(4));
      const values = draws(100, () => stream.uniform());
      expect(new Set(values).size).toBeGreaterThan(50);
    });
  });

  describe('when drawing 200 000 uniforms', () => {
    const n = 200_000;
    const values = draws(n, (() => {
      const stream = openStream(2024, 0, 'sleep');
      return () => stream.uniform();
    })());

    it('should stay in [0, 1)', () => {
      expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    });

    // Var of U(0, 1) is 1/12: standard error of the mean √(1/12 / 200 000) = 6.45e-4; 5 SE = 3.2e-3.
    it('should have a mean of 0.5 within 5 standard errors', () => {
      expect(Math.abs(mean(values) - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    });

    // Each tenth of [0, 1) holds 10 % ± 5 × √(0.1 × 0.9 / n) = ± 0.34 %.
    it('should fill each tenth of [0, 1) with 10 % of the draws', () => {
      const counts = new Array<number>(10).fill(0);
      for (const v of values) counts[Math.floor(v * 10)]!++;
      for (const count of counts) expect(Math.abs(count / n - 0.1)).toBeLessThan(5 * Math.sqrt((0.1 * 0.9) / n));
    });
  });

  describe('when drawing 400 000 uniforms on (0, 1]', () => {
    it('should never return 0', () => {
      const stream = openStream(5, 5, 'tests');
      expect(draws(400_000, () => stream.uniformPositive()).every((v) => v > 0 && v <= 1)).toBe(true);
    });
  });

  describe('when drawing 400 000 standard normals', () => {
    const n = 400_000;
    const z = draws(n, (() => {
      const stream = openStream(7, 11, 'markers');
      return () => stream.normal();
    })());
    const share = (test: (v: number) => boolean) => z.reduce((count, v) => count + (test(v) ? 1 : 0), 0) / n;

    // SE of the mean 1/√n = 1.58e-3; 5 SE = 7.9e-3.
    it('should have a mean of 0 within 5 standard errors', () => {
      expect(Math.abs(mean(z))).toBeLessThan(5 / Math.sqrt(n));
    });

    // SE of the variance √(2/n) = 2.2e-3, so ± 0.01 is about 4.5 SE.
    it('should have a variance of 1 ± 0.01', () => {
      const m = mean(z);
      const variance = z.reduce((sum, v) => sum + (v - m) ** 2, 0) / (n - 1);
      expect(Math.abs(variance - 1)).toBeLessThan(0.01);
    });

    // P(|Z| > 1.96) = 0.0500; SE √(0.05 × 0.95 / n) = 3.4e-4.
    it('should put 5 % of draws beyond ±1.96 (± 0.003)', () => {
      expect(Math.abs(share((v) => Math.abs(v) > 1.96) - 0.05)).toBeLessThan(0.003);
    });

    // P(Z > 3) = 1 − Φ(3) = 0.0013499; SE √(0.00135 / n) = 5.8e-5.
    it('should put 0.135 % of draws above 3 (± 0.0004)', () => {
      expect(Math.abs(share((v) => v > 3) - 0.0013499)).toBeLessThan(0.0004);
    });

    // Beyond the ziggurat's base strip (r = 3.4426) the tail algorithm takes over.
    // P(|Z| > 3.5) = 2 × 2.3263e-4 = 4.6527e-4: about 186 draws, SD √186 ≈ 13.6, 5 SD ≈ 1.7e-4.
    it('should put 0.0465 % of draws beyond ±3.5 (the tail branch)', () => {
      expect(Math.abs(share((v) => Math.abs(v) > 3.5) - 4.6527e-4)).toBeLessThan(1.7e-4);
    });

    it('should be symmetric: as many draws above 1 as below −1 (± 5 SE)', () => {
      // P(Z > 1) = 0.158655; the difference of the two shares has SE √(2 × 0.158655 / n) ≈ 8.9e-4.
      expect(Math.abs(share((v) => v > 1) - share((v) => v < -1))).toBeLessThan(5 * Math.sqrt((2 * 0.158655) / n));
    });

    // For independent draws the lag-1 autocorrelation has SE 1/√n = 1.58e-3.
    it('should have a lag-1 autocorrelation near 0 (|r| < 0.01)', () => {
      const m = mean(z);
      let covariance = 0;
      let variance = 0;
      for (let i = 0; i < n; i++) {
        variance += (z[i]! - m) ** 2;
        if (i > 0) covariance += (z[i]! - m) * (z[i - 1]! - m);
      }
      expect(Math.abs(covariance / variance)).toBeLessThan(0.01);
    });
  });
});
