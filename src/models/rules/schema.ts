import * as z from 'zod';

declare module 'zod' {
  interface GlobalMeta {
    /** What each value of an enum means, in a coach's words (`periodize rules` prints them). */
    meanings?: Readonly<Record<string, string>>;
  }
}

/**
 * The rule-set contract: what a coach writes in a YAML rule file (or what a built-in rule set is).
 *
 * A rule is plain data, after json-rules-engine: conditions (`all` / `any` / `not` / `atLeast … of`)
 * over named facts with named operators, a priority, and one action with a scope. A rule set names
 * its hit policy outright (GoRules zen): `first` applies only the highest-priority rule that fires,
 * `collect` applies every rule that fires, the more conservative change winning where two touch the
 * same sessions. Guardrails are applied after the rules, whatever the rules did.
 *
 * Facts are evaluated with three values: a fact with too few readings (the watch was not worn) is
 * *missing*, which is neither true nor false; a rule fires only when its condition is true. Whether a
 * fact name exists is checked against the engine's fact providers when the rule set is resolved.
 *
 * What a scope, a hit policy, a guardrail or a fact setting means is part of its schema (`meanings`
 * of an enum, `.describe()` of a field): `periodize rules` prints it from here.
 */

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'rule id: letters, digits, "-", "_" or "." only');

/** Operators, in a coach's words. `between` and `outside` take [low, high], inclusive; `in` a list. */
export const OPERATORS = ['below', 'above', 'atMost', 'atLeast', 'equals', 'between', 'outside', 'in', 'isTrue', 'isFalse', 'isMissing'] as const;
export type Operator = (typeof OPERATORS)[number];

/** Operators that compare with one number; with a range; with a list; with nothing. */
export const SCALAR_OPERATORS: readonly Operator[] = ['below', 'above', 'atMost', 'atLeast', 'equals'];
export const RANGE_OPERATORS: readonly Operator[] = ['between', 'outside'];
export const UNARY_OPERATORS: readonly Operator[] = ['isTrue', 'isFalse', 'isMissing'];

export const FactCondition = z.strictObject({
  fact: z.string().min(1),
  op: z.enum(OPERATORS),
  /** A number (below, above, atMost, atLeast, equals), [low, high] (between, outside), a list (in), nothing (isTrue, isFalse, isMissing). */
  value: z.union([z.number(), z.array(z.number())]).optional(),
});
export type FactCondition = z.infer<typeof FactCondition>;

export type Condition =
  | FactCondition
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { atLeast: number; of: Condition[] };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    FactCondition,
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ atLeast: z.number().int().min(1), of: z.array(Condition).min(1) }),
  ]),
);

/**
 * How far an action reaches: today's sessions, the next planned session (today or later), the rest
 * of this week (from today), the next week (microcycle) or the rest of the current block (mesocycle)
 * from next week.
 */
export const SCOPES = ['today', 'nextSession', 'restOfWeek', 'nextMicrocycle', 'nextMesocycle'] as const;
export const Scope = z.enum(SCOPES).meta({
  meanings: {
    today: "today's sessions",
    nextSession: 'the next planned session, today or later',
    restOfWeek: 'the rest of this week, from today',
    nextMicrocycle: 'next week',
    nextMesocycle: 'the rest of the current block, from next week',
  } satisfies Record<(typeof SCOPES)[number], string>,
});
export type Scope = z.infer<typeof Scope>;

/** Scopes that act on the week already planned; the others act when the next week is planned. */
export const SESSION_SCOPES: readonly Scope[] = ['today', 'nextSession', 'restOfWeek'];
const WeekScope = z.enum(['nextMicrocycle', 'nextMesocycle']);

