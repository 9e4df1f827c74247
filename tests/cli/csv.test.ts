import { describe, expect, it } from 'vitest';
import { columnIndex, csvRecordsOf, type CsvRecord } from '../../src/cli/csv.ts';
import { InputError } from '../../src/models/input/located.ts';

/** Every record of the lines, or the InputError's message. */
async function records(...lines: string[]): Promise<CsvRecord[] | string> {
  const read: CsvRecord[] = [];
  try {
    for await (const record of csvRecordsOf(lines, 'x.csv')) read.push(record);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  return read;
}

describe(csvRecordsOf, () => {
  describe('having plain lines', () => {
    it('should split at commas, with the column each cell starts at', async () => {
      expect(await records('athlete,day,rule', '2,18,')).toEqual([
        { line: 1, cells: ['athlete', 'day', 'rule'], columns: [1, 9, 13] },
        { line: 2, cells: ['2', '18', ''], columns: [1, 3, 6] },
      ]);
    });

    it('should skip empty lines and a byte-order mark, keeping line numbers', async () => {
      expect(await records('\uFEFFa,b', '', '1,2')).toEqual([
        { line: 1, cells: ['a', 'b'], columns: [1, 3] },
        { line: 3, cells: ['1', '2'], columns: [1, 3] },
      ]);
    });
  });

  describe('having quoted fields (RFC 4180)', () => {
    it('should keep commas and doubled quotes inside them', async () => {
      expect(await records('1,"load 1.62, above the cap","athlete said ""heavy legs""",x')).toEqual([
        { line: 1, cells: ['1', 'load 1.62, above the cap', 'athlete said "heavy legs"', 'x'], columns: [1, 3, 30, 60] },
      ]);
    });

    it('should join a field that runs over a line break into one record, at the line it starts on', async () => {
      expect(await records('a,b', '1,"Fri: intervals', 'Sat: long run",2', '3,4')).toEqual([
        { line: 1, cells: ['a', 'b'], columns: [1, 3] },
        { line: 2, cells: ['1', 'Fri: intervals\nSat: long run', '2'], columns: [1, 3, 16] },
        { line: 4, cells: ['3', '4'], columns: [1, 3] },
      ]);
    });

    it('should point at a quoted field that is never closed', async () => {
      expect(await records('a,b', '1,"never closed', 'still open')).toBe('x.csv:2:3: (document): a quoted field is never closed');
    });
  });
});

describe(columnIndex, () => {
  const header: CsvRecord = { line: 1, cells: ['athlete', 'day'], columns: [1, 9] };

  describe('having a header with the columns asked for', () => {
    const columns = columnIndex(header, ['day', 'athlete'], 'x.csv');

    it('should find cells by column name and read whole numbers', () => {
      const row: CsvRecord = { line: 2, cells: ['3', '18'], columns: [1, 3] };
      expect(columns.cell(row, 'athlete')).toBe('3');
      expect(columns.wholeNumber(row, 'day')).toBe(18);
    });

    it('should point at a cell that is not a whole number, and at a row that is too short', () => {
      expect(() => columns.wholeNumber({ line: 4, cells: ['3', '1.5'], columns: [1, 3] }, 'day')).toThrow('x.csv:4:3: day: not a whole number: "1.5"');
      expect(() => columns.cell({ line: 5, cells: ['3'], columns: [1] }, 'day')).toThrow('x.csv:5:1: day: missing: the row has 1 fields, the header 2');
    });
  });

  describe('having a header without a required column', () => {
    it('should name every missing column at the header', () => {
      expect(() => columnIndex(header, ['athlete', 'arm', 'rule'], 'x.csv')).toThrow(
        'x.csv:1:1: header: missing column "arm"\nx.csv:1:1: header: missing column "rule"',
      );
    });
  });
});
