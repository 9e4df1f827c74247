/**
 * The calibration search: fits the knobs (src/sim/calibration/knobs.ts) to the calibration outcomes
 * of trials/ — the same outcomes and bands `npm run calibrate` checks; the search has none of its own.
 *
 *   node bin/calibration-search.js [--size N] [--iterations N] [--seed S] [--step T] [--tolerance E]
 *
 * Method (docs/CALIBRATION.md, "The method"):
 * - Parameters: the knobs, each a parameter path (or several tied), a prior range [low, high] and a
 *   scale; the search moves in the unit box, each knob's position along its range on its scale
 *   (log: the logarithm of the value), so the range is the search's bound.
 * - Objective: Σ over the calibration outcomes of (distance outside the band / band width)²
 *   (src/sim/calibration/objective.ts; a finding of direction: the distance of its 95 % CI past
 *   zero over the CI's width); 0 when every outcome is within its band. A point where the model
 *   breaks down (non-finite results) scores 10⁹.
 * - n and seed: `--size` athletes per scenario (default 600), every trial on its own seed (or
 *   `--seed S` for all): the same athletes at every point — common random numbers — so the
 *   objective is a smooth function of the knobs, not of sampling noise.
 * - Start: the committed parameter set; the initial simplex moves each knob by `--step` (default
 *   0.1) of its range.
 * - Nelder–Mead (src/sim/calibration/nelder-mead.ts), stopping when the objective is 0, when the
 *   simplex's values differ by less than `--tolerance` (default 1e-6), or after `--iterations`
 *   (default 120).
 *
 * It prints the best values; they are copied into src/models/parameters.ts by hand, with a note,
 * then checked with `npm run calibrate` at n = 4 000 and on other seeds (`--seed`).
 */
import { fileURLToPath } from 'node:url';
import { calibrationBand, calibrationValue } from '../src/cli/calibration.ts';
import { createContainer } from '../src/composition-root.ts';
import { PARAMETERS } from '../src/models/parameters.ts';
import { ROOT } from '../src/root.ts';
import { KNOBS, fromUnit, knobValue, parametersAt, toUnit } from '../src/sim/calibration/knobs.ts';
import { nelderMead } from '../src/sim/calibration/nelder-mead.ts';
import { calibrationObjective, outsideInWidths } from '../src/sim/calibration/objective.ts';
import { RunTrials } from '../src/sim/trials/run-trials.ts';
import type { TrialResult } from '../src/sim/trials/run.ts';
import { declareOptions, numberOption, option } from './options.ts';

const TRIALS = fileURLToPath(new URL('trials/', ROOT));
declareOptions('calibration-search', import.meta.url, { size: 'value', iterations: 'value', step: 'value', tolerance: 'value', seed: 'value' });
const size = numberOption('size', 600);
const iterations = numberOption('iterations', 120);
const step = numberOption('step', 0.1);
const tolerance = numberOption('tolerance', 1e-6);
const seed = option('seed') === undefined ? undefined : numberOption('seed', 0);
const BROKEN = 1e9;

function calibrationAt(point: readonly number[]): TrialResult[] {
  const parameters = parametersAt(PARAMETERS, KNOBS, point);
  return createContainer(parameters)
    .get(RunTrials)
    .run(TRIALS, { size, replicates: 0, roles: ['calibration'], ...(seed === undefined ? {} : { seed }) });
}

function objective(point: readonly number[]): number {
  try {
    return calibrationObjective(calibrationAt(point).flatMap((r) => r.outcomes));
  } catch (error) {
    // Non-finite results make the statistics throw a RangeError: a very bad point. Anything else is a bug.
    if (error instanceof RangeError) return BROKEN;
    throw error;
  }
}

const describe = (point: readonly number[]) => KNOBS.map((knob, i) => fromUnit(knob, point[i]!).toPrecision(3)).join(' ');
const start = KNOBS.map((knob) => toUnit(knob, knobValue(knob, PARAMETERS)));
console.log(`${KNOBS.length} knobs, n = ${size} per scenario, ${seed === undefined ? "each trial's own seed" : `seed ${seed}`}; start ${describe(start)}`);
const result = nelderMead(objective, start, {
  step,
  iterations,
  tolerance,
  onIteration(iteration, best) {
    if (iteration % 5 === 0) console.log(`iteration ${iteration}: objective ${best.value.toFixed(4)}  ${describe(best.point)}`);
  },
});

console.log(`\nbest objective ${result.best.value.toFixed(4)} after ${result.iterations} iterations, ${result.evaluations} evaluations (stopped: ${result.stopped})`);
KNOBS.forEach((knob, i) => {
  const name = knob.relativeTo === undefined ? knob.paths.join(' = ') : `${knob.paths.join(' = ')} / ${knob.relativeTo}`;
  console.log(`  ${name} = ${fromUnit(knob, result.best.point[i]!).toPrecision(3)}  (range ${knob.range.join('–')}, committed ${knobValue(knob, PARAMETERS).toPrecision(3)})`);
});
for (const trial of calibrationAt(result.best.point)) {
  for (const o of trial.outcomes) {
    console.log(`  ${o.within ? 'ok     ' : 'OUTSIDE'} ${trial.trial.study}: ${o.expectation.outcome}: ${calibrationValue(o)}, band ${calibrationBand(o)} (${outsideInWidths(o).toFixed(2)} widths outside)`);
  }
}
