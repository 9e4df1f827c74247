import { join } from 'node:path';
import type { Parameters } from '../models/parameters.ts';
import { forEachLine } from './outputs/read-chunks.ts';
import { CheckpointMismatch, type OutputStage, type StagedFile } from './outputs/stage.ts';
import { AthleteResults } from './results.ts';
import type { RunSpec } from './scenario/prepare.ts';
import { decodeResults, encodeResults, unpackResults } from './shards.ts';
import { SummaryCollector, typicalErrorsOf } from './summary.ts';

/** The CSV files of a run, in the order they are written: days.csv only when the scenario asks for daily rows. */
export function csvNames(spec: RunSpec): string[] {
  return ['athletes.csv', ...(spec.daily ? ['days.csv'] : []), 'adjustments.csv'];
}

/**
 * Joins the slices of a run — shards from `periodize run --shard`, or the slices a worker pool ran —
 * into its outputs: each slice's CSV rows appended in athlete order (the header once), and every
 * athlete's exact results replayed into one summary collector, in the same order. Slices must
 * arrive in order, first to last; what comes out is byte-identical to the run never split.
 */
export class SliceMerger {
  readonly collector: SummaryCollector;
  private readonly files: { name: string; file: StagedFile }[];
  private readonly results: AthleteResults;
  /** A shard's shard.results, written instead of a summary collected. */
  private readonly shardResults: StagedFile | null;
  private athletes = 0;
  private slices = 0;

  /**
   * With no stage, only the summary (a run without files: the bench). With `shard`, the slices make
   * up one shard of a run: every athlete's results go to shard.results (after the CSV files, as
   * `RunScenario.run` writes them), for `merge`, and there is no summary.
   */
  constructor(
    stage: OutputStage | null,
    spec: RunSpec,
    parameters: Parameters,
    shard = false,
    /**
     * The staged files of a killed run to go on from (`run --resume`): each as far as its checkpoint
     * records, the `slices` and `athletes` merged into them. A run's athletes are then replayed into
     * its summary (`replay`), a shard's are already in its shard.results.
     */
    resume: { files: readonly { name: string; bytes: number; sha256: string }[]; slices: number; athletes: number } | null = null,
  ) {
    const open = (name: string): StagedFile => {
      if (resume === null) return stage!.open(name);
      const at = resume.files.find((file) => file.name === name);
      if (at === undefined) throw new CheckpointMismatch(`${name} is not in the checkpoint`);
      return stage!.reopen(name, at.bytes, at.sha256);
    };
    this.files = stage === null ? [] : csvNames(spec).map((name) => ({ name, file: open(name) }));
    this.shardResults = shard && stage !== null ? open('shard.results') : null;
    this.slices = resume?.slices ?? 0;
    // A run's athletes are counted again as they are replayed into its summary; a shard's are in its files.
    this.athletes = this.shardResults === null ? 0 : (resume?.athletes ?? 0);
    // A shard's athletes go to shard.results: no summary, so no room for the population's values.
    this.collector = new SummaryCollector(spec, this.shardResults === null ? spec.population.size : 0, typicalErrorsOf(parameters), parameters.tests.fatigueWarningLoss);
    this.results = new AthleteResults(spec.arms.length);
  }

  /** Athletes merged so far. */
  get count(): number {
    return this.athletes;
  }

  /** The next slice's CSV files, from its folder. */
  addCsv(dir: string): void {
    for (const { name, file } of this.files) file.appendCsv(join(dir, name), this.slices === 0);
    this.slices++;
  }

  /** The next slice's athletes, packed one after another (PackedResults). */
  addPacked(values: Float64Array): void {
    for (let at = 0; at < values.length; ) {
      at = unpackResults(values, at, this.results);
      this.add();
    }
  }

  /** The next slice's athletes from a file of a line each (a shard's shard.results), read in pieces. */
  addResultsFile(path: string): void {
    forEachLine(path, (line) => {
      decodeResults(line, this.results);
      this.add();
    });
  }

  /**
   * A merged slice's athletes again, into the summary only (their rows and a shard's results are
   * already in the reopened files): a resumed run's slices done before it was killed, in order.
   */
  replay(values: Float64Array): void {
    if (this.shardResults !== null) throw new Error('a shard has no summary to replay into');
    this.addPacked(values);
  }

  /** Each staged file as far as it is written, flushed to disk: what a checkpoint records. */
  checkpoint(): { name: string; bytes: number; sha256: string }[] {
    const files = [...this.files, ...(this.shardResults === null ? [] : [{ name: 'shard.results', file: this.shardResults }])];
    return files.map(({ name, file }) => ({ name, ...file.checkpoint() }));
  }

  /** Closes the files. */
  close(): void {
    for (const { file } of this.files) file.close();
    this.shardResults?.close();
  }

  /** Past the run's size the values go nowhere (the caller compares `count` with the run's). */
  private add(): void {
    if (this.shardResults === null) this.collector.add(this.athletes++, this.results);
    else {
      this.shardResults.write(`${encodeResults(this.results)}\n`);
      this.athletes++;
    }
  }
}
