import type { ActionName, RuleSet } from '../../models/rules/schema.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import type { Macroplan } from '../designs/resolve.ts';
import type { WeekTargets } from '../plan/targets.ts';
import { WeekPlan } from '../plan/week-plan.ts';
import type { ArmRules } from '../rules/arm-rules.ts';
import { changeKey, handlerOf, type ActionContext, type ActionHandlerOf, type ActionRegistry, type Control, type WeekChange } from './actions.ts';
import type { AdjustmentListener } from './adjustment.ts';
import {
  decide,
  Decision,
  GUARDRAIL_NAMES,
  OUTCOME_APPLIED,
  OUTCOME_UNCHANGED,
  OVERRIDE_HIGHER_PRIORITY,
  OVERRIDE_MORE_CONSERVATIVE,
  type GuardrailName,
} from './decision.ts';
import { compileRules, factsRead, type CompiledRule } from './evaluate.ts';
import { FactBook } from './fact-book.ts';
import { FACT_DEFAULTS, FactContext, type FactDefinition } from './facts/types.ts';
import {
  ACWR_HISTORY_DAYS,
  acwrLoadLimit,
  daysSinceHardDay,
  easeToday,
  hardDaysBefore,
  plannedLoad,
  cutWeekTo,
  sessionLoad,
  sessionMinutes,
  resolveGuardrails,
  type ResolvedGuardrails,
} from './guardrails.ts';
import { ObservedHistory } from './history.ts';
import { PlanEditor, WEEKDAYS } from './plan-edit.ts';
import { formatFact } from './reasons.ts';
import { ChangeRecorder } from './recorder.ts';
import { WeekSchedule } from './schedule.ts';

/** What an engine is built from: the facts and actions it knows (bound in the composition root), and the workouts. */
export interface EngineParts {
  facts: ReadonlyMap<string, FactDefinition>;
  actions: ActionRegistry;
  catalogue: CompiledCatalogue;
}

/**
 * What a tally of an engine's decisions counts changes by: each rule's id (in file order), then
 * each guardrail as `guardrail:<name>` (the layout of the simulator's `countDecision`).
 */
export function changeNames(rules: ArmRules): string[] {
  return [...rules.ruleSet.rules.map((rule) => rule.id), ...GUARDRAIL_NAMES.map((name) => `guardrail:${name}`)];
}

/** Index of each control in the engine's per-control claims. */
const CONTROL_INDEX: Record<Control, number> = { intensity: 0, volume: 1, structure: 2 };

/** A week within 0.1 % of a limit is within it (warm-ups that do not scale leave a sliver). */
const WEEK_LIMIT_TOLERANCE = 1.001;

/** Every weekday, as a day mask. */
const ALL_DAYS = 0x7f;

/**
 * The adaptive engine for one arm: each morning it computes the facts a coach can see (markers,
 * the training record, the plan), evaluates the arm's rules under their hit policy, applies the
 * winning actions to the plan, then the guardrails — and returns what it decided (a `Decision`,
 * the engine's own, filled again each morning); a listener also hears every change with its reason.
 *
 * It sees only the coach's view: the record in `history` (written by whoever observes the athlete)
 * and workout doses at the coach's anchors. Allocation-free on days it changes nothing.
 */
export class AdaptiveEngine {
  readonly history: ObservedHistory;
  readonly schedule: WeekSchedule;
  /** Receives every change, with its reason; null: changes are only counted. */
  get listener(): AdjustmentListener | null {
    return this.recorder.listener;
  }

  set listener(listener: AdjustmentListener | null) {
    this.recorder.listener = listener;
  }

