import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** A file of the folder that cannot be read as what its name says. */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

/** A JSON file of the folder, or null when it has none; unreadable JSON is a ReportInputError naming it. */
export function readJson<T>(dir: string, name: string): T | null {
  const file = join(dir, name);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new ReportInputError(`${file}: not JSON (${(error as Error).message}): a file cut short, or edited? run the command again`);
  }
}

/**
 * A CSV file of the folder parsed whole (csv-parse): rows of cells, or of objects by the header with
 * `columns`; a file that cannot be parsed is a ReportInputError naming it.
 */
export function parseCsvFile<T>(file: string, columns: boolean): T[] {
  try {
    return parse(readFileSync(file, 'utf8'), { bom: true, columns }) as T[];
  } catch (error) {
    throw new ReportInputError(`${file}: cannot be read as CSV (${(error as Error).message}): a file cut short, or edited? run the command again`);
  }
}

/** Throws a ReportInputError naming `file` unless `ok`: a JSON file of another shape than periodize writes. */
export function expectShape(ok: boolean, file: string, what: string): void {
  if (!ok) throw new ReportInputError(`${file}: not ${what} as periodize writes it: a file edited, or of another version? run the command again`);
}
