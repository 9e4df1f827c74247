import type { Parameters } from '../../models/parameters.ts';
import { DEFAULT_REPLICATES, MAX_POPULATION, type AdjustMethod, type Event, type Scenario } from '../../models/scenario/schema.ts';
import type { OutcomeMetric } from '../../models/outcomes.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { resolveMacroplan, type Macroplan, type ResolveIssue } from '../../engine/designs/resolve.ts';
import { PLANNING } from '../../engine/plan/constants.ts';
import { volumeFactor } from '../../engine/plan/targets.ts';
import type { ArmRules } from '../../engine/rules/arm-rules.ts';
import type { SweepExpansion } from '../../engine/designs/sweep.ts';
import { eventFirstDay } from '../events.ts';
import { planPopulation, type PopulationPlan } from '../population.ts';
import { didYouMean } from '../../models/text/suggest.ts';

/** A paired contrast of two arms (indices): arm − vs, over the same athletes. */
export interface Contrast {
  arm: number;
  vs: number;
}

export interface ArmSpec {
  id: string;
  /** What the arm trains, for people: "polarized", or "pyramidal → polarized → taper". */
  label: string;
  description: string | null;
  macroplan: Macroplan;
  /** The adaptive engine's rule set, or null for a fixed plan (no `rules:`, or `rules: none`). */
  rules: ArmRules | null;
}

/** A scenario checked and resolved into everything a run needs. */
export interface RunSpec {
  scenario: Scenario;
  weeks: number;
  seed: number;
  population: PopulationPlan;
  arms: readonly ArmSpec[];
  /** Index of the reference arm, or −1 when the scenario names none. */
  referenceIndex: number;
  /**
   * The study's contrasts, arm − vs by arm index: the scenario's `contrasts`, or else every arm
   * against the reference (none without one). Each metric's p-values are adjusted over them.
   */
  contrasts: readonly Contrast[];
  /** How each metric's family of contrasts is adjusted for multiplicity. */
  adjust: AdjustMethod;
  /** The smallest effect size of interest per metric (equivalence tests), where the scenario gives one. */
  sesoi: Partial<Record<OutcomeMetric, number>>;
  events: readonly Event[];
  /** True when some event applies to some arms only: the schedule is then laid out per arm. */
  armSpecificEvents: boolean;
  daily: boolean;
  /** The arms a `sweep:` added (after the scenario's own), with their values; null without a sweep. */
  sweep?: SweepExpansion | null;
}

/** What the size of a run is counted from: a RunSpec, or the bench's batch of the Banister model. */
export interface RunSize {
  population: { size: number };
  arms: { length: number };
  weeks: number;
}

/**
 * Athlete-days simulated: athletes × arms × training days (weeks × 7; the baseline week and the
 * pre-test days are not counted). `athletes`: how many (a slice, a shard, those done so far); the
 * whole population by default.
 */
export function athleteDays(run: RunSize, athletes: number = run.population.size): number {
  return athletes * run.arms.length * run.weeks * 7;
}

export type Prepared = { ok: true; spec: RunSpec } | { ok: false; issues: ResolveIssue[] };

/**
 * Checks what the schema cannot (arm ids unique, the reference exists, events fall inside the
 * scenario, designs and workouts exist, block weeks add up) and resolves each arm's design.
 * `armRules` are the arms' rule sets in arm order, already loaded and checked (rule files are read
 * at the edge, by loadScenario); an arm without one trains to its fixed plan.
 */