  private readonly recorder: ChangeRecorder;
  /** What the engine decided this morning (or in this week's review): returned, and reused. */
  private readonly decision: Decision;
  private readonly book: FactBook;
  private readonly context: FactContext;
  private readonly rules: readonly CompiledRule[];
  /** Each rule's handler, by evaluation position. */
  private readonly handlers: readonly ActionHandlerOf<ActionName>[];
  private readonly guardrails: ResolvedGuardrails;
  private readonly hitPolicy: RuleSet['hitPolicy'];
  private readonly editor: PlanEditor;
  private readonly before = new WeekPlan();
  /** The plan as the morning found it, and what an overridden rule would have made of it. */
  private readonly morningPlan = new WeekPlan();
  private readonly wouldBe = new WeekPlan();
  private readonly actionContext: ActionContext;
  /** Planned weekly minutes (index 0: the athlete's usual week, as the coach knows it). */
  private readonly plannedMinutes: Float64Array;
  /** The rules by file position (a decision's order). */
  private readonly byOrder: readonly CompiledRule[];
  /** What each rule last changed (see `changeKey`), so that a rule that keeps holding changes it once. */
  private readonly lastChange: Float64Array;
  /**
   * This morning's claims, per control (intensity, volume, structure): the weekdays whose sessions a
   * more conservative change took (a bit per day) and the rule that took each, and whether a change
   * to the weeks ahead took that control.
   */
  private readonly lockedDays = new Int32Array(3);
  private readonly dayOwner = new Int32Array(21);
  private readonly weekOwner = new Int32Array(3);
  /** Limits the week's review set, held again after each morning's rules: minutes and expected load (NaN: none). */
  private weekMinutesLimit = Number.NaN;
  private weekLoadLimit = Number.NaN;
  private weekday = 0;
  /** Whether a rule reads `hardToday` (it costs a pass over the plan each morning). */
  private readonly readsHardToday: boolean;

  constructor(
    readonly armRules: ArmRules,
    parts: EngineParts,
    coachProfiles: Float64Array,
    maxDays: number,
    maxWeeks: number,
  ) {
    const ruleSet = armRules.ruleSet;
    this.history = new ObservedHistory(maxDays, parts.catalogue.count);
    this.schedule = new WeekSchedule(maxWeeks);
    this.context = new FactContext(this.history, { ...FACT_DEFAULTS, ...ruleSet.facts });
    this.book = new FactBook(parts.facts, this.context);
    this.rules = compileRules(ruleSet, this.book);
    this.readsHardToday = this.book.slotOf('hardToday') !== undefined;
    this.handlers = this.rules.map((rule) => handlerOf(parts.actions, rule.rule.then.action));
    this.byOrder = this.rules.slice().sort((x, y) => x.order - y.order);
    this.decision = new Decision(this.byOrder, this.book);
    this.guardrails = resolveGuardrails(ruleSet.guardrails);
    this.hitPolicy = ruleSet.hitPolicy;
    this.lastChange = new Float64Array(this.rules.length);
    this.editor = new PlanEditor(parts.catalogue, coachProfiles);
    this.recorder = new ChangeRecorder(this.book, this.editor);
    this.plannedMinutes = new Float64Array(maxWeeks + 1);
    this.actionContext = {
      plan: this.before,
      editor: this.editor,
      today: 0,
      week: 1,
      spacing: 0,
      maxHardDaysInRow: this.guardrails.maxHardDaysInRow ?? Number.POSITIVE_INFINITY,
      history: this.history,
      schedule: this.schedule,
      designs: armRules.designs,
      locked: 0,
      describe: false,
      masks: new Int32Array(3),
    };
  }

  /** A new arm: the record so far (the baseline week), the arm's macroplan and the athlete's usual weekly minutes. */
  startArm(record: ObservedHistory, macroplan: Macroplan, usualWeeklyMinutes: number): void {
    this.history.copyFrom(record);
    this.schedule.reset(macroplan);
    this.plannedMinutes.fill(0);
    this.plannedMinutes[0] = usualWeeklyMinutes;
    this.lastChange.fill(Number.NaN);
  }

  /** Week-scoped changes decided earlier (volume, deload) applied to the week's targets before it is planned. */
  adjustTargets(week: number, targets: WeekTargets): void {
    const factor = this.schedule.volume[week]!;
    if (factor === 1) return;
    targets.totalMinutes *= factor;
    targets.z2Minutes *= factor;
    targets.z3Minutes *= factor;
  }

