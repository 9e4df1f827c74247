import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachLine, sha256File } from '../../../src/sim/outputs/read-chunks.ts';
import { temporaryFolder } from '../../helpers.ts';

describe('forEachLine', () => {
  it('should give every line whole across the 1 MiB pieces, multi-byte characters included', () => {
    const folder = temporaryFolder();
    // 3-byte characters on lines of odd lengths: piece boundaries fall inside lines and characters.
    const lines = Array.from({ length: 120_000 }, (_, i) => `${i},${'€'.repeat(i % 7)}é`);
    const path = join(folder, 'lines.txt');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const read: string[] = [];
    forEachLine(path, (line) => read.push(line));
    expect(read).toEqual(lines);
  });

  it('should give a last line without a newline, and skip empty lines', () => {
    const path = join(temporaryFolder(), 'lines.txt');
    writeFileSync(path, 'a\n\nb\nc');
    const read: string[] = [];
    forEachLine(path, (line) => read.push(line));
    expect(read).toEqual(['a', 'b', 'c']);
  });
});

describe('sha256File', () => {
  it('should hash a file of several pieces as its bytes at once', () => {
    const bytes = Buffer.alloc(3 * (1 << 20) + 17);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    const path = join(temporaryFolder(), 'data.bin');
    writeFileSync(path, bytes);
    expect(sha256File(path)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
