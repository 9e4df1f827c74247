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
 *
 * On a cluster (docs/CALIBRATION.md, On a cluster): `--shard i/N` (i from 0) evaluates the
 * proposals i, i + N, … of the next generation's first `--proposals P` (default: twice the last
 * generation's, or 1.25 × the particles for the first) — the generation after the one saved in
 * `<out>.partial.json`, or the first — and writes them to `<out>.shard-g<generation>-<i>-of-<N>.json`.
 * With those files beside `<out>`, the fit (`--step`: from the saved generation if there is one,
 * one generation, then stop) takes each proposal's discrepancy from them and runs only the
 * proposals no shard ran; it removes the files it used. Loop: the shards, then `--step`, until it
 * writes `<out>`. The ensemble is byte-identical to the fit never split.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARAMETERS, UNCERTAIN_PARAMETERS } from '../src/models/parameters.ts';
import { ROOT } from '../src/root.ts';
import { calibrateEnsemble, ensembleOf, taskAt, type Discrepancy, type EnsembleRequest } from '../src/sim/calibration/ensemble.ts';
import { evaluateShard, pointKey, shardDiscrepancies } from '../src/sim/calibration/ensemble-shards.ts';
import { parseShard } from '../src/sim/shards.ts';
import type { Population } from '../src/sim/stats/abc-smc.ts';
import { trialContentSha256, trialFiles } from '../src/sim/trials/load.ts';
import { VERSION } from '../src/version.ts';
import { WorkerPool } from '../src/workers/pool.ts';
import { declareOptions, fail, numberOption, option } from './options.ts';
import { parse } from 'yaml';

