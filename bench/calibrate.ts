/**
 * npm run calibrate [-- --size N --only id,id --set path=value ... --write]
 *
 * With --write, the results table is also written to docs/calibration-results.md.
 * Runs every calibration target (src/sim/calibration/targets.ts) with the one parameter set and
 * prints simulated value, band and verdict. `--set pools.central.gain=0.002` changes a parameter for
 * this run only — for sensitivity analysis; the committed parameter set is what the tests check.
 */
import { PARAMETERS } from '../src/models/parameters.ts';
import { compileCatalogue } from '../src/models/workouts/compile.ts';
import { WORKOUTS } from '../src/models/workouts/catalogue.ts';
import { CALIBRATION_TARGETS } from '../src/sim/calibration/targets.ts';
import { MultiSystemModel } from '../src/sim/model/multi-system.ts';
import { numberOption, option } from './options.ts';

const args = process.argv.slice(2);
const parameters = structuredClone(PARAMETERS);
args.forEach((arg, i) => {
  if (arg !== '--set') return;
  const [path, value] = args[i + 1]!.split('=') as [string, string];
  const keys = path.split('.');
  let node: Record<string, unknown> = parameters as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = JSON.parse(value);
});
const size = numberOption('size', 4000);
const only = option('only')?.split(',');
const context = { parameters, catalogue: compileCatalogue(WORKOUTS), model: new MultiSystemModel(parameters), size, seed: numberOption('seed', 2026) };

let failures = 0;
const markdown: string[] = [
  '# Calibration results',
  '',
  `Written by \`npm run calibrate -- --write\` (n = ${size} athletes per scenario, seed ${context.seed}), with the committed parameter set. How the targets and the parameters were chosen: [CALIBRATION.md](CALIBRATION.md).`,
];
for (const target of CALIBRATION_TARGETS) {
  if (only !== undefined && !only.includes(target.id)) continue;
  const started = performance.now();
  const checks = target.run(context);
  console.log(`\n${target.title}  [${target.id}, ${((performance.now() - started) / 1000).toFixed(1)} s]\n  source: ${target.source}`);
  markdown.push('', `## ${target.title}`, '', `Source: ${target.source}.`, '', '| check | simulated | band | verdict |', '|---|---:|---|---|');
  for (const c of checks) {
    if (!c.pass) failures++;
    console.log(`  ${c.pass ? 'ok  ' : 'FAIL'}  ${c.what.padEnd(58)} ${c.value.toFixed(2).padStart(8)} ${c.unit.padEnd(6)} band [${c.band[0]}, ${c.band[1]}]`);
    markdown.push(`| ${c.what} | ${c.value.toFixed(2)} ${c.unit} | ${c.band[0]} to ${c.band[1]} ${c.unit} | ${c.pass ? 'within' : '**outside**'} |`);
  }
}
console.log(`\n${failures === 0 ? 'all targets met' : `${failures} check(s) outside their band`} (n = ${size} per scenario)`);
if (args.includes('--write')) {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(new URL('../docs/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../docs/calibration-results.md', import.meta.url), `${markdown.join('\n')}\n`);
  console.log('wrote docs/calibration-results.md');
}
process.exitCode = failures === 0 ? 0 : 1;
