import type { Action, ActionName } from '../../models/rules/schema.ts';
import type { ActionOf } from './conservativeness.ts';
import type { ResolvedDesign } from '../designs/resolve.ts';
import { isDeloadWeek } from '../plan/targets.ts';
import type { WeekPlan } from '../plan/week-plan.ts';
import type { ObservedHistory } from './history.ts';
import type { PlanEditor } from './plan-edit.ts';
import type { WeekSchedule } from './schedule.ts';

/** What an action changes. Two changes to the same thing over overlapping days conflict. */
export type Control = 'intensity' | 'volume' | 'structure';

/** Where the engine stands when an action is applied: this week's plan from today, and the weeks ahead. */
export interface ActionContext {
  plan: WeekPlan;
  editor: PlanEditor;
  /** Today's weekday, 0 = Monday. */
  today: number;
  week: number;
  /** Easy days a moved hard session must keep from other hard days. */
  spacing: number;
  /** Most hard days in a row a moved hard session may make (the guardrail's; Infinity without one). */
  maxHardDaysInRow: number;
  history: ObservedHistory;
  schedule: WeekSchedule;
  /** Designs that `shiftDesign` may name, resolved. */
  designs: ReadonlyMap<string, ResolvedDesign>;
  /** Weekdays (bit d for day d) whose sessions a more conservative change already took: hands off. */
  locked: number;
  /** Whether week actions should describe their change (only when someone reads it). */
  describe: boolean;
  /** Scratch for `PlanEditor.dayMasks` of the plan as an action finds it. */
  masks: Int32Array;
}

function has(c: ActionContext, mask: number, day: number): boolean {
  return (c.masks[mask]! & (1 << day)) !== 0;
}

/** Bits of `ActionContext.masks`: days with sessions, with a hard session, with the long run. */
const SESSIONS = 0;
const HARD = 1;
const LONG = 2;

/** A week change made without a description (nobody is listening): no strings built. */
export const UNDESCRIBED: WeekChange = { before: '', after: '' };

/** A change to the weeks ahead, described for the trace; null when the action changed nothing. */
export interface WeekChange {
  before: string;
  after: string;
}

/** What an action did: session actions say whether they changed the plan; week actions describe their change (null: none). */
export type ActionResult = boolean | WeekChange | null;

/**
 * One kind of action. `apply` is a pure function of its context (it edits the plan or the schedule
 * it is given): testable without a container or a simulator. Session actions report whether they
 * changed the plan (the engine describes the days before and after); week actions describe their
 * change. Its functions are properties, not methods, so that a handler only ever takes its own
 * action (methods would let `ActionHandlerOf<'rest'>` pass for a handler of any action). How
 * conservative an action is lives in one table, `CONSERVATIVENESS`.
 */
export interface ActionHandlerOf<N extends ActionName> {
  readonly action: N;
  readonly controls: readonly Control[];
  /** Acts on this week's sessions, or on the weeks ahead. */
  readonly reach: (action: ActionOf<N>) => 'sessions' | 'weeks';
  readonly apply: (action: ActionOf<N>, context: ActionContext) => ActionResult;
}

/** A handler for every action, by name: the registry an engine dispatches through. */
export type ActionHandlers = { readonly [N in ActionName]: ActionHandlerOf<N> };

/** Any one action's handler (what the container binds, several at once). */
export type ActionHandler = ActionHandlers[ActionName];

/** The handlers an engine has, by action name (a rule set may use only some of them). */
export type ActionRegistry = { [N in ActionName]: ActionHandlerOf<N> | undefined };

/** Whether weekday `day`'s sessions are taken by a more conservative change this morning. */
function isLocked(c: ActionContext, day: number): boolean {
  return (c.locked & (1 << day)) !== 0;
}

/** Whether session k of this week's plan is inside a session scope (and not on a locked day). */
function inScope(scope: 'today' | 'nextSession' | 'restOfWeek', c: ActionContext, k: number): boolean {
  const day = c.plan.day[k]!;
  if (isLocked(c, day)) return false;
  if (scope === 'today') return day === c.today;
  if (scope === 'restOfWeek') return day >= c.today;
  // The first session from today on.
  for (let j = 0; j < c.plan.count; j++) if (c.plan.day[j]! >= c.today) return j === k;
  return false;
}

