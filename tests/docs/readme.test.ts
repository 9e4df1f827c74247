import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, temporaryFolder } from '../helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The rows of a printed table: every line that starts with one of the arms' ids. */
const armRows = (text: string, arms: readonly string[]) => text.split('\n').filter((line) => arms.some((arm) => line.startsWith(`${arm} `)));

describe('README.md', () => {
  it('should show the default scenario\'s answer as `npm start` prints it now (rerun it and copy the tables after changing the model)', async () => {
    const { code, out } = await cli('run', join(ROOT, 'scenarios/compare-distributions.yaml'), '--out', join(temporaryFolder(), 'out'));
    expect(code).toBe(0);
    const arms = ['polarized', 'pyramidal', 'threshold', 'polarized-hrv'];
    // The first two tables: the arms' changes, then their race times and health.
    const printed = armRows(out, arms).slice(0, 2 * arms.length);
    expect(printed).toHaveLength(8);
    for (const row of printed) expect(README, row).toContain(row);
  }, 60_000);

  it('should carry the sensitivity summary of docs/SENSITIVITY.md beside it (rerun `npm run sensitivity -- --write` and copy it)', () => {
    const doc = readFileSync(join(ROOT, 'docs/SENSITIVITY.md'), 'utf8');
    const heading = doc.indexOf('## Summary\n\n');
    expect(heading).toBeGreaterThanOrEqual(0);
    const start = heading + '## Summary\n\n'.length;
    const table = doc.slice(start, doc.indexOf('\n\n', start));
    expect(table.split('\n').length).toBeGreaterThan(10);
    expect(README).toContain(table);
  });
});
