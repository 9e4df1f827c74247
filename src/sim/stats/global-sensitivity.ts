/**
 * Global sensitivity analysis of a model's output over the ranges of its inputs: Morris's
 * elementary effects (a screening) and Sobol' indices (variance-based), each as a design — the
 * points of the unit hypercube to run the model at — and an analysis of the outputs at those points.
 * Pure: the caller maps each unit point to its inputs' ranges and runs the model.
 *
 * References:
 * - Morris MD. Factorial sampling plans for preliminary computational experiments. Technometrics
 *   1991;33(2):161–174.
 * - Campolongo F, Cariboni J, Saltelli A. An effective screening design for sensitivity analysis of
 *   large models. Environ Model Softw 2007;22(10):1509–1518 (μ*, the mean absolute effect).
 * - Saltelli A, Annoni P, Azzini I, Campolongo F, Ratto M, Tarantola S. Variance based sensitivity
 *   analysis of model output. Design and estimator for the total sensitivity index. Comput Phys
 *   Commun 2010;181(2):259–270 (the A, B, A_B^i design; first order, their Table 2 (b); total,
 *   Jansen 1999, Table 2 (f)).
 * - Ishigami T, Homma T. An importance quantification technique in uncertainty analysis for
 *   computer models. ISUMA 1990:398–403 (the test function with known indices).
 */
import { keyedStream } from '../rng.ts';
import { quantileType7 } from './bootstrap-mean-ci.ts';

function checkSize(name: string, value: number, least: number): void {
  if (!Number.isInteger(value) || value < least) throw new RangeError(`${name} must be an integer of at least ${least} (got ${value})`);
}

/** Points of the unit hypercube, one row of `k` coordinates each. */
export interface UnitDesign {
  k: number;
  rows: number;
  /** Row-major: point p's coordinate i at `points[p * k + i]`. */
  points: Float64Array;
}

/** A Morris design: `trajectories` walks of k + 1 points, each step moving one input by ±delta. */
export interface MorrisDesign extends UnitDesign {
  trajectories: number;
  delta: number;
  /** Per step (trajectory t, step s at t * k + s): the input it moved, and the signed move. */
  moved: Int32Array;
  step: Float64Array;
}

/**
 * Morris's trajectories on a grid of `levels` levels (even) with the jump Δ = levels / (2 (levels − 1))
 * (2/3 for 4 levels): each trajectory starts at a random grid point, and moves each input once, in a
 * random order, by +Δ or −Δ (whichever stays in [0, 1]). r (k + 1) model runs.
 */
export function morrisDesign(k: number, trajectories: number, seed: number, levels = 4): MorrisDesign {
  checkSize('inputs', k, 1);
  checkSize('trajectories', trajectories, 2);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new RangeError(`levels must be an even integer of at least 2 (got ${levels})`);
  const delta = levels / (2 * (levels - 1));
  const rows = trajectories * (k + 1);
  const points = new Float64Array(rows * k);
  const moved = new Int32Array(trajectories * k);
  const step = new Float64Array(trajectories * k);
  const stream = keyedStream(`periodize:morris:${seed}`);
  const order = new Int32Array(k);
  const start = new Float64Array(k);
  const direction = new Float64Array(k);
  for (let t = 0; t < trajectories; t++) {
    // A base on the lower half of the grid, then up by Δ or start Δ higher and come down.
    for (let i = 0; i < k; i++) {
      const base = Math.floor(stream.uniform() * (levels / 2)) / (levels - 1);
      direction[i] = stream.uniform() < 0.5 ? 1 : -1;
      start[i] = direction[i] === 1 ? base : base + delta;
      order[i] = i;
    }
    // Fisher–Yates: the order the inputs move in.
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(stream.uniform() * (i + 1));
      const swap = order[i]!;
      order[i] = order[j]!;
      order[j] = swap;
    }
    const first = t * (k + 1);
    for (let i = 0; i < k; i++) points[first * k + i] = start[i]!;
    for (let s = 0; s < k; s++) {
      const row = first + s + 1;
      for (let i = 0; i < k; i++) points[row * k + i] = points[(row - 1) * k + i]!;
      const input = order[s]!;
      points[row * k + input] = points[row * k + input]! + direction[input]! * delta;
      moved[t * k + s] = input;
      step[t * k + s] = direction[input]! * delta;
    }
  }
  return { k, rows, points, trajectories, delta, moved, step };
}

/** One input's elementary effects, in output units per the input's whole range. */
export interface MorrisIndex {
  /** Mean effect (effects of both signs cancel). */
  mu: number;
  /** Mean absolute effect (Campolongo 2007): how much the input matters. */
  muStar: number;
  /** SD of the effects (divisor r − 1): nonlinearity or interactions. */
  sigma: number;
}

/** The elementary effects of a Morris design's outputs (one per row, in row order). */
export function morrisIndices(design: MorrisDesign, outputs: ArrayLike<number>): MorrisIndex[] {
  const { k, trajectories } = design;
  if (outputs.length !== design.rows) throw new RangeError(`need ${design.rows} outputs, one per point (got ${outputs.length})`);
  const effects = Array.from({ length: k }, () => new Float64Array(trajectories));
  for (let t = 0; t < trajectories; t++) {
    for (let s = 0; s < k; s++) {
      const row = t * (k + 1) + s + 1;
      effects[design.moved[t * k + s]!]![t] = (outputs[row]! - outputs[row - 1]!) / design.step[t * k + s]!;
    }
  }
  return effects.map((e) => {
    let sum = 0;
    let sumAbs = 0;
    for (const value of e) {
      sum += value;
      sumAbs += Math.abs(value);
    }
    const mu = sum / trajectories;
    let squares = 0;
    for (const value of e) squares += (value - mu) ** 2;
    return { mu, muStar: sumAbs / trajectories, sigma: Math.sqrt(squares / (trajectories - 1)) };
  });
}

