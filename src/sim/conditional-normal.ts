/**
 * A standard multivariate normal with correlation matrix R, sampled given any subset of its
 * coordinates: the free ones are drawn from their conditional distribution
 *
 *   z_U | z_F ~ N( R_UF R_FF⁻¹ z_F,  R_UU − R_UF R_FF⁻¹ R_FU )
 *
 * (e.g. Anderson 2003, An Introduction to Multivariate Statistical Analysis, §2.5), through the
 * Cholesky factor of the conditional covariance. The coefficients are computed once per subset of
 * given coordinates (a bit mask) and cached, so a population of one named athlete solves once.
 */
export class ConditionalNormal {
  private readonly cache = new Map<number, { free: number[]; fixed: number[]; gain: Float64Array; cholesky: Float64Array }>();

  constructor(
    private readonly correlation: Float64Array,
    private readonly n: number,
  ) {
    if (correlation.length !== n * n) throw new Error(`correlation matrix: expected ${n * n} numbers, got ${correlation.length}`);
    // A matrix that is not positive definite has no Cholesky factor: fail here, not mid-run.
    choleskyOf(correlation, n);
  }

  /**
   * Fills `out` with a draw: coordinates given in `given` (NaN where free) are copied; the free ones
   * come from the conditional distribution, using innovations[0], [1], … in coordinate order.
   */
  sample(given: Float64Array, innovations: Float64Array, out: Float64Array): void {
    let mask = 0;
    for (let i = 0; i < this.n; i++) if (given[i] === given[i]) mask |= 1 << i;
    const plan = this.planFor(mask);
    const { free, fixed, gain, cholesky } = plan;
    for (const i of fixed) out[i] = given[i]!;
    const u = free.length;
    for (let a = 0; a < u; a++) {
      let value = 0;
      for (let b = 0; b < fixed.length; b++) value += gain[a * fixed.length + b]! * given[fixed[b]!]!;
      for (let b = 0; b <= a; b++) value += cholesky[a * u + b]! * innovations[b]!;
      out[free[a]!] = value;
    }
  }

  private planFor(mask: number) {
    let plan = this.cache.get(mask);
    if (plan !== undefined) return plan;
    const n = this.n;
    const r = this.correlation;
    const free: number[] = [];
    const fixed: number[] = [];
    for (let i = 0; i < n; i++) ((mask >> i) & 1 ? fixed : free).push(i);
    const f = fixed.length;
    const u = free.length;
    // R_FF⁻¹ by Gauss–Jordan (at most n × n, n small).
    const inverse = invert(Float64Array.from(fixed.flatMap((i) => fixed.map((j) => r[i * n + j]!))), f);
    const gain = new Float64Array(u * f);
    for (let a = 0; a < u; a++) {
      for (let b = 0; b < f; b++) {
        let sum = 0;
        for (let k = 0; k < f; k++) sum += r[free[a]! * n + fixed[k]!]! * inverse[k * f + b]!;
        gain[a * f + b] = sum;
      }
    }
    const covariance = new Float64Array(u * u);
    for (let a = 0; a < u; a++) {
      for (let c = 0; c < u; c++) {
        let sum = r[free[a]! * n + free[c]!]!;
        for (let b = 0; b < f; b++) sum -= gain[a * f + b]! * r[fixed[b]! * n + free[c]!]!;
        covariance[a * u + c] = sum;
      }
    }
    plan = { free, fixed, gain, cholesky: choleskyOf(covariance, u) };
    this.cache.set(mask, plan);
    return plan;
  }
}

/** Lower-triangular L with L Lᵀ = m (row-major n × n). */
export function choleskyOf(m: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 0)) throw new Error('correlation matrix is not positive definite');
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j]!;
      }
    }
  }
  return l;
}

/** The inverse of a small symmetric positive-definite matrix (Gauss–Jordan, row-major). */
function invert(m: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(m);
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inverse[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    const pivot = a[col * n + col]!;
    for (let k = 0; k < n; k++) {
      a[col * n + k]! /= pivot;
      inverse[col * n + k]! /= pivot;
    }
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = a[row * n + col]!;
      if (factor === 0) continue;
      for (let k = 0; k < n; k++) {
        a[row * n + k]! -= factor * a[col * n + k]!;
        inverse[row * n + k]! -= factor * inverse[col * n + k]!;
      }
    }
  }
  return inverse;
}
