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

/** "2/8" → the third of eight shards; null and a reason when it is not that. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (match === null) return `expected i/N, e.g. 0/4 (got ${text})`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index >= count) return `i must be 0 … N − 1 (got ${text})`;
  return { index, count };
}

/** The athletes [from, to) of a shard: contiguous slices as even as whole athletes allow. */
export function shardRange(size: number, shard: Shard): [number, number] {
  return [Math.floor((size * shard.index) / shard.count), Math.floor((size * (shard.index + 1)) / shard.count)];
}

/** One athlete's results as a line: the float64s (little-endian) in base64 — exact, whatever the values. */
export function encodeResults(results: AthleteResults): string {
  const arms = results.armCount;
  const changes = results.changes.map((c) => (c === null ? 0 : c.length));
  const values = new Float64Array(2 + 2 * TEST_COUNT + 2 * arms * TEST_COUNT + arms * ARM_COUNT + arms + changes.reduce((a, b) => a + b, 0));
  let at = 0;
  values[at++] = results.baselineRestingHr;
  values[at++] = results.baselineLnRmssd;
  for (const part of [results.baselineMeasured, results.baselineTrue, results.finalMeasured, results.finalTrue, results.arm]) {
    values.set(part, at);
    at += part.length;
  }
  results.changes.forEach((c, arm) => {
    values[at++] = changes[arm]!;
    if (c !== null) {
      values.set(c, at);
      at += c.length;
    }
  });
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** Reads a line of `encodeResults` into `out` (an AthleteResults of the same arms). */
export function decodeResults(line: string, out: AthleteResults): void {
  const bytes = Buffer.from(line, 'base64');
  const values = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  let at = 0;
  out.baselineRestingHr = values[at++]!;
  out.baselineLnRmssd = values[at++]!;
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
}

/** Writes every athlete's results of a shard, a line each, in athlete order. */
export class ShardResults implements AthleteSink {
  constructor(private readonly file: StagedFile) {}

  athlete(_traits: AthleteTraits, results: AthleteResults): void {
    this.file.write(`${encodeResults(results)}\n`);
  }
}
