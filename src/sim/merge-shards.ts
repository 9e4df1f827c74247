import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Parameters } from '../models/parameters.ts';
import { SliceMerger } from './merge.ts';
import { sha256 } from './outputs/read-chunks.ts';
import type { OutputStage } from './outputs/stage.ts';
import { InputError, LocatedDocument, zodProblems, type InputProblem } from '../models/input/located.ts';
import { readInputText } from './input-file.ts';
import type { RunSpec } from './scenario/prepare.ts';
import { parseShard, shardRange, ShardMeta, type Shard } from './shards.ts';
import type { Summary } from './summary.ts';

/*
 * `periodize merge`: the shard folders of one run (`run --shard i/N`), checked to be every shard of
 * the same run once, then joined in shard order (SliceMerger) into the outputs of the run never split.
 */

/** A shard folder and what its shard.json says it is. */
export interface ShardFolder {
  dir: string;
  meta: ShardMeta;
  shard: Shard;
}

/**
 * Reads a folder's shard.json through its schema (ShardMeta): a folder without one, or with one that
 * is not what a shard writes, is bad input, each problem as `file:line:col: path: what is wrong`.
 */
export function readShardFolder(dir: string): ShardFolder {
  const file = join(dir, 'shard.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError([{ file, line: 1, col: 1, path: [], message: 'not a shard folder (no readable shard.json): run with --shard i/N first' }]);
  }
  const doc = LocatedDocument.parse(text, file);
  const parsed = ShardMeta.safeParse(doc.toJS());
  if (!parsed.success) throw new InputError(zodProblems(parsed.error.issues, doc));
  const meta = parsed.data;
  // The schema let only an i/N with i < N through.
  const shard = parseShard(meta.shard) as Shard;
  const [from, to] = shardRange(meta.of, shard);
  if (meta.athletes[0] !== from || meta.athletes[1] !== to) {
    throw new InputError([doc.problem(['athletes'], `expected [${from}, ${to}], the athletes of shard ${meta.shard} of ${meta.of}`)]);
  }
  return { dir, meta, shard };
}

/**
 * The shard folders of one run in shard order: every shard once, of the same scenario text and seed.
 * Throws InputError with every problem (at `outDir`, where nothing is written).
 */
export function orderShards(dirs: readonly string[], outDir: string): ShardFolder[] {
  const shards = dirs.map(readShardFolder);
  const first = shards[0]!;
  const count = first.shard.count;
  const problems: string[] = [];
  for (const { dir, meta, shard } of shards) {
    if (meta.scenario.sha256 !== first.meta.scenario.sha256 || meta.seed !== first.meta.seed || shard.count !== count) {
      problems.push(`${dir}: not a shard of the same run as ${first.dir}`);
    }
  }
  const byIndex = new Map(shards.map((folder) => [folder.shard.index, folder] as const));
  if (byIndex.size !== shards.length) problems.push('a shard is given twice');
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) problems.push(`shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
  if (problems.length > 0) throw new InputError(problems.map((message) => atFolder(outDir, message)));
  return Array.from({ length: count }, (_, i) => byIndex.get(i)!);
}

/** The text of the scenario the shards ran, as long as it is unchanged since (its SHA-256). */
export function shardScenarioText(shards: readonly ShardFolder[]): { file: string; text: string } {
  const { path: file, sha256: ran } = shards[0]!.meta.scenario;
  const text = readInputText(file);
  if (sha256(text) !== ran) throw new InputError([{ file, line: 1, col: 1, path: [], message: 'the scenario has changed since the shards ran' }]);
  return { file, text };
}

/** What `mergeShards` joins. */
export interface MergeShards {
  /** Where the joined tables are staged. */
  stage: OutputStage;
  /** The run the shards are of (its scenario as they ran it). */
  spec: RunSpec;
  parameters: Parameters;
  /** Every shard of the run, in shard order (`orderShards`). */
  shards: readonly ShardFolder[];
  /** The output folder, where a problem is reported. */
  outDir: string;
}

/**
 * Joins the shards' CSV rows in shard order and replays every athlete's exact results in athlete
 * order into the run's summary — byte-identical to the run never split.
 */
export function mergeShards({ stage, spec, parameters, shards, outDir }: MergeShards): Summary {
  const merger = new SliceMerger(stage, spec, parameters);
  for (const { dir } of shards) {
    merger.addCsv(dir);
    merger.addResultsFile(join(dir, 'shard.results'));
  }
  merger.close();
  if (merger.count !== spec.population.size) {
    throw new InputError([atFolder(outDir, `the shards hold ${merger.count} athletes, the run ${spec.population.size}`)]);
  }
  return merger.collector.summary();
}

/** A problem of the shards as a whole, reported at the output folder. */
function atFolder(outDir: string, message: string): InputProblem {
  return { file: outDir, line: 1, col: 1, path: [], message };
}
