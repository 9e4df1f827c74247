import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

/**
 * Reads a file in 1 MiB pieces, handing each to `take` (the buffer is reused: copy what you keep).
 * Memory stays flat whatever the size of the file — an output with daily rows passes 10 GB, past
 * what `readFileSync` can hold.
 */
export function forEachChunk(path: string, take: (chunk: Buffer) => void): void {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) take(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** Each line of a UTF-8 text file, without its newline, read in pieces; empty lines are skipped. */
export function forEachLine(path: string, take: (line: string) => void): void {
  let rest = '';
  forEachChunk(path, (chunk) => {
    // Split on the last newline so a multi-byte character never straddles two decodes.
    const last = chunk.lastIndexOf(0x0a);
    if (last < 0) {
      rest += chunk.toString('utf8');
      return;
    }
    const lines = (rest + chunk.toString('utf8', 0, last)).split('\n');
    rest = chunk.toString('utf8', last + 1);
    for (const line of lines) if (line !== '') take(line);
  });
  if (rest !== '') take(rest);
}

/** The SHA-256 of text (as UTF-8) or bytes, in hex: the manifest's hashes of scenarios and outputs. */
export function sha256(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 of a file's bytes, in hex, read in pieces. */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  forEachChunk(path, (chunk) => hash.update(chunk));
  return hash.digest('hex');
}
