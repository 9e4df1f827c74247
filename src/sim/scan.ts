import { inject, injectable } from 'inversify';
import { PLAUSIBLE } from '../models/limits.ts';
import { LEVELS, Scenario } from '../models/scenario/schema.ts';
import { BUILTIN_DESIGNS } from '../engine/designs/builtins.ts';
import { stringify } from 'yaml';
import { LocatedDocument } from '../models/input/located.ts';
import type { AthleteTraits } from './population.ts';
import { TEST, TEST_COUNT, type AthleteResults } from './results.ts';
import { RandomStream, deriveStreamSeed } from './rng.ts';
import { ScenarioRunner } from './runner.ts';
import { ScenarioLoader } from './scenario/loader.ts';
import type { DaySink } from './simulator.ts';

/** One output value outside what is plausible (src/models/limits.ts). */
export interface Violation {
  /** Which random scenario (its index; `scenario` reproduces it). */
  scenario: number;
  arm: string;
  athlete: number;
  day: number | null;
  what: string;
  value: number;
  limit: string;
}

export interface ScanReport {
  scenarios: number;
  /** Athlete-days simulated over all of them. */
  athleteDays: number;
  violations: Violation[];
  /**
   * Morning readings, sleeps and session RPEs seen, and how many sat exactly at a limit: the model
   * keeps markers within their limits by construction, and a reading at one is where that guard,
   * not the physiology, kept it there — rare, or the physiology is wrong.
   */
  readings: number;
  atLimit: number;
}

const DESIGNS = Object.keys(BUILTIN_DESIGNS).filter((name) => BUILTIN_DESIGNS[name]!.design.distribution !== undefined);

/**
 * A random scenario, the same for the same seed and index: any level, 1–104 weeks, one to four arms
 * (built-in designs, or their variants with volume from a third to three times the athlete's, or
 * 0.5–20 h a week, and progression from −10 % to +30 % a week), adaptive rule sets on some, and
 * sleep restrictions, illnesses and load changes (× 0–4) at random — what a user may legitimately write.
 * `ruleSets`: the names an adaptive arm picks from.
 */
export function randomScenario(seed: number, index: number, size: number, ruleSets: readonly string[]): Scenario {
  const r = new RandomStream(deriveStreamSeed(seed, index, 'events', new Int32Array(4)));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(r.uniform() * values.length)]!;
  const between = (low: number, high: number) => low + (high - low) * r.uniform();
  const weeks = Math.max(1, Math.round(Math.exp(between(0, Math.log(104)))));
  const armCount = 1 + Math.floor(r.uniform() * 4);
  const arms = Array.from({ length: armCount }, (_, a) => {
    const name = pick(DESIGNS);
    const kind = r.uniform();
    const design =
      kind < 0.4
        ? name
        : {
            extends: name,
            progression: Math.round(between(-0.1, 0.3) * 100) / 100,
            weeklyHours: r.uniform() < 0.5 ? { relative: Math.round(between(0.3, 3) * 10) / 10 } : Math.round(between(0.5, 20) * 10) / 10,
          };
    return { id: `arm${a}`, design, ...(r.uniform() < 0.25 ? { rules: pick(ruleSets) } : {}) };
  });
  const events = Array.from({ length: Math.floor(r.uniform() * 4) }, () => {
    const fromWeek = 1 + Math.floor(r.uniform() * weeks);
    const type = pick(['sleep-restriction', 'illness', 'load-multiplier'] as const);
    if (type === 'sleep-restriction') return { type, fromWeek, weeks: 1 + Math.floor(r.uniform() * 3), hours: Math.round(between(3, 9) * 10) / 10, share: Math.round(r.uniform() * 100) / 100 };
    if (type === 'illness') return { type, fromWeek, days: 1 + Math.floor(r.uniform() * 20) };
    return { type, fromWeek, weeks: 1 + Math.floor(r.uniform() * 6), factor: Math.round(between(0, 4) * 10) / 10 };
  });
  return Scenario.parse({
    name: `scan ${index}`,
    seed: seed + index,
    population: { size, level: pick(LEVELS) },
    weeks,
    arms,
    events,
    tests: { preTestDays: Math.floor(r.uniform() * 6) },
    monitoring: { wornShare: Math.round(between(0.3, 1) * 100) / 100 },
  });
}

