import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Decoder, Stream, type ActivityMesg, type RecordMesg, type SessionMesg } from '@garmin/fitsdk';
import { DateTime } from 'luxon';
import { InputError, type InputProblem } from '../../models/input/located.ts';
import { counted } from '../../models/text/plural.ts';
import { readInputBytes, unreadable } from '../input-file.ts';
import { cappedProblems, cellProblem, localStamp, parseNumber, readCsvTable, readExportText, type CsvRow, type CsvTable } from './wellness.ts';

/*
 * An athlete's runs from a watch's export (docs/ATHLETE-DATA.md): intervals.icu's activities CSV,
 * FIT activity files as the watch writes them (decoded by Garmin's FIT SDK), or a folder of both.
 * Each run becomes its minutes in the three zones — from the per-second records where the file
 * has them, else the whole session in the zone of its average — and its session RPE. Whatever is
 * not a run is left out and counted; whatever cannot be read is located, every file's problems at once.
 */

/** The athlete's zone boundaries: LT1 and LT2 by heart rate (bpm, null when not known) and by speed (km/h). */
export interface ZoneAnchors {
  lt1Hr: number | null;
  lt2Hr: number | null;
  lt1Speed: number;
  lt2Speed: number;
}

/** One run: when, how long, its minutes in each zone (3-zone model) and its session RPE. */
export interface Activity {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Local date-time to the minute, YYYY-MM-DDTHH:mm. */
  start: string;
  name: string;
  minutes: number;
  z1Minutes: number;
  z2Minutes: number;
  z3Minutes: number;
  /** Session RPE on Borg's CR-10; NaN when the file has none. */
  rpe: number;
  /** What the zones were counted from: the records' heart rate or speed, or the session's average. */
  zonesBy: 'heart rate' | 'pace' | 'average heart rate' | 'average pace';
  /** The file, or file:line for a CSV row. */
  source: string;
}

export interface ActivityRecord {
  /** Sorted by start. */
  activities: Activity[];
  /** What was done to the data, for the coach. */
  notes: string[];
}

/**
 * The longest gap between two records that counts as running, s. A watch records every second,
 * or every few seconds with smart recording (Garmin's writes a record at least every 8 s or so);
 * a longer gap is the watch paused or stopped — not time in any zone. The record before a gap
 * counts its time up to the next record; before a pause it counts nothing.
 */
export const MAX_RECORD_GAP_SECONDS = 10;

/**
 * The largest FIT file read, bytes: a day's ultra with per-second records and every sensor is a
 * few MiB; a file past 64 MiB is not an activity, and reading it whole could exhaust memory.
 */
export const MAX_FIT_BYTES = 64 * 1024 * 1024;

/** intervals.icu's (Strava's) activity types that are runs; every other type is left out. */
export const RUN_TYPES = ['Run', 'TrailRun', 'VirtualRun', 'Treadmill'] as const;

/**
 * The runs in `path`: an activities CSV, a FIT file, or a folder of .fit and .csv files read in
 * name order (other files are left out, noted). A run found in two files (the same start, to the
 * minute) is kept once: from its records where one of them has them, else the last read.
 * `timeZone` (the athlete file's `data.timeZone`) gives a FIT file's local time when the file has
 * none of its own; without either, its UTC time, noted.
 * @throws InputError — every problem of every file, located; an empty folder.
 */
