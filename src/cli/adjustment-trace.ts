import * as z from 'zod';
import type { AdjustmentTrace } from '../engine/adapt/adjustment.ts';
import type { ConditionTrace } from '../engine/adapt/evaluate.ts';
import { Action, OPERATORS } from '../models/rules/schema.ts';

/** A number as `traceJson` writes it: a value that is not finite as a string ("Infinity"). */
const TracedNumber = z.union([z.number(), z.enum(['Infinity', '-Infinity']).transform(Number)]);
const Truth = z.enum(['true', 'false', 'missing']);

const FactNode = z.strictObject({
  fact: z.string(),
  op: z.enum(OPERATORS),
  value: z.union([z.number(), z.array(z.number())]).optional(),
  actual: TracedNumber.nullable(),
  result: Truth,
  missing: z.boolean(),
});

const GroupNode = z.strictObject({
  combinator: z.enum(['all', 'any', 'not', 'atLeast']),
  count: z.int().optional(),
  result: Truth,
  get conditions(): z.ZodArray<z.ZodType<ConditionTrace, unknown>> {
    return z.array(ConditionNode);
  },
});

/** A condition tree as the engine traced it (see `ConditionTrace`). */
const ConditionNode: z.ZodType<ConditionTrace, unknown> = z.union([FactNode, GroupNode]);

const RuleTrace = z.strictObject({
  rule: z.string(),
  priority: z.number(),
  held: Truth,
  when: ConditionNode,
  facts: z.record(z.string(), TracedNumber.nullable()),
  action: Action,
  outcome: z.enum(['applied', 'overridden']),
  overriddenBy: z.strictObject({ rule: z.string(), why: z.enum(['more conservative', 'as conservative, higher priority']) }).nullable(),
});

const GuardrailTrace = z.discriminatedUnion('guardrail', [
  z.strictObject({ outcome: z.literal('guardrail'), guardrail: z.literal('maxWeeklyIncrease'), plannedMinutes: z.number(), limitMinutes: z.number(), increase: z.number() }),
  z.strictObject({ outcome: z.literal('guardrail'), guardrail: z.literal('acwrCap'), plannedLoad: z.number(), limitLoad: z.number(), cap: z.number() }),
  z.strictObject({ outcome: z.literal('guardrail'), guardrail: z.literal('maxHardDaysInRow'), hardDaysBefore: z.number(), limit: z.number() }),
  z.strictObject({ outcome: z.literal('guardrail'), guardrail: z.literal('minDaysBetweenHard'), daysSinceHard: TracedNumber, minimum: z.number() }),
]);

/** adjustments.csv's `trace` cell, as `traceJson` writes it. */
export const AdjustmentTraceSchema: z.ZodType<AdjustmentTrace, unknown> = z.union([RuleTrace, GuardrailTrace]);

/** A `trace` cell read back; a message (for the cell's place) when it is not a trace. */
export function parseTrace(text: string): { trace: AdjustmentTrace } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'not JSON' };
  }
  const parsed = AdjustmentTraceSchema.safeParse(json);
  if (!parsed.success) return { problem: `not a trace: ${parsed.error.issues[0]!.message} at ${parsed.error.issues[0]!.path.join('.')}` };
  return { trace: parsed.data };
}