/**
 * The plausibility scan: many random scenarios, every day and every test of every athlete held to
 * the limits of src/models/limits.ts. `periodize scan` runs it at scale; the test suite on a sample.
 */
@injectable()
export class PlausibilityScan {
  constructor(
    @inject(ScenarioRunner) private readonly runner: ScenarioRunner,
    @inject(ScenarioLoader) private readonly loader: ScenarioLoader,
  ) {
    this.ruleSets = [...loader.vocabulary.ruleSets.keys()].filter((name) => name !== 'none');
  }

  /** The rule sets a random scenario's adaptive arms pick from: every named one but `none`. */
  private readonly ruleSets: readonly string[];

  run(options: { scenarios: number; size: number; seed: number; progress?: (done: number, total: number) => void }): ScanReport {
    const violations: Violation[] = [];
    let athleteDays = 0;
    this.readings = 0;
    this.atLimit = 0;
    for (let index = 0; index < options.scenarios; index++) {
      const scenario = this.withinWeekCapacity(randomScenario(options.seed, index, options.size, this.ruleSets), index);
      athleteDays += this.scan(scenario, index, violations);
      options.progress?.(index + 1, options.scenarios);
    }
    return { scenarios: options.scenarios, athleteDays, violations, readings: this.readings, atLimit: this.atLimit };
  }

  private readings = 0;
  private atLimit = 0;

  /**
   * A random scenario whose progressions compound past what a week holds (WEEK_CAPACITY_HOURS,
   * src/sim/scenario/prepare.ts) is not one a user may write: such an arm's progression is halved
   * (to the hundredth) until the scenario is valid — the same scenario for the same seed and index.
   */
  private withinWeekCapacity(scenario: Scenario, index: number): Scenario {
    for (;;) {
      const prepared = this.loader.prepare(scenario, LocatedDocument.parse(stringify(scenario), `scan-${index}.yaml`));
      const growing = prepared.ok ? [] : prepared.issues.filter((issue) => issue.path.length === 4 && issue.path[0] === 'arms' && issue.path[3] === 'progression');
      if (growing.length === 0) return scenario;
      const arms = scenario.arms.map((arm, a) => {
        if (!growing.some((issue) => issue.path[1] === a)) return arm;
        // A built-in design by name becomes its variant; a halved progression reaches 0 in a few steps.
        const design = typeof arm.design === 'string' ? { extends: arm.design } : arm.design;
        if (typeof design !== 'object' || !('extends' in design) || design.extends === undefined) throw new Error(`random scenario ${index}: arms[${a}] grows past a week's capacity`);
        const progression = design.progression ?? BUILTIN_DESIGNS[design.extends]!.design.progression ?? 0;
        return { ...arm, design: { ...design, progression: Math.floor((progression / 2) * 100) / 100 } };
      });
      scenario = { ...scenario, arms };
    }
  }

