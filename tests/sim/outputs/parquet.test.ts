import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects, type FileMetaData } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { field } from '../../../src/sim/outputs/format.ts';
import { csvToParquet, type CsvToParquetOptions, type ParquetColumn } from '../../../src/sim/outputs/parquet.ts';

const FOLDER = mkdtempSync(join(tmpdir(), 'periodize-parquet-'));
let files = 0;

const DAY: ParquetColumn[] = [
  { name: 'athlete', type: 'int' },
  { name: 'arm', type: 'string' },
  { name: 'lnRmssd', type: 'double' },
];

/** Writes `csv` to a new file, converts it and returns the Parquet path and bytes. */
function convert(
  csv: string,
  columns: readonly ParquetColumn[] = DAY,
  metadata: Record<string, string> = {},
  rowGroupRows?: number,
  options?: CsvToParquetOptions,
) {
  const csvPath = join(FOLDER, `in${files}.csv`);
  const parquetPath = join(FOLDER, `out${files++}.parquet`);
  writeFileSync(csvPath, csv);
  const { rows } = csvToParquet(csvPath, parquetPath, columns, metadata, rowGroupRows, options);
  return { csvPath, parquetPath, rows, bytes: readFileSync(parquetPath) };
}

function arrayBuffer(bytes: Buffer): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}

function metadataOf(bytes: Buffer): FileMetaData {
  return parquetMetadata(arrayBuffer(bytes));
}

function rowsOf(bytes: Buffer): Promise<Record<string, unknown>[]> {
  return parquetReadObjects({ file: arrayBuffer(bytes) });
}

/** The error `csvToParquet` throws on `csv`, with the paths it was given. */
function failure(csv: string, columns: readonly ParquetColumn[] = DAY) {
  const csvPath = join(FOLDER, `in${files}.csv`);
  const parquetPath = join(FOLDER, `out${files++}.parquet`);
  writeFileSync(csvPath, csv);
  try {
    csvToParquet(csvPath, parquetPath, columns, {});
  } catch (error) {
    return { message: (error as Error).message, csvPath, parquetPath };
  }
  throw new Error('csvToParquet did not throw');
}

