import type { RunSpec } from '../scenario/prepare.ts';
import { field } from './format.ts';
import type { TextSink } from './stage.ts';

/**
 * A CSV streamed row by row as the simulation runs (days.csv, adjustments.csv): its header first,
 * nothing kept in memory, each arm named by its id as a CSV field.
 */
export abstract class RowCsv {
  protected readonly armIds: readonly string[];

  constructor(
    protected readonly file: TextSink,
    spec: RunSpec,
    columns: readonly string[],
  ) {
    this.armIds = spec.arms.map((arm) => field(arm.id));
    file.write(`${columns.join(',')}\n`);
  }
}
