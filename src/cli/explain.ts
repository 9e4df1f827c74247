import { statSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { FactDefinition } from '../engine/adapt/facts/types.ts';
import { describeTrace } from '../engine/adapt/reasons.ts';
import { didYouMean } from '../models/text/suggest.ts';
import { ADJUSTMENT_COLUMNS } from '../sim/outputs/adjustments-csv.ts';
import { DAY_COLUMNS, MARKER_DECIMALS } from '../sim/outputs/days-csv.ts';
import { fixed } from '../sim/outputs/format.ts';
import { numberOf, parquetColumns, tableFile, tableRows } from '../report/tables.ts';
import { InputError, LocatedDocument, zodProblems } from '../models/input/located.ts';
import { readInputText } from '../sim/input-file.ts';
import { parseTrace } from './adjustment-trace.ts';
import { columnIndex, csvRecords, type ColumnIndex, type CsvRecord } from './csv.ts';
import { counted } from '../models/text/plural.ts';

/** A request `periodize explain` cannot answer from the folder (no such folder, arm or athlete): exit 2. */
export class ExplainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExplainError';
  }
}

export interface ExplainRequest {
  outDir: string;
  arm: string;
  /** The athlete's number (athletes.csv's `athlete` column) or id (`maria`, `a12`). */
  athlete: string;
  /** Which version of a named athlete; 0 unless given. */
  replicate?: number;
}

/** What explain needs of summary.json; other keys are ignored, so older and newer summaries both read. */
const RunSummary = z.object({
  population: z.union([
    z.object({ level: z.string(), size: z.int().nonnegative() }),
    z.object({ athletes: z.array(z.string()), replicates: z.int().positive(), size: z.int().nonnegative() }),
  ]),
  arms: z.array(z.object({ id: z.string(), rules: z.string().nullable().optional() })),
});
type RunSummary = z.infer<typeof RunSummary>;

/** One athlete as the output files name it. */
interface Athlete {
  index: number;
  /** How the timeline names the athlete: `athlete 3` or `maria (athlete 0, replicate 0)`. */
  label: string;
}

/** The columns explain reads (`trace` apart: a run written before it had no such column). */
const CHANGE_COLUMNS = ADJUSTMENT_COLUMNS.filter((name) => name !== 'trace');

/**
 * One row of adjustments.csv, by column name; the day as a number, to order and group by; the
 * reason and note written from the row's trace.
 */
type Change = Omit<Record<(typeof CHANGE_COLUMNS)[number], string>, 'day'> & { day: number };

/**
 * `periodize explain`: what the adaptive engine changed in one athlete's plan in one arm, day by day,
 * in words — with the morning markers it saw when days.csv was written. Reads the run's output
 * folder only; both CSV files are streamed, and only the athlete's rows are kept.
 */
export async function explainAthlete(request: ExplainRequest, facts: ReadonlyMap<string, FactDefinition>): Promise<string> {
  const { outDir } = request;
  requireFolder(outDir);
  const summary = readRunSummary(join(outDir, 'summary.json'));
  const arm = summary.arms.find((candidate) => candidate.id === request.arm);
  if (arm === undefined) {
    const ids = summary.arms.map((candidate) => candidate.id);
    throw new ExplainError(`--arm ${request.arm}: no such arm in ${outDir}${didYouMean(request.arm, ids)}; arms: ${ids.join(', ')}`);
  }
  const athlete = resolveAthlete(summary, request);
  const title = `${arm.id}${typeof arm.rules === 'string' ? ` (rules ${arm.rules})` : ''} — ${athlete.label}`;
  if (arm.rules === null) return `${title}\n${arm.id} follows a fixed plan (no rules): the engine changes nothing in it.\n`;

  // A run's tables are CSV, or Parquet with `--format parquet`: the same columns and values.
  const changes = await readChanges(tableFile(outDir, 'adjustments') ?? join(outDir, 'adjustments.csv'), arm.id, athlete.index, facts);
  const daysFile = tableFile(outDir, 'days');
  const markers = daysFile === null ? null : await readMarkers(daysFile, arm.id, athlete.index, new Set(changes.map((change) => change.day)));
  return render(title, changes, markers);
}

