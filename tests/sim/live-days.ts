import type { MultiSystemModel } from '../../src/sim/model/multi-system.ts';
import type { AthleteConstants, AthleteState } from '../../src/sim/model/state.ts';

/**
 * Lives `days` days of an athlete alone, as the simulator does without daily life: each night at
 * the athlete's habitual sleep, then `done(day)` sets what the day held (setDone), then the day's
 * training; `after(day)`, when given, sees the state once the physiology is refreshed.
 */
export function liveDays(
  model: MultiSystemModel,
  c: AthleteConstants,
  s: AthleteState,
  days: number,
  done: (day: number) => void,
  after?: (day: number) => void,
): void {
  for (let day = 0; day < days; day++) {
    s.sleptHours = c.habitualSleep;
    model.sleep(c, s);
    done(day);
    model.train(c, s);
    if (after) {
      model.refreshPhysiology(c, s);
      after(day);
    }
  }
  model.refreshPhysiology(c, s);
}
