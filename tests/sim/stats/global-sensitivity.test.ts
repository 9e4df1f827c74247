import { beforeAll, describe, expect, it } from 'vitest';
import { morrisDesign, morrisIndices, saltelliDesign, sobolIndices, type SobolIndex, type UnitDesign } from '../../../src/sim/stats/global-sensitivity.ts';

/** The model's outputs at every point of a design, its inputs mapped from [0, 1] to [low, high]. */
function outputsOf(design: UnitDesign, f: (x: number[]) => number, low = 0, high = 1): Float64Array {
  const out = new Float64Array(design.rows);
  for (let p = 0; p < design.rows; p++) {
    const x = Array.from({ length: design.k }, (_, i) => low + (high - low) * design.points[p * design.k + i]!);
    out[p] = f(x);
  }
  return out;
}

// Ishigami & Homma 1990, a = 7, b = 0.1 on [−π, π]³: the indices are known in closed form
// (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §4.7).
const A = 7;
const B = 0.1;
const ishigami = (x: number[]) => Math.sin(x[0]!) + A * Math.sin(x[1]!) ** 2 + B * x[2]! ** 4 * Math.sin(x[0]!);
const V1 = 0.5 * (1 + (B * Math.PI ** 4) / 5) ** 2;
const V2 = (A * A) / 8;
const V13 = (8 * B * B * Math.PI ** 8) / 225;
const V = V1 + V2 + V13;
const FIRST = [V1 / V, V2 / V, 0];
const TOTAL = [(V1 + V13) / V, V2 / V, V13 / V];

describe('Sobol\' indices (Saltelli 2010 design and estimators)', () => {
  describe('having the Ishigami function, whose indices are known', () => {
    let indices: SobolIndex[];
    beforeAll(() => {
      const design = saltelliDesign(3, 32_768, 7);
      indices = sobolIndices(design, outputsOf(design, ishigami, -Math.PI, Math.PI), 300, 7);
    });

    it('should recover each first-order and total index within 0.03 (about four Monte Carlo SEs at n = 32 768)', () => {
      expect(FIRST[0]).toBeCloseTo(0.3139, 4);
      expect(TOTAL[2]).toBeCloseTo(0.2437, 4);
      indices.forEach((index, i) => {
        expect(Math.abs(index.first - FIRST[i]!)).toBeLessThan(0.03);
        expect(Math.abs(index.total - TOTAL[i]!)).toBeLessThan(0.03);
      });
    });

    it('should give bootstrap intervals around each estimate, narrow at this n', () => {
      for (const index of indices) {
        for (const [value, [low, high]] of [[index.first, index.firstCi], [index.total, index.totalCi]] as const) {
          expect(low).toBeLessThan(value);
          expect(high).toBeGreaterThan(value);
          expect(high - low).toBeLessThan(0.06);
        }
      }
    });
  });

  it('should give an additive model its squared weights as shares, first order and total alike', () => {
    const weights = [1, 2, 0];
    const design = saltelliDesign(3, 16_384, 3);
    const indices = sobolIndices(design, outputsOf(design, (x) => weights[0]! * x[0]! + weights[1]! * x[1]!), 100, 3);
    // Var(c·U) = c²/12 for U uniform on [0, 1]: shares 1/5, 4/5 and 0.
    expect(indices.map((index) => index.first)).toEqual([expect.closeTo(0.2, 1), expect.closeTo(0.8, 1), expect.closeTo(0, 2)]);
    expect(indices.map((index) => index.total)).toEqual([expect.closeTo(0.2, 1), expect.closeTo(0.8, 1), 0]);
  });

  it('should give a model far from zero the same shares: the outputs are centred before the first-order estimate', () => {
    // A contrast of about +50 varying by a few: uncentred, the first-order estimator's error grows with 50² over the variance.
    const design = saltelliDesign(2, 2_048, 4);
    const indices = sobolIndices(design, outputsOf(design, (x) => 50 + x[0]! + 2 * x[1]!), 200, 4);
    expect(Math.abs(indices[0]!.first - 0.2)).toBeLessThan(0.05);
    expect(Math.abs(indices[1]!.first - 0.8)).toBeLessThan(0.05);
    expect(indices[1]!.firstCi[1] - indices[1]!.firstCi[0]).toBeLessThan(0.15);
  });

  it('should leave out of an interval the resamples that happen not to vary, not give up on it', () => {
    // A step that only one base sample in eight reaches: some resamples miss it and have no variance.
    const design = saltelliDesign(1, 8, 2);
    const outputs = outputsOf(design, (x) => (x[0]! > 0.85 ? 1 : 0));
    const [index] = sobolIndices(design, outputs, 200, 2);
    if (outputs.subarray(0, 16).every((value) => value === 0)) throw new Error('the design should reach the step at least once');
    expect(index!.total).toBeGreaterThan(0);
    expect(index!.totalCi.every(Number.isFinite)).toBe(true);
  });

  it('should give NaN indices when an output is missing, not shares computed around it', () => {
    const design = saltelliDesign(2, 8, 1);
    const outputs = outputsOf(design, (x) => x[0]!);
    outputs[5] = Number.NaN;
    for (const index of sobolIndices(design, outputs, 10, 1)) expect([index.first, index.total, ...index.firstCi, ...index.totalCi].every(Number.isNaN)).toBe(true);
  });

  it("should lay out A, B, then each A_B^i: A with column i from B", () => {
    const design = saltelliDesign(3, 4, 1);
    const row = (r: number) => Array.from(design.points.subarray(r * 3, r * 3 + 3));
    expect(design.rows).toBe(4 * 5);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 4; j++) {
        expect(row((2 + i) * 4 + j)).toEqual(row(j).map((value, c) => (c === i ? row(4 + j)[c]! : value)));
      }
    }
    expect(design.points.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(saltelliDesign(3, 4, 1).points).toEqual(design.points);
    expect(saltelliDesign(3, 4, 2).points).not.toEqual(design.points);
  });

  it('should give an output that does not vary no shares (NaN), not a number that looks like one', () => {
    const design = saltelliDesign(2, 8, 1);
    for (const index of sobolIndices(design, new Float64Array(design.rows).fill(3), 10, 1)) {
      expect([index.first, index.total, ...index.firstCi, ...index.totalCi].every(Number.isNaN)).toBe(true);
    }
  });

  it('should refuse outputs that do not match the design', () => {
    const design = saltelliDesign(2, 8, 1);
    expect(() => sobolIndices(design, new Float64Array(3), 10, 1)).toThrow('need 32 outputs, one per point (got 3)');
  });
});

