/**
 * npm run ensemble [-- --particles 100 --generations 6 --quantile 0.5 --size 300 --seed 1 --workers N --evaluations 6000 --out ensemble/ensemble.json --resume --leave-out <trial>]
 *
 * The calibrated ensemble (issue 12; src/sim/calibration/ensemble.ts): ABC-SMC over the priors of
 * the constants marked `calibrate: true` in src/models/parameters.ts, against the calibration
 * outcomes of trials/, each parameter set's outcomes run with `--size` athletes per scenario on a
 * pool of worker processes. After each generation it prints the tolerance, how many sets were kept
 * of how many proposed, and why the others were rejected (the outcome farthest outside its band),
 * and saves the generation to `<out>.partial.json`; `--resume` goes on from there exactly as if it
 * had not stopped. At the end it writes `<out>` (the provenance and one parameter set per kept
 * point, with its weight) and removes the partial file. The same options and seed write the same
 * bytes. `--leave-out <trial>` fits without that trial file's calibration outcomes (leave one study
 * out), into ensemble/leave-out/<trial>.json by default, for `periodize trials --only <trial>
 * --uncertainty ensemble --ensemble <that file>` to predict the study it never saw.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARAMETERS, UNCERTAIN_PARAMETERS } from '../src/models/parameters.ts';
import { ROOT } from '../src/root.ts';
import { calibrateEnsemble, ensembleOf, type Discrepancy, type EnsembleRequest } from '../src/sim/calibration/ensemble.ts';
import type { Population } from '../src/sim/stats/abc-smc.ts';
import { trialContentSha256, trialFiles } from '../src/sim/trials/load.ts';
import { VERSION } from '../src/version.ts';
import { WorkerPool } from '../src/workers/pool.ts';
import { declareOptions, fail, numberOption, option } from './options.ts';
import { parse } from 'yaml';

declareOptions('ensemble', import.meta.url, {
  particles: 'value', generations: 'value', quantile: 'value', size: 'value', seed: 'value', workers: 'value', evaluations: 'value', out: 'value', resume: 'flag', 'leave-out': 'value',
});
const leaveOut = option('leave-out');
const particles = numberOption('particles', 100);
const generations = numberOption('generations', 6);
const quantile = numberOption('quantile', 0.5);
const size = numberOption('size', 300);
const seed = numberOption('seed', 1);
const workers = numberOption('workers', availableParallelism());
const evaluations = numberOption('evaluations', 6000);
const out = option('out') ?? fileURLToPath(new URL(leaveOut === undefined ? 'ensemble/ensemble.json' : `ensemble/leave-out/${leaveOut}.json`, ROOT));
const resume = process.argv.includes('--resume');
function whole(name: string, value: number, least: number): void {
  if (!Number.isInteger(value) || value < least) fail(`--${name}: a whole number of at least ${least}`);
}
whole('particles', particles, 2);
whole('generations', generations, 1);
whole('size', size, 2);
whole('seed', seed, 0);
whole('evaluations', evaluations, particles);
if (!(quantile > 0 && quantile < 1)) fail('--quantile: between 0 and 1');
if (!Number.isInteger(workers) || workers < 1) fail('--workers: at least 1');

if (leaveOut !== undefined) {
  // Leave-one-study-out: a trial file whose calibration outcomes the fit does without.
  const file = fileURLToPath(new URL(`trials/${leaveOut}.yaml`, ROOT));
  if (!existsSync(file)) fail(`--leave-out: no trials/${leaveOut}.yaml`);
  const trial = parse(readFileSync(file, 'utf8')) as { expect?: { role?: string }[] };
  if (!(trial.expect ?? []).some((outcome) => outcome.role === 'calibration')) fail(`--leave-out: trials/${leaveOut}.yaml has no calibration outcome to leave out`);
}

const priors = UNCERTAIN_PARAMETERS.filter((prior) => prior.calibrate === true);
// The command that regenerates the file: --resume and --workers change nothing in it.
const args = process.argv.slice(2).filter((arg, i, all) => arg !== '--resume' && arg !== '--workers' && all[i - 1] !== '--workers');
const command = ['npm run ensemble --', ...args].join(' ').replace(/ --$/, '');
const request: EnsembleRequest = {
  folder: fileURLToPath(new URL('trials/', ROOT)),
  size,
  priors,
  base: PARAMETERS,
  // A fixed batch (not one per worker): the model runs counted, and so the file, are the same for any --workers.
  smc: { k: priors.length, particles, generations, quantile, tolerance: 0, evaluations, batch: 8, seed },
  command,
  version: VERSION,
  ...(leaveOut === undefined ? {} : { leaveOut }),
};
const partial = `${out}.partial.json`;
/** What must match for a saved generation to be gone on from. */
const key = JSON.stringify({
  version: VERSION,
  size,
  seed,
  particles,
  quantile,
  priors: priors.map((prior) => [prior.path, prior.low, prior.high, prior.distribution ?? 'uniform']),
  parameters: createHash('sha256').update(JSON.stringify(PARAMETERS)).digest('hex'),
  trials: trialFiles(request.folder).map(trialContentSha256),
  leaveOut: leaveOut ?? null,
});
let from: Population | undefined;
if (resume) {
  if (!existsSync(partial)) fail(`--resume: no ${partial} to go on from`);
  const saved = JSON.parse(readFileSync(partial, 'utf8')) as { key: string; population: Population };
  if (saved.key !== key) fail(`--resume: ${partial} was made with other options, priors, parameters, trial files or version (all must match)`);
  from = { ...saved.population, tolerance: saved.population.tolerance ?? Number.POSITIVE_INFINITY };
  process.stderr.write(`going on from generation ${from.generation} (tolerance ${from.tolerance})\n`);
}

