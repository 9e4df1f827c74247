/**
 * Nelder–Mead simplex minimisation in the unit box [0, 1]^d, with the standard coefficients
 * (reflection 1, expansion 2, contraction ½, shrink ½; Nelder & Mead 1965, Comput J 7:308) and
 * every trial point projected onto the box (a coordinate below 0 becomes 0, above 1 becomes 1) —
 * the box being each knob's prior range (knobs.ts).
 *
 * Start: `start` and, per coordinate, `start` moved by `step` (backward when forward leaves the
 * box). Stops at the first of: the best value is 0 (every target met), the spread of the simplex's
 * values (worst − best) is below `tolerance`, or `iterations` iterations. Cost: d + 1 evaluations
 * to start, then 1–2 per iteration (d + 2 on a shrink).
 */
export interface NelderMeadOptions {
  /** The initial simplex's edge along each coordinate (in units of the box). */
  step: number;
  iterations: number;
  /** Stop when worst − best of the simplex is below this. */
  tolerance: number;
  /** Called after each iteration with the best point so far (for a progress line). */
  onIteration?: (iteration: number, best: Vertex) => void;
}

export interface Vertex {
  point: number[];
  value: number;
}

export interface NelderMeadResult {
  best: Vertex;
  iterations: number;
  evaluations: number;
  /** Why it stopped. */
  stopped: 'met' | 'converged' | 'iterations';
}

export function nelderMead(f: (point: readonly number[]) => number, start: readonly number[], options: NelderMeadOptions): NelderMeadResult {
  let evaluations = 0;
  const project = (point: readonly number[]) => point.map((x) => Math.min(1, Math.max(0, x)));
  const vertex = (point: readonly number[]): Vertex => {
    const inside = project(point);
    evaluations++;
    return { point: inside, value: f(inside) };
  };
  const d = start.length;
  let simplex = [vertex(start)];
  for (let i = 0; i < d; i++) {
    const moved = [...start];
    moved[i] = start[i]! + options.step <= 1 ? start[i]! + options.step : start[i]! - options.step;
    simplex.push(vertex(moved));
  }
  let iteration = 0;
  let stopped: NelderMeadResult['stopped'] = 'iterations';
  for (; iteration < options.iterations; iteration++) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[d]!;
    if (best.value === 0) {
      stopped = 'met';
      break;
    }
    if (worst.value - best.value < options.tolerance) {
      stopped = 'converged';
      break;
    }
    const centroid = start.map((_, j) => simplex.slice(0, d).reduce((sum, v) => sum + v.point[j]!, 0) / d);
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.point[j]! - c));
    const reflected = vertex(along(-1));
    if (reflected.value < best.value) {
      const expanded = vertex(along(-2));
      simplex[d] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[d - 1]!.value) {
      simplex[d] = reflected;
    } else {
      const contracted = vertex(along(0.5));
      if (contracted.value < worst.value) simplex[d] = contracted;
      else simplex = simplex.map((v, i) => (i === 0 ? v : vertex(v.point.map((x, j) => best.point[j]! + 0.5 * (x - best.point[j]!)))));
    }
    simplex.sort((a, b) => a.value - b.value);
    options.onIteration?.(iteration, simplex[0]!);
  }
  simplex.sort((a, b) => a.value - b.value);
  return { best: simplex[0]!, iterations: iteration, evaluations, stopped };
}