export function prepareScenario(
  scenario: Scenario,
  catalogue: CompiledCatalogue,
  parameters: Parameters,
  armRules: readonly (ArmRules | null)[] = [],
): Prepared {
  const issues: ResolveIssue[] = [];
  const seen = new Map<string, number>();
  scenario.arms.forEach((arm, i) => {
    if (seen.has(arm.id)) issues.push({ path: ['arms', i, 'id'], message: `duplicate arm id "${arm.id}" (also arms[${seen.get(arm.id)}])` });
    else seen.set(arm.id, i);
  });
  let referenceIndex = -1;
  if (scenario.reference !== undefined) {
    referenceIndex = seen.get(scenario.reference) ?? -1;
    if (referenceIndex < 0) {
      const hint = didYouMean(scenario.reference, seen.keys());
      issues.push({ path: ['reference'], message: `no arm has id "${scenario.reference}"${hint || ` (arms: ${[...seen.keys()].join(', ')})`}` });
    }
  }
  const contrasts = studyContrasts(scenario, seen, referenceIndex, issues);
  if (scenario.sesoi !== undefined && scenario.contrasts === undefined && scenario.reference === undefined) {
    issues.push({ path: ['sesoi'], message: 'no contrasts to test for equivalence: add reference: <arm id> or contrasts: pairwise' });
  }
  const events = scenario.events ?? [];
  events.forEach((event, i) => {
    // After the last week come the easy pre-test days, then the morning of the final tests: a sleep
    // restriction or an illness can fall on them, and a last night's sleep can be set for the tests.
    const preTestDays = scenario.tests?.finalPreTestDays ?? scenario.tests?.preTestDays ?? parameters.tests.preTestDays;
    const lastDay = scenario.weeks * 7 + preTestDays + 1;
    if (eventFirstDay(event) > lastDay) {
      const when = `week ${event.fromWeek}${event.type === 'load-multiplier' ? '' : `, day ${event.fromDay ?? 1}`}`;
      issues.push({
        path: ['events', i, 'fromWeek'],
        message: `${when} is after the final tests (the morning after week ${scenario.weeks} and ${preTestDays} easy pre-test days)`,
      });
    }
    event.arms?.forEach((id, j) => {
      if (!seen.has(id)) issues.push({ path: ['events', i, 'arms', j], message: `no arm has id "${id}"${didYouMean(id, seen.keys())}` });
    });
    if (event.type === 'sleep-restriction' && event.weeks !== undefined && event.days !== undefined) {
      issues.push({ path: ['events', i], message: 'give the length of a sleep restriction in weeks or in days, not both' });
    }
  });
  checkNamedAthletes(scenario, parameters, issues);
  const arms: ArmSpec[] = [];
  scenario.arms.forEach((arm, i) => {
    const macroplan = resolveMacroplan(arm.design, scenario.weeks, catalogue, ['arms', i, 'design'], issues);
    if (macroplan !== null) arms.push({ id: arm.id, label: macroplan.label, description: arm.description ?? null, macroplan, rules: armRules[i] ?? null });
  });
  if (issues.length === 0) checkVolumeGrowth(scenario, arms, parameters, issues);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    spec: {
      scenario,
      weeks: scenario.weeks,
      seed: scenario.seed,
      population: planPopulation(scenario.population, parameters),
      arms,
      referenceIndex,
      contrasts,
      adjust: scenario.adjust ?? 'holm',
      sesoi: Object.fromEntries(Object.entries(scenario.sesoi ?? {}).filter(([, bound]) => bound !== undefined)),
      events,
      armSpecificEvents: events.some((event) => event.arms !== undefined),
      daily: scenario.outputs?.daily ?? false,
    },
  };
}

/**
 * The most arms `contrasts: pairwise` compares: 30 arms are 435 pairs × 10 metrics, each with a
 * 2 000-resample bootstrap; a 200-arm sweep's 19 900 pairs would hold a run for nothing a reader can use.
 */
export const MAX_PAIRWISE_ARMS = 30;

/** Every arm against the reference (none without one): summary.json's `vsReference`. */
export function referenceContrasts(spec: { arms: readonly unknown[]; referenceIndex: number }): Contrast[] {
  const reference = spec.referenceIndex;
  return reference < 0 ? [] : spec.arms.flatMap((_, arm) => (arm === reference ? [] : [{ arm, vs: reference }]));
}

