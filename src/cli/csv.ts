import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InputError, type InputProblem } from '../models/input/located.ts';

/*
 * Reading back the CSV files a run writes (adjustments.csv, days.csv): records streamed line by
 * line, cells found by the header's column names, problems located at `file:line:col`.
 */

/** A CSV record: its cells, the line it starts on and the column each cell starts at (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
  columns: number[];
}

/**
 * The records of a CSV file (RFC 4180: quoted fields may hold commas, doubled quotes and line
 * breaks), streamed: memory holds one record, whatever the file's size. Empty lines are skipped.
 * @throws InputError at the record's line when a quoted field is never closed
 */
export function csvRecords(file: string): AsyncGenerator<CsvRecord> {
  return csvRecordsOf(createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity }), file);
}

/**
 * The records of CSV text given line by line (without line endings); `file` names it in problems.
 * @example for await (const r of csvRecordsOf(['a,"b,c"'], 'x.csv')) r // { line: 1, cells: ['a', 'b,c'], columns: [1, 3] }
 */
export async function* csvRecordsOf(lines: AsyncIterable<string> | Iterable<string>, file: string): AsyncGenerator<CsvRecord> {
  let lineNumber = 0;
  // A record whose quoted field runs on past the end of its line.
  type PartRecord = CsvRecord & { cell: string };
  let open: PartRecord | null = null;
  for await (const raw of lines) {
    lineNumber++;
    const text = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (open === null && text.indexOf('"') < 0) {
      if (text === '') continue;
      const cells = text.split(',');
      const columns: number[] = [];
      let col = 1;
      for (const cell of cells) {
        columns.push(col);
        col += cell.length + 1;
      }
      yield { line: lineNumber, cells, columns };
      continue;
    }
    const record: PartRecord = open ?? { line: lineNumber, cells: [], columns: [1], cell: '' };
    let quoted = open !== null;
    if (open !== null) record.cell += '\n';
    let i = 0;
    while (i <= text.length) {
      if (quoted) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          record.cell += text.slice(i);
          break;
        }
        record.cell += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          record.cell += '"';
          i = quote + 2;
        } else {
          quoted = false;
          i = quote + 1;
        }
      } else if (i === text.length || text[i] === ',') {
        record.cells.push(record.cell);
        record.cell = '';
        if (i < text.length) record.columns.push(i + 2);
        i++;
      } else if (text[i] === '"' && record.cell === '') {
        quoted = true;
        i++;
      } else {
        const next = text.slice(i).search(/[,"]/);
        const end = next < 0 ? text.length : i + Math.max(next, 1);
        record.cell += text.slice(i, end);
        i = end;
      }
    }
    if (quoted) {
      open = record;
      continue;
    }
    open = null;
    yield { line: record.line, cells: record.cells, columns: record.columns };
  }
  if (open !== null) throw new InputError([{ file, line: open.line, col: open.columns.at(-1) ?? 1, path: [], message: 'a quoted field is never closed' }]);
}

/** Where each named column of a CSV file is, from its header. */
export interface ColumnIndex {
  /** Whether the header has column `name` (one that is not required). */
  has(name: string): boolean;
  /** The record's cell in column `name`; a row shorter than the header is bad input. */
  cell(record: CsvRecord, name: string): string;
  /** The cell as a whole number (0, 1, 2 …); anything else is bad input. */
  wholeNumber(record: CsvRecord, name: string): number;
}

/**
 * The columns of a CSV file from its header record; the header must hold every column of
 * `required` (a missing one is bad input, at the header's line), and only those may be asked for.
 */
export function columnIndex(header: CsvRecord, required: readonly string[], file: string): ColumnIndex {
  const positions = new Map(header.cells.map((name, i) => [name, i]));
  const missing = required.filter((name) => !positions.has(name));
  if (missing.length > 0) {
    throw new InputError(missing.map((name) => ({ file, line: header.line, col: 1, path: ['header'], message: `missing column "${name}"` })));
  }
  const problem = (record: CsvRecord, name: string, message: string): InputProblem => {
    const i = positions.get(name)!;
    return { file, line: record.line, col: record.columns[i] ?? record.columns.at(-1) ?? 1, path: [name], message };
  };
  const cell = (record: CsvRecord, name: string): string => {
    const value = record.cells[positions.get(name)!];
    if (value === undefined) throw new InputError([problem(record, name, `missing: the row has ${record.cells.length} fields, the header ${header.cells.length}`)]);
    return value;
  };
  return {
    has: (name) => positions.has(name),
    cell,
    wholeNumber(record, name) {
      const text = cell(record, name);
      if (!/^\d+$/.test(text)) throw new InputError([problem(record, name, `not a whole number: "${text}"`)]);
      return Number(text);
    },
  };
}