/** First and last week of a week scope from the current week; last < first when there is none. */
export function firstWeekOf(scope: 'nextMicrocycle' | 'nextMesocycle', c: ActionContext): number {
  return scope === 'nextMicrocycle' ? c.week + 1 : c.schedule.nextMesocycleFirst(c.week);
}

export function lastWeekOf(scope: 'nextMicrocycle' | 'nextMesocycle', c: ActionContext): number {
  if (scope === 'nextMicrocycle') return c.week + 1 <= c.schedule.weeks ? c.week + 1 : c.week;
  return c.schedule.nextMesocycleLast(c.week);
}

function weekRange(from: number, to: number): string {
  return from === to ? `week ${from}` : `weeks ${from}–${to}`;
}

/**
 * What a rule's change is about, so that the same rule does not change it twice while its condition
 * keeps holding ("20 % less for the rest of the week" once a week, not 20 % a day): the day for a
 * day's session, the week for the rest of the week, the first week for the weeks ahead, the block
 * for a block's length.
 */
export function changeKey(action: Action, c: ActionContext): number {
  const scope = 'scope' in action ? action.scope : undefined;
  switch (action.action) {
    case 'extendBlock':
    case 'shortenBlock':
      return -1 - c.schedule.blockOfWeek[c.week]!;
    case 'insertDeloadWeek':
      return 1000 * (c.week + 1);
    default:
      if (scope === 'restOfWeek') return 1000 * c.week;
      if (scope === 'nextMicrocycle' || scope === 'nextMesocycle') return 1000 * firstWeekOf(scope, c);
      return 1000 * c.week + 1 + c.today;
  }
}

function isSessionScope(scope: string): scope is 'today' | 'nextSession' | 'restOfWeek' {
  return scope === 'today' || scope === 'nextSession' || scope === 'restOfWeek';
}

const makeHardSessionsEasy: ActionHandlerOf<'makeHardSessionsEasy'> = {
  action: 'makeHardSessionsEasy',
  controls: ['intensity'],
  reach: (a) => (isSessionScope(a.scope) ? 'sessions' : 'weeks'),
  apply: (a, c) => {
    const scope = a.scope;
    if (isSessionScope(scope)) {
      let changed = false;
      for (let k = 0; k < c.plan.count; k++) {
        if (inScope(scope, c, k) && c.editor.isHard(c.plan, k)) {
          c.editor.makeEasy(c.plan, k, a.minutes);
          changed = true;
        }
      }
      return changed;
    }
    const from = firstWeekOf(scope, c);
    const to = lastWeekOf(scope, c);
    let changed = false;
    for (let w = from; w <= to; w++) {
      if (c.schedule.easy[w] === 0) changed = true;
      c.schedule.easy[w] = 1;
    }
    if (!changed) return null;
    if (!c.describe) return UNDESCRIBED;
    return { before: `${weekRange(from, to)}: hard sessions as planned`, after: `${weekRange(from, to)}: every hard session an easy run` };
  },
};

/** Whether weekday `d` has a hard session: planned (from today on, `ignoreDay` not counted) or done (before today). */
function hardOn(c: ActionContext, d: number, ignoreDay: number): boolean {
  if (d === ignoreDay || d > 6) return false;
  if (d >= c.today) return has(c, HARD, d);
  const slot = c.history.today - (c.today - d);
  return slot >= 0 && c.history.hard[slot]! > 0;
}

/**
 * Whether a hard session can go on `day`: it keeps `spacing` easy days from every other hard day,
 * and makes no run of hard days longer than the guardrail allows (`ignoreDay`: the day it leaves).
 */
function fitsHardOn(c: ActionContext, day: number, ignoreDay: number): boolean {
  for (let d = day - c.spacing; d <= day + c.spacing; d++) if (d !== day && hardOn(c, d, ignoreDay)) return false;
  let run = 1;
  for (let d = day - 1; hardOn(c, d, ignoreDay); d--) run++;
  for (let d = day + 1; hardOn(c, d, ignoreDay); d++) run++;
  return run <= c.maxHardDaysInRow;
}

const postponeHardSession: ActionHandlerOf<'postponeHardSession'> = {
  action: 'postponeHardSession',
  controls: ['intensity'],
  reach: () => 'sessions',
  apply: (_a, c) => {
    c.editor.dayMasks(c.plan, c.masks);
    if (isLocked(c, c.today) || !has(c, HARD, c.today)) return false;
    // The first later day with easy training (not the long run) where the session keeps its spacing.
    for (let day = c.today + 1; day <= 6; day++) {
      const plan = c.plan;
      if (isLocked(c, day) || !has(c, SESSIONS, day) || has(c, HARD, day) || has(c, LONG, day)) continue;
      if (!fitsHardOn(c, day, c.today)) continue;
      plan.swapDays(c.today, day);
      return true;
    }
    for (let k = 0; k < c.plan.count; k++) if (c.plan.day[k] === c.today && c.editor.isHard(c.plan, k)) c.editor.makeEasy(c.plan, k);
    return true;
  },
};