/** Every contrast the summary shows: the study's, then any reference contrast not among them. */
export function shownContrasts(spec: RunSpec): Contrast[] {
  const shown = [...spec.contrasts];
  for (const c of referenceContrasts(spec)) if (!shown.some((s) => s.arm === c.arm && s.vs === c.vs)) shown.push(c);
  return shown;
}

/**
 * The study's contrasts: `pairwise` — every pair of arms, the earlier in the scenario minus the later unless one
 * is the reference (then against it), so that `arm − vs` reads as the reference contrasts do — or
 * the named pairs, each once; by default every arm against the reference.
 */
function studyContrasts(scenario: Scenario, ids: ReadonlyMap<string, number>, reference: number, issues: ResolveIssue[]): Contrast[] {
  const asked = scenario.contrasts;
  const count = scenario.arms.length;
  if (asked === undefined) return referenceContrasts({ arms: scenario.arms, referenceIndex: reference });
  if (asked === 'pairwise') {
    if (count < 2) issues.push({ path: ['contrasts'], message: 'pairwise contrasts need at least two arms' });
    if (count > MAX_PAIRWISE_ARMS) {
      const pairs = (count * (count - 1)) / 2;
      issues.push({
        path: ['contrasts'],
        message: `pairwise contrasts of ${count} arms are ${pairs.toLocaleString('en-US')} pairs, each with its bootstrap and tests; at most ${MAX_PAIRWISE_ARMS} arms (${(MAX_PAIRWISE_ARMS * (MAX_PAIRWISE_ARMS - 1)) / 2} pairs): name the pairs (contrasts: [[a, b], …]) or compare with a reference`,
      });
      return [];
    }
    const pairs: Contrast[] = [];
    for (let first = 0; first < count; first++) {
      for (let second = first + 1; second < count; second++) pairs.push(first === reference ? { arm: second, vs: first } : { arm: first, vs: second });
    }
    return pairs;
  }
  const pairs: Contrast[] = [];
  const named = new Map<string, number>();
  asked.forEach(([armId, vsId], i) => {
    const [arm, vs] = [armId, vsId].map((id, side) => {
      const index = ids.get(id);
      if (index === undefined) issues.push({ path: ['contrasts', i, side], message: `no arm has id "${id}"${didYouMean(id, ids.keys()) || ` (arms: ${[...ids.keys()].join(', ')})`}` });
      return index;
    });
    if (armId === vsId) issues.push({ path: ['contrasts', i], message: `a contrast compares two different arms (got ${armId} twice)` });
    const key = [armId, vsId].sort().join('\0');
    if (named.has(key)) issues.push({ path: ['contrasts', i], message: `${armId} and ${vsId} are already compared (contrasts[${named.get(key)}])` });
    else named.set(key, i);
    if (arm !== undefined && vs !== undefined && arm !== vs) pairs.push({ arm, vs });
  });
  return pairs;
}

/** A habitual distribution's shares add up to 1. */
function checkHabitual(shares: { z1: number; z2: number; z3: number } | undefined, path: ResolveIssue['path'], issues: ResolveIssue[]): void {
  if (shares === undefined) return;
  const sum = shares.z1 + shares.z2 + shares.z3;
  if (Math.abs(sum - 1) > 1e-6) issues.push({ path, message: `zone shares must add up to 1 (got ${+sum.toFixed(4)})` });
}

/**
 * A coach's athletes: LT1 below LT2 where both are given, habitual shares that add up, and not more
 * athletes × replicates than a run takes; a sampled population's habitual shares add up.
 */
