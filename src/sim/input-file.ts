import { readFileSync } from 'node:fs';
import { InputError } from '../models/input/located.ts';

/** The text of an input file (a scenario, a rule file); a file that cannot be read is an InputError at 1:1. */
export function readInputText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
    throw new InputError([{ file, line: 1, col: 1, path: [], message: reason }]);
  }
}
