/**
 * npm run sensitivity [-- --size N --seed S --sets M --write]
 *
 * The key contrasts with what is not known of them (src/sim/sensitivity.ts): with the committed
 * constants and their bootstrap 95 % CI; under M parameter sets drawn from the calibrated ensemble
 * (the model interval); and one at a time, each uncertain constant of src/models/parameters.ts at
 * the two ends of its range. Prints the tables; with --write, writes them to docs/SENSITIVITY.md.
 * About 1 s per constant and end, and per ensemble set, at the default size.
 */
import { writeFileSync } from 'node:fs';
import { createContainer } from '../src/composition-root.ts';
import { PARAMETERS, UNCERTAIN_PARAMETERS, type Parameters } from '../src/models/parameters.ts';
import { ScenarioRunner } from '../src/sim/runner.ts';
import { ScenarioLoader } from '../src/sim/scenario/loader.ts';
import { keyAnswers, oneAtATime, sensitivityMarkdown } from '../src/sim/sensitivity.ts';
import type { Ensemble } from '../src/sim/calibration/ensemble.ts';
import { EnsembleError, readEnsemble } from '../src/sim/calibration/ensemble-file.ts';
import { resampleSets } from '../src/sim/calibration/draws.ts';
import { declareOptions, fail, numberOption } from './options.ts';

declareOptions('sensitivity', import.meta.url, { size: 'value', seed: 'value', sets: 'value', write: 'flag' });
const size = numberOption('size', 600);
const seed = numberOption('seed', 42);
const sets = numberOption('sets', 50);
if (!Number.isInteger(sets) || sets < 2) fail('--sets: a whole number of at least 2');
let ensemble: Ensemble;
try {
  ensemble = readEnsemble(UNCERTAIN_PARAMETERS, PARAMETERS).ensemble;
} catch (error) {
  if (error instanceof EnsembleError) fail(error.message);
  throw error;
}
const write = process.argv.includes('--write');
const partsFor = (parameters: Parameters) => {
  const container = createContainer(parameters);
  return { loader: container.get(ScenarioLoader), runner: container.get(ScenarioRunner) };
};
const started = performance.now();
const result = oneAtATime(partsFor, PARAMETERS, UNCERTAIN_PARAMETERS, {
  size,
  seed,
  progress: (done, total) => process.stderr.write(`\r${done}/${total} constants`),
});
process.stderr.write(`\r${UNCERTAIN_PARAMETERS.length} constants in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
const byContrast = await keyAnswers(partsFor, PARAMETERS, ensemble, sets, { size, seed, progress: (done, total) => process.stderr.write(`\r${done}/${total} ensemble sets`) });
const distinct = new Set(resampleSets(ensemble, sets)).size;
process.stderr.write('\n');
const markdown = sensitivityMarkdown(result, { byContrast, sets, distinct }, size, seed, `npm run sensitivity -- --size ${size} --seed ${seed} --sets ${sets} --write`);
process.stdout.write(markdown);
if (write) {
  writeFileSync(new URL('../docs/SENSITIVITY.md', import.meta.url), markdown);
  process.stdout.write('wrote docs/SENSITIVITY.md\n');
}
