/**
 * Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC): a population of parameter
 * points that the model's outputs bring ever closer to the observations, generation by generation,
 * as the tolerance shrinks — the posterior of the parameters given the data, without a likelihood.
 *
 * - Parameters live in the unit cube: point u, each coordinate the quantile of its prior (the
 *   caller maps it, `priorValue`), so the prior density is 1 on the cube.
 * - Generation 0: `particles` points from the prior, every one kept (tolerance ∞).
 * - Generation t: the tolerance εₜ is the `quantile` of the last generation's distances (the
 *   adaptive schedule of Beaumont et al. 2009 and Drovandi & Pettitt 2011), never above the last; a proposal is a point of the last generation drawn by
 *   weight, moved by a normal kernel with twice the population's weighted variance per coordinate
 *   (Beaumont, Cornuet, Marin & Robert 2009), redrawn until inside the cube; it is kept if its
 *   distance is at most εₜ, until `particles` are kept. A kept point's weight is its prior density
 *   over the kernel mixture that proposed it, Σⱼ Wⱼ Kⱼ(u) (Toni et al. 2009), each kernel truncated
 *   to the cube.
 * - It stops after `generations`, when the tolerance reaches `tolerance`, or when a generation
 *   would pass `evaluations` model runs.
 *
 * Deterministic: proposal i of generation t draws from its own stream, keyed by (seed, t, i), and
 * the kept points are the first `particles` in proposal order — the same population whatever the
 * batch size (how many run at once on a pool) and whether the run was stopped and resumed between
 * generations.
 *
 * References: Toni T, Welch D, Strelkowa N, Ipsen A, Stumpf MPH. J R Soc Interface 2009;6:187–202.
 * Beaumont MA, Cornuet J-M, Marin J-M, Robert CP. Biometrika 2009;96:983–990. Del Moral P, Doucet
 * A, Jasra A. Stat Comput 2012;22:1009–1020 (ε chosen by the effective sample size instead). Drovandi
 * CC, Pettitt AN. Biometrics 2011;67:225–233.
 */
import { keyedStream, type RandomStream } from '../rng.ts';
import { normalCdf } from './normal.ts';

export interface AbcSmcOptions {
  /** Parameters (coordinates of the unit cube). */
  k: number;
  /** Points kept per generation. */
  particles: number;
  /** Generations after the prior's (generation 0). */
  generations: number;
  /** The next tolerance: this quantile of the last generation's distances (0 … 1). */
  quantile: number;
  /** Stop once the tolerance is at most this (0: never on this account). */
  tolerance: number;
  /** Stop before a generation that would pass this many model runs in all. */
  evaluations: number;
  /** Proposals evaluated at once. */
  batch: number;
  seed: number;
}

/** One generation: its points (row-major, k per point), their weights (sum 1), distances and tolerance. */
export interface Population {
  generation: number;
  tolerance: number;
  points: number[];
  weights: number[];
  distances: number[];
  /**
   * Model runs so far, this generation's included, and this generation's proposals: the last batch
   * of a generation may run past the point that completes it, so these depend on the batch size —
   * the points, weights and distances do not.
   */
  evaluations: number;
  proposed: number;
}

/** What became of one proposal (for a log of the rejected and why). */
export interface Evaluated {
  generation: number;
  index: number;
  point: Float64Array;
  distance: number;
  /** The generation's tolerance: a proposal within it that was not kept came after the population was full. */
  tolerance: number;
  kept: boolean;
}

/** Where a run starts (`from`: a saved generation) and what it tells as it goes. */
export interface AbcSmcHooks {
  from?: Population;
  onGeneration?: (population: Population) => void;
  onEvaluated?: (evaluated: Evaluated) => void;
}

function streamFor(seed: number, generation: number, index: number): RandomStream {
  return keyedStream(`periodize:abc-smc:${seed}:${generation}:${index}`);
}

/** The next generation's tolerance: the `quantile` of the distances (type 7), never above the last. */
function nextTolerance(population: Population, quantile: number): number {
  const sorted = [...population.distances].sort((a, b) => a - b);
  const h = (sorted.length - 1) * quantile;
  const low = Math.floor(h);
  const value = low + 1 < sorted.length ? sorted[low]! + (h - low) * (sorted[low + 1]! - sorted[low]!) : sorted[low]!;
  return Math.min(value, population.tolerance);
}

/** Twice the weighted variance of each coordinate (Beaumont 2009), floored so that a collapsed coordinate still moves. */
function kernelSds(population: Population, k: number): Float64Array {
  const sds = new Float64Array(k);
  const n = population.weights.length;
  for (let d = 0; d < k; d++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += population.weights[i]! * population.points[i * k + d]!;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += population.weights[i]! * (population.points[i * k + d]! - mean) ** 2;
    sds[d] = Math.max(Math.sqrt(2 * variance), 1e-3);
  }
  return sds;
}

