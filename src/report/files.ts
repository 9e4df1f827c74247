import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