const pool = new WorkerPool(workers);
/** Why proposals were rejected this generation: the outcome farthest outside its band, counted. */
const rejected = new Map<string, number>();
const found = new WeakMap<Float64Array, Discrepancy>();
let kept = 0;
let proposed = 0;
const status = (text: string) => process.stderr.isTTY && process.stderr.write(`\r${text}\u001b[K`);
console.log(`ensemble: ${priors.length} constants, ${particles} sets a generation, ${size} athletes per scenario, seed ${seed}, ${workers} worker${workers === 1 ? '' : 's'}`);
try {
  const population = await calibrateEnsemble(request, (task) => pool.discrepancy(task), {
    ...(from === undefined ? {} : { from }),
    onDiscrepancy: (point, discrepancy) => found.set(point, discrepancy),
    onEvaluated: (evaluated) => {
      proposed++;
      if (evaluated.kept) kept++;
      else if (!(evaluated.distance <= evaluated.tolerance)) {
        const reason = found.get(evaluated.point)?.worst ?? 'unknown';
        rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
      }
      status(`generation ${evaluated.generation}: ${kept}/${particles} kept of ${proposed} proposed`);
    },
    onGeneration: (generation) => {
      status('');
      const reasons = [...rejected.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
      const why = reasons.length === 0 ? '' : `; rejected mostly for ${reasons.map(([reason, count]) => `${reason} (${count})`).join(', ')}`;
      const above = [...rejected.values()].reduce((a, b) => a + b, 0);
      console.log(`generation ${generation.generation}: tolerance ${generation.tolerance.toPrecision(4)}, ${particles} kept of ${generation.proposed} proposed, ${above} rejected${why}`);
      rejected.clear();
      kept = 0;
      proposed = 0;
      mkdirSync(dirname(partial), { recursive: true });
      writeFileSync(`${partial}.tmp`, JSON.stringify({ key, population: generation }));
      renameSync(`${partial}.tmp`, partial);
    },
  });
  if (population.generation < generations && population.tolerance > 0) {
    // The budget ran out within a generation: that generation's runs are lost, the last whole one kept.
    console.log(`note: the budget of ${evaluations} model runs ran out in generation ${population.generation + 1}; writing generation ${population.generation} (--evaluations more and --resume to go on)`);
  }
  const document = ensembleOf(request, population);
  writeFileSync(`${out}.tmp`, `${JSON.stringify(document, null, 1)}\n`);
  renameSync(`${out}.tmp`, out);
  if (population.generation >= generations) rmSync(partial, { force: true });
  console.log(`wrote ${out}: ${document.sets.length} parameter sets, generation ${population.generation}, tolerance ${population.tolerance.toPrecision(4)}, ${population.evaluations} model runs`);
} finally {
  await pool.destroy();
}