const bringForwardHardSession: ActionHandlerOf<'bringForwardHardSession'> = {
  action: 'bringForwardHardSession',
  controls: ['intensity'],
  reach: () => 'sessions',
  apply: (_a, c) => {
    const plan = c.plan;
    const today = c.today;
    c.editor.dayMasks(plan, c.masks);
    if (isLocked(c, today) || !has(c, SESSIONS, today) || has(c, HARD, today) || has(c, LONG, today)) return false;
    for (let day = today + 1; day <= 6; day++) {
      if (!has(c, HARD, day)) continue;
      if (isLocked(c, day)) return false;
      if (!fitsHardOn(c, today, day)) return false;
      plan.swapDays(today, day);
      return true;
    }
    return false;
  },
};

const rest: ActionHandlerOf<'rest'> = {
  action: 'rest',
  controls: ['intensity', 'volume'],
  reach: () => 'sessions',
  apply: (a, c) => {
    let day = -1;
    for (let k = 0; k < c.plan.count && day < 0; k++) if (inScope(a.scope, c, k)) day = c.plan.day[k]!;
    if (day >= 0 && isLocked(c, day)) return false;
    if (day < 0) return false;
    for (let k = c.plan.count - 1; k >= 0; k--) if (c.plan.day[k] === day) c.plan.remove(k);
    return true;
  },
};

function scaleVolume(factor: number, scope: ActionOf<'scaleVolume'>['scope'], c: ActionContext): ActionResult {
  if (isSessionScope(scope)) {
    let changed = false;
    for (let k = 0; k < c.plan.count; k++) {
      if (!inScope(scope, c, k)) continue;
      const before = c.plan.reps[k]! + c.plan.addOns[k]!;
      c.editor.scale(c.plan, k, factor);
      if (c.plan.reps[k]! + c.plan.addOns[k]! !== before) changed = true;
    }
    return changed;
  }
  const from = firstWeekOf(scope, c);
  const to = lastWeekOf(scope, c);
  if (from > to) return null;
  const was = c.schedule.volume[from]!;
  for (let w = from; w <= to; w++) c.schedule.volume[w]! *= factor;
  if (!c.describe) return UNDESCRIBED;
  return { before: `${weekRange(from, to)}: volume × ${was.toFixed(2)}`, after: `${weekRange(from, to)}: volume × ${(was * factor).toFixed(2)}` };
}

const scaleVolumeHandler: ActionHandlerOf<'scaleVolume'> = {
  action: 'scaleVolume',
  controls: ['volume'],
  reach: (a) => (isSessionScope(a.scope) ? 'sessions' : 'weeks'),
  apply: (a, c) => scaleVolume(a.factor, a.scope, c),
};

const progress: ActionHandlerOf<'progress'> = {
  action: 'progress',
  controls: ['volume'],
  reach: (a) => (isSessionScope(a.scope) ? 'sessions' : 'weeks'),
  apply: (a, c) => scaleVolume(a.factor, a.scope, c),
};

const insertDeloadWeek: ActionHandlerOf<'insertDeloadWeek'> = {
  action: 'insertDeloadWeek',
  controls: ['volume'],
  reach: () => 'weeks',
  apply: (a, c) => {
    const week = c.week + 1;
    if (week > c.schedule.weeks) return null;
    // Next week is already a deload week of its design: one deload, not two on top of each other.
    const block = c.schedule.blocks[c.schedule.blockOfWeek[week]!]!;
    if (c.schedule.design[week] === null && isDeloadWeek(block.design, week - block.startWeek)) return null;
    const volume = a.volume ?? c.schedule.designOf(week).deloadVolume;
    if (c.schedule.volume[week]! <= volume) return null;
    const was = c.schedule.volume[week]!;
    c.schedule.volume[week] = volume;
    if (!c.describe) return UNDESCRIBED;
    return { before: `week ${week}: volume × ${was.toFixed(2)}`, after: `week ${week}: deload, volume × ${volume.toFixed(2)}` };
  },
};