function requireFolder(outDir: string): void {
  let folder: boolean;
  try {
    folder = statSync(outDir).isDirectory();
  } catch {
    throw new ExplainError(`${outDir}: no such folder (the --out folder of a periodize run)`);
  }
  if (!folder) throw new ExplainError(`${outDir}: is a file, not a folder (the --out folder of a periodize run)`);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** summary.json, read as YAML (JSON is YAML) so that a problem in it points at its line and column. */
function readRunSummary(file: string): RunSummary {
  const document = LocatedDocument.parse(readInputText(file), file);
  const parsed = RunSummary.safeParse(document.toJS());
  if (!parsed.success) throw new InputError(zodProblems(parsed.error.issues, document));
  return parsed.data;
}

/** `3`, `a3` (a sampled athlete's id) or a named athlete's id with `replicate`. */
function resolveAthlete(summary: RunSummary, request: ExplainRequest): Athlete {
  const { population } = summary;
  const wanted = request.athlete;
  const replicate = request.replicate ?? 0;
  const number = /^\d+$/.test(wanted) ? Number(wanted) : /^a\d+$/.test(wanted) && !('athletes' in population) ? Number(wanted.slice(1)) : null;
  const range = population.size === 0 ? 'none' : `0–${population.size - 1}`;
  if (number !== null) {
    if (request.replicate !== undefined) throw new ExplainError(`--replicate goes with a named athlete's id, not a number (athlete ${wanted} is one version already)`);
    if (number >= population.size) throw new ExplainError(`--athlete ${wanted}: no such athlete in ${request.outDir} (athletes ${range})`);
    if (!('athletes' in population)) return { index: number, label: `athlete ${number}` };
    const names = population.athletes;
    return { index: number, label: `${names[number % names.length]} (athlete ${number}, replicate ${Math.floor(number / names.length)})` };
  }
  if (!('athletes' in population)) {
    throw new ExplainError(`--athlete ${wanted}: no such athlete in ${request.outDir} (athletes ${range}, by number or as a<number>)`);
  }
  const position = population.athletes.indexOf(wanted);
  if (position < 0) {
    throw new ExplainError(
      `--athlete ${wanted}: no such athlete in ${request.outDir}${didYouMean(wanted, population.athletes)}; athletes: ${population.athletes.join(', ')}`,
    );
  }
  if (!Number.isInteger(replicate) || replicate < 0 || replicate >= population.replicates) {
    throw new ExplainError(`--replicate ${replicate}: ${wanted} has replicates 0–${population.replicates - 1}`);
  }
  const index = position + replicate * population.athletes.length;
  return { index, label: `${wanted} (athlete ${index}, replicate ${replicate})` };
}

/**
 * The records of a run's table as its CSV holds them: the CSV itself, or the Parquet table's rows
 * after a header of its columns, each cell the text CSV would hold (a number of days.csv's morning
 * readings to its decimals, an empty cell for a null) — a row's number standing for its line.
 */
async function* tableRecords(file: string): AsyncGenerator<CsvRecord> {
  if (!file.endsWith('.parquet')) {
    yield* csvRecords(file);
    return;
  }
  const names = await parquetColumns(file);
  const decimals = names.map((name) => (name in MARKER_DECIMALS ? MARKER_DECIMALS[name as keyof typeof MARKER_DECIMALS] : null));
  const columns = names.map(() => 1);
  yield { line: 1, cells: names, columns };
  let line = 1;
  for await (const row of tableRows(file, names)) {
    line++;
    const cells = row.map((cell, i) => (cell === null || cell === undefined ? '' : decimals[i] != null ? fixed(numberOf(cell), decimals[i]!) : String(cell)));
    yield { line, cells, columns };
  }
}

/**
 * The rows of one athlete in one arm of a run's table (adjustments, days; CSV or Parquet), with
 * the columns the header names; the header must hold every column of `required`.
 */
async function* athleteRows(file: string, required: readonly string[], arm: string, athlete: number): AsyncGenerator<{ record: CsvRecord; columns: ColumnIndex }> {
  const wanted = String(athlete);
  let columns: ColumnIndex | null = null;
  for await (const record of tableRecords(file)) {
    if (columns === null) columns = columnIndex(record, required, file);
    else if (columns.cell(record, 'athlete') === wanted && columns.cell(record, 'arm') === arm) yield { record, columns };
  }
}

/**
 * The athlete's rows of adjustments.csv for one arm, in day order (the file's order within a day).
 * Each change's reason and note are written from its trace (the structure the engine recorded, with
 * the facts' definitions); a run from before the trace column keeps the words it wrote.
 */
async function readChanges(file: string, arm: string, athlete: number, facts: ReadonlyMap<string, FactDefinition>): Promise<Change[]> {
  if (!isFile(file)) throw new InputError([{ file, line: 1, col: 1, path: [], message: 'no such file (run the scenario again: older runs did not write it)' }]);
  const changes: Change[] = [];
  for await (const { record, columns } of athleteRows(file, CHANGE_COLUMNS, arm, athlete)) {
    const cells = Object.fromEntries(CHANGE_COLUMNS.map((name) => [name, columns.cell(record, name)]));
    const change = { ...(cells as Record<(typeof CHANGE_COLUMNS)[number], string>), day: columns.wholeNumber(record, 'day') };
    if (columns.has('trace')) {
      const read = parseTrace(columns.cell(record, 'trace'));
      if ('problem' in read) throw new InputError([{ file, line: record.line, col: 1, path: ['trace'], message: read.problem }]);
      Object.assign(change, describeTrace(read.trace, facts));
    }
    changes.push(change);
  }
  return changes.sort((a, b) => a.day - b.day);
}

/** Morning markers of the given days, from days.csv, as a reader sees them. */
async function readMarkers(file: string, arm: string, athlete: number, days: ReadonlySet<number>): Promise<Map<number, string>> {
  const markers = new Map<number, string>();
  for await (const { record, columns } of athleteRows(file, DAY_COLUMNS, arm, athlete)) {
    const day = columns.wholeNumber(record, 'day');
    if (!days.has(day)) continue;
    // An empty cell is a reading the athlete did not take that morning.
    const readings = [columns.cell(record, 'restingHr'), columns.cell(record, 'lnRmssd'), columns.cell(record, 'sleepHours')];
    const [restingHr, lnRmssd, sleep] = readings.map((text, i) => (text === '' ? '—' : `${text}${[' bpm', '', ' h'][i]}`));
    const ill = columns.cell(record, 'ill') === '1' ? ', ill' : '';
    const taken = readings.some((text) => text !== '');
    markers.set(day, taken ? `resting HR ${restingHr}, lnRMSSD ${lnRmssd}, sleep ${sleep}${ill}` : `no readings${ill}`);
  }
  return markers;
}

/** The timeline: a heading per day with a change (and its markers), a line per change, a count. */
function render(title: string, changes: readonly Change[], markers: ReadonlyMap<number, string> | null): string {
  const lines = [title];
  if (markers === null) lines.push('markers not written — set outputs: { daily: true } in the scenario to see them');
  let day = -1;
  for (const change of changes) {
    if (change.day !== day) {
      day = change.day;
      const morning = markers?.get(day);
      lines.push('', `week ${change.week} ${change.weekday} (day ${day})${morning === undefined ? '' : ` — morning: ${morning}`}`);
    }
    lines.push(`  ${describeChange(change)}`);
  }
  lines.push('', countLine(changes));
  return `${lines.join('\n')}\n`;
}

/** The engine's `after` of an overridden change: the plan was left as the winning change made it. */
const NOT_APPLIED = 'not applied';

/** One change in a line: its reason, the sessions before and after, its source (also `coach`'s today). */
export function describeChange(change: Pick<Change, 'rule' | 'scope' | 'outcome' | 'reason' | 'before' | 'after' | 'note'>): string {
  const guardrail = change.rule.startsWith('guardrail:');
  const source = guardrail ? `guardrail ${change.rule.slice('guardrail:'.length)}` : `rule ${change.rule}`;
  const { before, after } = change;
  const overridden = change.outcome === 'overridden';
  let sessions = '';
  if (overridden && (after === '' || after === NOT_APPLIED)) sessions = before === '' ? '' : ` → ${before} kept`;
  else if (before !== '' && after !== '') sessions = ` → ${before} ${overridden ? 'would have become' : 'became'} ${after}`;
  else if (after !== '') sessions = ` → ${after}`;
  else if (before !== '') sessions = ` → ${before} dropped`;
  const prefix = overridden ? `(not applied: ${change.note === '' ? 'overridden' : change.note}) ` : guardrail ? 'guardrail: ' : '';
  const note = !overridden && change.note !== '' ? ` (${change.note})` : '';
  return `${prefix}${change.reason}${sessions}${note}  [${source}, ${change.scope}]`;
}

/**
 * The tally under the timeline: the changes the plan took (by a rule or a guardrail) and the days
 * they fell on, then the overridden ones apart — those never reached the plan, so they are not
 * changes: "26 changes applied on 19 days (20 by rules, 6 by guardrails); 13 more were overridden".
 */
function countLine(changes: readonly Change[]): string {
  if (changes.length === 0) return 'no changes: the engine kept this plan as written';
  const byRules = changes.filter((change) => change.outcome === 'applied').length;
  const byGuardrails = changes.filter((change) => change.outcome === 'guardrail').length;
  const overridden = changes.filter((change) => change.outcome === 'overridden').length;
  const applied = byRules + byGuardrails;
  const were = overridden === 1 ? 'was' : 'were';
  if (applied === 0) return `no changes applied; ${overridden} ${were} overridden`;
  const days = new Set(changes.filter((change) => change.outcome !== 'overridden').map((change) => change.day)).size;
  const tally = `${counted(applied, 'change')} applied on ${counted(days, 'day')} (${byRules} by rules, ${byGuardrails} by guardrails)`;
  return overridden === 0 ? tally : `${tally}; ${overridden} more ${were} overridden`;
}
