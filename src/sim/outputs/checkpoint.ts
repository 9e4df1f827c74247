import { closeSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { VERSION } from '../../version.ts';
import type { Parameters } from '../../models/parameters.ts';
import type { Shard } from '../shards.ts';
import { sha256 } from './read-chunks.ts';

/**
 * A run's checkpoint, in its staging folder (src/sim/outputs/stage.ts): after each slice of athletes
 * is merged into the outputs, what is complete — how far each staged file goes and its SHA-256 there,
 * and every athlete's results so far (the summary is made from them at the end). A run killed
 * midway (SIGKILL, out of memory, a machine that went down) leaves its staging folder and this file;
 * `periodize run --resume` takes the folder over, checks each file against the checkpoint, cuts off
 * what came after it, and simulates only the slices not done — the outputs byte-identical to a run
 * never stopped (docs/HARDENING.md, group 10).
 */
export interface Checkpoint {
  periodize: 'checkpoint';
  /** What the run is (`runKey`): only a run of the same key continues it. */
  key: string;
  /** The athletes [from, to) of each slice, in order (SLICES_FILE, written once): a resumed run keeps them, whatever its workers. */
  slices: [number, number][];
  /** Slices merged, from the first. */
  done: number;
  /** Each staged output file as far as the merged slices go. */
  files: { name: string; bytes: number; sha256: string }[];
  /** The file of packed results (`RESULTS_FILE`) as far as the merged slices go. Null for a shard (its shard.results is one of `files`). */
  results: { bytes: number; sha256: string } | null;
}

/** The checkpoint, replaced whole after each slice: a few hundred bytes whatever the run's size. */
export const CHECKPOINT_FILE = 'checkpoint.json';

/** The run's key and slices, written once when it starts. */
export const SLICES_FILE = 'slices.json';

/**
 * Every merged athlete's results as the slices returned them (PackedResults), each slice's after
 * its count of values — one float64 — in this machine's byte order (part of the key).
 */
export const RESULTS_FILE = 'results.f64';

/**
 * What makes two runs the same run: the version, the parameter set, the scenario's text and what it
 * resolved to (its arms, designs and rule sets in full: `resolved`), and the shard.
 */
export function runKey(about: { parameters: Parameters; scenarioText: string; resolved: unknown; shard: Shard | null }): string {
  const { parameters, scenarioText, resolved, shard } = about;
  // The runtime too: the results file is in the machine's byte order, and numbers could differ by engine.
  const runtime = { node: process.versions.node, arch: process.arch, endianness: endianness() };
  return sha256(JSON.stringify({ version: VERSION, runtime, parameters, scenario: sha256(scenarioText), resolved, shard }));
}

/** The checkpoint in a staging folder with its slices, or null if there is none (or none this version can read). */
export function readCheckpoint(staging: string): Checkpoint | null {
  const checkpoint = readJson(join(staging, CHECKPOINT_FILE)) as Partial<Checkpoint> | null;
  const plan = readJson(join(staging, SLICES_FILE)) as { key?: unknown; slices?: unknown } | null;
  const slices = plan?.slices;
  const wellFormed =
    checkpoint !== null &&
    typeof checkpoint === 'object' &&
    checkpoint.periodize === 'checkpoint' &&
    typeof checkpoint.key === 'string' &&
    plan?.key === checkpoint.key &&
    Array.isArray(slices) &&
    slices.every((slice) => Array.isArray(slice) && slice.length === 2 && slice.every(Number.isSafeInteger)) &&
    Number.isSafeInteger(checkpoint.done) &&
    checkpoint.done! >= 0 &&
    checkpoint.done! <= slices.length &&
    Array.isArray(checkpoint.files) &&
    checkpoint.files.every((file) => typeof file?.name === 'string' && Number.isSafeInteger(file.bytes) && typeof file.sha256 === 'string') &&
    (checkpoint.results === null ||
      (typeof checkpoint.results === 'object' && Number.isSafeInteger(checkpoint.results?.bytes) && checkpoint.results!.bytes % 8 === 0 && typeof checkpoint.results?.sha256 === 'string'));
  return wellFormed ? ({ ...checkpoint, slices } as Checkpoint) : null;
}

/** Writes the run's key and slices when it starts (`readCheckpoint` reads them with each checkpoint). */
export function writeSlices(staging: string, key: string, slices: readonly [number, number][]): void {
  replaceWhole(join(staging, SLICES_FILE), JSON.stringify({ key, slices }));
}

/** Replaces the staging folder's checkpoint whole; its slices are in SLICES_FILE. */
export function writeCheckpoint(staging: string, checkpoint: Checkpoint): void {
  const { slices: _written, ...rest } = checkpoint;
  replaceWhole(join(staging, CHECKPOINT_FILE), JSON.stringify(rest));
}

/** Removes the checkpoint: the staged files are about to change past it (Parquet made from the CSV). */
export function dropCheckpoint(staging: string): void {
  rmSync(join(staging, CHECKPOINT_FILE), { force: true });
}

/** One slice's results as RESULTS_FILE holds them: its count of values, then the values. */
export function resultsBlock(values: Float64Array): Uint8Array[] {
  return [new Uint8Array(Float64Array.of(values.length).buffer), new Uint8Array(values.buffer, values.byteOffset, values.byteLength)];
}

/** Each merged slice's packed results from the staging folder's RESULTS_FILE, in order, a slice at a time, up to `bytes`. */
export function forEachCheckpointedSlice(staging: string, bytes: number, take: (values: Float64Array) => void): void {
  const fd = openSync(join(staging, RESULTS_FILE), 'r');
  try {
    const read = (into: Uint8Array, position: number) => {
      for (let got = 0; got < into.length; ) {
        const more = readSync(fd, into, got, into.length - got, position + got);
        if (more === 0) throw new Error(`${RESULTS_FILE} ends before its checkpoint`);
        got += more;
      }
    };
    const count = new Float64Array(1);
    for (let position = 0; position < bytes; ) {
      read(new Uint8Array(count.buffer), position);
      const values = new Float64Array(count[0]!);
      read(new Uint8Array(values.buffer), position + 8);
      position += 8 + values.byteLength;
      take(values);
    }
  } finally {
    closeSync(fd);
  }
}

/** A file written beside its place, made durable, then renamed over it: whole, the old or the new. */
function replaceWhole(path: string, text: string): void {
  const fd = openSync(`${path}.next`, 'w');
  try {
    writeSync(fd, `${text}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.next`, path);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
