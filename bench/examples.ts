/**
 * npm run examples
 *
 * Writes examples/data/: twelve weeks of the example athlete's watch data (src/sim/athlete/example-data.ts)
 * — intervals.icu's wellness and activities CSVs, HRV4Training's CSV, a generic CSV and a FIT file per
 * run — simulated from examples/athlete.yaml, so that the README's `coach` and `whatif` commands run
 * offline. Rerun it after changing the model or the example athlete: a test checks that the files are
 * what this writes now. The folder is replaced whole.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createContainer } from '../src/composition-root.ts';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../src/root.ts';
import { EXAMPLE_FROM, exampleData, EXAMPLE_TIME_ZONE } from '../src/sim/athlete/example-data.ts';
import { loadAthlete } from '../src/sim/athlete/load.ts';
import { ScenarioRunner } from '../src/sim/runner.ts';
import { ScenarioLoader } from '../src/sim/scenario/loader.ts';

const container = createContainer();
const loaded = loadAthlete(join(fileURLToPath(ROOT), 'examples/athlete.yaml'), container.get(ScenarioLoader), { from: EXAMPLE_FROM, weeks: null });
const files = exampleData(loaded, container.get(ScenarioRunner), EXAMPLE_FROM, EXAMPLE_TIME_ZONE);
const target = join(fileURLToPath(ROOT), 'examples/data');
const staging = join(fileURLToPath(ROOT), 'examples/.data-new');
rmSync(staging, { recursive: true, force: true });
for (const [name, bytes] of files) {
  mkdirSync(dirname(join(staging, name)), { recursive: true });
  writeFileSync(join(staging, name), bytes);
}
rmSync(target, { recursive: true, force: true });
renameSync(staging, target);
console.log(`wrote examples/data/ (${files.size} files)`);
