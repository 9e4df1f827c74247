import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProcessPool } from '../../src/workers/process-pool.ts';
import { temporaryFolder } from '../helpers.ts';

/** A worker script in plain JavaScript: doubles a number, and dies when asked to. */
function script(): URL {
  const file = join(temporaryFolder(), 'worker.mjs');
  writeFileSync(
    file,
    `process.on('message', ({ name, task }) => {
  if (name === 'die') process.exit(3);
  if (name === 'throw') return process.send({ error: new RangeError('bad task') });
  process.send({ result: Float64Array.of(task * 2) });
});
process.on('disconnect', () => process.exit(0));
`,
  );
  return pathToFileURL(file);
}

describe('ProcessPool', () => {
  it('should answer tasks across its processes, typed arrays as typed arrays', async () => {
    const pool = new ProcessPool(script(), 2, 64);
    try {
      const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run<Float64Array>('double', n)));
      expect(results.map((r) => r[0])).toEqual([2, 4, 6, 8, 10]);
      expect(results[0]).toBeInstanceOf(Float64Array);
      await expect(pool.run('throw', 0)).rejects.toThrow('bad task');
      if (process.platform === 'linux') for (const bytes of pool.peakResidentBytes()) expect(bytes).toBeGreaterThan(1 << 20);
    } finally {
      await pool.destroy();
    }
  });

  it('should fail the task a process died in, and every task after, rather than wait forever', async () => {
    const pool = new ProcessPool(script(), 1, 64);
    try {
      await expect(pool.run('die', 0)).rejects.toThrow(/a worker process stopped \(exit code 3\)/);
      await expect(pool.run('double', 1)).rejects.toThrow(/a worker process stopped/);
    } finally {
      await pool.destroy();
    }
  });
});
