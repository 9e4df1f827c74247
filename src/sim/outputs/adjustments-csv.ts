import { traceJson, type Adjustment, type FactReading } from '../../engine/adapt/adjustment.ts';
import { WEEKDAYS } from '../../engine/adapt/plan-edit.ts';
import type { AthleteTraits } from '../population.ts';
import type { RunSpec } from '../scenario/prepare.ts';
import type { AdjustmentSink } from '../simulator.ts';
import { field, fixed } from './format.ts';
import { RowCsv } from './row-csv.ts';
import type { TextSink } from './stage.ts';

/**
 * adjustments.csv header: one row per change the adaptive engine made (or a more conservative
 * change overrode), athletes identified as in athletes.csv; the last column, `trace`, holds the
 * change's structure as JSON (see `AdjustmentTrace`). `periodize explain` reads it back.
 */
export const ADJUSTMENT_COLUMNS = [
  'athlete', 'id', 'replicate', 'arm', 'day', 'week', 'weekday', 'rule', 'scope', 'action', 'outcome',
  'facts', 'reason', 'before', 'after', 'note', 'trace',
] as const;

/**
 * A fact's reading for a person: whole numbers as they are (days, counts), others to 3 decimals
 * without trailing zeros (lnRMSSD 3.42, ACWR 1.3); `missing` when there were too few readings;
 * `Infinity` for days since something the record never held (never ill, no hard day yet).
 * @example factValue(3.4215) // '3.422'
 */
export function factValue(value: number | null): string {
  // Missing (too few readings) is not "never": days since something the record never held are infinitely many.
  if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) return String(value);
  if (value === null || !Number.isFinite(value)) return 'missing';
  if (Number.isInteger(value)) return String(value);
  return fixed(value, 3).replace(/\.?0+$/, '');
}

/** `hrvMean7d=3.42; hrvBandLower=3.51; sleep7d=missing` — the facts in the order the rule read them. */
export function formatFacts(facts: readonly FactReading[]): string {
  return facts.map((reading) => `${reading.fact}=${factValue(reading.value)}`).join('; ');
}

/** Streams adjustments.csv as the simulation runs; nothing is kept in memory. */
export class AdjustmentsCsv extends RowCsv implements AdjustmentSink {
  constructor(file: TextSink, spec: RunSpec) {
    super(file, spec, ADJUSTMENT_COLUMNS);
  }

  adjustment(traits: AthleteTraits, arm: number, change: Adjustment): void {
    const cells = [
      String(traits.index), field(traits.id), String(traits.replicate), this.armIds[arm]!,
      String(change.day), String(change.week), WEEKDAYS[change.weekday] ?? String(change.weekday),
      field(change.ruleId), change.scope, field(change.action), change.outcome,
      field(formatFacts(change.facts)), field(change.reason), field(change.before), field(change.after), field(change.note),
      field(traceJson(change.trace)),
    ];
    this.file.write(`${cells.join(',')}\n`);
  }
}
