/**
 * How the parameter set was calibrated: a Nelder–Mead search over the few constants that no study
 * pins down (pool gains, zone weights, habitual consistency, level responsiveness), minimising the
 * distance of every calibration check outside its band. Common random numbers (one seed) keep the
 * objective smooth. Run: node bin/calibration-search.js [--size N] [--iterations N]
 * It prints the best values; they are copied into src/models/parameters.ts by hand, with a note.
 */
import { PARAMETERS, type Parameters } from '../src/models/parameters.ts';
import { compileCatalogue } from '../src/models/workouts/compile.ts';
import { WORKOUTS } from '../src/models/workouts/catalogue.ts';
import { CALIBRATION_TARGETS, type CalibrationCheck } from '../src/sim/calibration/targets.ts';
import { MultiSystemModel } from '../src/sim/model/multi-system.ts';
import { numberOption } from './options.ts';

const size = numberOption('size', 600);
const iterations = numberOption('iterations', 120);
const catalogue = compileCatalogue(WORKOUTS);

/** The searched constants, each with a setter, searched on a log scale. */
const KNOBS: { name: string; get(p: Parameters): number; set(p: Parameters, v: number): void }[] = [
  { name: 'pools.central.halfStimulus', get: (p) => p.pools.central.halfStimulus, set: (p, v) => (p.pools.central.halfStimulus = v) },
  // Kept within a few-fold of the central pool's, so that the peripheral pool stays a pool (an
  // unbounded search switches it off rather than calibrate it).
  {
    name: 'pools.peripheral.halfStimulus / central',
    get: (p) => p.pools.peripheral.halfStimulus / p.pools.central.halfStimulus,
    set: (p, v) => (p.pools.peripheral.halfStimulus = p.pools.central.halfStimulus * Math.min(4, Math.max(0.5, v))),
  },
  {
    name: 'zone-1 weight of the central and peripheral pools',
    get: (p) => p.pools.central.zoneWeights[0],
    set: (p, v) => {
      p.pools.central.zoneWeights = [v, p.pools.central.zoneWeights[1], p.pools.central.zoneWeights[2]];
      p.pools.peripheral.zoneWeights = [v, p.pools.peripheral.zoneWeights[1], p.pools.peripheral.zoneWeights[2]];
    },
  },
  { name: 'habitual.consistency', get: (p) => p.habitual.consistency, set: (p, v) => (p.habitual.consistency = Math.min(1, Math.max(0.5, v))) },
  { name: 'fatigue.performancePerStrain', get: (p) => p.fatigue.performancePerStrain, set: (p, v) => (p.fatigue.performancePerStrain = Math.min(0.05, Math.max(0.015, v))) },
  { name: 'pools.peripheral.riseDays', get: (p) => p.pools.peripheral.riseDays, set: (p, v) => (p.pools.peripheral.riseDays = Math.min(35, Math.max(10, v))) },
  { name: 'pools.central.riseDays', get: (p) => p.pools.central.riseDays, set: (p, v) => (p.pools.central.riseDays = Math.min(35, Math.max(10, v))) },
  // Selection on trainability: each level's median responsiveness at least the level's below.
  { name: 'levels.trained.responsivenessMedian', get: (p) => p.levels.trained.responsivenessMedian, set: (p, v) => (p.levels.trained.responsivenessMedian = Math.max(1, v)) },
  {
    name: 'levels.well-trained.responsivenessMedian / trained',
    get: (p) => p.levels['well-trained'].responsivenessMedian / p.levels.trained.responsivenessMedian,
    set: (p, v) => (p.levels['well-trained'].responsivenessMedian = p.levels.trained.responsivenessMedian * Math.max(1, v)),
  },
  {
    name: 'levels.elite.responsivenessMedian / well-trained',
    get: (p) => p.levels.elite.responsivenessMedian / p.levels['well-trained'].responsivenessMedian,
    set: (p, v) => (p.levels.elite.responsivenessMedian = p.levels['well-trained'].responsivenessMedian * Math.max(1, v)),
  },
];

function evaluate(point: number[]): { loss: number; checks: CalibrationCheck[] } {
  const parameters = structuredClone(PARAMETERS);
  KNOBS.forEach((knob, i) => knob.set(parameters, Math.exp(point[i]!)));
  const context = { parameters, catalogue, model: new MultiSystemModel(parameters), size, seed: 7 };
  let checks: CalibrationCheck[];
  try {
    checks = CALIBRATION_TARGETS.flatMap((target) => target.run(context));
  } catch (error) {
    // A point where the model breaks down (non-finite results: the statistics throw RangeError) is
    // a very bad point; anything else is a bug.
    if (error instanceof RangeError) return { loss: 1e9, checks: [] };
    throw error;
  }
  let loss = 0;
  for (const c of checks) {
    const width = c.band[1] - c.band[0];
    const outside = c.value < c.band[0] ? c.band[0] - c.value : c.value > c.band[1] ? c.value - c.band[1] : 0;
    loss += (outside / width) ** 2;
  }
  return { loss, checks };
}

// Nelder–Mead on log parameters.
const start = KNOBS.map((knob) => Math.log(knob.get(PARAMETERS)));
let simplex = [start, ...start.map((_, i) => start.map((x, j) => (i === j ? x + 0.35 : x)))].map((point) => ({ point, ...evaluate(point) }));
for (let it = 0; it < iterations; it++) {
  simplex.sort((a, b) => a.loss - b.loss);
  const best = simplex[0]!;
  if (it % 5 === 0) console.log(`iteration ${it}: loss ${best.loss.toFixed(4)} ${best.point.map((x) => Math.exp(x).toPrecision(3)).join(' ')}`);
  if (best.loss === 0) break;
  const n = start.length;
  const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, v) => s + v.point[j]!, 0) / n);
  const worst = simplex[n]!;
  const along = (t: number) => centroid.map((c, j) => c + t * (worst.point[j]! - c));
  const reflected = { point: along(-1), ...evaluate(along(-1)) };
  if (reflected.loss < best.loss) {
    const expanded = { point: along(-2), ...evaluate(along(-2)) };
    simplex[n] = expanded.loss < reflected.loss ? expanded : reflected;
  } else if (reflected.loss < simplex[n - 1]!.loss) {
    simplex[n] = reflected;
  } else {
    const contracted = { point: along(0.5), ...evaluate(along(0.5)) };
    if (contracted.loss < worst.loss) simplex[n] = contracted;
    else {
      simplex = simplex.map((v, i) => {
        if (i === 0) return v;
        const shrunk = v.point.map((x, j) => best.point[j]! + 0.5 * (x - best.point[j]!));
        return { point: shrunk, ...evaluate(shrunk) };
      });
    }
  }
}
simplex.sort((a, b) => a.loss - b.loss);
const best = simplex[0]!;
console.log(`\nbest loss ${best.loss.toFixed(4)}`);
KNOBS.forEach((knob, i) => console.log(`  ${knob.name} = ${Math.exp(best.point[i]!).toPrecision(3)}`));
for (const c of best.checks) console.log(`  ${c.pass ? 'ok  ' : 'FAIL'} ${c.target}: ${c.what} ${c.value.toFixed(2)} [${c.band}]`);
