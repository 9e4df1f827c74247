import type { Action, ActionName, Scope } from '../../models/rules/schema.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import type { Macroplan } from '../designs/resolve.ts';
import type { WeekTargets } from '../plan/targets.ts';
import { WeekPlan } from '../plan/week-plan.ts';
import type { ArmRules } from '../rules/arm-rules.ts';
import type { ActionContext, ActionHandler, WeekChange } from './actions.ts';
import type { Adjustment, AdjustmentListener, AdjustmentOutcome, FactReading } from './adjustment.ts';
import { compileRules, evaluate, factsRead, traceRule, TRUE, type CompiledRule } from './evaluate.ts';
import { FactBook } from './fact-book.ts';
import { FACT_DEFAULTS, FactContext, type FactDefinition } from './facts/types.ts';
import {
  ACWR_HISTORY_DAYS,
  acwrScale,
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
import { describeReason, formatFact } from './reasons.ts';
import { WeekSchedule } from './schedule.ts';

/** What an engine is built from: the facts and actions it knows (bound in the composition root), and the workouts. */
export interface EngineParts {
  facts: ReadonlyMap<string, FactDefinition>;
  actions: ReadonlyMap<ActionName, ActionHandler>;
  catalogue: CompiledCatalogue;
}

/** Guardrails by name, in the order their counts follow the rules' (see `changeNames`). */
export const GUARDRAIL_NAMES = ['maxWeeklyIncrease', 'acwrCap', 'maxHardDaysInRow', 'minDaysBetweenHard'] as const;
type GuardrailName = (typeof GUARDRAIL_NAMES)[number];

/**
 * What an engine counts changes by: each rule's id (in file order), then each guardrail as
 * `guardrail:<name>`. `AdaptiveEngine.applied` and `.overridden` are indexed the same way.
 */
export function changeNames(rules: ArmRules): string[] {
  return [...rules.ruleSet.rules.map((rule) => rule.id), ...GUARDRAIL_NAMES.map((name) => `guardrail:${name}`)];
}

/** The scope an action without one acts on. */
function scopeOf(action: Action): Scope {
  if ('scope' in action && action.scope !== undefined) return action.scope;
  if (action.action === 'insertDeloadWeek') return 'nextMicrocycle';
  if (action.action === 'extendBlock' || action.action === 'shortenBlock') return 'nextMesocycle';
  return 'today';
}

/**
 * The adaptive engine for one arm: each morning it computes the facts a coach can see (markers,
 * the training record, the plan), evaluates the arm's rules under their hit policy, applies the
 * winning actions to the plan, then the guardrails — and reports every change with its reason.
 *
 * It sees only the coach's view: the record in `history` (written by whoever observes the athlete)
 * and workout doses at the coach's anchors. Allocation-free on days it changes nothing.
 */
export class AdaptiveEngine {
  readonly history: ObservedHistory;
  readonly schedule: WeekSchedule;
  listener: AdjustmentListener | null = null;
  /** Changes applied (rules and guardrails) since the arm started. */
  changes = 0;
  /** Changes applied and overridden since the arm started, by `changeNames` index. */
  readonly applied: Int32Array;
  readonly overridden: Int32Array;
  private readonly book: FactBook;
  private readonly context: FactContext;
  private readonly rules: readonly CompiledRule[];
  private readonly handlers: readonly ActionHandler[];
  private readonly guardrails: ResolvedGuardrails;
  private readonly collect: boolean;
  private readonly editor: PlanEditor;
  private readonly before = new WeekPlan();
  /** The plan as the morning found it, and what an overridden rule would have made of it. */
  private readonly morningPlan = new WeekPlan();
  private readonly wouldBe = new WeekPlan();
  private readonly actionContext: ActionContext;
  /** Planned weekly minutes (index 0: the athlete's usual week, as the coach knows it). */
  private readonly plannedMinutes: Float64Array;
  /** This morning's firing rules and the accepted ones (fixed-size, counted: nothing reallocated). */
  private readonly fired: CompiledRule[];
  private readonly accepted: CompiledRule[];
  private week = 1;
  private weekday = 0;

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
    this.handlers = this.rules.map((rule) => {
      const handler = parts.actions.get(rule.rule.then.action);
      if (handler === undefined) throw new Error(`no handler for action "${rule.rule.then.action}"`);
      return handler;
    });
    this.guardrails = resolveGuardrails(ruleSet.guardrails);
    this.fired = this.rules.slice();
    this.accepted = this.rules.slice();
    this.collect = ruleSet.hitPolicy === 'collect';
    this.editor = new PlanEditor(parts.catalogue, coachProfiles);
    this.plannedMinutes = new Float64Array(maxWeeks + 1);
    this.applied = new Int32Array(ruleSet.rules.length + GUARDRAIL_NAMES.length);
    this.overridden = new Int32Array(ruleSet.rules.length + GUARDRAIL_NAMES.length);
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
    };
  }

  /** A new arm: the record so far (the baseline week), the arm's macroplan and the athlete's usual weekly minutes. */
  startArm(record: ObservedHistory, macroplan: Macroplan, usualWeeklyMinutes: number): void {
    this.history.copyFrom(record);
    this.schedule.reset(macroplan);
    this.plannedMinutes.fill(0);
    this.plannedMinutes[0] = usualWeeklyMinutes;
    this.changes = 0;
    this.applied.fill(0);
    this.overridden.fill(0);
  }

  /** Week-scoped changes decided earlier (volume, deload) applied to the week's targets before it is planned. */
  adjustTargets(week: number, targets: WeekTargets): void {
    const factor = this.schedule.volume[week]!;
    if (factor === 1) return;
    targets.totalMinutes *= factor;
    targets.z2Minutes *= factor;
    targets.z3Minutes *= factor;
  }

  /** After the week is planned: hard sessions off if a rule said so, then the week's guardrails. */
  reviewWeek(week: number, plan: WeekPlan): void {
    this.week = week;
    this.weekday = 0;
    const editor = this.editor;
    if (this.schedule.easy[week] === 1) for (let k = 0; k < plan.count; k++) if (editor.isHard(plan, k)) editor.makeEasy(plan, k);
    const { maxWeeklyIncrease, acwrCap } = this.guardrails;
    if (maxWeeklyIncrease !== null) {
      // Against the larger of last week's plan and the mean of the last four (a deload week does not count as the reference).
      let sum = 0;
      let weeks = 0;
      for (let w = Math.max(0, week - 4); w < week; w++) {
        sum += this.plannedMinutes[w]!;
        weeks++;
      }
      const reference = Math.max(this.plannedMinutes[week - 1]!, sum / weeks);
      const planned = editor.minutesOfDays(plan, 0, 6);
      const limit = reference * (1 + maxWeeklyIncrease);
      if (planned > limit) {
        if (this.listener !== null) this.before.copyFrom(plan);
        cutWeekTo(plan, editor, limit, sessionMinutes);
        this.recordGuardrail(
          'maxWeeklyIncrease',
          'week',
          plan,
          `planned ${Math.round(planned)} min is ${Math.round((planned / reference - 1) * 100)} % above the recent ${Math.round(reference)} min a week (limit +${Math.round(maxWeeklyIncrease * 100)} %)`,
        );
      }
    }
    if (acwrCap !== null && this.history.today + 1 >= ACWR_HISTORY_DAYS) {
      let recent = 0;
      for (let slot = this.history.today - ACWR_HISTORY_DAYS + 1; slot <= this.history.today; slot++) recent += this.history.load[slot]!;
      const load = plannedLoad(plan, editor);
      const factor = acwrScale(recent, load, acwrCap);
      if (factor < 1) {
        if (this.listener !== null) this.before.copyFrom(plan);
        cutWeekTo(plan, editor, load * factor, sessionLoad);
        this.recordGuardrail(
          'acwrCap',
          'week',
          plan,
          `the planned week's load ${Math.round(load)} AU would make the acute:chronic ratio ${((4 * load) / (recent + load)).toFixed(2)} (cap ${acwrCap})`,
        );
      }
    }
    if (maxWeeklyIncrease !== null) this.plannedMinutes[week] = editor.minutesOfDays(plan, 0, 6);
  }

  /**
   * This morning (weekday 0 = Monday of `week`): facts, rules, actions on the plan from today on,
   * then the day's guardrails. Call after the morning's readings are in the history.
   */
  morning(week: number, weekday: number, plan: WeekPlan): void {
    this.week = week;
    this.weekday = weekday;
    const context = this.context;
    const schedule = this.schedule;
    const block = schedule.blocks[schedule.blockOfWeek[week]!]!;
    context.weekday = weekday + 1;
    context.weekOfBlock = week - block.startWeek + 1;
    context.hardToday = this.editor.hardOn(plan, weekday);
    this.book.invalidate();
    const a = this.actionContext;
    a.plan = plan;
    a.today = weekday;
    a.week = week;
    const spacing = this.guardrails.minDaysBetweenHard ?? 0;
    const designSpacing = schedule.designOf(week).hardDaySpacing;
    a.spacing = spacing > designSpacing ? spacing : designSpacing;

    if (this.collect) {
      // Kept for the record of an overridden rule: what it would have done to the morning's plan.
      if (this.listener !== null) this.morningPlan.copyFrom(plan);
      this.collectRules(plan);
    }
    else {
      for (let i = 0; i < this.rules.length; i++) {
        if (evaluate(this.rules[i]!.when, this.book) === TRUE) {
          this.fire(i, plan, 'applied', '');
          break;
        }
      }
    }
    this.dailyGuardrails(plan);
  }

  /**
   * Hit policy `collect`: every rule that holds, the most conservative first; a change to something
   * an accepted change already controls (intensity, volume or structure, over the same reach) is
   * overridden, and the trace says by which rule.
   */
  private collectRules(plan: WeekPlan): void {
    const fired = this.fired;
    let count = 0;
    for (let i = 0; i < this.rules.length; i++) if (evaluate(this.rules[i]!.when, this.book) === TRUE) fired[count++] = this.rules[i]!;
    if (count === 0) return;
    // Most conservative first (insertion sort: a handful of rules, no allocation).
    for (let i = 1; i < count; i++) {
      const rule = fired[i]!;
      let j = i;
      while (j > 0 && this.byConservativeness(fired[j - 1]!, rule) > 0) {
        fired[j] = fired[j - 1]!;
        j--;
      }
      fired[j] = rule;
    }
    const accepted = this.accepted;
    let acceptedCount = 0;
    for (let f = 0; f < count; f++) {
      const rule = fired[f]!;
      let winner: CompiledRule | null = null;
      for (let j = 0; j < acceptedCount && winner === null; j++) if (this.conflicts(accepted[j]!, rule)) winner = accepted[j]!;
      if (winner === null) {
        accepted[acceptedCount++] = rule;
        this.fire(rule.index, plan, 'applied', '');
      } else if (this.listener === null) {
        this.overridden[rule.order]!++;
      } else {
        const same = this.conservativeness(winner) === this.conservativeness(rule);
        this.fire(rule.index, plan, 'overridden', `overridden by ${winner.rule.id} (${same ? 'as conservative, higher priority' : 'more conservative'})`);
      }
    }
  }

  /** Orders rules most conservative first, then by priority and file order. */
  private byConservativeness(x: CompiledRule, y: CompiledRule): number {
    return this.conservativeness(y) - this.conservativeness(x) || y.priority - x.priority || x.order - y.order;
  }

  private conservativeness(rule: CompiledRule): number {
    return this.handlerOf(rule).conservativeness(rule.rule.then as never);
  }

  private handlerOf(rule: CompiledRule): ActionHandler {
    return this.handlers[rule.index]!;
  }

  private conflicts(x: CompiledRule, y: CompiledRule): boolean {
    const hx = this.handlerOf(x);
    const hy = this.handlerOf(y);
    if (hx.reach(x.rule.then as never) !== hy.reach(y.rule.then as never)) return false;
    return hx.controls.some((control) => hy.controls.includes(control));
  }

  /** Applies (or, when overridden, only records) rule `index`'s action. */
  private fire(index: number, plan: WeekPlan, outcome: AdjustmentOutcome, note: string): void {
    const rule = this.rules[index]!;
    const handler = this.handlers[index]!;
    const action = rule.rule.then;
    if (outcome === 'overridden') {
      this.overridden[rule.order]!++;
      if (this.listener === null) return;
      if (handler.reach(action as never) === 'sessions') {
        // What it would have made of the morning's plan, shown but not kept.
        this.before.copyFrom(this.morningPlan);
        this.wouldBe.copyFrom(this.morningPlan);
        this.actionContext.plan = this.wouldBe;
        handler.apply(action as never, this.actionContext);
        this.actionContext.plan = plan;
        const [before, after] = this.describeDays(this.wouldBe);
        this.record(rule, outcome, before, after, note);
      } else {
        this.record(rule, outcome, '', '', note);
      }
      return;
    }
    if (handler.reach(action as never) === 'sessions') {
      // The plan before the change, kept only when someone will read the description.
      if (this.listener !== null) this.before.copyFrom(plan);
      this.actionContext.plan = plan;
      if (handler.apply(action as never, this.actionContext) !== true) return;
      this.changes++;
      this.applied[rule.order]!++;
      if (this.listener === null) return;
      const [before, after] = this.describeDays(plan);
      this.record(rule, outcome, before, after, note);
      return;
    }
    const change = handler.apply(action as never, this.actionContext) as WeekChange | null;
    if (change === null) return;
    this.changes++;
    this.applied[rule.order]!++;
    this.record(rule, outcome, change.before, change.after, note);
  }

  /** The days from today whose sessions changed: before and after. */
  private describeDays(plan: WeekPlan): [string, string] {
    const before: string[] = [];
    const after: string[] = [];
    for (let day = this.weekday; day < 7; day++) {
      const was = this.editor.describeDay(this.before, day);
      const now = this.editor.describeDay(plan, day);
      if (was !== now) {
        before.push(was);
        after.push(now);
      }
    }
    return [before.join('; '), after.join('; ')];
  }

  private dailyGuardrails(plan: WeekPlan): void {
    const { maxHardDaysInRow, minDaysBetweenHard } = this.guardrails;
    if (this.editor.hardOn(plan, this.weekday) === 0) return;
    if (maxHardDaysInRow !== null) {
      const inRow = hardDaysBefore(this.history);
      if (inRow >= maxHardDaysInRow) {
        if (this.listener !== null) this.before.copyFrom(plan);
        easeToday(plan, this.editor, this.weekday);
        this.recordGuardrail('maxHardDaysInRow', 'today', plan, `${inRow + 1} hard days in a row would exceed the limit of ${maxHardDaysInRow}`);
        return;
      }
    }
    if (minDaysBetweenHard !== null) {
      const since = daysSinceHardDay(this.history);
      if (since <= minDaysBetweenHard) {
        if (this.listener !== null) this.before.copyFrom(plan);
        easeToday(plan, this.editor, this.weekday);
        this.recordGuardrail('minDaysBetweenHard', 'today', plan, `the last hard day was ${since} day${since === 1 ? '' : 's'} ago (at least ${minDaysBetweenHard} easy days between hard days)`);
      }
    }
  }

  private recordGuardrail(name: GuardrailName, scope: 'week' | 'today', plan: WeekPlan, reason: string): void {
    this.changes++;
    this.applied[this.rules.length + GUARDRAIL_NAMES.indexOf(name)]!++;
    if (this.listener === null) return;
    const [before, after] = this.describeDays(plan);
    this.emit({
      ...this.when(),
      ruleId: `guardrail:${name}`,
      scope,
      action: scope === 'week' ? 'scaleVolume' : 'makeHardSessionsEasy',
      outcome: 'guardrail',
      facts: [],
      reason,
      before,
      after,
      note: '',
    });
  }

  private record(rule: CompiledRule, outcome: AdjustmentOutcome, before: string, after: string, note: string): void {
    if (this.listener === null) return;
    const trace = traceRule(rule, this.book);
    const slots = factsRead(rule.when);
    for (const slot of [...slots]) for (const companion of this.book.definitions[slot]!.companions ?? []) {
      const s = this.book.slotOf(companion)!;
      if (!slots.includes(s)) slots.push(s);
    }
    const facts: FactReading[] = slots.map((slot) => this.book.reading(slot));
    this.emit({
      ...this.when(),
      ruleId: rule.rule.id,
      scope: scopeOf(rule.rule.then),
      action: rule.rule.then.action,
      outcome,
      facts,
      reason: describeReason(trace, this.book),
      before,
      after,
      note,
    });
  }

  private when(): Pick<Adjustment, 'day' | 'week' | 'weekday'> {
    return { day: (this.week - 1) * 7 + this.weekday + 1, week: this.week, weekday: this.weekday };
  }

  private emit(change: Adjustment): void {
    this.listener?.adjustment(change);
  }

  /** For tests and `explain`: a fact's value this morning, formatted. */
  fact(name: string): string {
    return formatFact(this.book, this.book.slot(name));
  }
}

export { WEEKDAYS };
