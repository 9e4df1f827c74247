import { closeSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
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
  /** The athletes [from, to) of each slice, in order: a resumed run keeps them, whatever its workers. */
  slices: [number, number][];
  /** Slices merged, from the first. */
  done: number;
  /** Each staged output file as far as the merged slices go. */
  files: { name: string; bytes: number; sha256: string }[];
  /** The file of packed results (`RESULTS_FILE`): each merged slice's bytes, and the SHA-256 of them all. Null for a shard (its shard.results is one of `files`). */
  results: { bytes: number[]; sha256: string } | null;
}

export const CHECKPOINT_FILE = 'checkpoint.json';

/** Every merged athlete's results, packed (PackedResults) as the slices returned them, in this machine's byte order. */
export const RESULTS_FILE = 'results.f64';

/**
 * What makes two runs the same run: the version, the parameter set, the scenario's text and what it
 * resolved to (its arms, designs and rule sets in full: `resolved`), and the shard.
 */
export function runKey(about: { parameters: Parameters; scenarioText: string; resolved: unknown; shard: Shard | null }): string {
  const { parameters, scenarioText, resolved, shard } = about;
  return sha256(JSON.stringify({ version: VERSION, parameters, scenario: sha256(scenarioText), resolved, shard }));
}

/** The checkpoint in a staging folder, or null if there is none (or none this version can read). */
export function readCheckpoint(staging: string): Checkpoint | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(staging, CHECKPOINT_FILE), 'utf8'));
  } catch {
    return null;
  }
  const checkpoint = parsed as Partial<Checkpoint> | null;
  const wellFormed =
    checkpoint !== null &&
    typeof checkpoint === 'object' &&
    checkpoint.periodize === 'checkpoint' &&
    typeof checkpoint.key === 'string' &&
    Array.isArray(checkpoint.slices) &&
    checkpoint.slices.every((slice) => Array.isArray(slice) && slice.length === 2 && slice.every(Number.isSafeInteger)) &&
    Number.isSafeInteger(checkpoint.done) &&
    checkpoint.done! >= 0 &&
    checkpoint.done! <= checkpoint.slices.length &&
    Array.isArray(checkpoint.files) &&
    checkpoint.files.every((file) => typeof file?.name === 'string' && Number.isSafeInteger(file.bytes) && typeof file.sha256 === 'string') &&
    (checkpoint.results === null ||
      (typeof checkpoint.results === 'object' &&
        Array.isArray(checkpoint.results.bytes) &&
        checkpoint.results.bytes.length === checkpoint.done &&
        checkpoint.results.bytes.every((bytes) => Number.isSafeInteger(bytes) && bytes >= 0 && bytes % 8 === 0) &&
        typeof checkpoint.results.sha256 === 'string'));
  return wellFormed ? (checkpoint as Checkpoint) : null;
}

/** Replaces the staging folder's checkpoint whole (written beside it, then renamed over it). */
export function writeCheckpoint(staging: string, checkpoint: Checkpoint): void {
  const path = join(staging, CHECKPOINT_FILE);
  writeFileSync(`${path}.next`, `${JSON.stringify(checkpoint)}\n`);
  renameSync(`${path}.next`, path);
}

/** Each merged slice's packed results from the staging folder's RESULTS_FILE, in order, a slice at a time. */
export function forEachCheckpointedSlice(staging: string, bytes: readonly number[], take: (values: Float64Array) => void): void {
  const fd = openSync(join(staging, RESULTS_FILE), 'r');
  try {
    let position = 0;
    for (const length of bytes) {
      const values = new Float64Array(length / 8);
      const view = new Uint8Array(values.buffer);
      for (let read = 0; read < length; ) {
        const got = readSync(fd, view, read, length - read, position + read);
        if (got === 0) throw new Error(`${RESULTS_FILE} ends before its checkpoint`);
        read += got;
      }
      position += length;
      take(values);
    }
  } finally {
    closeSync(fd);
  }
}
