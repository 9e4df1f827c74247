import { GUARDRAIL_NAMES, OUTCOME_APPLIED, OUTCOME_OVERRIDDEN, type Decision } from '../engine/adapt/decision.ts';
import { changeNames } from '../engine/adapt/engine.ts';
import type { AthleteResults } from './results.ts';
import type { RunSpec } from './scenario/prepare.ts';

/** What one rule (or guardrail) did in one arm, for summary.json. */
export interface RuleTally {
  /** Mornings the rule's condition held (null for a guardrail, which has no condition). */
  fired: number | null;
  /** Changes applied (a guardrail's changes are applied). */
  count: number;
  /** Distinct athletes with at least one applied change. */
  athletes: number;
  /** Changes a more conservative change to the same sessions overrode. */
  overridden: number;
}

/**
 * The length of an athlete's counts for an arm with `rules` rules: changes applied and overridden
 * by `changeNames` index (the rules, then the guardrails), then the mornings each rule held.
 */
export function changeCountsLength(rules: number): number {
  return 2 * (rules + GUARDRAIL_NAMES.length) + rules;
}

/**
 * Adds what an engine decided (one morning, or one week's review) to an athlete's counts for the arm
 * (see `changeCountsLength`). Reads the decision's typed arrays only: nothing allocated.
 */
export function countDecision(decision: Decision, counts: Int32Array): void {
  const rules = decision.rules.length;
  const n = rules + GUARDRAIL_NAMES.length;
  // Only the rules that held can have an outcome (so a quiet morning costs a comparison or two).
  for (let h = 0; h < decision.heldCount; h++) {
    const i = decision.held[h]!;
    counts[2 * n + i]!++;
    const outcome = decision.outcome[i];
    if (outcome === OUTCOME_APPLIED) counts[i]!++;
    else if (outcome === OUTCOME_OVERRIDDEN) counts[n + i]!++;
  }
  if (decision.cuts !== 0) for (let g = 0; g < GUARDRAIL_NAMES.length; g++) counts[rules + g]! += decision.guardrailCuts[g]!;
}

/** The changes an athlete's counts say were applied (by rules and guardrails together). */
export function changesApplied(counts: Int32Array, rules: number): number {
  let applied = 0;
  for (let i = 0; i < rules + GUARDRAIL_NAMES.length; i++) applied += counts[i]!;
  return applied;
}

/** Rule ids in a fixed order: alphabetical, guardrails (`guardrail:<name>`) after the rules. */
export function compareRuleIds(a: string, b: string): number {
  const guardrailA = a.startsWith('guardrail:');
  const guardrailB = b.startsWith('guardrail:');
  if (guardrailA !== guardrailB) return guardrailA ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Counts the engine's changes per arm and rule from each athlete's results (the counts the
 * simulator keeps of the engine's decisions, see `countDecision`), so the summary needs no listener and no per-change record: an adaptive run is as
 * cheap without adjustments.csv as the engine's rules make it.
 */
export class AdjustmentTally {
  private readonly names: (string[] | null)[];
  /** Per arm: applied, athletes, overridden and fired, four numbers per name. */
  private readonly counts: (Float64Array | null)[];

  constructor(spec: RunSpec) {
    this.names = spec.arms.map((arm) => (arm.rules === null ? null : changeNames(arm.rules)));
    this.counts = this.names.map((names) => (names === null ? null : new Float64Array(4 * names.length)));
  }

  add(results: AthleteResults): void {
    for (let arm = 0; arm < this.counts.length; arm++) {
      const counts = this.counts[arm];
      const changes = results.changes[arm];
      if (counts === null || counts === undefined || changes === null || changes === undefined) continue;
      const n = counts.length / 4;
      const rules = changes.length - 2 * n;
      for (let i = 0; i < n; i++) {
        const applied = changes[i]!;
        counts[4 * i]! += applied;
        if (applied > 0) counts[4 * i + 1]!++;
        counts[4 * i + 2]! += changes[n + i]!;
        if (i < rules) counts[4 * i + 3]! += changes[2 * n + i]!;
      }
    }
  }

  /**
   * One arm's tallies keyed by rule id, in `compareRuleIds` order (so summary.json is
   * deterministic): every rule, and the guardrails that changed something.
   */
  byRule(arm: number): Record<string, RuleTally> {
    const names = this.names[arm];
    const counts = this.counts[arm];
    if (names === null || names === undefined || counts === null || counts === undefined) return {};
    const entries: [string, RuleTally][] = [];
    names.forEach((name, i) => {
      const guardrail = name.startsWith('guardrail:');
      const tally = { fired: guardrail ? null : counts[4 * i + 3]!, count: counts[4 * i]!, athletes: counts[4 * i + 1]!, overridden: counts[4 * i + 2]! };
      if (!guardrail || tally.count > 0) entries.push([name, tally]);
    });
    return Object.fromEntries(entries.sort(([a], [b]) => compareRuleIds(a, b)));
  }
}
