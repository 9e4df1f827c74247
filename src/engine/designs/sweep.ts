import type { Arm, InlineDesign, Scenario, Sweep } from '../../models/scenario/schema.ts';
import { SWEEP_KEYS } from '../../models/scenario/schema.ts';
import type { ResolveIssue } from './resolve.ts';
import { BUILTIN_DESIGNS } from './builtins.ts';

export type SweepKey = (typeof SWEEP_KEYS)[number];

/** The arms a sweep adds, with the values each was given. */
export interface SweepExpansion {
  /** The keys varied, in SWEEP_KEYS order. */
  keys: SweepKey[];
  arms: Arm[];
  /** Per added arm (same order), its value of each key. */
  values: number[][];
}

/** The most arms a sweep may add (each is simulated for every athlete). */
export const MAX_SWEEP_ARMS = 200;

/** from, from + step, … ≤ to (to 1e-9, so that 0.1 steps reach 0.5), rounded to 10 decimals. */
export function rangeValues(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) values.push(Math.round((from + i * step) * 1e10) / 1e10);
  return values;
}

/** How many values rangeValues gives, counted without building them (0 when to is below from). */
export function rangeCount(range: { from: number; to: number; step: number }): number {
  if (range.to + 1e-9 < range.from) return 0;
  // A step too small to move `from` (or `to`) gives the same value for ever: countless.
  if (range.from + range.step === range.from || range.to + 1e-9 + range.step === range.to + 1e-9) return Number.POSITIVE_INFINITY;
  const steps = Math.floor((range.to + 1e-9 - range.from) / range.step);
  if (!(steps < 1e7)) return steps + 1;
  // The loop's own test, from + i × step ≤ to + 1e-9, at the last value or two (rounding): a few steps at most.
  let n = Math.max(0, steps - 1);
  while (n <= steps + 2 && range.from + n * range.step <= range.to + 1e-9) n++;
  return n;
}

/**
 * Expands a scenario's sweep into arms: every combination of the varied values, each an inline
 * design extending the sweep's design. Zone 1 takes what zones 2 and 3 leave; a combination that
 * leaves zone 1 less than nothing is a problem, as is a sweep that varies nothing or adds too many arms.
 */
export function expandSweep(scenario: Scenario, issues: ResolveIssue[]): SweepExpansion | null {
  const sweep = scenario.sweep;
  if (sweep === undefined) return null;
  const keys = SWEEP_KEYS.filter((key) => sweep.vary[key] !== undefined);
  if (keys.length === 0) {
    issues.push({ path: ['sweep', 'vary'], message: `vary at least one of ${SWEEP_KEYS.join(', ')}` });
    return null;
  }
  // Counted before any value is built: a range of 10³⁰⁰ steps is refused, not listed.
  const count = keys.reduce((product, key) => product * rangeCount(sweep.vary[key]!), 1);
  keys.forEach((key) => {
    const range = sweep.vary[key]!;
    if (range.to < range.from) issues.push({ path: ['sweep', 'vary', key], message: `to must not be below from (got from ${range.from}, to ${range.to})` });
  });
  if (!(count <= MAX_SWEEP_ARMS)) {
    const many = count < 1e15 ? String(count) : Number.isFinite(count) ? count.toExponential(1) : 'more than 1e308';
    issues.push({ path: ['sweep', 'vary'], message: `${many} combinations; a sweep adds at most ${MAX_SWEEP_ARMS} arms` });
    return null;
  }
  const ranges = keys.map((key) => rangeValues(sweep.vary[key]!.from, sweep.vary[key]!.to, sweep.vary[key]!.step));
  const base = baseDistribution(sweep);
  const expansion: SweepExpansion = { keys, arms: [], values: [] };
  const combination = new Array<number>(keys.length).fill(0);
  for (let index = 0; index < count; index++) {
    let rest = index;
    for (let k = keys.length - 1; k >= 0; k--) {
      const values = ranges[k]!;
      combination[k] = values[rest % values.length]!;
      rest = Math.floor(rest / values.length);
    }
    const design = sweepDesign(sweep, keys, combination, base, issues);
    if (design === null) continue;
    const id = keys.map((key, k) => `${key}-${combination[k]}`).join('_');
    expansion.arms.push({ id, design, ...(sweep.rules === undefined ? {} : { rules: sweep.rules }), description: `sweep: ${keys.map((key, k) => `${key} ${combination[k]}`).join(', ')}` });
    expansion.values.push([...combination]);
  }
  return expansion;
}

/** The 3-zone distribution of the sweep's design, when it has one (a built-in's, or the inline one's). */
function baseDistribution(sweep: Sweep): { z1: number; z2: number; z3: number } | null {
  const design: InlineDesign | undefined = typeof sweep.design === 'string' ? BUILTIN_DESIGNS[sweep.design]?.design : sweep.design;
  const distribution = design?.distribution;
  if (distribution === undefined || ('system' in distribution && distribution.system === '5-zone')) return null;
  return { z1: distribution.z1, z2: distribution.z2, z3: distribution.z3 };
}

function sweepDesign(sweep: Sweep, keys: readonly SweepKey[], values: readonly number[], base: { z2: number; z3: number } | null, issues: ResolveIssue[]): InlineDesign | null {
  const valueOf = (key: SweepKey) => {
    const k = keys.indexOf(key);
    return k < 0 ? undefined : values[k];
  };
  const design: InlineDesign = typeof sweep.design === 'string' ? { extends: sweep.design } : { ...sweep.design };
  const z2 = valueOf('z2');
  const z3 = valueOf('z3');
  if (z2 !== undefined || z3 !== undefined) {
    if (base === null) {
      issues.push({ path: ['sweep', 'design'], message: 'varying z2 or z3 needs a design with a 3-zone distribution' });
      return null;
    }
    const share2 = z2 ?? base.z2;
    const share3 = z3 ?? base.z3;
    if (share2 + share3 > 1 + 1e-9) {
      issues.push({ path: ['sweep', 'vary'], message: `z2 ${share2} and z3 ${share3} leave no time for zone 1` });
      return null;
    }
    design.distribution = { z1: Math.round((1 - share2 - share3) * 1e10) / 1e10, z2: share2, z3: share3 };
  }
  const hours = valueOf('weeklyHours');
  if (hours !== undefined) design.weeklyHours = hours;
  const progression = valueOf('progression');
  if (progression !== undefined) design.progression = progression;
  return design;
}
