import type { RunSpec } from '../scenario/prepare.ts';
import type { DayRow, DaySink } from '../simulator.ts';
import { field, fixed } from './format.ts';
import { RowCsv } from './row-csv.ts';
import type { TextSink } from './stage.ts';

/** days.csv header: one row per athlete × arm × day (day 1 = Monday of week 1). */
export const DAY_COLUMNS = [
  'athlete', 'id', 'arm', 'day', 'week', 'z1Minutes', 'z2Minutes', 'z3Minutes', 'sessionRpeLoad',
  'restingHr', 'lnRmssd', 'sleepHours', 'sessionRpe', 'ill',
];

/** Decimals of days.csv's morning readings: what `explain` prints of them, from CSV or Parquet alike. */
export const MARKER_DECIMALS = { restingHr: 1, lnRmssd: 3, sleepHours: 2 } as const;

/** Streams days.csv as the simulation runs; memory stays flat whatever the number of days. */
export class DaysCsv extends RowCsv implements DaySink {
  constructor(file: TextSink, spec: RunSpec) {
    super(file, spec, DAY_COLUMNS);
  }

  day(row: Readonly<DayRow>): void {
    const { traits, day } = row;
    this.file.write(
      `${traits.index},${field(traits.id)},${this.armIds[row.arm]},${day},${Math.ceil(day / 7)},${fixed(row.z1Minutes, 1)},${fixed(row.z2Minutes, 1)},${fixed(row.z3Minutes, 1)},` +
        `${fixed(row.sessionRpeLoad, 0)},${fixed(row.restingHr, MARKER_DECIMALS.restingHr)},${fixed(row.lnRmssd, MARKER_DECIMALS.lnRmssd)},${fixed(row.sleepHours, MARKER_DECIMALS.sleepHours)},${fixed(row.sessionRpe, 1)},${row.ill ? 1 : 0}\n`,
    );
  }
}