function resize(weeks: number, c: ActionContext): WeekChange | null {
  const block = c.schedule.blocks[c.schedule.blockOfWeek[c.week]!]!;
  const first = block.startWeek;
  const last = block.startWeek + block.weeks - 1;
  if (c.schedule.resizeBlock(c.week, weeks) === 0) return null;
  if (!c.describe) return UNDESCRIBED;
  return { before: `${block.name}: weeks ${first}–${last}`, after: `${block.name}: weeks ${block.startWeek}–${block.startWeek + block.weeks - 1}` };
}

const extendBlock: ActionHandlerOf<'extendBlock'> = {
  action: 'extendBlock',
  controls: ['structure'],
  reach: () => 'weeks',
  apply: (a, c) => resize(a.weeks, c),
};

const shortenBlock: ActionHandlerOf<'shortenBlock'> = {
  action: 'shortenBlock',
  controls: ['structure'],
  reach: () => 'weeks',
  apply: (a, c) => resize(-a.weeks, c),
};

const shiftDesign: ActionHandlerOf<'shiftDesign'> = {
  action: 'shiftDesign',
  controls: ['structure'],
  reach: () => 'weeks',
  apply: (a, c) => {
    const design = c.designs.get(a.design);
    if (design === undefined) throw new Error(`shiftDesign: design "${a.design}" was not resolved`);
    const from = firstWeekOf(a.scope, c);
    const to = lastWeekOf(a.scope, c);
    if (from > to) return null;
    const was = c.schedule.designOf(from);
    if (was === design) return null;
    for (let w = from; w <= to; w++) c.schedule.design[w] = design;
    if (!c.describe) return UNDESCRIBED;
    return { before: `${weekRange(from, to)}: ${was.label}`, after: `${weekRange(from, to)}: ${design.label}` };
  },
};

const keepPlan: ActionHandlerOf<'keepPlan'> = {
  action: 'keepPlan',
  controls: ['intensity', 'volume', 'structure'],
  reach: () => 'sessions',
  apply: () => false,
};

/** Every built-in action, by name (the mapped type checks that each handler takes its own action). */
export const BUILT_IN_ACTIONS: ActionHandlers = {
  makeHardSessionsEasy,
  postponeHardSession,
  bringForwardHardSession,
  rest,
  scaleVolume: scaleVolumeHandler,
  progress,
  insertDeloadWeek,
  extendBlock,
  shortenBlock,
  shiftDesign,
  keepPlan,
};

/** Every built-in action, as the container binds them. */
export const ACTION_HANDLERS_BUILT_IN: readonly ActionHandler[] = Object.values(BUILT_IN_ACTIONS);

/** Whether a handler is the one for action `name` (narrows it to that action's handler type). */
function handles<N extends ActionName>(handler: { readonly action: ActionName }, name: N): handler is ActionHandlerOf<N> {
  return handler.action === name;
}

/** The registry of the handlers the container bound (the last one bound for an action wins). */
export function actionRegistry(handlers: readonly ActionHandler[]): ActionRegistry {
  function find<N extends ActionName>(name: N): ActionHandlerOf<N> | undefined {
    for (let i = handlers.length - 1; i >= 0; i--) {
      const handler: { readonly action: ActionName } = handlers[i]!;
      if (handles(handler, name)) return handler;
    }
    return undefined;
  }
  return {
    makeHardSessionsEasy: find('makeHardSessionsEasy'),
    postponeHardSession: find('postponeHardSession'),
    bringForwardHardSession: find('bringForwardHardSession'),
    rest: find('rest'),
    scaleVolume: find('scaleVolume'),
    progress: find('progress'),
    insertDeloadWeek: find('insertDeloadWeek'),
    extendBlock: find('extendBlock'),
    shortenBlock: find('shortenBlock'),
    shiftDesign: find('shiftDesign'),
    keepPlan: find('keepPlan'),
  };
}

/** The handler for action `name`: typed by the name, so the action it is given is its own. */
export function handlerOf<N extends ActionName>(registry: ActionRegistry, name: N): ActionHandlerOf<N> {
  const handler = registry[name];
  if (handler === undefined) throw new Error(`no handler for action "${name}"`);
  return handler;
}

/** Applies an action through the registry, by the handler of its own name. */
export function applyAction(registry: ActionRegistry, action: Action, context: ActionContext): ActionResult {
  return handlerOf(registry, action.action).apply(action, context);
}
