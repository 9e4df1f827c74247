import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as z from 'zod';
import type { Parameters } from '../models/parameters.ts';
import { SliceMerger } from './merge.ts';
import { sha256, sha256File } from './outputs/read-chunks.ts';
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
  verifyShardFiles(dir);
  return { dir, meta, shard };
}

/** What a shard's manifest.json says of its files (src/sim/outputs/manifest.ts writes it). */
const ShardManifest = z.object({ files: z.array(z.object({ name: z.string().min(1), bytes: z.number(), sha256: z.string() })) });

/**
 * Every file a shard wrote is as it wrote it: its size and SHA-256 as its manifest.json records them,
 * shard.json and shard.results among them. A file changed, cut short or missing since is bad input —
 * merged, it would give a run that never was.
 */
function verifyShardFiles(dir: string): void {
  const file = join(dir, 'manifest.json');
  const at = (name: string, message: string): InputProblem => ({ file: join(dir, name), line: 1, col: 1, path: [], message });
  let manifest: z.infer<typeof ShardManifest>;
  try {
    const parsed = ShardManifest.safeParse(JSON.parse(readInputText(file)));
    if (!parsed.success) throw new InputError([at('manifest.json', `not a shard's manifest (${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}): run the shard again`)]);
    manifest = parsed.data;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([at('manifest.json', `not JSON (${(error as Error).message}): run the shard again`)]);
  }
  const problems: InputProblem[] = [];
  for (const name of ['shard.json', 'shard.results']) {
    if (!manifest.files.some((entry) => entry.name === name)) problems.push(at('manifest.json', `lists no ${name}: not a shard's manifest; run the shard again`));
  }
  for (const { name, bytes, sha256: written } of manifest.files) {
    const path = join(dir, basename(name));
    if (basename(name) !== name) {
      problems.push(at('manifest.json', `files: ${JSON.stringify(name)} is not a file of the folder`));
      continue;
    }
    let size: number;
    try {
      const stat = statSync(path);
      // A folder or a pipe where the file was is not it (a pipe would be read for ever).
      if (!stat.isFile()) {
        problems.push(at(name, 'not a file: the shard wrote a file here (manifest.json); run the shard again'));
        continue;
      }
      size = stat.size;
    } catch {
      problems.push(at(name, 'missing: the shard wrote it (manifest.json); run the shard again'));
      continue;
    }
    const now = size === bytes ? sha256File(path) : null;
    if (now !== written) {
      problems.push(at(name, `changed since the shard wrote it (${size} bytes${now === null ? '' : `, SHA-256 ${now.slice(0, 12)}…`}; manifest.json: ${bytes} bytes, ${written.slice(0, 12)}…): run the shard again`));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * The shard folders of one run in shard order: every shard once, of the same scenario text and seed.
 * Throws InputError with every problem (at `outDir`, where nothing is written).
 */
export function orderShards(dirs: readonly string[], outDir: string): ShardFolder[] {
  // Every folder's problems at once.
  const shards: ShardFolder[] = [];
  const unread: InputProblem[] = [];
  for (const dir of dirs) {
    try {
      shards.push(readShardFolder(dir));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      unread.push(...error.problems);
    }
  }
  if (unread.length > 0) throw new InputError(unread);
  const first = shards[0]!;
  const count = first.shard.count;
  const problems: string[] = [];
  for (const { dir, meta, shard } of shards) {
    if (meta.scenario.sha256 !== first.meta.scenario.sha256 || meta.scenario.resolved !== first.meta.scenario.resolved || meta.seed !== first.meta.seed || shard.count !== count) {
      problems.push(`${dir}: not a shard of the same run as ${first.dir}`);
    }
  }
  const byIndex = new Map(shards.map((folder) => [folder.shard.index, folder] as const));
  if (byIndex.size !== shards.length) problems.push('a shard is given twice');
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const listed = missing.slice(0, 10).map((i) => `${i}/${count}`).join(', ');
    problems.push(`shard${missing.length === 1 ? '' : 's'} ${listed}${missing.length > 10 ? ` and ${(missing.length - 10).toLocaleString('en-US')} more` : ''} missing`);
  }
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