/** Turn the hard sessions in scope into easy runs: of the same length, or `minutes` long. */
export const MakeHardSessionsEasy = z.strictObject({
  action: z.literal('makeHardSessionsEasy'),
  scope: Scope,
  minutes: z.number().min(10).max(240).optional(),
});
/** Move today's hard sessions to the next day of the week that can take them; easy if none can. */
export const PostponeHardSession = z.strictObject({ action: z.literal('postponeHardSession'), scope: z.literal('today').optional() });
/** On an easy training day, bring the week's next hard session forward to today. */
export const BringForwardHardSession = z.strictObject({ action: z.literal('bringForwardHardSession'), scope: z.literal('today').optional() });
/** A recovery day: no training on the days in scope (today, or the next day with sessions). */
export const Rest = z.strictObject({ action: z.literal('rest'), scope: z.enum(['today', 'nextSession']) });
/** Scale the volume of the sessions in scope (hard sessions by repetitions, easy runs by minutes). */
export const ScaleVolume = z.strictObject({ action: z.literal('scaleVolume'), scope: Scope, factor: z.number().min(0.2).max(1) });
/** Progress when all is green: more volume in scope (the guardrails still cap the week). */
export const Progress = z.strictObject({ action: z.literal('progress'), scope: Scope, factor: z.number().min(1).max(1.3) });
/** Make next week a deload week: volume at `volume` (default the design's deload volume) of the plan. */
export const InsertDeloadWeek = z.strictObject({
  action: z.literal('insertDeloadWeek'),
  scope: z.literal('nextMicrocycle').optional(),
  volume: z.number().min(0.2).max(1).optional(),
});
/** Lengthen or shorten the current block by whole weeks: the next block gives or takes them (a taper keeps its weeks; the plan keeps its length). */
export const ExtendBlock = z.strictObject({ action: z.literal('extendBlock'), weeks: z.number().int().min(1).max(8) });
export const ShortenBlock = z.strictObject({ action: z.literal('shortenBlock'), weeks: z.number().int().min(1).max(8) });
/** Train to another design from next week: for one week, or for the rest of the block. */
export const ShiftDesign = z.strictObject({ action: z.literal('shiftDesign'), scope: WeekScope, design: z.string().min(1) });
/** Keep the plan as it is (a rule that says "all is well", so that lower-priority rules do not fire under `first`). */
export const KeepPlan = z.strictObject({ action: z.literal('keepPlan') });

export const Action = z.discriminatedUnion('action', [
  MakeHardSessionsEasy,
  PostponeHardSession,
  BringForwardHardSession,
  Rest,
  ScaleVolume,
  Progress,
  InsertDeloadWeek,
  ExtendBlock,
  ShortenBlock,
  ShiftDesign,
  KeepPlan,
]);
export type Action = z.infer<typeof Action>;
export type ActionName = Action['action'];
export const ACTION_NAMES: readonly ActionName[] = Action.options.map((option) => option.shape.action.value);

export const Rule = z.strictObject({
  id: Id,
  description: z.string().optional(),
  /** Higher first. Rules of equal priority are taken in file order: the order is always defined. */
  priority: z.number().int().min(0).max(1000).optional(),
  when: Condition,
  then: Action,
});
export type Rule = z.infer<typeof Rule>;

/** How the facts are computed: windows and thresholds a coach may want to set. */
export const FactSettings = z.strictObject({
  /** Vesterinen 2016: 4 weeks. */
  hrvBaselineDays: z.number().int().min(7).max(90).optional().describe('days of lnRMSSD, to yesterday, in the individual baseline'),
  /** Vesterinen 2016: 0.5. */
  hrvSwcWidthSd: z.number().min(0.1).max(3).optional().describe('half-width of the smallest-worthwhile-change band, in SDs'),
  /** Kiviniemi 2007: 10. */
  hrvRollingDays: z.number().int().min(3).max(30).optional().describe('days of the rolling reference of single-day HRV rules'),
  /** Plews 2014: 3. */
  minReadingsPerWeek: z.number().int().min(1).max(7).optional().describe('fewest readings in 7 days for a 7-day mean'),
  minBaselineReadings: z.number().int().min(3).max(90).optional().describe('fewest readings for a baseline'),
});
export type FactSettings = z.infer<typeof FactSettings>;

/** Limits applied after the rules, to what the rules and the plan together would do. */
export const Guardrails = z.strictObject({
  /** Of the planned weekly minutes. */
  maxWeeklyIncrease: z.number().min(0).max(2).optional().describe('largest rise of weekly minutes over recent weeks (0.1 = +10 %)'),
  maxHardDaysInRow: z.number().int().min(1).max(7).optional().describe('most hard days in a row'),
  minDaysBetweenHard: z.number().int().min(0).max(3).optional().describe('fewest easy or rest days between two hard days'),
  /** A spike cap, not an injury predictor. */
  acwrCap: z.number().min(1).max(3).optional().describe('largest acute:chronic load ratio (session RPE) a week may reach'),
});
export type Guardrails = z.infer<typeof Guardrails>;

export const HIT_POLICIES = ['first', 'collect'] as const;
export const HitPolicy = z.enum(HIT_POLICIES).meta({
  meanings: {
    first: 'only the highest-priority rule that fires (of equal priorities, the first in the file)',
    collect: 'every rule that fires; where two change the same sessions, the more conservative wins',
  } satisfies Record<(typeof HIT_POLICIES)[number], string>,
});

export const RuleSet = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Where the rules come from (a citation, or "my own practice"). */
  source: z.string().optional(),
  hitPolicy: HitPolicy,
  facts: FactSettings.optional(),
  guardrails: Guardrails.optional(),
  rules: z.array(Rule),
});
export type RuleSet = z.infer<typeof RuleSet>;