function checkNamedAthletes(scenario: Scenario, parameters: Parameters, issues: ResolveIssue[]): void {
  const population = scenario.population;
  if (!('athletes' in population)) {
    checkHabitual(population.traits?.habitualDistribution, ['population', 'traits', 'habitualDistribution'], issues);
    return;
  }
  const gap = parameters.trainability.minThresholdGap;
  population.athletes.forEach((athlete, i) => {
    checkHabitual(athlete.habitualDistribution, ['population', 'athletes', i, 'habitualDistribution'], issues);
    if (athlete.lt1Fraction !== undefined && athlete.lt2Fraction !== undefined && athlete.lt1Fraction > athlete.lt2Fraction - gap) {
      issues.push({
        path: ['population', 'athletes', i, 'lt1Fraction'],
        message: `LT1 must be at least ${gap} of VO2max below LT2 (got ${athlete.lt1Fraction} with LT2 at ${athlete.lt2Fraction})`,
      });
    }
  });
  const size = population.athletes.length * (population.replicates ?? DEFAULT_REPLICATES);
  if (size > MAX_POPULATION) {
    issues.push({
      path: ['population', 'replicates'],
      message: `${population.athletes.length} athletes × ${population.replicates ?? DEFAULT_REPLICATES} replicates is ${size.toLocaleString('en-US')} athletes; at most ${MAX_POPULATION.toLocaleString('en-US')} run at once`,
    });
  }
}

/**
 * The most a planned week can hold, hours: seven days at the planner's day cap
 * (PLANNING.maxDayMinutes, src/engine/plan/constants.ts: 3.5 h, a world-class marathoner's biggest
 * day) — 24.5 h. The planner never plans more (it falls short of a bigger target); a design whose
 * progression compounds past it asks for weeks no body trains.
 */
export const WEEK_CAPACITY_HOURS = (7 * PLANNING.maxDayMinutes) / 60;

/**
 * Each block's progression compounds over its loading weeks (volumeFactor): a design must not plan
 * a week past WEEK_CAPACITY_HOURS within the scenario's weeks — for its absolute hours, or for a
 * relative volume the population's typical habitual week (the level's mean, or its override; the
 * largest of named athletes'), or past the first week when that already asks for more. Reported
 * at the design's progression.
 */
function checkVolumeGrowth(scenario: Scenario, arms: readonly ArmSpec[], parameters: Parameters, issues: ResolveIssue[]): void {
  const population = scenario.population;
  const habitual =
    'athletes' in population
      ? Math.max(...population.athletes.map((athlete) => athlete.weeklyHours ?? parameters.levels[athlete.level].weeklyHours.mean))
      : (population.traits?.weeklyHours?.mean ?? parameters.levels[population.level].weeklyHours.mean);
  arms.forEach((arm, i) => {
    const design = scenario.arms[i]!.design;
    arm.macroplan.blocks.forEach((block, b) => {
      const d = block.design;
      if (d.taper !== null || d.progression <= 0) return;
      let factor = 0;
      let week = 0;
      for (let w = 0; w < block.weeks; w++) {
        const f = volumeFactor(d, w);
        if (f > factor) [factor, week] = [f, w];
      }
      const start = 'absolute' in d.weeklyHours ? d.weeklyHours.absolute : d.weeklyHours.relative * habitual;
      const peak = start * factor;
      // Past what a week holds — or, for a week asked for above that from the start (it falls short
      // from the start, as any such week does), past that first week.
      if (peak <= Math.max(WEEK_CAPACITY_HOURS, start)) return;
      const where = typeof design === 'object' && 'blocks' in design ? ['arms', i, 'design', 'blocks', b, 'design', 'progression'] : ['arms', i, 'design', 'progression'];
      const hours = (value: number) => `${+value.toFixed(1)} h`;
      const from =
        'absolute' in d.weeklyHours
          ? hours(start)
          : d.weeklyHours.relative === 1
            ? `the population's ${hours(habitual)} a week`
            : `${d.weeklyHours.relative} × the population's ${hours(habitual)} a week (${hours(start)})`;
      issues.push({
        path: where,
        message:
          `+${+(d.progression * 100).toFixed(1)} % a loading week from ${from} plans ${peak < 1000 ? +peak.toFixed(1) : peak.toExponential(1)} h in week ${block.startWeek + week}; ` +
          `a week holds at most ${WEEK_CAPACITY_HOURS} h (7 days of ${PLANNING.maxDayMinutes / 60} h, src/engine/plan/constants.ts): a smaller progression, a loading pattern with deloads or shorter blocks`,
      });
    });
  });
}