  /**
   * After the week is planned: hard sessions off if a rule said so, then the week's guardrails —
   * weekly minutes against the recent weeks, and the planned load against the ACWR cap. The limits
   * they set hold for the whole week: the mornings' rules cannot push the week past them either.
   * Returns what the guardrails cut (the engine's decision object, reused: read it before the next call).
   */
  reviewWeek(week: number, plan: WeekPlan): Decision {
    this.decision.reset(week, -1);
    this.weekday = 0;
    this.recorder.week = week;
    this.recorder.weekday = 0;
    const editor = this.editor;
    if (this.schedule.easy[week] === 1) for (let k = 0; k < plan.count; k++) if (editor.isHard(plan, k)) editor.makeEasy(plan, k);
    const { maxWeeklyIncrease, acwrCap } = this.guardrails;
    this.weekMinutesLimit = Number.NaN;
    this.weekLoadLimit = Number.NaN;
    if (maxWeeklyIncrease !== null) {
      // Against the fullest of the last four weeks planned (week 0: the athlete's usual week): coming
      // back from a deload week to the level before it is not an increase.
      let reference = 0;
      for (let w = Math.max(0, week - 4); w < week; w++) if (this.plannedMinutes[w]! > reference) reference = this.plannedMinutes[w]!;
      this.weekMinutesLimit = reference * (1 + maxWeeklyIncrease);
    }
    if (acwrCap !== null && this.history.today + 1 >= ACWR_HISTORY_DAYS) {
      let recent = 0;
      for (let slot = this.history.today - ACWR_HISTORY_DAYS + 1; slot <= this.history.today; slot++) recent += this.history.load[slot]!;
      this.weekLoadLimit = acwrLoadLimit(recent, acwrCap);
    }
    this.holdWeekLimits(plan, 0);
    if (maxWeeklyIncrease !== null) this.plannedMinutes[week] = editor.minutesOfDays(plan, 0, 6);
    return this.decision;
  }

  /** Cuts the week from weekday `fromDay` on until it is within the limits the review set. */
  private holdWeekLimits(plan: WeekPlan, fromDay: number): void {
    const editor = this.editor;
    const minutesLimit = this.weekMinutesLimit;
    if (minutesLimit === minutesLimit) {
      const planned = editor.minutesOfDays(plan, 0, 6);
      if (planned > minutesLimit * WEEK_LIMIT_TOLERANCE) {
        if (this.listener !== null) this.before.copyFrom(plan);
        cutWeekTo(plan, editor, minutesLimit, sessionMinutes, fromDay);
        this.recordGuardrail('maxWeeklyIncrease', 'week', plan, planned, minutesLimit, this.guardrails.maxWeeklyIncrease!);
      }
    }
    const loadLimit = this.weekLoadLimit;
    if (loadLimit === loadLimit) {
      const load = plannedLoad(plan, editor);
      if (load > loadLimit * WEEK_LIMIT_TOLERANCE) {
        if (this.listener !== null) this.before.copyFrom(plan);
        cutWeekTo(plan, editor, loadLimit, sessionLoad, fromDay);
        this.recordGuardrail('acwrCap', 'week', plan, load, loadLimit, this.guardrails.acwrCap!);
      }
    }
  }

  /**
   * This morning (weekday 0 = Monday of `week`): facts, then `decide` (which rules hold, most
   * conservative first), then their changes applied to the plan from today on, then the guardrails.
   * Call after the morning's readings are in the history. Returns what was decided: the engine's
   * own decision object, filled again each morning (read it before the next call).
   */
  morning(week: number, weekday: number, plan: WeekPlan): Decision {
    this.weekday = weekday;
    this.recorder.week = week;
    this.recorder.weekday = weekday;
    const context = this.context;
    const schedule = this.schedule;
    const block = schedule.blocks[schedule.blockOfWeek[week]!]!;
    context.weekday = weekday + 1;
    context.weekOfBlock = week - block.startWeek + 1;
    if (this.readsHardToday) context.hardToday = this.editor.hardOn(plan, weekday);
    this.book.invalidate();
    const a = this.actionContext;
    a.plan = plan;
    a.today = weekday;
    a.week = week;
    a.describe = this.listener !== null;
    const spacing = this.guardrails.minDaysBetweenHard ?? 0;
    const designSpacing = schedule.designOf(week).hardDaySpacing;
    a.spacing = spacing > designSpacing ? spacing : designSpacing;

    const decision = this.decision;
    decision.reset(week, weekday);
    decide(this.book, this.rules, this.hitPolicy, decision);
    if (decision.heldCount > 0) this.applyDecision(decision, plan);
    if (decision.changes !== 0) this.holdWeekLimits(plan, weekday);
    this.dailyGuardrails(plan);
    return decision;
  }

