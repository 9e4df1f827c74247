import type { DesignRef, DistributionInput, InlineDesign } from '../../models/scenario/schema.ts';
import type { ZoneShares } from '../../models/zones.ts';
import { fiveToThreeZone } from '../../models/zones.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { BUILTIN_DESIGNS } from './builtins.ts';
import { didYouMean } from '../../models/text/suggest.ts';

/** A problem found while resolving a scenario, located by its path in the scenario. */
export interface ResolveIssue {
  path: (string | number)[];
  message: string;
}

/** A block design with every field decided: what the plan generator works from. */
export interface ResolvedDesign {
  /** A label for outputs: the built-in name, or "inline". Never seen by the physiology. */
  label: string;
  /** Target distribution (3-zone); null for a taper, which keeps the preceding week's hard minutes. */
  distribution: ZoneShares | null;
  basis: 'time' | 'sessions';
  weeklyHours: { absolute: number } | { relative: number };
  progression: number;
  loadWeeks: number;
  deloadWeeks: number;
  deloadVolume: number;
  hardDaySpacing: number;
  /** Whether a hard day may hold two hard sessions (from PLANNING.hardDoublesAboveMinutes a week). */
  doubleDays: boolean;
  /** 0 = chosen from the weekly volume. */
  sessionsPerWeek: number;
  /** Catalogue indices of the workouts used to fill zone 3 and zone 2 targets. */
  highMenu: readonly number[];
  thresholdMenu: readonly number[];
  rotateEvery: number;
  longRunShare: number;
  taper: { volume: number; hardMinutes: number } | null;
}

export interface ResolvedBlock {
  name: string;
  startWeek: number;
  weeks: number;
  design: ResolvedDesign;
}

/** An arm's whole training: mesocycles in sequence, weeks counted from 1. */
export interface Macroplan {
  label: string;
  weeks: number;
  blocks: readonly ResolvedBlock[];
  /** Block index of each week (index 0 unused: weeks count from 1). */
  blockOfWeek: Uint8Array;
}

const DEFAULTS = {
  basis: 'time',
  weeklyHours: { relative: 1 },
  progression: 0,
  /** No loading pattern: every week a loading week. A pattern's deload weeks default to 70 % volume. */
  loadWeeks: 1,
  deloadWeeks: 0,
  deloadVolume: 0.7,
  hardDaySpacing: 1,
  /** One hard session a day unless the design prescribes double days. */
  doubleDays: false,
  /** 0: the number of training days follows the weekly volume. */
  sessionsPerWeek: 0,
  rotateEvery: 2,
  longRunShare: 0.25,
  workouts: { high: ['vo2max-intervals', 'pyramid', 'fartlek', 'thirty-thirty'], threshold: ['tempo-run', 'cruise-intervals', 'sweet-spot-6min', 'alternations'] },
} as const;

const SHARE_TOLERANCE = 0.01;

export function builtinDesignNames(): string[] {
  return Object.keys(BUILTIN_DESIGNS);
}

function toThreeZone(input: DistributionInput): ZoneShares {
  return input.system === '5-zone' ? fiveToThreeZone(input) : { z1: input.z1, z2: input.z2, z3: input.z3 };
}

function sumOfShares(input: DistributionInput): number {
  return input.system === '5-zone' ? input.z1 + input.z2 + input.z3 + input.z4 + input.z5 : input.z1 + input.z2 + input.z3;
}

function unknownDesign(name: string, path: (string | number)[]): ResolveIssue {
  const hint = didYouMean(name, builtinDesignNames());
  return { path, message: `unknown design "${name}"${hint || ` (built-in designs: ${builtinDesignNames().join(', ')})`}` };
}

function resolveMenu(
  ids: readonly string[],
  catalogue: CompiledCatalogue,
  path: (string | number)[],
  issues: ResolveIssue[],
): number[] {
  const menu: number[] = [];
  ids.forEach((id, i) => {
    const index = catalogue.indexOf.get(id);
    if (index === undefined) {
      const hint = didYouMean(id, catalogue.indexOf.keys());
      issues.push({ path: [...path, i], message: `unknown workout "${id}"${hint || ` (catalogue: ${[...catalogue.indexOf.keys()].join(', ')})`}` });
    } else {
      menu.push(index);
    }
  });
  return menu;
}

