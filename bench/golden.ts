/**
 * npm run golden
 *
 * Writes tests/fixtures/golden-outputs.json: the SHA-256 of every output of every example scenario
 * (bench/golden-outputs.ts). Run it only after a change meant to change the outputs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_FILE, goldenHashes } from './golden-outputs.ts';
import { declareOptions } from './options.ts';

declareOptions('golden', import.meta.url, {});
const hashes = await goldenHashes();
writeFileSync(join(new URL('../', import.meta.url).pathname, GOLDEN_FILE), `${JSON.stringify(hashes, null, 2)}\n`);
console.log(`wrote ${GOLDEN_FILE}: ${Object.keys(hashes).length} scenarios, ${Object.values(hashes).reduce((n, files) => n + Object.keys(files).length, 0)} files`);