  /**
   * Applies the changes of the rules that hold this morning, the most conservative first. A rule
   * does not change what it already changed (see `changeKey`). Where an earlier — more conservative
   * — change took a day's sessions for a control (intensity, volume, structure), a later change to
   * the same control leaves that day alone, and keeps the days it can still change: "rest today" and
   * "easy for the rest of the week" together give rest today and easy days after. A change that is
   * left with nothing to do is recorded as overridden, with the rule that took its days.
   */
  private applyDecision(decision: Decision, plan: WeekPlan): void {
    const count = decision.heldCount;
    this.lockedDays.fill(0);
    this.weekOwner.fill(-1);
    if (count > 1) this.morningPlan.copyFrom(plan);
    for (let f = 0; f < count; f++) this.applyRule(this.byOrder[decision.held[f]!]!, plan, count > 1);
  }

  private applyRule(rule: CompiledRule, plan: WeekPlan, contested: boolean): void {
    const handler = this.handlers[rule.index]!;
    const action = rule.rule.then;
    const a = this.actionContext;
    const decision = this.decision;
    const key = changeKey(action, a);
    if (this.lastChange[rule.index] === key) {
      decision.setOutcome(rule.order, OUTCOME_UNCHANGED);
      return;
    }
    const controls = handler.controls;
    if (handler.reach(action) === 'sessions') {
      let locked = 0;
      for (let i = 0; i < controls.length; i++) locked |= this.lockedDays[CONTROL_INDEX[controls[i]!]]!;
      a.locked = locked;
      // The plan before the change: to see which days it took (when other rules follow) or to describe it.
      const snapshot = contested || this.listener !== null;
      if (snapshot) this.before.copyFrom(plan);
      const changed = handler.apply(action, a) === true;
      a.locked = 0;
      const days = !changed ? 0 : snapshot ? this.changedDays(this.before, plan) : ALL_DAYS;
      if (days !== 0) {
        this.lastChange[rule.index] = key;
        for (let i = 0; i < controls.length; i++) {
          const c = CONTROL_INDEX[controls[i]!];
          for (let d = 0; d < 7; d++) if ((days & (1 << d)) !== 0 && (this.lockedDays[c]! & (1 << d)) === 0) this.dayOwner[c * 7 + d] = rule.index;
          this.lockedDays[c]! |= days;
        }
        decision.setOutcome(rule.order, OUTCOME_APPLIED);
        if (this.listener !== null) this.recorder.sessions(rule, decision, this.before, plan);
        return;
      }
      decision.setOutcome(rule.order, OUTCOME_UNCHANGED);
      // Nothing changed: was it because a more conservative change had taken the days?
      if (contested && locked !== 0) this.recordIfOverridden(rule, handler, locked, plan);
      return;
    }
    // Week reach: one change per control to the weeks ahead each morning, the most conservative.
    let owner = -1;
    for (let i = 0; i < controls.length && owner < 0; i++) owner = this.weekOwner[CONTROL_INDEX[controls[i]!]]!;
    if (owner >= 0) {
      decision.override(rule.order, this.rules[owner]!.order, this.overrideReason(this.rules[owner]!, rule));
      if (this.listener !== null) this.recorder.rule(rule, decision, '', '');
      return;
    }
    const change = handler.apply(action, a) as WeekChange | null;
    if (change === null) {
      decision.setOutcome(rule.order, OUTCOME_UNCHANGED);
      return;
    }
    this.lastChange[rule.index] = key;
    for (let i = 0; i < controls.length; i++) this.weekOwner[CONTROL_INDEX[controls[i]!]] = rule.index;
    decision.setOutcome(rule.order, OUTCOME_APPLIED);
    this.recorder.rule(rule, decision, change.before, change.after);
  }

  /** Records a rule as overridden if, on the morning's plan and without the claims, it would have changed something. */
  private recordIfOverridden(rule: CompiledRule, handler: ActionHandlerOf<ActionName>, locked: number, plan: WeekPlan): void {
    const a = this.actionContext;
    this.wouldBe.copyFrom(this.morningPlan);
    a.plan = this.wouldBe;
    const changed = handler.apply(rule.rule.then, a) === true;
    a.plan = plan;
    const days = changed ? this.changedDays(this.morningPlan, this.wouldBe) : 0;
    if ((days & locked) === 0) return;
    let owner = -1;
    for (let d = 0; d < 7 && owner < 0; d++) {
      if ((days & locked & (1 << d)) === 0) continue;
      for (const control of handler.controls) {
        const c = CONTROL_INDEX[control];
        if (owner < 0 && (this.lockedDays[c]! & (1 << d)) !== 0) owner = this.dayOwner[c * 7 + d]!;
      }
    }
    const winner = owner < 0 ? null : this.rules[owner]!;
    this.decision.override(rule.order, winner === null ? -1 : winner.order, winner === null ? 0 : this.overrideReason(winner, rule));
    if (this.listener === null || winner === null) return;
    this.recorder.sessions(rule, this.decision, this.morningPlan, this.wouldBe);
  }

