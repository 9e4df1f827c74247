/**
 * npm run calibrate [-- --size N --seed S --only file,file --set path=value ... --validation --write]
 *
 * Runs exactly the calibration outcomes of trials/ — every outcome whose role is `calibration`, in
 * every trial file, and only the scenarios they need — with the one parameter set, and prints per
 * outcome the simulated value, its band and ok/OUTSIDE. The bands are the trial files' own: the
 * trials and the calibration cannot disagree. Exits 3 when an outcome is outside its band (as
 * `periodize trials` does), 2 on bad input.
 *
 *   --size N          athletes per scenario (default 4000)
 *   --seed S          every trial's scenarios run with seed S instead of the trial's own seed — to
 *                     check that a result holds on other athletes (default: each file's seed)
 *   --only a,b        only these trial files (names without .yaml)
 *   --set path=value  a parameter changed for this run only (`--set pools.central.riseDays=14`,
 *                     `--set pools.central.zoneWeights=[0.2,0.12,1]`): for sensitivity analysis;
 *                     the committed parameter set is what the tests check
 *   --validation      run the validation outcomes instead, the same way: with --set, what a
 *                     parameter's range does to the outcomes that test the model (docs/MODEL.md,
 *                     What the model does not know). Nothing is fitted to them: the calibration
 *                     search reads only the calibration outcomes
 *   --write           also write docs/calibration-results.md (not with --only, --seed, --set or
 *                     --validation: that file is the committed parameter set on every calibration
 *                     outcome)
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calibrationMarkdown, calibrationTable } from '../src/cli/calibration.ts';
import { createContainer } from '../src/composition-root.ts';
import type { Role } from '../src/models/trials/schema.ts';
import { PARAMETERS } from '../src/models/parameters.ts';
import { ROOT } from '../src/root.ts';
import { setParameter } from '../src/sim/calibration/parameter-path.ts';
import { ADAPTATION_MODEL } from '../src/sim/model/adaptation-model.ts';
import { InputError } from '../src/models/input/located.ts';
import { trialFiles } from '../src/sim/trials/load.ts';
import { RunTrials } from '../src/sim/trials/run-trials.ts';
import type { TrialResult } from '../src/sim/trials/run.ts';
import { declareOptions, fail, option } from './options.ts';

const EXIT_BAD_INPUT = 2;
const EXIT_OUTSIDE = 3;
const TRIALS = fileURLToPath(new URL('trials/', ROOT));

declareOptions('calibrate', import.meta.url, { size: 'value', seed: 'value', only: 'value', set: 'repeat', validation: 'flag', write: 'flag' });
const args = process.argv.slice(2);
const wholeNumber = (name: string, fallback: number | undefined): number | undefined => {
  const text = option(name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) fail(`--${name}: a whole number (got ${JSON.stringify(text)})`);
  return Number(text);
};
const size = wholeNumber('size', 4000)!;
const seed = wholeNumber('seed', undefined);
const only = option('only')?.split(',');
const sets = args.flatMap((arg, i) => (arg === '--set' ? [args[i + 1] ?? ''] : []));
const write = args.includes('--write');
const role: Role = args.includes('--validation') ? 'validation' : 'calibration';
if (write && (only !== undefined || seed !== undefined || sets.length > 0 || role === 'validation')) {
  fail('--write writes the committed parameter set on every calibration outcome: leave out --only, --seed, --set and --validation');
}

const parameters = structuredClone(PARAMETERS);
for (const set of sets) {
  const at = set.indexOf('=');
  if (at < 1) fail(`--set path=value (got ${JSON.stringify(set)})`);
  const path = set.slice(0, at);
  let value: unknown;
  try {
    value = JSON.parse(set.slice(at + 1));
    setParameter(parameters, path, value);
  } catch (error) {
    fail(`--set ${set}: ${(error as Error).message}`);
  }
}

// A value the model cannot take (a sharing constant of 0, say) is a bad --set, not a crash.
const container = createContainer(parameters);
try {
  container.get(ADAPTATION_MODEL);
} catch (error) {
  fail(`--set: ${(error as Error).message}`);
}
const trials = container.get(RunTrials);
const results: TrialResult[] = [];
const seconds = new Map<string, number>();
try {
  // One trial file at a time, to time each; a file with no outcome of the role runs nothing.
  for (const file of trialFiles(TRIALS, only)) {
    const started = performance.now();
    const stem = basename(file).replace(/\.ya?ml$/, '');
    const [result] = trials.run(TRIALS, { size, replicates: 0, roles: [role], only: [stem], ...(seed === undefined ? {} : { seed }) });
    if (result === undefined) continue;
    results.push(result);
    seconds.set(result.file, (performance.now() - started) / 1000);
  }
} catch (error) {
  if (error instanceof InputError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  throw error;
}

process.stdout.write(calibrationTable(results, seconds, role));
if (write) {
  const file = fileURLToPath(new URL('docs/calibration-results.md', ROOT));
  writeFileSync(file, calibrationMarkdown(results, 'npm run calibrate -- --write'));
  process.stdout.write('wrote docs/calibration-results.md\n');
}
process.exitCode = results.every((r) => r.outcomes.every((o) => o.within)) ? 0 : EXIT_OUTSIDE;
