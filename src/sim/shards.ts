import * as z from 'zod';
import { ARM_COUNT, TEST_COUNT, type AthleteResults } from './results.ts';
import type { AthleteTraits } from './population.ts';
import type { AthleteSink } from './runner.ts';
import type { StagedFile } from './outputs/stage.ts';

/**
 * Shards: a run split by athlete index (`--shard i/N`, i from 0), each shard a contiguous slice, so
 * that the same command runs as a Kubernetes Indexed Job (JOB_COMPLETION_INDEX) or a SLURM array
 * (SLURM_ARRAY_TASK_ID). A shard writes its athletes' CSV rows and every athlete's results, exactly
 * (float64 bits); `merge` replays those results in athlete order, so the merged outputs are
 * byte-identical to the run that was never split.
 */
export interface Shard {
  index: number;
  count: number;
}

/** The most shards a run splits into: more than a cluster's array job holds, and merge keeps them all in view. */
export const MAX_SHARDS = 10_000;

/** "2/8" → the third of eight shards; null and a reason when it is not that. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (match === null) return `expected i/N, e.g. 0/4 (got ${text})`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index >= count) return `i must be 0 … N − 1 (got ${text})`;
  if (count > MAX_SHARDS) return `at most ${MAX_SHARDS.toLocaleString('en-US')} shards (got ${text})`;
  return { index, count };
}

/** The athletes [from, to) of a shard: contiguous slices as even as whole athletes allow. */
export function shardRange(size: number, shard: Shard): [number, number] {
  return [Math.floor((size * shard.index) / shard.count), Math.floor((size * (shard.index + 1)) / shard.count)];
}

/**
 * What a shard folder says it is (its shard.json): which shard of which run — the athletes it holds,
 * the run's seed and the scenario file it ran, with the SHA-256 of its text. `merge` reads it through
 * this schema; a shard writes it from the same shape.
 */
export const ShardMeta = z.strictObject({
  /** "i/N": shard i (from 0) of N. */
  shard: z.string().check((ctx) => {
    const shard = parseShard(ctx.value);
    if (typeof shard === 'string') ctx.issues.push({ code: 'custom', message: shard, input: ctx.value });
  }),
  /** Its athletes [from, to), as `shardRange` cuts them. */
  athletes: z.tuple([z.int().min(0), z.int().min(0)]),
  /** The run's athletes, every shard's together. */
  of: z.int().min(1),
  seed: z.int().min(0),
  scenario: z.strictObject({
    /** As the command named it. */
    file: z.string(),
    path: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected the SHA-256 of the scenario (64 hex digits)'),
    /**
     * The SHA-256 of the scenario as resolved (resolvedConfig: the athletes its athlete files
     * describe, the rule sets of its rule files, every arm's blocks): what the shards ran, whatever
     * file it came from — an athlete or rule file changed between shards, or before the merge, is
     * told. Absent in a shard written before it was recorded.
     */
    resolved: z.string().regex(/^[0-9a-f]{64}$/, 'expected the SHA-256 of the resolved scenario (64 hex digits)').optional(),
  }),
});
export type ShardMeta = z.infer<typeof ShardMeta>;

/** The number of float64s `packResults` takes for an athlete. */
function packedLength(results: AthleteResults): number {
  let length = 3 + 2 * TEST_COUNT + 2 * results.armCount * TEST_COUNT + results.armCount * ARM_COUNT + results.armCount;
  for (const c of results.changes) length += c === null ? 0 : c.length;
  return length;
}

/** One athlete's results as float64s — exact, whatever the values; `unpackResults` reads them back. */
export function packResults(results: AthleteResults): Float64Array {
  const values = new Float64Array(packedLength(results));
  let at = 0;
  values[at++] = results.baselineRestingHr;
  values[at++] = results.baselineLnRmssd;
  values[at++] = results.baselineFatigueLoss;
  for (const part of [results.baselineMeasured, results.baselineTrue, results.finalMeasured, results.finalTrue, results.arm]) {
    values.set(part, at);
    at += part.length;
  }
  for (const c of results.changes) {
    values[at++] = c === null ? 0 : c.length;
    if (c !== null) {
      values.set(c, at);
      at += c.length;
    }
  }
  return values;
}

/** Reads the athlete packed at `values[at]` into `out` (an AthleteResults of the same arms); returns where the next one starts. */
export function unpackResults(values: Float64Array, at: number, out: AthleteResults): number {
  out.baselineRestingHr = values[at++]!;
  out.baselineLnRmssd = values[at++]!;
  out.baselineFatigueLoss = values[at++]!;
  for (const part of [out.baselineMeasured, out.baselineTrue, out.finalMeasured, out.finalTrue, out.arm]) {
    part.set(values.subarray(at, at + part.length));
    at += part.length;
  }
  for (let arm = 0; arm < out.armCount; arm++) {
    const length = values[at++]!;
    if (length === 0) continue;
    const changes = (out.changes[arm] ??= new Int32Array(length));
    for (let i = 0; i < length; i++) changes[i] = values[at++]!;
  }
  return at;
}

/** One athlete's results as a line: the packed float64s (little-endian) in base64. */
export function encodeResults(results: AthleteResults): string {
  const values = packResults(results);
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** Reads a line of `encodeResults` into `out` (an AthleteResults of the same arms). */
export function decodeResults(line: string, out: AthleteResults): void {
  const bytes = Buffer.from(line, 'base64');
  unpackResults(new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), 0, out);
}

/** Keeps every athlete's packed results of a slice, in athlete order, as one array (sent back by a worker). */
export class PackedResults implements AthleteSink {
  private readonly parts: Float64Array[] = [];
  private length = 0;

  athlete(_traits: AthleteTraits, results: AthleteResults): void {
    const part = packResults(results);
    this.parts.push(part);
    this.length += part.length;
  }

  /** All of them, one after another. */
  values(): Float64Array {
    const all = new Float64Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      all.set(part, at);
      at += part.length;
    }
    return all;
  }
}

/** Writes every athlete's results of a shard, a line each, in athlete order. */
export class ShardResults implements AthleteSink {
  constructor(private readonly file: StagedFile) {}

  athlete(_traits: AthleteTraits, results: AthleteResults): void {
    this.file.write(`${encodeResults(results)}\n`);
  }
}