  /** Why `winner` went before `loser`: more conservative, or as conservative with a higher priority. */
  private overrideReason(winner: CompiledRule, loser: CompiledRule): number {
    const rank = this.decision.rank;
    return rank[winner.order] === rank[loser.order] ? OVERRIDE_HIGHER_PRIORITY : OVERRIDE_MORE_CONSERVATIVE;
  }

  /** Weekdays (a bit each) whose sessions differ between two plans of the same week. */
  private changedDays(x: WeekPlan, y: WeekPlan): number {
    let days = 0;
    for (let d = 0; d < 7; d++) if (!x.sameDay(y, d)) days |= 1 << d;
    return days;
  }

  private dailyGuardrails(plan: WeekPlan): void {
    const { maxHardDaysInRow, minDaysBetweenHard } = this.guardrails;
    if ((maxHardDaysInRow === null && minDaysBetweenHard === null) || this.editor.hardOn(plan, this.weekday) === 0) return;
    if (maxHardDaysInRow !== null) {
      const inRow = hardDaysBefore(this.history);
      if (inRow >= maxHardDaysInRow) {
        if (this.listener !== null) this.before.copyFrom(plan);
        easeToday(plan, this.editor, this.weekday);
        this.recordGuardrail('maxHardDaysInRow', 'today', plan, inRow, maxHardDaysInRow);
        return;
      }
    }
    if (minDaysBetweenHard !== null) {
      const since = daysSinceHardDay(this.history);
      if (since <= minDaysBetweenHard) {
        if (this.listener !== null) this.before.copyFrom(plan);
        easeToday(plan, this.editor, this.weekday);
        this.recordGuardrail('minDaysBetweenHard', 'today', plan, since, minDaysBetweenHard);
      }
    }
  }

  /** Enters a guardrail's cut in the decision, with its numbers, and records it for a listener (words only then). */
  private recordGuardrail(name: GuardrailName, scope: 'week' | 'today', plan: WeekPlan, first: number, second: number, third?: number): void {
    this.decision.guardrailCut(name, first, second, third);
    if (this.listener !== null) this.recorder.guardrail(name, scope, this.before, plan, this.decision.guardrail(name)!);
  }

  /** For tests and `explain`: a fact's value this morning, formatted. */
  fact(name: string): string {
    return formatFact(this.book, this.book.slot(name));
  }

  /** Every fact this arm's rules read (factsRead, in the rules' file order, each once), as a coach reads it this morning. */
  ruleFacts(): { name: string; label: string; value: string }[] {
    const slots: number[] = [];
    for (const rule of this.byOrder) factsRead(rule.when, slots);
    return slots.map((slot) => {
      const name = this.book.definitions[slot]!.name;
      return { name, ...this.factReading(name) };
    });
  }

  /** A fact's value this morning as a number (NaN: missing): what a chart of the rules' readings draws. */
  factValue(name: string): number {
    return this.book.value(this.book.slot(name));
  }

  /** A fact as a coach reads it this morning: its label with its unit ("HRV 7-day mean (ln ms)") and its value ("3.42", "yes", "missing"). */
  factReading(name: string): { label: string; value: string } {
    const slot = this.book.slot(name);
    const definition = this.book.definitions[slot]!;
    const value = this.book.value(slot);
    const label = definition.unit === undefined || definition.unit === '' ? definition.label : `${definition.label} (${definition.unit})`;
    if (definition.kind === 'flag' && value === value) return { label, value: value === 1 ? 'yes' : 'no' };
    // Days since something that never happened in the record.
    if (value === Number.POSITIVE_INFINITY) return { label, value: 'none on record' };
    return { label, value: formatFact(this.book, slot) };
  }
}

export { WEEKDAYS };