declareOptions('ensemble', import.meta.url, {
  particles: 'value', generations: 'value', quantile: 'value', size: 'value', seed: 'value', workers: 'value', evaluations: 'value', out: 'value', resume: 'flag', 'leave-out': 'value',
  shard: 'value', proposals: 'value', step: 'flag',
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
const step = process.argv.includes('--step');
const shardText = option('shard');
const shard = shardText === undefined ? null : parseShard(shardText);
if (typeof shard === 'string') fail(`--shard: ${shard}`);
if (shard !== null && (resume || step)) fail('--shard evaluates proposals for the fit to go on from: leave out --resume and --step');
if (resume && step) fail('--step goes on from the saved generation by itself: leave out --resume');
if (shard === null && option('proposals') !== undefined) fail('--proposals is for --shard');
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
// The command that regenerates the file: --resume, --step, --workers and the shards' options change nothing in it.
const HOW = new Set(['--workers', '--shard', '--proposals']);
const args = process.argv.slice(2).filter((arg, i, all) => arg !== '--resume' && arg !== '--step' && !HOW.has(arg) && !HOW.has(all[i - 1]!));
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
// A shard, and a step of a sharded fit, go on from the saved generation when there is one.
if (resume || ((shard !== null || step) && existsSync(partial))) {
  if (!existsSync(partial)) fail(`--resume: no ${partial} to go on from`);
  const saved = JSON.parse(readFileSync(partial, 'utf8')) as { key: string; population: Population };
  if (saved.key !== key) fail(`${resume ? '--resume' : shard !== null ? '--shard' : '--step'}: ${partial} was made with other options, priors, parameters, trial files or version (all must match)`);
  from = { ...saved.population, tolerance: saved.population.tolerance ?? Number.POSITIVE_INFINITY };
  process.stderr.write(`going on from generation ${from.generation} (tolerance ${from.tolerance})\n`);
}
if (from !== undefined && from.generation >= generations) fail(`${partial} holds the last generation (${generations}): npm run ensemble -- --resume writes ${out}`);

const pool = new WorkerPool(workers);
if (shard !== null) {
  // One shard of the next generation's proposals, into a file for the fit to go on from.
  const proposals = numberOption('proposals', from === undefined ? Math.ceil((1.25 * particles) / request.smc.batch) * request.smc.batch : 2 * from.proposed);
  whole('proposals', proposals, 1);
  if (proposals > evaluations) fail(`--proposals: at most the budget, --evaluations ${evaluations}`);
  const file = shardFile(from === undefined ? 0 : from.generation + 1, shard);
  try {
    const evaluations = await evaluateShard(request.smc, from ?? null, key, shard, proposals, (point) => pool.discrepancy(taskAt(request, point)), 2 * workers, (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\rshard ${shard.index}/${shard.count}: ${done}/${total} proposals\u001b[K`);
    });
    if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
    writeFileSync(`${file}.tmp`, `${JSON.stringify(evaluations)}\n`);
    renameSync(`${file}.tmp`, file);
    console.log(`wrote ${file}: generation ${evaluations.generation}, ${evaluations.evaluated.length} of its first ${proposals} proposals (shard ${shard.index} of ${shard.count}); with every shard's file beside ${basename(out)}: npm run ensemble -- ${[...args, '--step'].join(' ')}`);
  } finally {
    await pool.destroy();
  }
  process.exit(0);
}

/** A shard's file of one generation's proposals, beside the ensemble. */
function shardFile(generation: number, { index, count }: { index: number; count: number }): string {
  return join(dirname(out), `${basename(out)}.shard-g${generation}-${index}-of-${count}.json`);
}

// Shards' files beside the ensemble: the discrepancies of the next generation's proposals found elsewhere.
const shardPrefix = `${basename(out)}.shard-g`;
const shardFiles = existsSync(dirname(out)) ? readdirSync(dirname(out)).filter((name) => name.startsWith(shardPrefix) && name.endsWith('.json')).map((name) => join(dirname(out), name)) : [];
const shards = shardDiscrepancies(shardFiles.map((file) => ({ file, text: readFileSync(file, 'utf8') })), key, from ?? null);
let ranHere = 0;

/** Why proposals were rejected this generation: the outcome farthest outside its band, counted. */
const rejected = new Map<string, number>();
const found = new WeakMap<Float64Array, Discrepancy>();
let kept = 0;
let proposed = 0;
const status = (text: string) => process.stderr.isTTY && process.stderr.write(`\r${text}\u001b[K`);
console.log(`ensemble: ${priors.length} constants, ${particles} sets a generation, ${size} athletes per scenario, seed ${seed}, ${workers} worker${workers === 1 ? '' : 's'}`);
for (const { file, why } of shards.unused) console.log(`note: ${file} not used: ${why}`);
if (shards.used.length > 0) console.log(`generation ${from === undefined ? 0 : from.generation + 1}: ${shards.found.size} proposals evaluated by ${shards.used.length} shard file${shards.used.length === 1 ? '' : 's'}`);
try {
  // --step: one generation, then stop (for the shards of the next).
  const last = step ? Math.min(generations, from === undefined ? 0 : from.generation + 1) : generations;
  const population = await calibrateEnsemble({ ...request, smc: { ...request.smc, generations: last } }, (task) => (ranHere++, pool.discrepancy(task)), {
    ...(from === undefined ? {} : { from }),
    known: (point) => shards.found.get(pointKey(point)),
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
      const here = shards.used.length > 0 && generation.generation === (from === undefined ? 0 : from.generation + 1) ? ` (${ranHere} run here, the others by the shards)` : '';
      console.log(`generation ${generation.generation}: tolerance ${generation.tolerance.toPrecision(4)}, ${particles} kept of ${generation.proposed} proposed${here}, ${above} rejected${why}`);
      rejected.clear();
      kept = 0;
      proposed = 0;
      mkdirSync(dirname(partial), { recursive: true });
      writeFileSync(`${partial}.tmp`, JSON.stringify({ key, population: generation }));
      renameSync(`${partial}.tmp`, partial);
      // The shards' files of this generation have served.
      if (generation.generation === (from === undefined ? 0 : from.generation + 1)) for (const file of shards.used) rmSync(file, { force: true });
    },
  });
  if (step && population.generation === last && last < generations) {
    console.log(`generation ${population.generation} saved in ${partial}; next: the shards of generation ${population.generation + 1} (npm run ensemble -- ${[...args, '--shard', 'i/N'].join(' ')}), then npm run ensemble -- ${[...args, '--step'].join(' ')}`);
  } else {
    if (population.generation < generations && population.tolerance > 0) {
      // The budget ran out within a generation: that generation's runs are lost, the last whole one kept.
      console.log(`note: the budget of ${evaluations} model runs ran out in generation ${population.generation + 1}; writing generation ${population.generation} (--evaluations more and --resume to go on)`);
    }
    const document = ensembleOf(request, population);
    writeFileSync(`${out}.tmp`, `${JSON.stringify(document, null, 1)}\n`);
    renameSync(`${out}.tmp`, out);
    if (population.generation >= generations) rmSync(partial, { force: true });
    console.log(`wrote ${out}: ${document.sets.length} parameter sets, generation ${population.generation}, tolerance ${population.tolerance.toPrecision(4)}, ${population.evaluations} model runs`);
  }
} finally {
  await pool.destroy();
}
