/**
 * npm run sensitivity [-- --size N --seed S --write]
 *
 * One-at-a-time sensitivity of the key contrasts (src/sim/sensitivity.ts): each uncertain constant
 * of src/models/parameters.ts at the two ends of its range. Prints the tables; with --write, writes
 * them to docs/SENSITIVITY.md. About 1 s per constant and end at the default size.
 */
import { writeFileSync } from 'node:fs';
import { createContainer } from '../src/composition-root.ts';
import { PARAMETERS, UNCERTAIN_PARAMETERS, type Parameters } from '../src/models/parameters.ts';
import { ScenarioRunner } from '../src/sim/runner.ts';
import { ScenarioLoader } from '../src/sim/scenario/loader.ts';
import { oneAtATime, sensitivityMarkdown } from '../src/sim/sensitivity.ts';
import { declareOptions, numberOption } from './options.ts';

declareOptions('sensitivity', import.meta.url, { size: 'value', seed: 'value', write: 'flag' });
const size = numberOption('size', 600);
const seed = numberOption('seed', 42);
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
const markdown = sensitivityMarkdown(result, size, seed, `npm run sensitivity -- --size ${size} --seed ${seed} --write`);
process.stdout.write(markdown);
if (write) {
  writeFileSync(new URL('../docs/SENSITIVITY.md', import.meta.url), markdown);
  process.stdout.write('wrote docs/SENSITIVITY.md\n');
}