/**
 * Saltelli's design for Sobol' indices: two independent uniform samples A and B of n points, and for
 * each input i the matrix A_B^i — A with column i taken from B. Rows: A (0 … n − 1), B (n … 2n − 1),
 * then A_B^1 … A_B^k, n rows each: n (k + 2) model runs.
 */
export function saltelliDesign(k: number, n: number, seed: number): UnitDesign & { n: number } {
  checkSize('inputs', k, 1);
  checkSize('base samples', n, 2);
  const rows = n * (k + 2);
  const points = new Float64Array(rows * k);
  const stream = keyedStream(`periodize:saltelli:${seed}`);
  for (let p = 0; p < 2 * n; p++) for (let i = 0; i < k; i++) points[p * k + i] = stream.uniform();
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) {
      const row = (2 + i) * n + j;
      for (let c = 0; c < k; c++) points[row * k + c] = points[(c === i ? n + j : j) * k + c]!;
    }
  }
  return { k, n, rows, points };
}

/** One input's Sobol' indices with their percentile bootstrap 95 % intervals. */
export interface SobolIndex {
  /** The share of the output's variance the input explains alone. */
  first: number;
  firstCi: [number, number];
  /** The share it explains with all its interactions: 0 means it does not matter at all. */
  total: number;
  totalCi: [number, number];
}

/**
 * The indices from the rows `rows` (a resample, or 0 … n − 1) of a Saltelli design's outputs. The
 * outputs are centred on the mean of A and B first: the first-order estimator is unbiased either
 * way, but its error grows with the mean's square over the variance (a contrast of +5 pp varying by
 * 1 would swamp it); the total estimator takes differences and does not care.
 */
function sobolFrom(outputs: ArrayLike<number>, k: number, n: number, rows: Int32Array, first: Float64Array, total: Float64Array): void {
  let sum = 0;
  for (let j = 0; j < n; j++) sum += outputs[rows[j]!]! + outputs[n + rows[j]!]!;
  const mean = sum / (2 * n);
  let squares = 0;
  for (let j = 0; j < n; j++) squares += (outputs[rows[j]!]! - mean) ** 2 + (outputs[n + rows[j]!]! - mean) ** 2;
  const variance = squares / (2 * n);
  for (let i = 0; i < k; i++) {
    let vi = 0;
    let vti = 0;
    for (let j = 0; j < n; j++) {
      const a = outputs[rows[j]!]! - mean;
      const b = outputs[n + rows[j]!]! - mean;
      const ab = outputs[(2 + i) * n + rows[j]!]! - mean;
      vi += b * (ab - a);
      vti += (a - ab) ** 2;
    }
    first[i] = vi / n / variance;
    total[i] = vti / (2 * n) / variance;
  }
}

/**
 * Sobol' first-order and total indices from a Saltelli design's outputs (one per row), with
 * percentile bootstrap intervals over the n base rows (`replicates` resamples, deterministic for
 * the seed; a resample whose outputs happen not to vary gives no index and is left out). An output
 * that does not vary, or with a missing (NaN) value, has no shares to give: its indices are NaN.
 */
export function sobolIndices(design: UnitDesign & { n: number }, outputs: ArrayLike<number>, replicates: number, seed: number): SobolIndex[] {
  const { k, n } = design;
  if (outputs.length !== design.rows) throw new RangeError(`need ${design.rows} outputs, one per point (got ${outputs.length})`);
  checkSize('replicates', replicates, 1);
  const rows = Int32Array.from({ length: n }, (_, j) => j);
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  for (let p = 0; p < design.rows; p++) {
    if (!Number.isFinite(outputs[p]!)) {
      const none: [number, number] = [Number.NaN, Number.NaN];
      return Array.from({ length: k }, () => ({ first: Number.NaN, firstCi: none, total: Number.NaN, totalCi: none }));
    }
  }
  sobolFrom(outputs, k, n, rows, first, total);
  const firstDraws = Array.from({ length: k }, () => new Float64Array(replicates));
  const totalDraws = Array.from({ length: k }, () => new Float64Array(replicates));
  const stream = keyedStream(`periodize:sobol-bootstrap:${seed}`);
  const f = new Float64Array(k);
  const t = new Float64Array(k);
  for (let b = 0; b < replicates; b++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(stream.uniform() * n);
    sobolFrom(outputs, k, n, rows, f, t);
    for (let i = 0; i < k; i++) {
      firstDraws[i]![b] = f[i]!;
      totalDraws[i]![b] = t[i]!;
    }
  }
  const interval = (draws: Float64Array): [number, number] => {
    const finite = draws.filter((value) => Number.isFinite(value)).sort();
    if (finite.length === 0) return [Number.NaN, Number.NaN];
    return [quantileType7(finite, 0.025), quantileType7(finite, 0.975)];
  };
  return Array.from({ length: k }, (_, i) => ({ first: first[i]!, firstCi: interval(firstDraws[i]!), total: total[i]!, totalCi: interval(totalDraws[i]!) }));
}
