import { CsvError, parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { InputError, type InputProblem } from '../../models/input/located.ts';
import type { WellnessMapping } from '../../models/athlete/schema.ts';
import { readInputBytes } from '../input-file.ts';
import { counted } from '../../models/text/plural.ts';
import { READING_LIMITS } from '../../models/limits.ts';

/*
 * An athlete's mornings from a watch or app export (docs/ATHLETE-DATA.md): intervals.icu's
 * wellness CSV, HRV4Training's CSV, or any CSV the athlete file maps. Real exports are messy —
 * a European spreadsheet's `;` and decimal commas, a byte-order mark, zeros where nothing was
 * measured, a day written twice — and each of these is read, and said in the record's notes for
 * the coach; what a body cannot do is a located problem (`file:line:col: column: what`), every one
 * at once. The CSV reading here (readCsvTable, the cell readers) serves the activities too.
 */

/** One morning as measured: NaN where nothing was measured that day (never 0). */
export interface Morning {
  /** The local date, YYYY-MM-DD. */
  date: string;
  /** bpm. */
  restingHr: number;
  /** ln of rMSSD in ms. */
  lnRmssd: number;
  sleepHours: number;
  /** 0–100, as the watch scores the night. */
  sleepScore: number;
  ill: boolean;
}

export interface WellnessRecord {
  format: 'intervals.icu' | 'HRV4Training' | 'generic';
  /** Sorted by date, one per date; a day without a row is absent. */
  mornings: Morning[];
  /** What was done to the data, for the coach. */
  notes: string[];
}

/**
 * The largest export read, bytes: years of an athlete's daily rows or activities with every column
 * intervals.icu writes stay under a few MiB; a file past this is not one of theirs.
 */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

/** An export's text (a wellness or activities CSV), up to MAX_EXPORT_BYTES. */
export function readExportText(file: string): string {
  return readInputBytes(file, MAX_EXPORT_BYTES, "not an export of an athlete's data").toString('utf8');
}


/**
 * The units' detection thresholds, on the median of a column's measured values (a few odd days do
 * not move it). HRV: lnRMSSD never reaches 10 (it stops at 6.5, 665 ms), and an athlete whose
 * rMSSD is below 10 ms on most mornings does not exist — so a median below 10 is already ln.
 * Sleep: a median above 1000 can only be seconds (1000 s is 17 min; in minutes it would be 16.7 h,
 * past the limit); above 24 it cannot be hours, so minutes; else hours.
 */
export const UNIT_THRESHOLDS = { lnRmssdBelow: 10, sleepSecondsAbove: 1000, sleepMinutesAbove: 24 } as const;

/** The most problems listed for one file: past them, one line says how many more there are. */
export const MAX_PROBLEMS_PER_FILE = 20;

/**
 * Reads a wellness export: its format known by its header (or mapped by the athlete file's
 * `data.wellness`), one morning per date, sorted. `timeZone` (the athlete file's `data.timeZone`)
 * dates the times an export writes in UTC (`…Z`); without it they keep their UTC date, noted.
 * @throws InputError — the file unreadable, its format unknown, or values no body has, all located.
 */
export function readWellness(file: string, mapping: WellnessMapping | undefined, timeZone: string | undefined = undefined): WellnessRecord {
  const table = readCsvTable(file, readExportText(file));
  const layout = wellnessLayout(table, mapping);
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  if (table.decimalComma) notes.push(`read with '${table.delimiter === '\t' ? 'tab' : table.delimiter}' between columns and ',' as the decimal point (a European spreadsheet's export)`);
  const read = readingsOf(table, layout, timeZone, problems);
  notes.push(...read.notes);
  const hrvUnit = layout.hrvUnit ?? detectHrvUnit(read.readings);
  const sleepUnit = layout.sleepUnit ?? detectSleepUnit(read.readings);
  if (layout.columns.hrv !== null && hrvUnit !== null) notes.push(hrvUnit.note);
  if (layout.columns.sleep !== null && sleepUnit !== null) notes.push(sleepUnit.note);
  const byDate = new Map<string, Morning>();
  const duplicated = new Set<string>();
  // Every date a row has, measured or not: a day absent from the file is one without a row.
  const rowDates = new Set<string>();
  let empty = 0;
  for (const reading of read.readings) {
    const morning = checkedMorning(reading, hrvUnit?.unit ?? 'rmssd', sleepUnit?.unit ?? 'hours', layout, table, problems);
    if (reading.date === null || morning === null) continue;
    rowDates.add(reading.date);
    // intervals.icu writes a row for every day (its fitness numbers are daily), measured or not.
    if (!morning.ill && [morning.restingHr, morning.lnRmssd, morning.sleepHours, morning.sleepScore].every(Number.isNaN)) {
      empty++;
      continue;
    }
    if (byDate.has(reading.date)) duplicated.add(reading.date);
    byDate.set(reading.date, morning);
  }
  if (problems.length > 0) throw new InputError(cappedProblems(problems));
  if (duplicated.size > 0) notes.push(`${counted(duplicated.size, 'duplicated day')}: the last row of each kept`);
  const zeroed = Object.entries(read.zeros).filter(([, count]) => count > 0);
  if (zeroed.length > 0) {
    const total = zeroed.reduce((sum, [, count]) => sum + count, 0);
    notes.push(`${counted(total, 'zero')} read as not measured: ${zeroed.map(([marker, count]) => `${count} ${marker}`).join(', ')}`);
  }
  if (read.utcDates > 0) notes.push(`${counted(read.utcDates, 'time')} in UTC (…Z) dated in UTC: give data.timeZone for the athlete's local date`);
  const mornings = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  const dates = [...rowDates].sort();
  if (dates.length > 1) {
    const first = dates[0]!;
    const last = dates.at(-1)!;
    const absent = DateTime.fromISO(last, { zone: 'utc' }).diff(DateTime.fromISO(first, { zone: 'utc' }), 'days').days + 1 - dates.length;
    if (absent > 0) notes.push(`${counted(absent, 'day')} without a row between ${first} and ${last}: not measured`);
  }
  if (empty > 0) notes.push(`${counted(empty, 'row')} with nothing measured: not measured`);
  if (table.rows.length === 0) notes.push('no rows: the file has only its header');
  return { format: layout.format, mornings, notes };
}

/** The markers a zero stands for "not measured" in, as the notes name them. */
type Zeros = { 'resting HR': number; HRV: number; sleep: number; 'sleep score': number };

/**
 * Each row's date and values as written (NaN where empty, `-` or 0 — a zero counted), before the
 * units are known; what cannot be read is a problem. Notes: how HRV4Training's dates were read.
 */
function readingsOf(table: CsvTable, layout: WellnessLayout, timeZone: string | undefined, problems: InputProblem[]): { readings: Reading[]; zeros: Zeros; utcDates: number; notes: string[] } {
  const zeros: Zeros = { 'resting HR': 0, HRV: 0, sleep: 0, 'sleep score': 0 };
  let utcDates = 0;
  const ydm = layout.dateOrder === 'ydm' ? yearDayMonth(table, layout.columns.date, problems) : null;
  const readings = table.rows.map((row): Reading => {
    const cell = (column: number | null) => (column === null ? '' : (row.cells[column] ?? ''));
    const problem = (column: number, message: string) => problems.push(cellProblem(table, row, column, message));
    const number = (column: number | null, marker: keyof Zeros): number => {
      if (column === null) return NaN;
      const value = parseNumber(cell(column), table.decimalComma);
      if (value === null) problem(column, `"${cell(column)}" is not a number`);
      if (value === 0) zeros[marker]++;
      return value === null || value === 0 ? NaN : value;
    };
    const dateColumn = layout.columns.date;
    const dateText = cell(dateColumn);
    let date: string | null = null;
    if (dateText === '') problem(dateColumn, 'empty: every row needs its date');
    else {
      const stamp = ydm !== null ? ydm.read(dateText) : localStamp(dateText, timeZone);
      if (typeof stamp === 'string') problem(dateColumn, stamp);
      else {
        date = stamp.date;
        if (stamp.utc) utcDates++;
      }
    }
    // HRV4Training-style h:mm is hours already; a number's unit is told from the column's median.
    const clock = /^(\d{1,2}):([0-5]\d)$/.exec(cell(layout.columns.sleep));
    return {
      row,
      date,
      restingHr: number(layout.columns.restingHr, 'resting HR'),
      hrv: number(layout.columns.hrv, 'HRV'),
      sleep: clock === null ? number(layout.columns.sleep, 'sleep') : Number(clock[1]) + Number(clock[2]) / 60,
      sleepClock: clock !== null,
      sleepScore: number(layout.columns.sleepScore, 'sleep score'),
      ill: illness(layout, cell(layout.columns.ill), (message) => problem(layout.columns.ill!, message)),
    };
  });
  return { readings, zeros, utcDates, notes: ydm === null ? [] : [ydm.note] };
}

/** A row's values as read, before units and limits: NaN where empty or zero. */
interface Reading {
  row: CsvRow;
  date: string | null;
  restingHr: number;
  hrv: number;
  sleep: number;
  /** Sleep written as h:mm, so already in hours. */
  sleepClock: boolean;
  sleepScore: number;
  ill: boolean;
}

type HrvUnit = 'rmssd' | 'lnRmssd';
type SleepUnit = 'hours' | 'minutes' | 'seconds';

/** Where a wellness file keeps each marker (column indices; null where it has none), and how to read them. */
interface WellnessLayout {
  format: WellnessRecord['format'];
  columns: { date: number; restingHr: number | null; hrv: number | null; sleep: number | null; sleepScore: number | null; ill: number | null };
  /** HRV4Training's Android export writes its dates year-day-month (`ydm`). */
  dateOrder: 'iso' | 'ydm';
  hrvUnit: { unit: HrvUnit; note: string } | null;
  sleepUnit: { unit: SleepUnit; note: string } | null;
  /** A yes/no column (generic), or HRV4Training's sickness tag (any tag counts). */
  illKind: 'yes-no' | 'tag';
}

/**
 * The exports known by their header (docs/ATHLETE-DATA.md, Formats, for where each name was
 * found): intervals.icu's wellness CSV and HRV4Training's. Names are matched exactly, as the
 * exports write them, after trimming.
 */
const INTERVALS_ICU_WELLNESS = { date: ['date', 'id'], restingHr: 'restingHR', hrv: 'hrv', sleep: 'sleepSecs', sleepScore: 'sleepScore' } as const;
const HRV4TRAINING = { date: ['timestamp_measurement', 'date'], restingHr: 'HR', hrv: 'rMSSD', sleep: 'sleep_time', ill: 'sickness' } as const;

function wellnessLayout(table: CsvTable, mapping: WellnessMapping | undefined): WellnessLayout {
  const { header } = table;
  const index = (name: string | undefined): number | null => {
    if (name === undefined) return null;
    const at = header.indexOf(name);
    return at < 0 ? null : at;
  };
  const headerProblem = (message: string) => new InputError([{ file: table.file, line: table.headerLine, col: 1, path: ['header'], message }]);
  const found = `the header has: ${header.length === 0 ? '(nothing)' : header.join(', ')}`;
  // The athlete file's mapping reads a file that has its columns; a file that has not, but is an
  // export this knows (intervals.icu's, HRV4Training's), is read as that — one athlete file serves both.
  const missing = mapping === undefined ? [] : Object.entries(mapping.columns).filter(([, name]) => name !== undefined && index(name) === null);
  const unmapped = () =>
    new InputError(missing.map(([key, name]) => ({ file: table.file, line: table.headerLine, col: 1, path: ['header'], message: `no column "${name}" (data.wellness.columns.${key} names it); ${found}` })));
  if (mapping !== undefined && missing.length === 0) {
    const { columns } = mapping;
    return {
      format: 'generic',
      columns: { date: index(columns.date)!, restingHr: index(columns.restingHr), hrv: index(columns.hrv), sleep: index(columns.sleep), sleepScore: index(columns.sleepScore), ill: index(columns.ill) },
      dateOrder: 'iso',
      hrvUnit: mapping.hrv === undefined ? null : { unit: mapping.hrv, note: mapping.hrv === 'rmssd' ? 'HRV read as rMSSD (ms) and taken as ln (data.wellness.hrv)' : 'HRV read as lnRMSSD (data.wellness.hrv)' },
      sleepUnit: mapping.sleep === undefined ? null : { unit: mapping.sleep, note: `sleep in ${mapping.sleep} (data.wellness.sleep)` },
      illKind: 'yes-no',
    };
  }
  const icuDate = INTERVALS_ICU_WELLNESS.date.map(index).find((at) => at !== null);
  const icuMarkers = [INTERVALS_ICU_WELLNESS.restingHr, INTERVALS_ICU_WELLNESS.hrv, INTERVALS_ICU_WELLNESS.sleep, INTERVALS_ICU_WELLNESS.sleepScore].map(index);
  if (icuDate !== undefined && icuMarkers.some((at) => at !== null)) {
    return {
      format: 'intervals.icu',
      columns: { date: icuDate!, restingHr: icuMarkers[0]!, hrv: icuMarkers[1]!, sleep: icuMarkers[2]!, sleepScore: icuMarkers[3]!, ill: null },
      dateOrder: 'iso',
      hrvUnit: null,
      // The column's name says its unit.
      sleepUnit: { unit: 'seconds', note: 'sleep in seconds (sleepSecs)' },
      illKind: 'yes-no',
    };
  }
  const stamp = index(HRV4TRAINING.date[0]);
  const day = index(HRV4TRAINING.date[1]);
  const rmssd = index(HRV4TRAINING.hrv);
  if ((stamp !== null || day !== null) && rmssd !== null) {
    return {
      format: 'HRV4Training',
      columns: { date: stamp ?? day!, restingHr: index(HRV4TRAINING.restingHr), hrv: rmssd, sleep: index(HRV4TRAINING.sleep), sleepScore: null, ill: index(HRV4TRAINING.ill) },
      // The iPhone app writes an ISO 8601 timestamp; the Android app a date year-day-month.
      dateOrder: stamp !== null ? 'iso' : 'ydm',
      hrvUnit: null,
      sleepUnit: null,
      illKind: 'tag',
    };
  }
  if (mapping !== undefined) throw unmapped();
  throw headerProblem(
    `not a wellness export this reads: ${found}. Known are intervals.icu's (date or id, restingHR, hrv, sleepSecs, sleepScore) and HRV4Training's (timestamp_measurement or date, HR, rMSSD, sleep_time); for another, map its columns in the athlete file (data.wellness.columns)`,
  );
}

/**
 * HRV4Training's Android dates, `yyyy-dd-MM` as GoldenCheetah reads them: the order is confirmed
 * from the values (a middle part above 12 is a day; a last part above 12 means the file is
 * year-month-day after all); when no value tells, GoldenCheetah's order, noted.
 */
function yearDayMonth(table: CsvTable, column: number, problems: InputProblem[]): { read: (text: string) => LocalStamp | string; note: string } {
  const parts = table.rows.map((row) => /^(\d{4})-(\d{2})-(\d{2})$/.exec(row.cells[column] ?? ''));
  const dayInMiddle = parts.findIndex((match) => match !== null && Number(match[2]) > 12);
  const dayLast = parts.findIndex((match) => match !== null && Number(match[3]) > 12);
  if (dayInMiddle >= 0 && dayLast >= 0) {
    const row = table.rows[Math.max(dayInMiddle, dayLast)]!;
    problems.push(cellProblem(table, row, column, `"${row.cells[column]}" contradicts the file's other dates: some are year-day-month, some year-month-day`));
  }
  const order = dayLast >= 0 ? 'ymd' : 'ydm';
  const read = (text: string): LocalStamp | string => {
    // Dates in both orders: that one problem says it; the dates are not read (the file is refused).
    if (dayInMiddle >= 0 && dayLast >= 0) return { date: text, time: null, utc: false };
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (match === null) return `"${text}" is not a date: HRV4Training writes YYYY-DD-MM`;
    const iso = order === 'ydm' ? `${match[1]}-${match[3]}-${match[2]}` : text;
    return DateTime.fromISO(iso, { zone: 'utc' }).isValid ? { date: iso, time: null, utc: false } : `"${text}": no such date`;
  };
  if (order === 'ymd') return { read, note: "HRV4Training's dates read as year-month-day: a day after the 12th is last" };
  return { read, note: dayInMiddle >= 0 ? "HRV4Training's dates read as year-day-month (its Android export's order)" : "HRV4Training's dates read as year-day-month (its Android export's order, as GoldenCheetah reads it): no day after the 12th tells" };
}

/** Whether a row says the athlete was ill: a yes/no column, or any HRV4Training sickness tag. */
function illness(layout: WellnessLayout, text: string, problem: (message: string) => void): boolean {
  if (layout.columns.ill === null) return false;
  const word = text.trim().toLowerCase();
  if (layout.illKind === 'tag') return !['', '-', '0', 'no', 'none', 'false'].includes(word);
  if (['', '-', '0', 'no', 'n', 'false'].includes(word)) return false;
  if (['1', 'yes', 'y', 'true', 'x', 'ill', 'sick'].includes(word)) return true;
  problem(`"${text}" is not yes or no (yes, no, true, false, 1, 0, x or empty)`);
  return false;
}

/** The unit of the HRV column from its values' median (UNIT_THRESHOLDS), or null when it has none. */
function detectHrvUnit(readings: readonly Reading[]): { unit: HrvUnit; note: string } | null {
  const middle = median(readings.map((reading) => reading.hrv));
  if (Number.isNaN(middle)) return null;
  return middle < UNIT_THRESHOLDS.lnRmssdBelow
    ? { unit: 'lnRmssd', note: `HRV read as lnRMSSD (detected: median ${round(middle, 2)}, below ${UNIT_THRESHOLDS.lnRmssdBelow})` }
    : { unit: 'rmssd', note: `HRV read as rMSSD (ms) and taken as ln (detected: median ${round(middle, 1)} ms)` };
}

/** The unit of the sleep column from its values' median (UNIT_THRESHOLDS), h:mm cells aside. */
function detectSleepUnit(readings: readonly Reading[]): { unit: SleepUnit; note: string } | null {
  const middle = median(readings.filter((reading) => !reading.sleepClock).map((reading) => reading.sleep));
  if (Number.isNaN(middle)) return readings.some((reading) => reading.sleepClock) ? { unit: 'hours', note: 'sleep in hours (h:mm)' } : null;
  const unit: SleepUnit = middle > UNIT_THRESHOLDS.sleepSecondsAbove ? 'seconds' : middle > UNIT_THRESHOLDS.sleepMinutesAbove ? 'minutes' : 'hours';
  return { unit, note: `sleep in ${unit} (detected: median ${round(middle, 1)})` };
}

const PER_HOUR: Record<SleepUnit, number> = { hours: 1, minutes: 60, seconds: 3600 };
const UNIT_WORD: Record<SleepUnit, string> = { hours: 'h', minutes: 'min', seconds: 's' };

/** A reading in the record's units, each value within READING_LIMITS (src/models/limits.ts) or a located problem (then null). */
function checkedMorning(reading: Reading, hrvUnit: HrvUnit, sleepUnit: SleepUnit, layout: WellnessLayout, table: CsvTable, problems: InputProblem[]): Morning | null {
  const before = problems.length;
  const problem = (column: number | null, message: string) => problems.push(cellProblem(table, reading.row, column!, message));
  const { restingHr, hrv, sleep, sleepScore } = reading;
  const limits = READING_LIMITS;
  if (restingHr < limits.restingHr.min || restingHr > limits.restingHr.max) {
    problem(layout.columns.restingHr, `${restingHr} bpm is not a resting heart rate (${limits.restingHr.min}–${limits.restingHr.max} bpm)`);
  }
  if (hrvUnit === 'rmssd' && (hrv < limits.rmssd.min || hrv > limits.rmssd.max)) {
    problem(layout.columns.hrv, `rMSSD ${hrv} ms is outside what a body shows (${limits.rmssd.min}–${limits.rmssd.max} ms)`);
  }
  if (hrvUnit === 'lnRmssd' && (hrv < limits.lnRmssd.min || hrv > limits.lnRmssd.max)) {
    problem(layout.columns.hrv, `lnRMSSD ${hrv} is outside what a body shows (${limits.lnRmssd.min}–${limits.lnRmssd.max})`);
  }
  const sleepHours = reading.sleepClock ? sleep : sleep / PER_HOUR[sleepUnit];
  if (sleepHours < limits.sleepHours.min || sleepHours > limits.sleepHours.max) {
    const written = reading.sleepClock || sleepUnit === 'hours' ? `${round(sleepHours, 2)} h` : `${sleep} ${UNIT_WORD[sleepUnit]} (${round(sleepHours, 1)} h)`;
    problem(layout.columns.sleep, `${written} of sleep is outside ${limits.sleepHours.min}–${limits.sleepHours.max} h`);
  }
  if (sleepScore < limits.sleepScore.min || sleepScore > limits.sleepScore.max) {
    problem(layout.columns.sleepScore, `${sleepScore} is not a sleep score (${limits.sleepScore.min}–${limits.sleepScore.max})`);
  }
  if (problems.length > before) return null;
  return { date: reading.date ?? '', restingHr, lnRmssd: hrvUnit === 'rmssd' ? Math.log(hrv) : hrv, sleepHours, sleepScore, ill: reading.ill };
}

// ————— CSV files as exports write them (shared with src/sim/athlete/activities.ts) —————

/** A CSV file's header and rows as read, each row with the file's line it starts on (header = its line). */
export interface CsvTable {
  file: string;
  header: string[];
  headerLine: number;
  rows: CsvRow[];
  delimiter: string;
  /** Numbers are written with a decimal comma (the file is `;`- or tab-separated). */
  decimalComma: boolean;
}

export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * A CSV file's table, parsed by csv-parse: a byte-order mark dropped, any line ends (LF, CRLF,
 * CR), cells trimmed, empty lines and rows of empty cells skipped. The delimiter is Excel's
 * `sep=;` first line where there is one, else the header's most frequent of `,`, `;` and tab
 * outside quotes (`,` on a tie): the header holds no numbers, so a decimal comma cannot mislead
 * it. A `;`- or tab-separated file is read with decimal commas, as a European spreadsheet writes
 * them. A row with more non-empty cells than the header is a problem (a value with an unquoted
 * delimiter shifts every column after it); empty trailing cells are not.
 * @throws InputError — a quote never closed, or another CSV syntax error, at its line.
 */
