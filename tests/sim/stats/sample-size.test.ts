import { describe, expect, it } from 'vitest';
import { smallestSize } from '../../../src/sim/power.ts';
import { keyedStream, RandomStream } from '../../../src/sim/rng.ts';
import { studyShares } from '../../../src/sim/stats/significant-share.ts';

/**
 * A large simulated population: `n` normal values with exactly this mean and SD (the draws
 * standardised), so that its effect size is the closed form's, not the draw's (d = 0.489 for one
 * seed's 100 000 draws would ask 67 athletes, not 64).
 */
function population(n: number, mean: number, sd: number, seed: number): Float64Array {
  const stream = new RandomStream(Int32Array.from([seed, 7, 11, 13]));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = stream.normal();
  const drawnMean = out.reduce((a, b) => a + b, 0) / n;
  const drawnSd = Math.sqrt(out.reduce((a, v) => a + (v - drawnMean) ** 2, 0) / (n - 1));
  for (let i = 0; i < n; i++) out[i] = mean + (sd * (out[i]! - drawnMean)) / drawnSd;
  return out;
}

const TRIALS = 10_000;

describe('studyShares', () => {
  it('should call about α of trials of two identical arms significant, in either direction', () => {
    const same = population(40_000, 0, 1, 1);
    const shares = studyShares(same, population(40_000, 0, 1, 2), 30, 'parallel', 4000, keyedStream('null'), 0.05, null);
    // 4 000 trials: MC SE 0.0034 around 0.05.
    expect(shares.significant).toBeGreaterThan(0.04);
    expect(shares.significant).toBeLessThan(0.06);
    expect(shares.equivalent).toBeNull();
  });

  it("should give R's power.t.test power at n = 64, d = 0.5: 0.8015", () => {
    const shares = studyShares(population(40_000, 0.5, 1, 3), population(40_000, 0, 1, 4), 64, 'parallel', TRIALS, keyedStream('64'), 0.05, null);
    // MC SE 0.004: within 3 SE of R's 0.8014586.
    expect(Math.abs(shares.significant - 0.8014586)).toBeLessThan(0.012);
  });

  it('should draw each arm from its own athletes when dropouts leave the arms different sizes', () => {
    // Parallel groups of 300 and 200: every draw of the smaller arm is one of its own (it was once drawn past its end).
    const shares = studyShares(population(300, 0.5, 1, 5), population(200, 0, 1, 6), 500, 'parallel', 200, keyedStream('sizes'), 0.05, null);
    expect(shares.significant).toBeGreaterThan(0.99);
  });
});

describe('studyShares at the edges', () => {
  it('should analyse no trial when an arm has no athlete measured, and say so with NaN', () => {
    const none = studyShares(new Float64Array(0), population(100, 0, 1, 13), 10, 'parallel', 50, keyedStream('none'), 0.05, 1);
    expect(none.significant).toBeNaN();
    expect(none.equivalent).toBeNaN();
    expect(smallestSize(() => Number.NaN, 0.8, 50)).toEqual({ n: null, power: Number.NaN, mcse: Number.NaN });
  });

  it('should judge groups without spread on the pooled df: a constant shift is found, and equivalent within a wider sesoi', () => {
    const shares = studyShares(new Float64Array(50).fill(1), new Float64Array(50).fill(0), 10, 'parallel', 20, keyedStream('flat'), 0.05, 2);
    expect(shares).toEqual({ significant: 1, equivalent: 1, studies: 20 });
  });
});

describe('smallestSize (the n for a target power)', () => {
  const parallel = [population(100_000, 0.5, 1, 7), population(100_000, 0, 1, 8)] as const;

  it("should find R's power.t.test(delta = 0.5, power = 0.8) n of 63.77 → 64 per group (two-sided, α = 0.05)", () => {
    const found = smallestSize((n) => studyShares(parallel[0], parallel[1], n, 'parallel', TRIALS, keyedStream(`parallel:${n}`), 0.05, null).significant, 0.8, TRIALS);
    // Near n = 64 the power rises about 0.6 pp an athlete and its MC SE is 0.4 pp: ± 3 athletes is about 4 SE.
    // (Welch's test, not R's pooled one: at equal n and SDs the two differ by far less than that.)
    expect(found.n).toBeGreaterThanOrEqual(61);
    expect(found.n).toBeLessThanOrEqual(67);
    expect(found.power).toBeGreaterThanOrEqual(0.8);
    expect(found.mcse).toBeCloseTo(Math.sqrt((found.power * (1 - found.power)) / TRIALS), 12);
  });

  it("should find R's power.t.test(type = 'paired') n of 33.37 → 34 pairs for d_z = 0.5", () => {
    // Differences of mean 0.5 and SD 1, added to the reference athletes.
    const reference = population(100_000, 0, 1, 9);
    const differences = population(100_000, 0.5, 1, 10);
    const treated = reference.map((value, i) => value + differences[i]!);
    const found = smallestSize((n) => studyShares(treated, reference, n, 'paired', TRIALS, keyedStream(`paired:${n}`), 0.05, null).significant, 0.8, TRIALS);
    expect(found.n).toBeGreaterThanOrEqual(32);
    expect(found.n).toBeLessThanOrEqual(36);
  });

  it('should find the n to show equivalence within ±0.5 SD of two identical arms: about 69 per group (Chow, Shao & Wang 2008, §3.2)', () => {
    // n = 2 (z₀.₉₅ + z₀.₉)² / 0.5² = 68.5 by the normal approximation; the t-tests ask a little more.
    const same = [population(100_000, 0, 1, 11), population(100_000, 0, 1, 12)] as const;
    const found = smallestSize((n) => studyShares(same[0], same[1], n, 'parallel', TRIALS, keyedStream(`tost:${n}`), 0.05, 0.5).equivalent!, 0.8, TRIALS);
    expect(found.n).toBeGreaterThanOrEqual(66);
    expect(found.n).toBeLessThanOrEqual(74);
  });

  it('should say when no study up to the largest searched reaches the target', () => {
    const found = smallestSize(() => 0.05, 0.8, 1000);
    expect(found).toEqual({ n: null, power: 0.05, mcse: Math.sqrt((0.05 * 0.95) / 1000) });
    expect(smallestSize((n) => (n >= 2 ? 0.9 : 0), 0.8, 1000).n).toBe(2);
  });

  it('should bisect to the first n of a rising power curve', () => {
    const asked: number[] = [];
    const found = smallestSize((n) => (asked.push(n), n >= 1234 ? 0.85 : 0.5), 0.8, 1000);
    expect(found.n).toBe(1234);
    expect(asked.length).toBeLessThan(25);
  });
});
