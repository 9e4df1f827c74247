import type { AthleteTraits } from '../population.ts';
import type { RunSpec } from '../scenario/prepare.ts';
import type { DaySink } from '../simulator.ts';
import { field, fixed } from './format.ts';
import type { StagedFile } from './stage.ts';

/** days.csv header: one row per athlete × arm × day (day 1 = Monday of week 1). */
export const DAY_COLUMNS = [
  'athlete', 'id', 'arm', 'day', 'week', 'z1Minutes', 'z2Minutes', 'z3Minutes', 'sessionRpeLoad',
  'restingHr', 'lnRmssd', 'sleepHours', 'sessionRpe', 'ill',
];

/** Streams days.csv as the simulation runs; memory stays flat whatever the number of days. */
export class DaysCsv implements DaySink {
  private readonly armIds: string[];

  constructor(
    private readonly file: StagedFile,
    spec: RunSpec,
  ) {
    this.armIds = spec.arms.map((arm) => field(arm.id));
    file.write(`${DAY_COLUMNS.join(',')}\n`);
  }

  day(
    traits: AthleteTraits,
    arm: number,
    day: number,
    z1: number,
    z2: number,
    z3: number,
    sessionRpeLoad: number,
    restingHr: number,
    lnRmssd: number,
    sleepHours: number,
    sessionRpe: number,
    ill: boolean,
  ): void {
    this.file.write(
      `${traits.index},${field(traits.id)},${this.armIds[arm]},${day},${Math.ceil(day / 7)},${fixed(z1, 1)},${fixed(z2, 1)},${fixed(z3, 1)},` +
        `${fixed(sessionRpeLoad, 0)},${fixed(restingHr, 1)},${fixed(lnRmssd, 3)},${fixed(sleepHours, 2)},${fixed(sessionRpe, 1)},${ill ? 1 : 0}\n`,
    );
  }
}
