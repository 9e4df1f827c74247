import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FILE, goldenHashes } from '../../bench/golden-outputs.ts';

describe('the outputs of the example scenarios (tests/fixtures/golden-outputs.json)', () => {
  it('should be byte-identical to the committed hashes: an optimisation changes no output (after a change meant to change them: npm run golden)', async () => {
    const committed = JSON.parse(readFileSync(join(new URL('../../', import.meta.url).pathname, GOLDEN_FILE), 'utf8')) as Record<string, Record<string, string>>;
    const now = await goldenHashes();
    expect(Object.keys(now).length).toBeGreaterThanOrEqual(6);
    expect(now).toEqual(committed);
  });
});