export function readCsvTable(file: string, text: string): CsvTable {
  let body = text.replace(/^\uFEFF/, '');
  let lineOffset = 0;
  let delimiter: string | null = null;
  const sep = /^sep=([,;\t|])\r?\n/.exec(body);
  if (sep !== null) {
    delimiter = sep[1]!;
    body = body.slice(sep[0].length);
    lineOffset = 1;
  }
  delimiter ??= headerDelimiter(body);
  let records: string[][];
  // Each record's last line, as csv-parse counts them.
  const ends: number[] = [];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (record: string[], context) => {
        ends.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // A quote never closed runs to the end of the file: it is located where its record starts.
    const { lines, bytes_records: complete } = error as CsvError & { lines?: number; bytes_records?: number };
    const opened = complete === undefined ? undefined : 1 + (Buffer.from(body).subarray(0, complete).toString().match(/\r\n|\r|\n/g)?.length ?? 0);
    const line = (error.code === 'CSV_QUOTE_NOT_CLOSED' ? (opened ?? lines) : lines) ?? 1;
    throw new InputError([{ file, line: line + lineOffset, col: 1, path: [], message: `CSV: ${error.message.replace(/ at line \d+/, '').replace(/^([A-Z][a-z]+ )+[A-Za-z]+: /, '')}` }]);
  }
  // A record's line is where it starts: csv-parse counts to its end, past line breaks in quoted cells.
  const rows: CsvRow[] = records
    .map((record, at) => ({ line: ends[at]! + lineOffset - record.reduce((breaks, cell) => breaks + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0), cells: record }))
    .filter((row) => row.cells.some((cell) => cell !== ''));
  const [head, ...data] = rows;
  const header = head?.cells ?? [];
  const problems: InputProblem[] = [];
  for (const row of data) {
    const extra = row.cells.findIndex((cell, column) => column >= header.length && cell !== '');
    if (extra >= 0) problems.push({ file, line: row.line, col: extra + 1, path: [], message: `${row.cells.length} cells where the header has ${header.length}: a value with an unquoted '${delimiter}' in it?` });
  }
  if (head === undefined) problems.push({ file, line: 1, col: 1, path: ['header'], message: 'the file is empty: no header' });
  if (problems.length > 0) throw new InputError(cappedProblems(problems));
  return { file, header, headerLine: head!.line, rows: data, delimiter, decimalComma: delimiter !== ',' };
}

