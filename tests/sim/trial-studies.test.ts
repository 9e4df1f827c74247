import { describe, expect, it } from 'vitest';
import type { Expectation, Trial } from '../../src/models/trials/schema.ts';
import { RandomStream } from '../../src/sim/rng.ts';
import { simulatedStudies } from '../../src/sim/trials/run.ts';

/** A population of 20 000 changes, normal with mean `mean` and SD 1, from its own stream. */
function population(mean: number, seed: number): Float64Array {
  const stream = new RandomStream(Int32Array.of(seed, 7, 11, 13));
  return Float64Array.from({ length: 20_000 }, () => mean + stream.normal());
}

const sdOf = (values: Float64Array) => {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
};
const meanOf = (values: Float64Array) => values.reduce((sum, v) => sum + v, 0) / values.length;

const trial = (n: number, design: Trial['design']) => ({ n, design }) as Trial;
const expectation = (statistic?: Expectation['statistic']) => ({ statistic }) as Expectation;

describe('simulated studies of a trial (the sampling error of a study of its own size)', () => {
  const stream = () => new RandomStream(Int32Array.of(1, 2, 3, 4));

  it('should give a one-sample mean the SE of n athletes: SD / √n', () => {
    const studies = simulatedStudies(expectation(), population(2, 1), null, trial(9, 'single-arm'), 4000, stream());
    expect(meanOf(studies)).toBeCloseTo(2, 1);
    expect(sdOf(studies)).toBeGreaterThan((1 / 3) * 0.93);
    expect(sdOf(studies)).toBeLessThan((1 / 3) * 1.07);
  });

  it('should give parallel groups the SE of a difference of two means, √(2 / n), and a crossover that of the paired differences', () => {
    const own = population(1, 2);
    const other = population(0, 3);
    const parallel = simulatedStudies(expectation(), own, other, trial(8, 'parallel'), 4000, stream());
    expect(meanOf(parallel)).toBeCloseTo(1, 1);
    expect(sdOf(parallel) / Math.sqrt(2 / 8)).toBeGreaterThan(0.93);
    expect(sdOf(parallel) / Math.sqrt(2 / 8)).toBeLessThan(1.07);
    // Paired: the same athletes in both arms, each athlete's difference drawn whole (here, own − other has SD √2 too).
    const crossover = simulatedStudies(expectation(), own, other, trial(8, 'crossover'), 4000, stream());
    expect(sdOf(crossover) / Math.sqrt(2 / 8)).toBeGreaterThan(0.93);
    expect(sdOf(crossover) / Math.sqrt(2 / 8)).toBeLessThan(1.07);
    // A crossover of athletes whose arms differ by exactly 1: no spread at all.
    const shifted = own.map((v) => v - 1);
    expect(sdOf(simulatedStudies(expectation(), own, shifted, trial(8, 'crossover'), 200, stream()))).toBeLessThan(1e-12);
  });

  it("should give an smd about the population's (a difference of 1 SD) and a percentile of n athletes", () => {
    const smd = simulatedStudies(expectation('smd'), population(1, 4), population(0, 5), trial(50, 'parallel'), 2000, stream());
    expect(meanOf(smd)).toBeGreaterThan(0.9);
    expect(meanOf(smd)).toBeLessThan(1.1);
    const p99 = simulatedStudies(expectation('p99'), population(0, 6), null, trial(481, 'single-arm'), 500, stream());
    // The 99th percentile of a standard normal is 2.33.
    expect(meanOf(p99)).toBeGreaterThan(2.1);
    expect(meanOf(p99)).toBeLessThan(2.5);
  });

  it('should leave out athletes not measured (NaN), as the study would', () => {
    const own = population(2, 7).map((v, i) => (i % 2 === 0 ? Number.NaN : v));
    const studies = simulatedStudies(expectation(), own, null, trial(9, 'single-arm'), 500, stream());
    expect(studies.every((v) => Number.isFinite(v))).toBe(true);
  });
});
