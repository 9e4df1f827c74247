import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../src/cli/main.ts';

/** A fresh temporary folder. */
export function temporaryFolder(prefix = 'periodize-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a scenario file into `folder` and returns its path. */
export function writeScenario(folder: string, name: string, yaml: string): string {
  const path = join(folder, name);
  writeFileSync(path, yaml);
  return path;
}

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (text) => (out += text), err: (text) => (err += text) };
  const code = await runCli(argv, io);
  return { code, out, err };
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** A small, quick scenario for tests. */
export function smallScenario(overrides: { size?: number; weeks?: number; seed?: number; daily?: boolean } = {}): string {
  return `name: Small test scenario
seed: ${overrides.seed ?? 11}
population: { size: ${overrides.size ?? 40}, level: recreational }
weeks: ${overrides.weeks ?? 4}
arms:
  - { id: polarized, design: polarized }
  - { id: threshold, design: threshold }
reference: threshold
events:
  - { type: sleep-restriction, fromWeek: 2, weeks: 1, hours: 5.5, share: 0.5 }
  - { type: illness, fromWeek: 3, days: 4, share: 0.2 }
outputs: { daily: ${overrides.daily ?? true} }
`;
}


/**
 * A fixed arm (pyramidal) against an adaptive one (polarized with hrv-swc), with daily rows, so that
 * every output file has rows; `restriction` adds a week of 5.5-h nights for half the athletes.
 */
export function adaptiveScenario(o: { name: string; seed: number; size: number; weeks: number; restriction: boolean }): string {
  const events = o.restriction ? 'events:\n  - { type: sleep-restriction, fromWeek: 2, weeks: 1, hours: 5.5, share: 0.5 }\n' : '';
  return `name: ${o.name}\nseed: ${o.seed}\npopulation: { size: ${o.size}, level: recreational }\nweeks: ${o.weeks}\narms:\n  - { id: fixed, design: pyramidal }\n  - { id: swc, design: polarized, rules: hrv-swc }\nreference: fixed\n${events}outputs: { daily: true }\n`;
}
