import { beforeAll, describe, expect, it } from 'vitest';
import { abcSmc, type AbcSmcOptions, type Population } from '../../../src/sim/stats/abc-smc.ts';
import seedrandom from 'seedrandom';

/** The weighted mean and SD of one coordinate of a population, mapped by `value`. */
function moments(population: Population, k: number, d: number, value: (u: number) => number): [number, number] {
  let mean = 0;
  population.weights.forEach((w, i) => (mean += w * value(population.points[i * k + d]!)));
  let variance = 0;
  population.weights.forEach((w, i) => (variance += w * (value(population.points[i * k + d]!) - mean) ** 2));
  return [mean, Math.sqrt(variance)];
}

// A model with a known posterior: 20 observations of N(θ, 1), summarised by their mean, observed 1.0;
// θ uniform on [−5, 5]. The posterior is N(1, 1/20), SD 0.224. The model's noise is drawn from a
// stream keyed by the point, so a point always gives the same simulated mean.
const theta = (u: number) => -5 + 10 * u;
function noisyMean(point: Float64Array): number {
  // Box–Muller from two uniforms of a generator keyed by the point.
  const alea = seedrandom.alea(`toy:${point[0]}`);
  const z = Math.sqrt(-2 * Math.log(1 - alea())) * Math.cos(2 * Math.PI * alea());
  return theta(point[0]!) + z / Math.sqrt(20);
}
const OPTIONS: AbcSmcOptions = { k: 1, particles: 300, generations: 8, quantile: 0.5, tolerance: 0, evaluations: 100_000, batch: 40, seed: 5 };

describe('ABC-SMC (Toni 2009; Beaumont 2009 kernel; Del Moral 2012 adaptive tolerance)', () => {
  let result: Population;
  const generations: Population[] = [];
  beforeAll(async () => {
    result = await abcSmc((point) => Math.abs(noisyMean(point) - 1), OPTIONS, { onGeneration: (population) => generations.push(population) });
  });

  it('should recover a posterior known in closed form: N(1, 0.224²) for a normal mean under a flat prior', () => {
    const [mean, sd] = moments(result, 1, 0, theta);
    expect(result.generation).toBe(8);
    expect(Math.abs(mean - 1)).toBeLessThan(0.06);
    // ABC's posterior is the true one widened by the tolerance: SD² ≈ 0.05 + ε²/3.
    const expected = Math.sqrt(0.05 + result.tolerance ** 2 / 3);
    expect(sd).toBeGreaterThan(0.8 * expected);
    expect(sd).toBeLessThan(1.2 * expected);
  });

  it('should shrink the tolerance every generation, keep only points within it, and weigh them to sum 1', () => {
    expect(generations.map((population) => population.generation)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(generations[0]!.tolerance).toBe(Number.POSITIVE_INFINITY);
    for (let g = 2; g < generations.length; g++) expect(generations[g]!.tolerance).toBeLessThan(generations[g - 1]!.tolerance);
    for (const population of generations) {
      expect(population.distances).toHaveLength(300);
      expect(population.distances.every((d) => d <= population.tolerance)).toBe(true);
      expect(population.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(population.points.every((u) => u >= 0 && u <= 1)).toBe(true);
    }
    expect(result.tolerance).toBeLessThan(0.1);
  });

  it('should keep the same points whatever the batch size, and go on from a saved generation exactly', async () => {
    const distance = (point: Float64Array) => Math.abs(noisyMean(point) - 1);
    const small = { ...OPTIONS, generations: 3, particles: 60 };
    const a = await abcSmc(distance, { ...small, batch: 7 });
    const b = await abcSmc(distance, { ...small, batch: 25 });
    expect(b.points).toEqual(a.points);
    expect(b.weights).toEqual(a.weights);
    const saved: Population[] = [];
    await abcSmc(distance, { ...small, generations: 1, batch: 7 }, { onGeneration: (population) => saved.push(JSON.parse(JSON.stringify(population))) });
    const resumed = await abcSmc(distance, { ...small, batch: 7 }, { from: saved.at(-1)! });
    expect(resumed.points).toEqual(a.points);
    expect(resumed.weights).toEqual(a.weights);
    const other = await abcSmc(distance, { ...small, batch: 7, seed: 6 });
    expect(other.points).not.toEqual(a.points);
  });

  it('should never keep a point where the model fails, and say what became of each proposal', async () => {
    const seen: boolean[] = [];
    const population = await abcSmc((point) => (point[0]! < 0.5 ? Number.NaN : Math.abs(theta(point[0]!) - 2)), { ...OPTIONS, generations: 2, particles: 50, batch: 10 }, {
      onEvaluated: (evaluated) => seen.push(evaluated.kept),
    });
    expect(population.points.every((u) => u >= 0.5)).toBe(true);
    expect(seen.filter((kept) => !kept).length).toBeGreaterThan(0);
    expect(seen.filter((kept) => kept)).toHaveLength(150);
  });

  it('should stop at the budget of model runs with the last whole generation', async () => {
    const population = await abcSmc((point) => Math.abs(noisyMean(point) - 1), { ...OPTIONS, particles: 50, batch: 10, evaluations: 400 });
    expect(population.evaluations).toBeLessThanOrEqual(400);
    expect(population.generation).toBeGreaterThan(0);
    expect(population.generation).toBeLessThan(8);
  });
});