/** Resolves a built-in name or an inline design (possibly extending a built-in) at `path`. */
export function resolveDesign(
  ref: string | InlineDesign,
  catalogue: CompiledCatalogue,
  path: (string | number)[],
  issues: ResolveIssue[],
): ResolvedDesign | null {
  let label = 'inline';
  let design: InlineDesign;
  if (typeof ref === 'string') {
    const builtin = BUILTIN_DESIGNS[ref];
    if (builtin === undefined) {
      issues.push(unknownDesign(ref, path));
      return null;
    }
    label = ref;
    design = builtin.design;
  } else if (ref.extends !== undefined) {
    const builtin = BUILTIN_DESIGNS[ref.extends];
    if (builtin === undefined) {
      issues.push(unknownDesign(ref.extends, [...path, 'extends']));
      return null;
    }
    label = `${ref.extends} (modified)`;
    design = { ...builtin.design, ...ref };
    if (ref.distribution !== undefined) delete design.taper;
    if (ref.taper !== undefined) delete design.distribution;
  } else {
    design = ref;
  }
  const before = issues.length;
  if (design.distribution === undefined && design.taper === undefined) {
    issues.push({ path, message: 'an inline design needs a distribution, a taper, or extends: <built-in design>' });
  }
  if (design.distribution !== undefined && design.taper !== undefined) {
    issues.push({ path, message: 'a design has either a distribution or a taper, not both' });
  }
  if (design.distribution !== undefined) {
    const sum = sumOfShares(design.distribution);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
      issues.push({ path: [...path, 'distribution'], message: `zone shares must add up to 1 (got ${+sum.toFixed(4)})` });
    }
  }
  let loadWeeks: number = DEFAULTS.loadWeeks;
  let deloadWeeks: number = DEFAULTS.deloadWeeks;
  if (design.loading !== undefined) {
    const [load, deload] = design.loading.pattern.split(':').map(Number) as [number, number];
    loadWeeks = load;
    deloadWeeks = deload;
  }
  const workouts = design.workouts ?? {};
  const highMenu = resolveMenu(workouts.high ?? DEFAULTS.workouts.high, catalogue, [...path, 'workouts', 'high'], issues);
  const thresholdMenu = resolveMenu(workouts.threshold ?? DEFAULTS.workouts.threshold, catalogue, [...path, 'workouts', 'threshold'], issues);
  if (issues.length > before) return null;
  const weeklyHours = design.weeklyHours ?? DEFAULTS.weeklyHours;
  return {
    label,
    distribution: design.distribution === undefined ? null : toThreeZone(design.distribution),
    basis: design.basis ?? DEFAULTS.basis,
    weeklyHours: typeof weeklyHours === 'number' ? { absolute: weeklyHours } : weeklyHours,
    progression: design.progression ?? DEFAULTS.progression,
    loadWeeks,
    deloadWeeks,
    deloadVolume: design.loading?.deloadVolume ?? DEFAULTS.deloadVolume,
    hardDaySpacing: design.hardDaySpacing ?? DEFAULTS.hardDaySpacing,
    doubleDays: design.doubleDays ?? DEFAULTS.doubleDays,
    sessionsPerWeek: design.sessionsPerWeek ?? DEFAULTS.sessionsPerWeek,
    highMenu,
    thresholdMenu,
    rotateEvery: design.rotateEvery ?? DEFAULTS.rotateEvery,
    longRunShare: design.longRunShare ?? DEFAULTS.longRunShare,
    taper: design.taper ?? null,
  };
}

/**
 * Resolves an arm's design — a built-in name, an inline design, or a macrocycle of blocks — into a
 * week-by-week plan skeleton. Block weeks must add up to the scenario's weeks.
 */
export function resolveMacroplan(
  ref: DesignRef,
  weeks: number,
  catalogue: CompiledCatalogue,
  path: (string | number)[],
  issues: ResolveIssue[],
): Macroplan | null {
  const blocks: ResolvedBlock[] = [];
  let label: string;
  if (typeof ref === 'object' && 'blocks' in ref) {
    const total = ref.blocks.reduce((sum, block) => sum + block.weeks, 0);
    if (total !== weeks) {
      issues.push({ path: [...path, 'blocks'], message: `block weeks add up to ${total}, but the scenario has ${weeks} weeks` });
    }
    let startWeek = 1;
    ref.blocks.forEach((block, i) => {
      const design = resolveDesign(block.design, catalogue, [...path, 'blocks', i, 'design'], issues);
      if (design !== null) blocks.push({ name: block.name ?? design.label, startWeek, weeks: block.weeks, design });
      startWeek += block.weeks;
    });
    label = blocks.map((block) => block.name).join(' → ');
  } else {
    const design = resolveDesign(ref, catalogue, path, issues);
    if (design !== null) blocks.push({ name: design.label, startWeek: 1, weeks, design });
    label = design?.label ?? '';
  }
  if (issues.length > 0) return null;
  const blockOfWeek = new Uint8Array(weeks + 1);
  blocks.forEach((block, b) => blockOfWeek.fill(b, block.startWeek, block.startWeek + block.weeks));
  return { label, weeks, blocks, blockOfWeek };
}
