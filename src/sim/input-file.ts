import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../models/input/located.ts';
import { MACHINE_ERRORS } from './machine-errors.ts';

/**
 * The most an input file (a scenario, a rule file, a trial, a shard's or run's manifest) may hold:
 * 1 MiB. A scenario of 5 000 named athletes with every trait given, or a rule file of some 7 000
 * rules, fits; a file past it is not one a person wrote, and reading it whole could exhaust memory
 * (a device such as /dev/zero never ends).
 */
export const MAX_INPUT_BYTES = 1024 * 1024;

/**
 * The text of an input file; a file that cannot be read, or holds more than MAX_INPUT_BYTES, is an
 * InputError at 1:1. Read in chunks up to the limit, so that a device or a pipe that never ends is
 * refused, not read.
 */
export function readInputText(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    if (fstatSync(fd).isDirectory()) throw new InputError([{ file, line: 1, col: 1, path: [], message: 'is a folder, not a file' }]);
    const buffer = Buffer.alloc(MAX_INPUT_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_INPUT_BYTES) {
        throw new InputError([{ file, line: 1, col: 1, path: [], message: `more than ${MAX_INPUT_BYTES / 1024 / 1024} MiB: an input file this big is not one a person wrote (src/sim/input-file.ts)` }]);
      }
    }
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw unreadable(file, error);
  } finally {
    closeSync(fd);
  }
}


function unreadable(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  // What the machine refused, not the input: left to the command line's one-line report (exit 1).
  if (code !== undefined && Object.hasOwn(MACHINE_ERRORS, code)) return error as Error;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
  return new InputError([{ file, line: 1, col: 1, path: [], message: reason }]);
}
