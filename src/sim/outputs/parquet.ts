import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { CsvRecords } from './csv-records.ts';

export type ColumnType = 'int' | 'double' | 'string';

export interface ParquetColumn {
  name: string;
  type: ColumnType;
}

export interface CsvToParquetOptions {
  /** Bytes read from the CSV at a time (default 1 MiB); tests make it small to move the chunk boundaries. */
  chunkBytes?: number;
}

const DEFAULT_ROW_GROUP_ROWS = 65_536;
const DEFAULT_CHUNK_BYTES = 1 << 20;
/** The Parquet writer's buffer: it goes to the file whenever full. */
const WRITE_BUFFER_BYTES = 1 << 20;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Physical type of each column: integers as INT32 (plain JS numbers when read back), text as UTF-8. */
const SCHEMA_TYPES: Record<ColumnType, Pick<SchemaElement, 'type' | 'converted_type'>> = {
  int: { type: 'INT32' },
  double: { type: 'DOUBLE' },
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
};

/**
 * Converts a CSV file (header line + rows, RFC-4180 quoting as written by `field` in ./format.ts)
 * into a Parquet file. Synchronous: the CSV is read in chunks from a file descriptor and every
 * `rowGroupRows` rows become one row group, written at once, so memory stays flat whatever the
 * file size. Every column is nullable: an empty cell is a missing value. `metadata` becomes the
 * file's key-value metadata, sorted by key. The output is deterministic (no timestamp; created_by
 * is 'periodize'); on failure the partial Parquet file is removed.
 * @throws when the header is not `columns` in order, a row has another number of fields, an 'int'
 *   cell is not an integer in the INT32 range or a 'double' cell is not a number (`file:line`).
 * @example csvToParquet('out/days.csv', 'out/days.parquet', [{ name: 'athlete', type: 'int' }, …], { tool: 'periodize' })
 */
export function csvToParquet(
  csvPath: string,
  parquetPath: string,
  columns: readonly ParquetColumn[],
  metadata: Readonly<Record<string, string>>,
  rowGroupRows = DEFAULT_ROW_GROUP_ROWS,
  options: CsvToParquetOptions = {},
): { rows: number } {
  if (!Number.isInteger(rowGroupRows) || rowGroupRows < 1) throw new Error(`rowGroupRows ${rowGroupRows}: expected a positive integer`);
  const csv = openSync(csvPath, 'r');
  let out: number | undefined;
  try {
    out = openSync(parquetPath, 'w');
    const rows = convert(csv, csvPath, out, columns, metadata, rowGroupRows, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    closeSync(out);
    out = undefined;
    return { rows };
  } catch (error) {
    if (out !== undefined) {
      closeSync(out);
      rmSync(parquetPath, { force: true });
    }
    throw error;
  } finally {
    closeSync(csv);
  }
}

function convert(
  csv: number,
  csvPath: string,
  out: number,
  columns: readonly ParquetColumn[],
  metadata: Readonly<Record<string, string>>,
  rowGroupRows: number,
  chunkBytes: number,
): number {
  const schema: SchemaElement[] = [
    { name: 'root', num_children: columns.length },
    ...columns.map((column): SchemaElement => ({ name: column.name, repetition_type: 'OPTIONAL', ...SCHEMA_TYPES[column.type] })),
  ];
  const kvMetadata = Object.keys(metadata)
    .sort()
    .map((key) => ({ key, value: metadata[key] }));
  const parquet = new ParquetWriter({ writer: new FileDescriptorWriter(out), schema, kvMetadata, createdBy: 'periodize' });

  let group = columns.map((): (number | string | null)[] => []);
  let groupRows = 0;
  let rows = 0;
  let headerSeen = false;
  const writeGroup = () => {
    // Synchronous because the writer's flush is: write() returns no promise.
    parquet.write({ columnData: columns.map((column, j) => ({ name: column.name, data: group[j]! })), rowGroupSize: groupRows });
    group = columns.map(() => []);
    groupRows = 0;
  };

  const records = new CsvRecords(csvPath, (fields, line) => {
    if (!headerSeen) {
      checkHeader(csvPath, fields, columns);
      headerSeen = true;
      return;
    }
    if (fields.length !== columns.length) throw new Error(`${csvPath}:${line}: ${fields.length} fields, expected ${columns.length}`);
    for (let j = 0; j < columns.length; j++) group[j]!.push(parseCell(csvPath, line, columns[j]!, fields[j]!));
    rows++;
    if (++groupRows === rowGroupRows) writeGroup();
  });
  const bytes = Buffer.allocUnsafe(chunkBytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new Error(`${csvPath}: not UTF-8 text`);
    }
  };
  // The decoder keeps a character cut by a chunk boundary for the next chunk.
  for (let read = readSync(csv, bytes, 0, chunkBytes, null); read > 0; read = readSync(csv, bytes, 0, chunkBytes, null)) {
    records.push(decode(bytes.subarray(0, read)));
  }
  records.push(decode());
  records.end();

  if (!headerSeen) throw new Error(`${csvPath}: empty file, expected a header`);
  if (groupRows > 0) writeGroup();
  parquet.finish();
  return rows;
}

function checkHeader(csvPath: string, header: readonly string[], columns: readonly ParquetColumn[]): void {
  for (let j = 0; j < Math.max(header.length, columns.length); j++) {
    if (header[j] !== columns[j]?.name) {
      const found = header[j] === undefined ? 'missing' : `'${header[j]}'`;
      const expected = columns[j] === undefined ? 'none' : `'${columns[j]!.name}'`;
      throw new Error(`${csvPath}:1: header column ${j + 1} is ${found}, expected ${expected}`);
    }
  }
}

function parseCell(csvPath: string, line: number, column: ParquetColumn, text: string): number | string | null {
  if (text === '') return null;
  if (column.type === 'string') return text;
  const value = Number(text);
  if (column.type === 'int') {
    if (!/^[-+]?\d+$/.test(text) || value < INT32_MIN || value > INT32_MAX) {
      throw new Error(`${csvPath}:${line}: ${column.name} '${text}' is not an integer in the INT32 range`);
    }
  } else if (Number.isNaN(value)) {
    throw new Error(`${csvPath}:${line}: ${column.name} '${text}' is not a number`);
  }
  return value;
}

/** Hands the Parquet writer's bytes to a file descriptor when its buffer is full, and after each row group. */
class FileDescriptorWriter extends ByteWriter {
  constructor(private readonly fd: number) {
    super(WRITE_BUFFER_BYTES);
  }

  /** Called before every append, so the common case is one comparison. */
  override ensure(size: number): void {
    if (this.index + size <= this.buffer.byteLength) return;
    this.flush();
    super.ensure(size); // grows the buffer only for an append bigger than it
  }

  flush(): void {
    for (let written = 0; written < this.index; ) written += writeSync(this.fd, new Uint8Array(this.buffer, written, this.index - written));
    this.index = 0;
  }

  override finish(): void {
    this.flush();
  }
}
