/**
 * npm run predictive [-- --sets 50 --size 300 --write]
 *
 * The calibrated ensemble's predictions of the validation outcomes of trials/ (issue 12, item 4;
 * src/sim/calibration/predictive.ts): `--sets` parameter sets drawn from ensemble/ensemble.json by
 * weight (systematic resampling), every validation outcome simulated under each with `--size`
 * athletes per scenario, its 90 % interval over the sets, whether the published value falls inside
 * it, and the coverage over all of them. The interval is the model's uncertainty about the
 * population value: a study's own sampling error is not in it. With --write, writes
 * docs/PREDICTIVE.md. The validation outcomes set nothing: the ensemble is fitted to the
 * calibration outcomes only.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calibrationBand } from '../src/cli/calibration.ts';
import { createContainer } from '../src/composition-root.ts';
import { PARAMETERS, UNCERTAIN_PARAMETERS } from '../src/models/parameters.ts';
import { ROOT } from '../src/root.ts';
import type { Ensemble } from '../src/sim/calibration/ensemble.ts';
import { EnsembleError, parametersOfSet, readEnsemble } from '../src/sim/calibration/ensemble-file.ts';
import { predictionOf, resampleSets, type Prediction } from '../src/sim/calibration/predictive.ts';
import { RunTrials } from '../src/sim/trials/run-trials.ts';
import type { OutcomeResult, TrialResult } from '../src/sim/trials/run.ts';
import { declareOptions, fail, numberOption } from './options.ts';

declareOptions('predictive', import.meta.url, { sets: 'value', size: 'value', write: 'flag' });
const count = numberOption('sets', 50);
const size = numberOption('size', 300);
const write = process.argv.includes('--write');
if (!Number.isInteger(count) || count < 2) fail('--sets: a whole number of at least 2');
if (!Number.isInteger(size) || size < 2) fail('--size: a whole number of at least 2');
const TRIALS = fileURLToPath(new URL('trials/', ROOT));
// An ensemble fitted to other priors or other trial files predicts for a model that is no longer there.
let ensemble: Ensemble;
try {
  ensemble = readEnsemble(UNCERTAIN_PARAMETERS).ensemble;
} catch (error) {
  if (error instanceof EnsembleError) fail(error.message);
  throw error;
}

const started = performance.now();
const chosen = resampleSets(ensemble, count);
let shape: { trial: TrialResult; outcome: OutcomeResult }[] = [];
const values: number[][] = [];
const within: boolean[][] = [];
chosen.forEach((index, i) => {
  const results = createContainer(parametersOfSet(PARAMETERS, ensemble, index)).get(RunTrials).run(TRIALS, { size, replicates: 0, roles: ['validation'] });
  const flat = results.flatMap((trial) => trial.outcomes.map((outcome) => ({ trial, outcome })));
  if (i === 0) shape = flat;
  flat.forEach(({ outcome }, o) => {
    (values[o] ??= []).push(outcome.simulated);
    (within[o] ??= []).push(outcome.within);
  });
  process.stderr.write(`\r${i + 1}/${count} sets`);
});
process.stderr.write(`\r${count} sets in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);


const predictions: Prediction[] = shape.map(({ outcome }, o) => predictionOf(values[o]!, within[o]!, outcome.expectation.published.mean ?? null, outcome.band));
const withMean = predictions.filter((p) => p.inside !== null);
const inside = withMean.filter((p) => p.inside === true).length;
const meets = predictions.filter((p) => p.meetsBand).length;
const number = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)).replace('-', '−');
const rows = shape.map(({ trial, outcome }, o) => {
  const p = predictions[o]!;
  const mean = p.published === null ? '—' : `${number(p.published)} ${outcome.expectation.published.unit}`;
  const inside = p.inside === null ? '—' : p.inside ? 'inside' : '**outside**';
  return `| ${trial.trial.study}: ${outcome.expectation.outcome} | ${mean} | ${number(p.median)} [${number(p.low)}, ${number(p.high)}] | ${inside} | ${calibrationBand(outcome)} | ${p.meetsBand ? 'meets' : '**misses**'} | ${Math.round(p.withinShare * 100)} % |`;
});
const markdown = [
  '# The ensemble\'s predictions of the validation outcomes',
  '',
  `Written by \`npm run predictive -- --sets ${count} --size ${size} --write\`: ${count} parameter sets drawn by weight from [ensemble/ensemble.json](../ensemble/ensemble.json) (fitted to the calibration outcomes only), every validation outcome of [trials/](../trials) simulated under each with ${size} athletes per scenario. The interval is the 5th to 95th percentile of the simulated value over the sets — the model's uncertainty about the population value; a study's own sampling error is not in it. "Within its band" is the suite's verdict (trials/RESULTS.md), here the share of sets that meet it.`,
  '',
  `**Coverage: the published mean is inside the ensemble's 90 % interval for ${inside} of the ${withMean.length} validation outcomes that have one; the interval meets the band the paper's uncertainty allows for ${meets} of all ${predictions.length}.**`,
  '',
  '| outcome | published mean | simulated: median [90 % interval] | mean | band | interval vs band | sets within the band |',
  '|---|---:|---|---|---|---|---:|',
  ...rows,
  '',
].join('\n');
process.stdout.write(markdown);
if (write) {
  writeFileSync(new URL('docs/PREDICTIVE.md', ROOT), markdown);
  process.stdout.write('wrote docs/PREDICTIVE.md\n');
}
