import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputStage } from '../../../src/sim/outputs/stage.ts';
import { read, temporaryFolder } from '../../helpers.ts';

describe('StagedFile.appendCsv', () => {
  it('should join CSV parts as bytes, the header once, after text written before them', () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'a.csv'), 'x,y\n1,"é, ü"\n');
    // Larger than the 1 MiB piece it is read in, so the copy crosses piece boundaries.
    const big = `x,y\n${'2,3\n'.repeat(300_000)}`;
    writeFileSync(join(folder, 'b.csv'), big);
    const stage = new OutputStage(join(folder, 'out'));
    const file = stage.open('joined.csv');
    file.appendCsv(join(folder, 'a.csv'), true);
    file.write('9,9\n');
    file.appendCsv(join(folder, 'b.csv'), false);
    file.close();
    stage.commit();
    const joined = read(join(folder, 'out', 'joined.csv'));
    expect(joined).toBe(`x,y\n1,"é, ü"\n9,9\n${'2,3\n'.repeat(300_000)}`);
    expect(file.bytes).toBe(Buffer.byteLength(joined));
  });
});