  /**
   * Runs one scenario, adding what it shows outside the limits to `violations`; returns its
   * athlete-days. `onDay` sees every day's minutes run (a test that the scan sees them all).
   */
  scan(scenario: Scenario, index: number, violations: Violation[], onDay?: (minutes: number) => void): number {
    // The scenario as its YAML, so that its rule sets resolve as a scenario file's do.
    const doc = LocatedDocument.parse(stringify(scenario), `scan-${index}.yaml`);
    const prepared = this.loader.prepare(scenario, doc);
    if (!prepared.ok) throw new Error(`random scenario ${index} is not valid: ${prepared.issues.map((issue) => issue.message).join('; ')}`);
    const spec = prepared.spec;
    const armIds = spec.arms.map((arm) => arm.id);
    const out = (arm: number, athlete: number, day: number | null, what: string, value: number, limit: { min: number; max: number } | string) => {
      violations.push({ scenario: index, arm: armIds[arm]!, athlete, day, what, value, limit: typeof limit === 'string' ? limit : `${limit.min}–${limit.max}` });
    };
    // A hair's breadth for rounding: an RPE of 10 computed as 10.000000000000002 is 10.
    const outside = (value: number, limit: { min: number; max: number }) => value < limit.min - 1e-9 || value > limit.max + 1e-9;
    // A reading at a limit (a missing one, NaN, is not a reading).
    const count = (value: number, limit: { min: number; max: number }) => {
      if (value !== value) return;
      this.readings++;
      if (Math.abs(value - limit.min) < 1e-9 || Math.abs(value - limit.max) < 1e-9) this.atLimit++;
    };
    const days: DaySink = {
      day({ traits, arm, day, z1Minutes, z2Minutes, z3Minutes, restingHr, lnRmssd, sleepHours, sessionRpe }) {
        const minutes = z1Minutes + z2Minutes + z3Minutes;
        onDay?.(minutes);
        count(restingHr, PLAUSIBLE.restingHr);
        count(lnRmssd, PLAUSIBLE.lnRmssd);
        count(sleepHours, PLAUSIBLE.sleepHours);
        count(sessionRpe, PLAUSIBLE.sessionRpe);
        if (outside(minutes, PLAUSIBLE.dayMinutes)) out(arm, traits.index, day, 'minutes run in a day', minutes, PLAUSIBLE.dayMinutes);
        if (restingHr === restingHr && outside(restingHr, PLAUSIBLE.restingHr)) out(arm, traits.index, day, 'resting HR', restingHr, PLAUSIBLE.restingHr);
        if (lnRmssd === lnRmssd && outside(lnRmssd, PLAUSIBLE.lnRmssd)) out(arm, traits.index, day, 'lnRMSSD', lnRmssd, PLAUSIBLE.lnRmssd);
        if (sleepHours === sleepHours && outside(sleepHours, PLAUSIBLE.sleepHours)) out(arm, traits.index, day, 'sleep', sleepHours, PLAUSIBLE.sleepHours);
        if (sessionRpe === sessionRpe && outside(sessionRpe, PLAUSIBLE.sessionRpe)) out(arm, traits.index, day, 'session RPE', sessionRpe, PLAUSIBLE.sessionRpe);
      },
    };
    // From the baseline tests to the final ones: the weeks and the pre-test days after them.
    const weeks = Math.round((spec.weeks + (scenario.tests?.preTestDays ?? this.loader.parameters.tests.preTestDays) / 7) * 100) / 100;
    const athletes = {
      athlete(traits: AthleteTraits, results: AthleteResults) {
        const check = (arm: number, values: Float64Array, offset: number, when: string) => {
          const tenKm = values[offset + TEST.timeTrialMinutes]!;
          const vo2max = values[offset + TEST.vo2max]!;
          if (tenKm === tenKm && outside(tenKm, PLAUSIBLE.tenKmMinutes)) out(arm, traits.index, null, `10-km time ${when}`, tenKm, PLAUSIBLE.tenKmMinutes);
          if (vo2max === vo2max && outside(vo2max, PLAUSIBLE.vo2max)) out(arm, traits.index, null, `VO2max ${when}`, vo2max, PLAUSIBLE.vo2max);
        };
        for (let arm = 0; arm < spec.arms.length; arm++) {
          if (arm === 0) check(arm, results.baselineTrue, 0, 'at baseline');
          check(arm, results.finalTrue, arm * TEST_COUNT, 'at the end');
          const gain = results.changePct(arm, TEST.vo2max, true);
          const mostGain = Math.min(PLAUSIBLE.vo2maxGainPct, PLAUSIBLE.vo2maxGainPerWeekPct * weeks);
          if (gain > mostGain) out(arm, traits.index, null, 'VO2max gained, %', gain, `at most ${+mostGain.toFixed(2)} in ${weeks} weeks`);
          const mostLoss = Math.min(PLAUSIBLE.vo2maxLossPct, PLAUSIBLE.vo2maxLossFirstPct + PLAUSIBLE.vo2maxLossPerWeekPct * weeks);
          if (gain < -mostLoss) out(arm, traits.index, null, 'VO2max lost, %', -gain, `at most ${+mostLoss.toFixed(2)} in ${weeks} weeks`);
          const faster = results.changePct(arm, TEST.timeTrialMinutes, true);
          const mostSlower = Math.min(PLAUSIBLE.tenKmSlowerPct, PLAUSIBLE.tenKmSlowerFirstPct + PLAUSIBLE.tenKmSlowerPerWeekPct * weeks);
          if (faster < -mostSlower) out(arm, traits.index, null, '10-km time slower, %', -faster, `at most ${+mostSlower.toFixed(2)} after ${weeks} weeks`);
        }
      },
    };
    return this.runner.run(spec, { days, athletes }).athleteDays;
  }
}
