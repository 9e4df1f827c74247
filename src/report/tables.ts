import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from 'hyparquet';
import { ReportInputError } from './files.ts';

/** A table without a column the page needs: a run of another version of periodize, or a file edited by hand. */
export class MissingColumnError extends Error {
  constructor(file: string, columns: readonly string[]) {
    super(`${file}: no column ${columns.join(', ')} (a run of another version of periodize? run it again)`);
    this.name = 'MissingColumnError';
  }
}

/** A cell as a number: empty, missing or not a number is NaN; Parquet's 64-bit integers become numbers. */
export function numberOf(cell: unknown): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'bigint') return Number(cell);
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell !== 'string' || cell === '') return Number.NaN;
  return Number(cell);
}

/** Rows read from Parquet at a time: a row group's worth, so a big days.parquet never sits in memory whole. */
const PARQUET_ROWS = 200_000;

/**
 * Which of a run's tables holds `name` (athletes, days, adjustments): its CSV, else its Parquet
 * (`run --format parquet`), else null.
 */
export function tableFile(dir: string, name: string): string | null {
  for (const file of [join(dir, `${name}.csv`), join(dir, `${name}.parquet`)]) if (existsSync(file)) return file;
  return null;
}

/** The columns a Parquet table holds, in its order. */
export async function parquetColumns(file: string): Promise<string[]> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
  return metadata.schema.slice(1).map((element) => element.name);
}

/**
 * The rows of a run's table, `columns` of each in that order, streamed: CSV through csv-parse,
 * Parquet through hyparquet, a slice of rows at a time. A column the table does not have is an error
 * naming the file (a run of another version of periodize).
 */
export async function* tableRows(file: string, columns: readonly string[]): AsyncGenerator<unknown[]> {
  try {
    yield* rowsOf(file, columns);
  } catch (error) {
    if (error instanceof MissingColumnError) throw error;
    // A file cut short or not what periodize writes: csv-parse's or hyparquet's error, named.
    throw new ReportInputError(`${file}: cannot be read as ${file.endsWith('.parquet') ? 'Parquet' : 'CSV'} (${(error as Error).message}): a file cut short, or edited? run the command again`);
  }
}

async function* rowsOf(file: string, columns: readonly string[]): AsyncGenerator<unknown[]> {
  if (file.endsWith('.parquet')) {
    const buffer = await asyncBufferFromFile(file);
    const metadata = await parquetMetadataAsync(buffer);
    const names = new Set(metadata.schema.slice(1).map((element) => element.name));
    const absent = columns.filter((column) => !names.has(column));
    if (absent.length > 0) throw new MissingColumnError(file, absent);
    const rows = Number(metadata.num_rows);
    for (let start = 0; start < rows; start += PARQUET_ROWS) {
      let chunk: unknown[][] = [];
      await parquetRead({ file: buffer, metadata, columns: [...columns], rowStart: start, rowEnd: Math.min(rows, start + PARQUET_ROWS), onComplete: (read: unknown[][]) => void (chunk = read) });
      yield* chunk;
    }
    return;
  }
  const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: false }));
  let index: number[] | null = null;
  for await (const record of parser as AsyncIterable<string[]>) {
    if (index === null) {
      index = columns.map((column) => record.indexOf(column));
      const absent = columns.filter((_, i) => index![i]! < 0);
      if (absent.length > 0) {
        parser.destroy();
        throw new MissingColumnError(file, absent);
      }
      continue;
    }
    yield index.map((i) => record[i]);
  }
}