/** The header line's most frequent of `,`, `;` and tab outside quotes; `,` on a tie. */
function headerDelimiter(body: string): string {
  const firstLine = body.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const counts = new Map([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** A problem at a cell: its row's line, its 1-based column, the column's header name. */
export function cellProblem(table: CsvTable, row: CsvRow, column: number, message: string): InputProblem {
  return { file: table.file, line: row.line, col: column + 1, path: [table.header[column] ?? `column ${column + 1}`], message };
}

/**
 * A cell's number: NaN when empty or `-` (HRV4Training writes `-` for nothing), null when it is
 * not a number. A decimal comma is read only where the file's delimiter is not a comma.
 */
export function parseNumber(text: string, decimalComma: boolean): number | null {
  const cell = text.trim();
  if (cell === '' || cell === '-') return NaN;
  const pattern = decimalComma ? /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/ : /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  return pattern.test(cell) ? Number(cell.replace(',', '.')) : null;
}

/** A cell's local date and time of day (HH:mm, or null for a bare date); `utc` when it was dated in UTC for want of a zone. */
export interface LocalStamp {
  date: string;
  time: string | null;
  utc: boolean;
}

/**
 * A date or date-time as exports write them, read as the athlete's local date: `2026-11-02`;
 * `2026-11-02T06:45[:00][.000]` or with a space for the T, as written; with an offset
 * (`+01:00`), as written — the offset is the athlete's own; in UTC (`Z`), in `timeZone` when
 * given, else its UTC date (`utc`); `02.11.2026`, a European spreadsheet's day-first date. The
 * date must exist. A string is the problem with the cell.
 */
export function localStamp(text: string, timeZone: string | undefined): LocalStamp | string {
  const european = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = european === null ? text.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d{2}:\d{2})/, '$1T') : `${european[3]}-${european[2]!.padStart(2, '0')}-${european[1]!.padStart(2, '0')}`;
  const shape = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(iso);
  if (shape === null) return `"${text}" is not a date: expected YYYY-MM-DD, an ISO 8601 date-time or DD.MM.YYYY`;
  const inUtc = shape[4] === 'Z';
  const read = inUtc && timeZone !== undefined ? DateTime.fromISO(iso, { zone: timeZone }) : DateTime.fromISO(iso, { setZone: true, zone: 'utc' });
  if (!read.isValid) return `"${text}": no such date`;
  return { date: read.toISODate()!, time: shape[1] === undefined ? null : read.toFormat('HH:mm'), utc: inUtc && timeZone === undefined };
}

/** A file's problems in order, at most MAX_PROBLEMS_PER_FILE and a last line saying how many more. */
export function cappedProblems(problems: readonly InputProblem[]): InputProblem[] {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
  if (sorted.length <= MAX_PROBLEMS_PER_FILE) return sorted;
  const next = sorted[MAX_PROBLEMS_PER_FILE]!;
  const more = sorted.length - MAX_PROBLEMS_PER_FILE;
  return [...sorted.slice(0, MAX_PROBLEMS_PER_FILE), { file: next.file, line: next.line, col: next.col, path: [], message: `and ${counted(more, 'more problem')} from here on (the first ${MAX_PROBLEMS_PER_FILE} are listed)` }];
}


function median(values: readonly number[]): number {
  const measured = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (measured.length === 0) return NaN;
  const middle = Math.floor(measured.length / 2);
  return measured.length % 2 === 1 ? measured[middle]! : (measured[middle - 1]! + measured[middle]!) / 2;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
