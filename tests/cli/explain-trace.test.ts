import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FactBook } from '../../src/engine/adapt/fact-book.ts';
import { FACT_PROVIDERS_BUILT_IN } from '../../src/engine/adapt/facts/index.ts';
import { describeTrace } from '../../src/engine/adapt/reasons.ts';
import { parseTrace } from '../../src/cli/adjustment-trace.ts';
import { csvRecords } from '../../src/cli/csv.ts';
import { field } from '../../src/sim/outputs/format.ts';
import { cli, temporaryFolder } from '../helpers.ts';

const SCENARIO = join(import.meta.dirname, '../../scenarios/coach-rules-file.yaml');
const FACTS = FactBook.catalogue(FACT_PROVIDERS_BUILT_IN);

/** adjustments.csv's rows as cells (the header first). */
async function rowsOf(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const record of csvRecords(file)) rows.push(record.cells);
  return rows;
}

/** Writes rows back as CSV, each cell of the rows under the header changed by `edit` (column name, cell; null: dropped). */
function writeRows(file: string, rows: string[][], edit: (column: string, cell: string) => string | null): void {
  const header = rows[0]!;
  const columns = header.map((name, i) => [name, i] as const).filter(([name]) => edit(name, '') !== null);
  const lines = [columns.map(([name]) => name), ...rows.slice(1).map((row) => columns.map(([name, i]) => edit(name, row[i]!)!))];
  writeFileSync(file, `${lines.map((cells) => cells.map(field).join(',')).join('\n')}\n`);
}

describe('adjustments.csv\'s trace column', () => {
  let out = '';
  let rows: string[][] = [];
  beforeAll(async () => {
    out = join(temporaryFolder(), 'run');
    const run = await cli('run', SCENARIO, '--out', out, '-q');
    expect(run.code).toBe(0);
    rows = await rowsOf(join(out, 'adjustments.csv'));
  }, 60_000);

  describe('having a run with applied, overridden and guardrail changes', () => {
    it('should give every row a trace that writes its reason and note again, word for word', () => {
      const header = rows[0]!;
      const at = (name: string) => header.indexOf(name);
      expect(header.at(-1)).toBe('trace');
      const outcomes = new Set<string>();
      for (const row of rows.slice(1)) {
        const read = parseTrace(row[at('trace')]!);
        if ('problem' in read) throw new Error(read.problem);
        expect(read.trace.outcome).toBe(row[at('outcome')]);
        expect(describeTrace(read.trace, FACTS)).toEqual({ reason: row[at('reason')], note: row[at('note')] });
        outcomes.add(read.trace.outcome);
      }
      expect([...outcomes].sort()).toEqual(['applied', 'guardrail', 'overridden']);
    });

    it('should trace an overridden rule with the rule that won and why, and a guardrail with its numbers', () => {
      const traces = rows.slice(1).map((row) => JSON.parse(row.at(-1)!) as Record<string, unknown>);
      expect(traces.find((trace) => trace.outcome === 'overridden')).toMatchObject({ overriddenBy: { rule: expect.any(String), why: expect.stringMatching(/conservative/) } });
      expect(traces.find((trace) => trace.outcome === 'guardrail')).toMatchObject({ guardrail: expect.any(String) });
    });
  });

  describe('when explain reads the run', () => {
    it('should print from the trace: the same timeline with the reason and note columns blanked', async () => {
      const asWritten = await cli('explain', '--out', out, '--arm', 'my-rules', '--athlete', 'ana', '--replicate', '22');
      expect(asWritten.out).toContain('overridden by');
      expect(asWritten.out).toContain('guardrail: ');
      const blanked = join(temporaryFolder(), 'blanked');
      cpSync(out, blanked, { recursive: true });
      writeRows(join(blanked, 'adjustments.csv'), rows, (column, cell) => (column === 'reason' || column === 'note' ? '' : cell));
      const fromTrace = await cli('explain', '--out', blanked, '--arm', 'my-rules', '--athlete', 'ana', '--replicate', '22');
      expect(fromTrace.err).toBe('');
      expect(fromTrace.out).toBe(asWritten.out);
    });

    it('should still read a run written before the trace column, by its words', async () => {
      const asWritten = await cli('explain', '--out', out, '--arm', 'my-rules', '--athlete', 'ana', '--replicate', '22');
      const older = join(temporaryFolder(), 'older');
      cpSync(out, older, { recursive: true });
      writeRows(join(older, 'adjustments.csv'), rows, (column, cell) => (column === 'trace' ? null : cell));
      expect(readFileSync(join(older, 'adjustments.csv'), 'utf8').split('\n')[0]!.endsWith(',note')).toBe(true);
      const fromWords = await cli('explain', '--out', older, '--arm', 'my-rules', '--athlete', 'ana', '--replicate', '22');
      expect(fromWords.out).toBe(asWritten.out);
    });
  });
});