describe("Morris's elementary effects (Morris 1991, μ* of Campolongo 2007)", () => {
  it('should give a linear model its slopes exactly, each effect the same (σ = 0), and an unused input none', () => {
    const design = morrisDesign(3, 20, 5);
    const indices = morrisIndices(design, outputsOf(design, (x) => 3 * x[0]! - 2 * x[1]!));
    expect(indices[0]!.mu).toBeCloseTo(3, 12);
    expect(indices[0]!.muStar).toBeCloseTo(3, 12);
    expect(indices[1]!.mu).toBeCloseTo(-2, 12);
    expect(indices[1]!.muStar).toBeCloseTo(2, 12);
    expect(indices.map((index) => index.sigma)).toEqual([expect.closeTo(0, 12), expect.closeTo(0, 12), 0]);
    expect(indices[2]!.muStar).toBe(0);
  });

  it('should show an interaction as a spread of effects (σ > 0)', () => {
    const design = morrisDesign(2, 30, 5);
    const [first, second] = morrisIndices(design, outputsOf(design, (x) => x[0]! * x[1]!));
    expect(first!.sigma).toBeGreaterThan(0.1);
    expect(second!.sigma).toBeGreaterThan(0.1);
  });

  it("should see Ishigami's x3 act only through its interaction with x1: little on average (μ), much in absolute value (μ*), and no input negligible", () => {
    const design = morrisDesign(3, 100, 11);
    const indices = morrisIndices(design, outputsOf(design, ishigami, -Math.PI, Math.PI));
    expect(Math.abs(indices[2]!.mu)).toBeLessThan(indices[2]!.muStar / 3);
    // x3's effect changes sign with sin(x1): its spread is at least its mean absolute size.
    expect(indices[2]!.sigma).toBeGreaterThan(indices[2]!.muStar);
    for (const index of indices) expect(index.muStar).toBeGreaterThan(3);
  });

  it('should walk each trajectory one input at a time by ±Δ on the grid, inside [0, 1]', () => {
    const k = 4;
    const design = morrisDesign(k, 10, 9);
    expect(design.delta).toBeCloseTo(2 / 3, 12);
    expect(design.rows).toBe(10 * (k + 1));
    for (let t = 0; t < 10; t++) {
      const seen = new Set<number>();
      for (let s = 0; s < k; s++) {
        const row = t * (k + 1) + s + 1;
        const changed = Array.from({ length: k }, (_, i) => design.points[row * k + i]! - design.points[(row - 1) * k + i]!);
        const input = design.moved[t * k + s]!;
        seen.add(input);
        expect(changed.filter((d) => d !== 0)).toHaveLength(1);
        expect(Math.abs(changed[input]!)).toBeCloseTo(2 / 3, 12);
      }
      expect(seen.size).toBe(k);
    }
    expect(design.points.every((value) => value >= 0 && value <= 1 + 1e-12)).toBe(true);
    // On the grid of 4 levels: 0, 1/3, 2/3, 1.
    expect(design.points.every((value) => Math.abs(value * 3 - Math.round(value * 3)) < 1e-9)).toBe(true);
  });
});