export function readActivities(path: string, zones: ZoneAnchors, timeZone: string | undefined): ActivityRecord {
  const files = activityFiles(path);
  const notes: string[] = [...files.notes];
  const problems: InputProblem[] = [];
  const skipped = new Map<string, number>();
  const read: Activity[] = [];
  const tally: Tally = { skipped, notes, zeroRpe: 0 };
  for (const file of files.paths) {
    try {
      read.push(...(extname(file).toLowerCase() === '.fit' ? readFitActivity(file, zones, timeZone, tally) : readActivitiesCsv(file, zones, timeZone, tally)));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  if (skipped.size > 0) {
    const count = [...skipped.values()].reduce((sum, n) => sum + n, 0);
    const which = count === 1 ? '1 activity that is not a run' : `${count} activities that are not runs`;
    notes.push(`${which} left out: ${[...skipped].map(([type, n]) => `${n} ${type}`).join(', ')}`);
  }
  if (tally.zeroRpe > 0) notes.push(`${counted(tally.zeroRpe, 'RPE')} of 0 read as not given`);
  const byStart = new Map<string, Activity>();
  let twice = 0;
  for (const activity of read) {
    const earlier = byStart.get(activity.start);
    if (earlier !== undefined) twice++;
    if (earlier === undefined || fromRecords(activity) || !fromRecords(earlier)) byStart.set(activity.start, activity);
  }
  if (twice > 0) notes.push(`${counted(twice, 'run')} found twice (the same start): kept once, from its records where a file has them`);
  const activities = [...byStart.values()].sort((a, b) => a.start.localeCompare(b.start) || a.source.localeCompare(b.source));
  const averaged = activities.filter((activity) => !fromRecords(activity)).length;
  if (averaged > 0) {
    notes.push(`${counted(averaged, 'run')} zoned by ${averaged === 1 ? 'its' : 'their'} average heart rate or pace: all in one zone, so an interval session reads as its average — a FIT file gives the time in each zone`);
  }
  return { activities, notes };
}

/** What the files of one read share: activities left out by type, notes, zero RPEs. */
interface Tally {
  skipped: Map<string, number>;
  notes: string[];
  zeroRpe: number;
}

function fromRecords(activity: Activity): boolean {
  return activity.zonesBy === 'heart rate' || activity.zonesBy === 'pace';
}

/** The files to read at `path`: itself, or a folder's .fit and .csv files in name order. */
export function activityFiles(path: string): { paths: string[]; notes: string[] } {
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch (error) {
    throw unreadable(path, error, 'no such file or folder');
  }
  const readable = (name: string) => ['.fit', '.csv'].includes(extname(name).toLowerCase());
  if (!folder) {
    if (!readable(path)) throw new InputError([{ file: path, line: 1, col: 1, path: [], message: 'not an activity file: give a .csv (intervals.icu) or .fit file, or a folder of them' }]);
    return { paths: [path], notes: [] };
  }
  const names = readdirSync(path).sort();
  const isFile = (name: string) => {
    try {
      return statSync(join(path, name)).isFile();
    } catch {
      return false; // a link to nothing
    }
  };
  const paths = names.filter((name) => readable(name) && isFile(name)).map((name) => join(path, name));
  if (paths.length === 0) throw new InputError([{ file: path, line: 1, col: 1, path: [], message: 'no .fit or .csv file in the folder' }]);
  const others = names.length - paths.length;
  return { paths, notes: others > 0 ? [`${counted(others, 'other file')} in ${path} left out (only .fit and .csv are read)`] : [] };
}

// ————— intervals.icu's activities CSV —————

/**
 * intervals.icu's activities CSV (docs/ATHLETE-DATA.md, Formats), by its column names: the start
 * in local time, the Strava type, moving time (s), distance (m), average speed (m/s), average heart
 * rate (bpm), and intervals.icu's session RPE (icu_rpe, 1–10: Borg's CR-10 from 1).
 */
const ICU_ACTIVITIES = {
  start: 'start_date_local',
  type: 'type',
  name: 'name',
  movingTime: 'moving_time',
  distance: 'distance',
  averageSpeed: 'average_speed',
  averageHr: 'average_heartrate',
  rpe: 'icu_rpe',
} as const;

/** Bounds of a run's averages; a value outside is a unit or a column read wrong. */
const RUN_LIMITS = {
  /** s: a run of more than a day is a watch left running. */
  movingSeconds: { min: 1, max: 86_400 },
  averageHr: { min: 30, max: 230 },
  /** m/s: above 12 (43 km/h) nobody runs, even for a moment. */
  averageSpeed: { min: 0, max: 12 },
  rpe: { min: 1, max: 10 },
} as const;

function readActivitiesCsv(file: string, zones: ZoneAnchors, timeZone: string | undefined, tally: Tally): Activity[] {
  const table = readCsvTable(file, readExportText(file));
  const column = (name: string): number | null => {
    const at = table.header.indexOf(name);
    return at < 0 ? null : at;
  };
  const start = column(ICU_ACTIVITIES.start);
  const type = column(ICU_ACTIVITIES.type);
  const movingTime = column(ICU_ACTIVITIES.movingTime);
  if (start === null || type === null || movingTime === null) {
    throw new InputError([
      {
        file,
        line: table.headerLine,
        col: 1,
        path: ['header'],
        message: `not an activities export this reads: the header has: ${table.header.join(', ') || '(nothing)'}. Known is intervals.icu's activities CSV (start_date_local, type, moving_time, distance, average_speed, average_heartrate, icu_rpe…)`,
      },
    ]);
  }
  const columns = { start, type, movingTime, name: column(ICU_ACTIVITIES.name), distance: column(ICU_ACTIVITIES.distance), averageSpeed: column(ICU_ACTIVITIES.averageSpeed), averageHr: column(ICU_ACTIVITIES.averageHr), rpe: column(ICU_ACTIVITIES.rpe) };
  const problems: InputProblem[] = [];
  const activities: Activity[] = [];
  let unzoned = 0;
  for (const row of table.rows) {
    const runType = row.cells[columns.type] ?? '';
    if (!(RUN_TYPES as readonly string[]).includes(runType)) {
      tally.skipped.set(runType || '(no type)', (tally.skipped.get(runType || '(no type)') ?? 0) + 1);
      continue;
    }
    const before = problems.length;
    // A number within its limits; 0 or empty is "not given" (NaN) where `zeroAbsent`.
    const value = (at: number | null, limits: { min: number; max: number }, what: string, zeroAbsent = true): number => {
      if (at === null) return NaN;
      const number = parseNumber(row.cells[at] ?? '', table.decimalComma);
      if (number === null) {
        problems.push(cellProblem(table, row, at, `"${row.cells[at]}" is not a number`));
        return NaN;
      }
      if (Number.isNaN(number) || (number === 0 && zeroAbsent)) return NaN;
      if (number < limits.min || number > limits.max) problems.push(cellProblem(table, row, at, `${number} is not ${what} (${limits.min}–${limits.max})`));
      return number;
    };
    const seconds = value(columns.movingTime, RUN_LIMITS.movingSeconds, "a run's moving time in seconds", false);
    const averageHr = value(columns.averageHr, RUN_LIMITS.averageHr, 'an average heart rate in bpm');
    const averageSpeed = value(columns.averageSpeed, RUN_LIMITS.averageSpeed, 'a running speed in m/s');
    const distance = value(columns.distance, { min: 0, max: Infinity }, 'a distance in metres');
    const rpe = value(columns.rpe, RUN_LIMITS.rpe, "intervals.icu's RPE");
    if (columns.rpe !== null && parseNumber(row.cells[columns.rpe] ?? '', table.decimalComma) === 0) tally.zeroRpe++;
    const stampText = row.cells[columns.start] ?? '';
    const stamp = stampText === '' ? 'empty: every run needs its start' : localStamp(stampText, timeZone);
    if (typeof stamp === 'string') problems.push(cellProblem(table, row, columns.start, stamp));
    else if (stamp.time === null) problems.push(cellProblem(table, row, columns.start, `"${stampText}" has no time of day: a run's start is a date-time`));
    if (Number.isNaN(seconds) && (row.cells[columns.movingTime] ?? '') === '') problems.push(cellProblem(table, row, columns.movingTime, 'empty: every run needs its moving time'));
    if (problems.length > before || typeof stamp === 'string') continue;
    // Speed in km/h: the average's, or distance over moving time where the export has no average.
    const speed = averageSpeed > 0 ? averageSpeed * 3.6 : distance > 0 && seconds > 0 ? (distance / seconds) * 3.6 : NaN;
    const byHr = zones.lt1Hr !== null && zones.lt2Hr !== null && !Number.isNaN(averageHr);
    if (!byHr && Number.isNaN(speed)) {
      unzoned++;
      continue;
    }
    const zone = byHr ? zoneOf(averageHr, zones.lt1Hr!, zones.lt2Hr!) : zoneOf(speed, zones.lt1Speed, zones.lt2Speed);
    const minutes = seconds / 60;
    activities.push({
      date: stamp.date,
      start: `${stamp.date}T${stamp.time}`,
      name: columns.name === null ? runType : row.cells[columns.name] || runType,
      minutes,
      z1Minutes: zone === 1 ? minutes : 0,
      z2Minutes: zone === 2 ? minutes : 0,
      z3Minutes: zone === 3 ? minutes : 0,
      rpe,
      zonesBy: byHr ? 'average heart rate' : 'average pace',
      source: source(table, row),
    });
  }
  if (problems.length > 0) throw new InputError(cappedProblems(problems));
  if (unzoned > 0) tally.notes.push(`${file}: ${counted(unzoned, 'run')} with neither heart rate (or no LT heart rates known) nor distance left out: no zone can be told`);
  return activities;
}

function source(table: CsvTable, row: CsvRow): string {
  return `${table.file}:${row.line}`;
}

// ————— FIT activity files —————

/**
 * A FIT activity file's runs, one per running session (a multisport file has several): decoded by
 * Garmin's SDK after its integrity check (header and CRC), so that a file cut off in the copy is a
 * problem, not a shorter run. Zones from the records in the session's time (heart rate when LT1's
 * and LT2's are known and the records have it, else speed), each record counting its time to the
 * next up to MAX_RECORD_GAP_SECONDS; without records, the session's averages. Minutes: the
 * session's timer time (pauses excluded), so they may differ from the zones' sum by a few seconds.
 */
function readFitActivity(file: string, zones: ZoneAnchors, timeZone: string | undefined, tally: Tally): Activity[] {
  const bytes = readFitBytes(file);
  const problem = (message: string) => new InputError([{ file, line: 1, col: 1, path: [], message }]);
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  if (!decoder.isFIT()) throw problem('not a FIT file (no FIT header)');
  if (!decoder.checkIntegrity()) throw problem('a damaged FIT file: its size or CRC check fails (cut off or changed in the copy?)');
  const { messages, errors } = decoder.read();
  if (errors.length > 0) throw problem(`a FIT file the SDK cannot decode: ${String(errors[0]).replace(/^Error: /, '')}`);
  const fileType = messages.fileIdMesgs?.[0]?.type;
  if (fileType !== undefined && fileType !== 'activity') throw problem(`a FIT ${fileType} file, not an activity`);
  const sessions = messages.sessionMesgs ?? [];
  if (sessions.length === 0) throw problem('a FIT file without a session: not a recorded activity');
  const records = [...(messages.recordMesgs ?? [])].filter((record) => record.timestamp instanceof Date).sort((a, b) => time(a.timestamp) - time(b.timestamp));
  const activity = messages.activityMesgs?.[0];
  const name = messages.workoutMesgs?.[0]?.wktName ?? basename(file, extname(file));
  const runs: Activity[] = [];
  for (const session of sessions) {
    if (session.sport !== 'running') {
      const sport = String(session.sport ?? 'unknown sport');
      tally.skipped.set(sport, (tally.skipped.get(sport) ?? 0) + 1);
      continue;
    }
    if (!(session.startTime instanceof Date)) throw problem('a running session without its start time');
    const from = time(session.startTime);
    const to = session.timestamp instanceof Date ? time(session.timestamp) : Infinity;
    const own = sessions.length === 1 ? records : records.filter((record) => time(record.timestamp) >= from && time(record.timestamp) <= to);
    const zoned = recordZones(own, zones) ?? averageZones(session, zones);
    if (zoned === null) {
      tally.notes.push(`${file}: a run with neither heart rate (or no LT heart rates known) nor speed left out: no zone can be told`);
      continue;
    }
    const local = localStart(session.startTime, activity, timeZone);
    if (local.note !== null) tally.notes.push(`${file}: ${local.note}`);
    const timer = session.totalTimerTime;
    const minutes = typeof timer === 'number' && timer > 0 ? timer / 60 : zoned.minutes[0] + zoned.minutes[1] + zoned.minutes[2];
    if (zoned.unzonedMinutes > 0) tally.notes.push(`${file}: ${zoned.unzonedMinutes.toFixed(1)} min without ${zoned.zonesBy === 'pace' ? 'speed' : 'heart rate'} left out of the zones`);
    const { rpe, zero } = fitRpe(session);
    if (zero) tally.zeroRpe++;
    const whole = (zone: 1 | 2 | 3) => (zoned.zone === zone ? minutes : 0);
    runs.push({
      date: local.start.slice(0, 10),
      start: local.start,
      name,
      minutes,
      z1Minutes: zoned.zone === null ? zoned.minutes[0] : whole(1),
      z2Minutes: zoned.zone === null ? zoned.minutes[1] : whole(2),
      z3Minutes: zoned.zone === null ? zoned.minutes[2] : whole(3),
      rpe,
      zonesBy: zoned.zonesBy,
      source: file,
    });
  }
  return runs;
}

/** A session's zones: minutes in each (from records), or the one zone of the whole session (from its average). */
interface Zoned {
  zonesBy: Activity['zonesBy'];
  minutes: [number, number, number];
  /** For a session zoned by its average: the zone of the whole session. */
  zone: 1 | 2 | 3 | null;
  unzonedMinutes: number;
}

/** Minutes in each zone from the records; null when they have neither the heart rate nor the speed to tell. */
function recordZones(records: readonly RecordMesg[], zones: ZoneAnchors): Zoned | null {
  const hasHr = records.some((record) => (record.heartRate ?? 0) > 0);
  const speedOf = (record: RecordMesg): number | undefined => record.enhancedSpeed ?? record.speed;
  const hasSpeed = records.some((record) => speedOf(record) !== undefined);
  const byHr = zones.lt1Hr !== null && zones.lt2Hr !== null && hasHr;
  if (!byHr && !hasSpeed) return null;
  const seconds: [number, number, number] = [0, 0, 0];
  let unzoned = 0;
  for (let i = 0; i + 1 < records.length; i++) {
    const gap = (time(records[i + 1]!.timestamp) - time(records[i]!.timestamp)) / 1000;
    if (gap <= 0 || gap > MAX_RECORD_GAP_SECONDS) continue;
    const record = records[i]!;
    const value = byHr ? ((record.heartRate ?? 0) > 0 ? record.heartRate! : undefined) : speedOf(record) === undefined ? undefined : speedOf(record)! * 3.6;
    if (value === undefined) {
      unzoned += gap;
      continue;
    }
    const zone = byHr ? zoneOf(value, zones.lt1Hr!, zones.lt2Hr!) : zoneOf(value, zones.lt1Speed, zones.lt2Speed);
    seconds[zone - 1] = seconds[zone - 1]! + gap;
  }
  return { zonesBy: byHr ? 'heart rate' : 'pace', minutes: [seconds[0] / 60, seconds[1] / 60, seconds[2] / 60], zone: null, unzonedMinutes: unzoned / 60 };
}

/** A session without records (entered by hand, or records stripped): the whole of it in the zone of its average. */
function averageZones(session: SessionMesg, zones: ZoneAnchors): Zoned | null {
  const hr = session.avgHeartRate ?? 0;
  const speed = session.enhancedAvgSpeed ?? session.avgSpeed;
  if (zones.lt1Hr !== null && zones.lt2Hr !== null && hr > 0) return { zonesBy: 'average heart rate', minutes: [0, 0, 0], zone: zoneOf(hr, zones.lt1Hr, zones.lt2Hr), unzonedMinutes: 0 };
  if (speed !== undefined && speed > 0) return { zonesBy: 'average pace', minutes: [0, 0, 0], zone: zoneOf(speed * 3.6, zones.lt1Speed, zones.lt2Speed), unzonedMinutes: 0 };
  return null;
}

/** The 3-zone model: 1 below LT1, 2 from LT1 to below LT2, 3 at or above LT2. */
function zoneOf(value: number, lt1: number, lt2: number): 1 | 2 | 3 {
  return value < lt1 ? 1 : value < lt2 ? 2 : 3;
}

/**
 * The session's RPE on CR-10: FIT's `workoutRpe` is "Borg CR10 / 0-10 RPE scale, multiplied 10x"
 * (the SDK's profile, session field 193), so divided by 10. 0 — the scale's "nothing at all", which
 * no run is — is read as not given, as the watch writes when asked nothing.
 */
function fitRpe(session: SessionMesg): { rpe: number; zero: boolean } {
  const stored = session.workoutRpe;
  if (typeof stored !== 'number' || stored > 100) return { rpe: NaN, zero: false };
  if (stored === 0) return { rpe: NaN, zero: true };
  return { rpe: stored / 10, zero: false };
}

/** The FIT epoch (1989-12-31T00:00:00Z) in Unix ms: `localTimestamp` counts seconds from it. */
export const FIT_EPOCH_MS = 631_065_600_000;

/**
 * A session's local start, to the minute: by the file's own offset (the activity message's
 * `localTimestamp` against its `timestamp`, rounded to the quarter hour every time zone's offset
 * is a multiple of), else in `timeZone`, else in UTC with a note.
 */
function localStart(start: Date, activity: ActivityMesg | undefined, timeZone: string | undefined): { start: string; note: string | null } {
  const minute = "yyyy-MM-dd'T'HH:mm";
  const local = activity?.localTimestamp;
  if (typeof local === 'number' && activity?.timestamp instanceof Date) {
    const offsetSeconds = Math.round((local - (time(activity.timestamp) - FIT_EPOCH_MS) / 1000) / 900) * 900;
    return { start: DateTime.fromMillis(time(start) + offsetSeconds * 1000, { zone: 'utc' }).toFormat(minute), note: null };
  }
  if (timeZone !== undefined) return { start: DateTime.fromJSDate(start, { zone: timeZone }).toFormat(minute), note: null };
  return { start: DateTime.fromJSDate(start, { zone: 'utc' }).toFormat(minute), note: 'no local time in the file and no data.timeZone: its start is in UTC' };
}

/** A FIT time in Unix ms: the SDK decodes times to Dates (a raw number counts from the FIT epoch). */
function time(stamp: Date | number | string | undefined): number {
  return stamp instanceof Date ? stamp.getTime() : typeof stamp === 'number' ? FIT_EPOCH_MS + stamp * 1000 : NaN;
}

/** A FIT file's bytes, up to MAX_FIT_BYTES (src/sim/input-file.ts reads them). */
function readFitBytes(file: string): Uint8Array {
  return new Uint8Array(readInputBytes(file, MAX_FIT_BYTES, 'not an activity file'));
}
