import * as z from 'zod';
import { proposalsAfter, type AbcSmcOptions, type Population } from '../stats/abc-smc.ts';
import { sha256 } from '../outputs/read-chunks.ts';
import type { Shard } from '../shards.ts';
import type { Discrepancy } from './ensemble.ts';
import { mapConcurrently } from './draws.ts';

/*
 * The ensemble's fit on a cluster (issue 12, item 6; `npm run ensemble -- --shard i/N`,
 * docs/CALIBRATION.md, On a cluster). ABC-SMC is sequential between generations — generation t
 * proposes from the points kept in t − 1 — but within a generation every proposal is fixed before
 * any is run (`proposalsAfter`: proposal j draws from its own stream). So shard i of N evaluates the
 * proposals i, i + N, i + 2N, … of the generation's first P and writes what it found, with the
 * point, into a shard file; the fit then replays the generation in proposal order, taking each
 * proposal's discrepancy from the shard files where one is there and running the rest itself. The
 * kept points are the first `particles` in proposal order either way, and the model runs counted
 * are the replay's: the ensemble is byte-identical to the fit never split.
 */

/** One shard's evaluations of one generation's proposals. */
export interface ShardEvaluations {
  /** What must match the fit going on (its options, priors, constants, trial files: the --resume key). */
  key: string;
  /** The SHA-256 of the generation the proposals were drawn from (`populationSha256`). */
  from: string;
  generation: number;
  /** "i/N", i from 0. */
  shard: string;
  /** The first P proposals of the generation, split among the shards. */
  proposals: number;
  /** Each proposal it ran: its index, point (the priors' quantiles) and discrepancy (null: none — the model broke down). */
  evaluated: { index: number; point: number[]; distance: number | null; worst: string; worstWidths: number | null }[];
}

const ShardEvaluationsSchema = z.strictObject({
  key: z.string(),
  from: z.string(),
  generation: z.number().int().nonnegative(),
  shard: z.string(),
  proposals: z.number().int().positive(),
  evaluated: z.array(z.strictObject({ index: z.number().int().nonnegative(), point: z.array(z.number()), distance: z.number().nullable(), worst: z.string(), worstWidths: z.number().nullable() })),
});

/** The SHA-256 of the generation proposals are drawn from; "prior" before the first. */
export function populationSha256(from: Population | null): string {
  return from === null ? 'prior' : sha256(JSON.stringify({ generation: from.generation, tolerance: from.tolerance, points: from.points, weights: from.weights, distances: from.distances }));
}

/** The proposal indices of a shard: i, i + N, i + 2N, … below `proposals`. */
export function shardIndices(proposals: number, shard: Shard): number[] {
  const indices: number[] = [];
  for (let index = shard.index; index < proposals; index += shard.count) indices.push(index);
  return indices;
}

/** A point's key in the shards' evaluations: its coordinates, each written exactly (shortest round-trip). */
export function pointKey(point: ArrayLike<number>): string {
  return Array.from(point).join(',');
}

/**
 * Runs a shard's proposals of the generation after `from` with `evaluate` (here or on a pool),
 * `concurrency` at a time, and gives what it found in index order. `progress` hears of each.
 */
export async function evaluateShard(
  options: AbcSmcOptions,
  from: Population | null,
  key: string,
  shard: Shard,
  proposals: number,
  evaluate: (point: Float64Array) => Discrepancy | Promise<Discrepancy>,
  concurrency = 1,
  progress?: (done: number, total: number) => void,
): Promise<ShardEvaluations> {
  const indices = shardIndices(proposals, shard);
  const { generation, points } = proposalsAfter(options, from, indices);
  const found = await mapConcurrently(points, (point) => evaluate(point), concurrency, progress);
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  return {
    key,
    from: populationSha256(from),
    generation,
    shard: `${shard.index}/${shard.count}`,
    proposals,
    evaluated: indices.map((index, i) => ({ index, point: Array.from(points[i]!), distance: finite(found[i]!.distance), worst: found[i]!.worst, worstWidths: finite(found[i]!.worstWidths) })),
  };
}

/** A shard file that cannot serve the fit going on, and why (reported, then passed over). */
export interface UnusedShard {
  file: string;
  why: string;
}

/**
 * The discrepancies the shard files give for the generation after `from`, by point (`pointKey`):
 * only files of this fit (`key`), of that generation and drawn from that very population; the
 * others are listed with the reason they were passed over.
 */
export function shardDiscrepancies(files: readonly { file: string; text: string }[], key: string, from: Population | null): { found: Map<string, Discrepancy>; used: string[]; unused: UnusedShard[] } {
  const generation = from === null ? 0 : from.generation + 1;
  const hash = populationSha256(from);
  const found = new Map<string, Discrepancy>();
  const used: string[] = [];
  const unused: UnusedShard[] = [];
  for (const { file, text } of files) {
    let parsed: ShardEvaluations;
    try {
      const result = ShardEvaluationsSchema.safeParse(JSON.parse(text));
      if (!result.success) {
        const issue = result.error.issues[0]!;
        unused.push({ file, why: `${issue.path.join('.')}: ${issue.message}` });
        continue;
      }
      parsed = result.data;
    } catch (error) {
      unused.push({ file, why: `not JSON (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    if (parsed.key !== key) unused.push({ file, why: 'made by a fit with other options, priors, constants, trial files or version' });
    else if (parsed.generation !== generation) unused.push({ file, why: `evaluates generation ${parsed.generation}, not ${generation}, the one the fit goes on to` });
    else if (parsed.from !== hash) unused.push({ file, why: `drawn from another generation ${generation - 1} than the fit's` });
    else {
      used.push(file);
      for (const e of parsed.evaluated) {
        found.set(pointKey(e.point), { distance: e.distance ?? Number.POSITIVE_INFINITY, worst: e.worst, worstWidths: e.worstWidths ?? Number.POSITIVE_INFINITY });
      }
    }
  }
  return { found, used, unused };
}
