import { ADJUSTMENT_COLUMNS } from './adjustments-csv.ts';
import { ATHLETE_COLUMNS } from './athletes-csv.ts';
import { DAY_COLUMNS } from './days-csv.ts';
import type { ColumnType, ParquetColumn } from './parquet.ts';

/** Columns that hold whole numbers (indices, days, counts, a 0/1 flag) in every table that has them. */
const INTEGER_COLUMNS = new Set(['athlete', 'replicate', 'day', 'week', 'sessions', 'hardSessions', 'missedSessions', 'illnessDays', 'ill', 'injuries', 'injuryDaysLost', 'overreached']);

/** Columns that hold text. */
const TEXT_COLUMNS = new Set([
  'id', 'arm', 'level', 'sex', 'weekday', 'rule', 'scope', 'action', 'outcome', 'facts', 'reason', 'before', 'after', 'note', 'trace',
]);

function typed(names: readonly string[]): ParquetColumn[] {
  return names.map((name) => {
    const type: ColumnType = INTEGER_COLUMNS.has(name) ? 'int' : TEXT_COLUMNS.has(name) ? 'string' : 'double';
    return { name, type };
  });
}

/** The per-athlete tables of a run and their Parquet columns (`--format parquet`); every other column is a double. */
export const PARQUET_TABLES: Readonly<Record<string, readonly ParquetColumn[]>> = {
  'athletes.csv': typed(ATHLETE_COLUMNS),
  'days.csv': typed(DAY_COLUMNS),
  'adjustments.csv': typed(ADJUSTMENT_COLUMNS),
};
