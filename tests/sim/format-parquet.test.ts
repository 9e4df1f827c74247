import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { adaptiveScenario, cli, read, temporaryFolder, writeScenario } from '../helpers.ts';

const SCENARIO = adaptiveScenario({ name: 'parquet', seed: 31, size: 12, weeks: 3, restriction: true });

function bufferOf(path: string): ArrayBuffer {
  return new Uint8Array(readFileSync(path)).buffer;
}

/** A CSV as rows of cells (no quoted commas in the tables compared here but the adjustments' text, read from Parquet). */
function csvRows(path: string): string[][] {
  return read(path).trimEnd().split('\n').map((line) => line.split(','));
}

describe('periodize run --format parquet', () => {
  it('should write athletes, days and adjustments as Parquet holding the values of the CSV run, with the seed and the resolved scenario as metadata', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'parquet.yaml', SCENARIO);
    expect((await cli('run', file, '--out', join(folder, 'csv'), '--quiet')).code).toBe(0);
    expect((await cli('run', file, '--out', join(folder, 'pq'), '--format', 'parquet', '--quiet')).code).toBe(0);
    for (const table of ['athletes', 'days', 'adjustments']) {
      const csv = csvRows(join(folder, 'csv', `${table}.csv`));
      const parquet = bufferOf(join(folder, 'pq', `${table}.parquet`));
      const rows = await parquetReadObjects({ file: parquet });
      expect(rows.length, table).toBe(csv.length - 1);
      if (table === 'adjustments') {
        expect(rows.length).toBeGreaterThan(0);
        continue;
      }
      const header = csv[0]!;
      for (const [r, cells] of csv.slice(1).entries()) {
        for (const [c, cell] of cells.entries()) {
          const value = rows[r]![header[c]!];
          // Numbers as numbers (equal to the CSV's text), text as text, an empty cell as null.
          expect(cell === '' ? null : typeof value === 'number' ? Number(cell) : cell, `${table} row ${r} ${header[c]}`).toBe(value);
        }
      }
    }
    const metadata = parquetMetadata(bufferOf(join(folder, 'pq', 'days.parquet')));
    const pairs = Object.fromEntries((metadata.key_value_metadata ?? []).map(({ key, value }) => [key, value]));
    expect(pairs['periodize.seed']).toBe('31');
    const resolved = JSON.parse(pairs['periodize.resolved']!);
    expect(resolved.scenario.seed).toBe(31);
    expect(resolved.arms.map((arm: { id: string }) => arm.id)).toEqual(['fixed', 'swc']);
    expect(resolved.arms[1].rules.name).toBe('hrv-swc');
    const manifest = JSON.parse(read(join(folder, 'pq', 'manifest.json')));
    expect(manifest.format).toBe('parquet');
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual(['athletes.parquet', 'days.parquet', 'adjustments.parquet', 'summary.json', 'contrasts.csv', 'arms.csv']);
    expect(manifest.resolved).toEqual(resolved);
    // The summaries do not depend on the format.
    expect(read(join(folder, 'pq', 'summary.json'))).toBe(read(join(folder, 'csv', 'summary.json')));
  });

  it('should give the same Parquet files from a merge of shards and on worker processes', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'parquet.yaml', SCENARIO);
    await cli('run', file, '--out', join(folder, 'whole'), '--format', 'parquet', '--quiet');
    await cli('run', file, '--out', join(folder, 'workers'), '--format', 'parquet', '--workers', '2', '--quiet');
    for (const i of [0, 1]) await cli('run', file, '--out', join(folder, `s${i}`), '--shard', `${i}/2`, '--quiet');
    expect((await cli('merge', join(folder, 's0'), join(folder, 's1'), '--out', join(folder, 'merged'), '--format', 'parquet')).code).toBe(0);
    for (const name of ['athletes.parquet', 'days.parquet', 'adjustments.parquet']) {
      const whole = readFileSync(join(folder, 'whole', name));
      expect(readFileSync(join(folder, 'merged', name)).equals(whole), name).toBe(true);
      expect(readFileSync(join(folder, 'workers', name)).equals(whole), name).toBe(true);
    }
  }, 30_000);

  it('should refuse Parquet for a shard (merge writes it), and an unknown format, with exit 2', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'parquet.yaml', SCENARIO);
    const shard = await cli('run', file, '--out', join(folder, 's0'), '--shard', '0/2', '--format', 'parquet');
    expect(shard.code).toBe(2);
    expect(shard.err).toMatch(/a shard is written as CSV/);
    const unknown = await cli('run', file, '--out', join(folder, 'x'), '--format', 'xlsx');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Allowed choices are csv, parquet/);
  });
});
