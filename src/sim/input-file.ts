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
 * InputError at 1:1 (readInputBytes).
 */
export function readInputText(file: string): string {
  return readInputBytes(file, MAX_INPUT_BYTES, 'an input file this big is not one a person wrote').toString('utf8');
}

/**
 * The bytes of an input file (a scenario's text, a watch's FIT file), read in chunks up to
 * `maxBytes`, so that a device or a pipe that never ends is refused, not read. A file that cannot
 * be read, or holds more, is an InputError at 1:1 — past the limit saying `why` no such file is
 * read; a refusal of the machine's (EACCES, EMFILE …) is left to the command line's report.
 */
export function readInputBytes(file: string, maxBytes: number, why: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    if (fstatSync(fd).isDirectory()) throw new InputError([{ file, line: 1, col: 1, path: [], message: 'is a folder, not a file' }]);
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(maxBytes + 1 - length, 1024 * 1024));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
      if (length > maxBytes) {
        throw new InputError([{ file, line: 1, col: 1, path: [], message: `more than ${maxBytes / 1024 / 1024} MiB: ${why} (src/sim/input-file.ts)` }]);
      }
    }
    return Buffer.concat(chunks, length);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw unreadable(file, error);
  } finally {
    closeSync(fd);
  }
}

/** Why `file` could not be read, as an InputError at 1:1 — or the machine's own error, left to the command line (exit 1). `missing`: what a path that does not exist is said to be. */
export function unreadable(file: string, error: unknown, missing = 'no such file'): Error {
  const code = (error as NodeJS.ErrnoException).code;
  // What the machine refused, not the input: left to the command line's one-line report (exit 1).
  if (code !== undefined && Object.hasOwn(MACHINE_ERRORS, code)) return error as Error;
  const reason = code === 'ENOENT' ? missing : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
  return new InputError([{ file, line: 1, col: 1, path: [], message: reason }]);
}