/** A proposal: a point of the population by weight, moved by the kernel until inside the cube. */
function propose(population: Population, k: number, sds: Float64Array, stream: RandomStream, out: Float64Array): void {
  let u = stream.uniform();
  let parent = 0;
  while (parent < population.weights.length - 1 && u >= population.weights[parent]!) u -= population.weights[parent++]!;
  for (;;) {
    let inside = true;
    for (let d = 0; d < k; d++) {
      out[d] = population.points[parent * k + d]! + sds[d]! * stream.normal();
      if (out[d]! < 0 || out[d]! > 1) inside = false;
    }
    if (inside) return;
  }
}

/** Per point of the population and coordinate, the mass its kernel keeps inside the cube (once a generation). */
function kernelMasses(population: Population, k: number, sds: Float64Array): Float64Array {
  return Float64Array.from(population.points, (centre, i) => normalCdf((1 - centre) / sds[i % k]!) - normalCdf(-centre / sds[i % k]!));
}

/** A kept point's weight: the prior density (1) over the truncated kernel mixture that proposed it. */
function weightOf(point: Float64Array, population: Population, k: number, sds: Float64Array, masses: Float64Array): number {
  let mixture = 0;
  const n = population.weights.length;
  for (let j = 0; j < n; j++) {
    let density = 1;
    for (let d = 0; d < k; d++) {
      const centre = population.points[j * k + d]!;
      const sd = sds[d]!;
      const z = (point[d]! - centre) / sd;
      density *= Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * sd * masses[j * k + d]!);
    }
    mixture += population.weights[j]! * density;
  }
  return 1 / mixture;
}

/** Proposal `index` of `generation`: from the prior (the first generation), else moved from a point of `population`. */
function proposalAt(options: AbcSmcOptions, population: Population | null, sds: Float64Array | null, generation: number, index: number): Float64Array {
  const stream = streamFor(options.seed, generation, index);
  const point = new Float64Array(options.k);
  if (population === null || sds === null) for (let d = 0; d < options.k; d++) point[d] = stream.uniform();
  else propose(population, options.k, sds, stream, point);
  return point;
}

/**
 * The proposals `indices` of the generation after `from` (the prior's with none): the very points
 * `abcSmc` going on from `from` evaluates under those indices — for shards that evaluate them on
 * other machines beforehand (src/sim/calibration/ensemble-shards.ts).
 */
export function proposalsAfter(options: AbcSmcOptions, from: Population | null, indices: readonly number[]): { generation: number; points: Float64Array[] } {
  const generation = from === null ? 0 : from.generation + 1;
  const sds = from === null ? null : kernelSds(from, options.k);
  return { generation, points: indices.map((index) => proposalAt(options, from, sds, generation, index)) };
}

/**
 * Runs ABC-SMC from the prior, or from `from` (a generation saved by `onGeneration`: the run goes on
 * exactly as if it had not stopped). `distance` runs the model at a point and says how far its
 * outputs are from the observations (NaN or ∞ for a point where the model fails: never kept).
 */
export async function abcSmc(
  distance: (point: Float64Array) => number | Promise<number>,
  options: AbcSmcOptions,
  hooks: AbcSmcHooks = {},
): Promise<Population> {
  const { k, particles } = options;
  if (!Number.isInteger(particles) || particles < 2) throw new RangeError(`particles must be an integer of at least 2 (got ${particles})`);
  if (!(options.quantile > 0 && options.quantile < 1)) throw new RangeError(`quantile must be between 0 and 1 (got ${options.quantile})`);
  let population = hooks.from ?? null;
  let evaluations = population?.evaluations ?? 0;
  for (let generation = population === null ? 0 : population.generation + 1; generation <= options.generations; generation++) {
    if (population !== null && population.tolerance <= options.tolerance) break;
    const tolerance = population === null ? Number.POSITIVE_INFINITY : nextTolerance(population, options.quantile);
    const sds = population === null ? null : kernelSds(population, k);
    const masses = population === null || sds === null ? null : kernelMasses(population, k, sds);
    const points: number[] = [];
    const weights: number[] = [];
    const distances: number[] = [];
    let proposed = 0;
    while (distances.length < particles) {
      if (evaluations + options.batch > options.evaluations) {
        if (population === null) throw new RangeError('the budget of evaluations ends within the prior generation');
        return population;
      }
      const batch = Array.from({ length: options.batch }, (_, b) => {
        const index = proposed + b;
        return { index, point: proposalAt(options, population, sds, generation, index) };
      });
      const found = await Promise.all(batch.map(({ point }) => distance(point)));
      evaluations += options.batch;
      proposed += options.batch;
      batch.forEach(({ index, point }, b) => {
        const d = found[b]!;
        const kept = distances.length < particles && Number.isFinite(d) && d <= tolerance;
        hooks.onEvaluated?.({ generation, index, point, distance: d, tolerance, kept });
        if (!kept) return;
        points.push(...point);
        distances.push(d);
        weights.push(population === null || sds === null || masses === null ? 1 : weightOf(point, population, k, sds, masses));
      });
    }
    const sum = weights.reduce((a, b) => a + b, 0);
    population = { generation, tolerance, points, weights: weights.map((w) => w / sum), distances, evaluations, proposed };
    hooks.onGeneration?.(population);
  }
  if (population === null) throw new RangeError('no generation was run');
  return population;
}