describe(csvToParquet.name, () => {
  describe('having ints, doubles, strings and empty cells', () => {
    const csv = 'athlete,arm,lnRmssd\n0,polarized,4.125\n-7,,\n,threshold,-0.5\n2147483647,pyramidal,1e-3\n';

    it('should read back every value, with null for each empty cell', async () => {
      const { bytes, rows } = convert(csv);
      expect(rows).toBe(4);
      expect(await rowsOf(bytes)).toEqual([
        { athlete: 0, arm: 'polarized', lnRmssd: 4.125 },
        { athlete: -7, arm: null, lnRmssd: null },
        { athlete: null, arm: 'threshold', lnRmssd: -0.5 },
        { athlete: 2147483647, arm: 'pyramidal', lnRmssd: 0.001 },
      ]);
    });

    it('should give ints back as numbers, not bigints', async () => {
      const [first] = await rowsOf(convert(csv).bytes);
      expect(typeof first!.athlete).toBe('number');
    });

    it('should declare INT32, DOUBLE and UTF-8 BYTE_ARRAY columns, all optional', () => {
      const schema = metadataOf(convert(csv).bytes).schema.slice(1);
      expect(schema.map(({ name, type, converted_type, repetition_type }) => ({ name, type, converted_type, repetition_type }))).toEqual([
        { name: 'athlete', type: 'INT32', converted_type: undefined, repetition_type: 'OPTIONAL' },
        { name: 'arm', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'lnRmssd', type: 'DOUBLE', converted_type: undefined, repetition_type: 'OPTIONAL' },
      ]);
    });
  });

  describe('having metadata', () => {
    it('should store it as key-value metadata, sorted by key', () => {
      const { bytes } = convert('athlete,arm,lnRmssd\n1,a,2\n', DAY, { tool: 'periodize', seed: '11', scenario: 'x,"y"' });
      expect(metadataOf(bytes).key_value_metadata).toEqual([
        { key: 'scenario', value: 'x,"y"' },
        { key: 'seed', value: '11' },
        { key: 'tool', value: 'periodize' },
      ]);
    });

    it('should name periodize as the writer', () => {
      expect(metadataOf(convert('athlete,arm,lnRmssd\n').bytes).created_by).toBe('periodize');
    });
  });

  describe('having more rows than a row group holds', () => {
    const csv = ['athlete,arm,lnRmssd', ...Array.from({ length: 10_000 }, (_, i) => `${i},arm${i % 3},${i / 4}`)].join('\n');

    it('should write full row groups of rowGroupRows rows', () => {
      const metadata = metadataOf(convert(csv, DAY, {}, 1_000).bytes);
      expect(metadata.row_groups.map((group) => group.num_rows)).toEqual(Array(10).fill(1_000n));
      expect(metadata.num_rows).toBe(10_000n);
    });

    it('should put the remainder in a last, shorter row group', () => {
      const metadata = metadataOf(convert(csv, DAY, {}, 3_000).bytes);
      expect(metadata.row_groups.map((group) => group.num_rows)).toEqual([3_000n, 3_000n, 3_000n, 1_000n]);
    });

    it('should keep every row in order', async () => {
      const rows = await rowsOf(convert(csv, DAY, {}, 1_000).bytes);
      expect(rows).toHaveLength(10_000);
      rows.forEach((row, i) => {
        if (row.athlete !== i || row.arm !== `arm${i % 3}` || row.lnRmssd !== i / 4) expect.fail(`row ${i}: ${JSON.stringify(row)}`);
      });
    });

    it('should default to row groups of 65 536 rows', () => {
      const many = ['athlete,arm,lnRmssd', ...Array.from({ length: 70_000 }, (_, i) => `${i},a,1`)].join('\n');
      expect(metadataOf(convert(many).bytes).row_groups.map((group) => group.num_rows)).toEqual([65_536n, 70_000n - 65_536n]);
    });
  });

  describe('having quoted fields cut by chunk boundaries', () => {
    // The last note is quoted: the file ends right after a closing quote.
    const notes = ['', 'a, b', 'two\nlines', 'crlf\r\ninside', '"', ',', 'é → 🏃', 'say "hi"'];
    const columns: ParquetColumn[] = [
      { name: 'athlete', type: 'int' },
      { name: 'note', type: 'string' },
    ];
    // Written as format.ts writes fields, with CRLF line ends and no final line break.
    const csv = ['athlete,note', ...notes.map((note, i) => `${i},${field(note)}`)].join('\r\n');
    const expected = notes.map((note, i) => ({ athlete: i, note: note === '' ? null : note }));

    it('should be a CSV that quotes commas, quotes and line breaks', () => {
      expect(csv).toContain('\r\n1,"a, b"\r\n2,"two\nlines"\r\n3,"crlf\r\ninside"\r\n4,""""\r\n5,","\r\n');
      expect(csv.endsWith('\r\n7,"say ""hi"""')).toBe(true);
    });

    it('should read the same rows whatever the chunk size, down to one byte', async () => {
      const size = Buffer.byteLength(csv);
      for (let chunkBytes = 1; chunkBytes <= size + 1; chunkBytes++) {
        const { bytes } = convert(csv, columns, {}, undefined, { chunkBytes });
        expect(await rowsOf(bytes), `chunkBytes ${chunkBytes}`).toEqual(expected);
      }
    });

    it('should read a last record that is one quoted field with no line break after it', async () => {
      const { bytes } = convert('note\r\n"a,b"', [{ name: 'note', type: 'string' }]);
      expect(await rowsOf(bytes)).toEqual([{ note: 'a,b' }]);
    });

    it('should write byte-identical files whatever the chunk size', () => {
      const whole = convert(csv, columns).bytes;
      expect(convert(csv, columns, {}, undefined, { chunkBytes: 7 }).bytes.equals(whole)).toBe(true);
    });
  });

  describe('having a header that is not the columns', () => {
    it('should name the first column that differs', () => {
      expect(failure('athlete,group,lnRmssd\n').message).toMatch(/:1: header column 2 is 'group', expected 'arm'$/);
    });

    it('should name a missing column', () => {
      expect(failure('athlete,arm\n1,a\n').message).toMatch(/:1: header column 3 is missing, expected 'lnRmssd'$/);
    });

    it('should name an extra column', () => {
      expect(failure('athlete,arm,lnRmssd,hrv\n').message).toMatch(/:1: header column 4 is 'hrv', expected none$/);
    });

    it('should reject an empty file', () => {
      expect(failure('').message).toMatch(/: empty file, expected a header$/);
    });
  });

  describe('having a cell that is not of its column type', () => {
    it('should name the file, the line and the column of a non-integer', () => {
      const { message, csvPath } = failure('athlete,arm,lnRmssd\n1,a,2\n1.5,b,3\n');
      expect(message).toBe(`${csvPath}:3: athlete '1.5' is not an integer in the INT32 range`);
    });

    it('should count the lines inside quoted fields', () => {
      expect(failure('athlete,arm,lnRmssd\n1,"a\nb\r\nc",2\nx,b,3\n').message).toMatch(/:5: athlete 'x' is not an integer/);
    });

    it('should reject an integer beyond INT32', () => {
      expect(failure('athlete,arm,lnRmssd\n2147483648,a,2\n').message).toMatch(/:2: athlete '2147483648' is not an integer in the INT32 range$/);
    });

    it('should reject a double that is not a number', () => {
      expect(failure('athlete,arm,lnRmssd\n1,a,fast\n').message).toMatch(/:2: lnRmssd 'fast' is not a number$/);
    });

    it('should leave no partial Parquet file', () => {
      expect(existsSync(failure('athlete,arm,lnRmssd\n1,a,fast\n').parquetPath)).toBe(false);
    });
  });

  describe('having malformed CSV', () => {
    it('should reject a row with another number of fields', () => {
      expect(failure('athlete,arm,lnRmssd\n1,a\n').message).toMatch(/:2: 2 fields, expected 3$/);
    });

    it('should reject a quoted field never closed', () => {
      expect(failure('athlete,arm,lnRmssd\n1,"a,2\n').message).toMatch(/:2: quoted field never closed$/);
    });

    it('should reject text after a closing quote', () => {
      expect(failure('athlete,arm,lnRmssd\n1,"a"b,2\n').message).toMatch(/:2: 'b' after a closing quote$/);
    });
  });

  describe('having only a header', () => {
    it('should write a readable file with no rows', async () => {
      const { bytes, rows } = convert('athlete,arm,lnRmssd\n');
      expect(rows).toBe(0);
      expect(metadataOf(bytes).row_groups).toEqual([]);
      expect(await rowsOf(bytes)).toEqual([]);
    });
  });

  describe('having the same CSV and metadata twice', () => {
    const csv = ['athlete,arm,lnRmssd', ...Array.from({ length: 5_000 }, (_, i) => `${i},arm${i % 7},${Math.sqrt(i)}`)].join('\n');

    it('should write byte-identical files', () => {
      const metadata = { tool: 'periodize', seed: '11' };
      expect(convert(csv, DAY, metadata, 1_000).bytes.equals(convert(csv, DAY, metadata, 1_000).bytes)).toBe(true);
    });

    it('should not depend on the order the metadata keys were given in', () => {
      const first = convert(csv, DAY, { tool: 'periodize', seed: '11' }).bytes;
      expect(first.equals(convert(csv, DAY, { seed: '11', tool: 'periodize' }).bytes)).toBe(true);
    });

    it('should differ when the metadata does (the comparison can fail)', () => {
      expect(convert(csv, DAY, { seed: '11' }).bytes.equals(convert(csv, DAY, { seed: '12' }).bytes)).toBe(false);
    });
  });
});
