import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Encoder, Profile, type ActivityMesg, type FileIdMesg, type RecordMesg, type SessionMesg } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import { AthleteFile } from '../../src/models/athlete/schema.ts';
import { formatProblem, InputError, LocatedDocument, zodProblems } from '../../src/models/input/located.ts';
import { MAX_RECORD_GAP_SECONDS, readActivities, type ZoneAnchors } from '../../src/sim/athlete/activities.ts';
import { readWellness, type Morning } from '../../src/sim/athlete/wellness.ts';
import { temporaryFolder } from '../helpers.ts';

const FIXTURES = new URL('../fixtures/athlete-data/', import.meta.url).pathname;

/** A file with `text` in a new folder. */
function written(name: string, text: string | Uint8Array): string {
  const path = join(temporaryFolder(), name);
  writeFileSync(path, text);
  return path;
}

/** Every problem `read` throws, as the command prints them, the file's path as FILE. */
function problems(file: string, read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error.message.split('\n').map((line) => line.replaceAll(file, 'FILE'));
    throw error;
  }
  return [];
}

/** A morning with only what is given measured. */
function morning(date: string, given: Partial<Morning>): Morning {
  return { date, restingHr: NaN, lnRmssd: NaN, sleepHours: NaN, sleepScore: NaN, ill: false, ...given };
}

describe(readWellness, () => {
  describe("having intervals.icu's wellness export", () => {
    it('should read resting HR, rMSSD as ln, sleepSecs as hours and the sleep score, one morning per date, sorted', () => {
      const record = readWellness(join(FIXTURES, 'intervals-icu-wellness.csv'), undefined);
      expect(record.format).toBe('intervals.icu');
      expect(record.mornings).toEqual([
        morning('2026-11-02', { restingHr: 52, lnRmssd: Math.log(55), sleepHours: 7.1, sleepScore: 76 }),
        morning('2026-11-03', { restingHr: 49, lnRmssd: Math.log(62.5), sleepHours: 7.5, sleepScore: 82 }),
        // Its resting HR and HRV are 0: not measured, not zero.
        morning('2026-11-04', { sleepHours: 7.3, sleepScore: 79 }),
        // Written twice: the last row kept.
        morning('2026-11-06', { restingHr: 50, lnRmssd: Math.log(58), sleepHours: 8.1, sleepScore: 90 }),
      ]);
      expect(record.notes).toEqual([
        'HRV read as rMSSD (ms) and taken as ln (detected: median 58 ms)',
        'sleep in seconds (sleepSecs)',
        '1 duplicated day: the last row of each kept',
        '2 zeros read as not measured: 1 resting HR, 1 HRV',
        '1 day without a row between 2026-11-02 and 2026-11-07: not measured',
        '1 row with nothing measured: not measured',
      ]);
    });

    it("should take intervals.icu's API column id for the date as well", () => {
      const file = written('wellness.csv', 'id,restingHR,hrv\n2026-11-02,48,4.1\n');
      expect(readWellness(file, undefined).mornings).toEqual([morning('2026-11-02', { restingHr: 48, lnRmssd: 4.1 })]);
    });
  });

  describe("having HRV4Training's exports", () => {
    it("should read the Android export: its year-day-month dates, '-' for nothing, sleep_time in hours, a sickness tag as ill", () => {
      const record = readWellness(join(FIXTURES, 'hrv4training-android.csv'), undefined);
      expect(record.format).toBe('HRV4Training');
      expect(record.mornings).toEqual([
        morning('2026-10-30', { restingHr: 51, lnRmssd: Math.log(71.3), sleepHours: 7.5 }),
        morning('2026-10-31', { restingHr: 53, lnRmssd: Math.log(64), sleepHours: 6.75 }),
        morning('2026-11-01', { restingHr: 58, lnRmssd: Math.log(41.2), ill: true }),
        morning('2026-11-02', { sleepHours: 8 }),
      ]);
      expect(record.notes).toEqual([
        "HRV4Training's dates read as year-day-month (its Android export's order)",
        'HRV read as rMSSD (ms) and taken as ln (detected: median 64 ms)',
        'sleep in hours (detected: median 7.5)',
        '2 zeros read as not measured: 1 resting HR, 1 HRV',
      ]);
    });

    it('should read Android dates year-month-day when a day after the 12th says so, and locate a file that says both', () => {
      const header = 'date,time,HR,rMSSD\n';
      const monthFirst = readWellness(written('w.csv', `${header}2026-11-13,06:40,50,60\n2026-11-02,06:40,51,61\n`), undefined);
      expect(monthFirst.mornings.map((m) => m.date)).toEqual(['2026-11-02', '2026-11-13']);
      expect(monthFirst.notes[0]).toBe("HRV4Training's dates read as year-month-day: a day after the 12th is last");
      const untold = readWellness(written('w.csv', `${header}2026-02-11,06:40,50,60\n`), undefined);
      expect(untold.mornings.map((m) => m.date)).toEqual(['2026-11-02']);
      expect(untold.notes[0]).toBe("HRV4Training's dates read as year-day-month (its Android export's order, as GoldenCheetah reads it): no day after the 12th tells");
      const both = written('w.csv', `${header}2026-13-11,06:40,50,60\n2026-11-14,06:40,51,61\n`);
      expect(problems(both, () => readWellness(both, undefined))).toEqual([
        'FILE:3:1: date: "2026-11-14" contradicts the file\'s other dates: some are year-day-month, some year-month-day',
      ]);
    });

    it("should read the iPhone export's timestamps as the local date written, whatever their UTC date", () => {
      const record = readWellness(join(FIXTURES, 'hrv4training-iphone.csv'), undefined);
      expect(record.mornings).toEqual([
        morning('2026-11-02', { restingHr: 52, lnRmssd: Math.log(60.1) }),
        // 00:20 at +01:00 is the 2nd in UTC; the athlete woke on the 3rd.
        morning('2026-11-03', { restingHr: 50, lnRmssd: Math.log(66.7) }),
      ]);
    });
  });

  describe("having a European spreadsheet's export, mapped by the athlete file", () => {
    const mapping = { columns: { date: 'Day', restingHr: 'RHR', hrv: 'lnRMSSD', sleep: 'Sleep', sleepScore: 'Score', ill: 'Sick' } };

    it("should read a byte-order mark, CRLF line ends, ';' between columns, decimal commas and day-first dates", () => {
      const file = join(FIXTURES, 'generic-european.csv');
      const bytes = readFileSync(file);
      // The fixture is what such an export writes (a copy that normalised it would test nothing).
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8')).toContain(';3,91;432;78;\r\n');
      const record = readWellness(file, mapping);
      expect(record.format).toBe('generic');
      expect(record.mornings).toEqual([
        morning('2026-11-02', { restingHr: 52, lnRmssd: 3.91, sleepHours: 7.2, sleepScore: 78 }),
        morning('2026-11-03', { restingHr: 50, lnRmssd: 4.05, sleepHours: 7.75, sleepScore: 84 }),
        morning('2026-11-04', { restingHr: 55, lnRmssd: 3.62, sleepHours: 6.5, sleepScore: 61, ill: true }),
      ]);
      expect(record.notes).toEqual([
        "read with ';' between columns and ',' as the decimal point (a European spreadsheet's export)",
        'HRV read as lnRMSSD (detected: median 3.91, below 10)',
        'sleep in minutes (detected: median 432)',
      ]);
    });

    it("should still read an export it knows by its header with the mapping in the athlete file, and name the mapped columns a file lacks", () => {
      expect(readWellness(join(FIXTURES, 'intervals-icu-wellness.csv'), mapping).format).toBe('intervals.icu');
      const other = written('w.csv', 'Day,RHR\n2026-11-02,52\n');
      expect(problems(other, () => readWellness(other, mapping))).toEqual([
        `FILE:1:1: header: no column "lnRMSSD" (data.wellness.columns.hrv names it); the header has: Day, RHR`,
        `FILE:1:1: header: no column "Sleep" (data.wellness.columns.sleep names it); the header has: Day, RHR`,
        `FILE:1:1: header: no column "Score" (data.wellness.columns.sleepScore names it); the header has: Day, RHR`,
        `FILE:1:1: header: no column "Sick" (data.wellness.columns.ill names it); the header has: Day, RHR`,
      ]);
    });

    it("should take the units the athlete file gives over the values' median", () => {
      const file = written('w.csv', 'Day,HRV,Sleep\n2026-11-02,8,7.5\n');
      const record = readWellness(file, { columns: { date: 'Day', hrv: 'HRV', sleep: 'Sleep' }, hrv: 'rmssd', sleep: 'hours' });
      expect(record.mornings).toEqual([morning('2026-11-02', { lnRmssd: Math.log(8), sleepHours: 7.5 })]);
      expect(record.notes).toEqual(['HRV read as rMSSD (ms) and taken as ln (data.wellness.hrv)', 'sleep in hours (data.wellness.sleep)']);
    });
  });

  describe('having messy data', () => {
    /** A generic file read with its columns mapped: date, and rhr, sleep and hrv where it has them. */
    const read = (text: string, timeZone?: string) => {
      const header = text.replace(/^sep=.\n/, '').split('\n')[0]!.split(/[,;\t]/);
      const has = (name: string) => (header.includes(name) ? name : undefined);
      return readWellness(written('w.csv', text), { columns: { date: 'date', restingHr: has('rhr'), sleep: has('sleep'), hrv: has('hrv') } }, timeZone);
    };

    it('should leave a day without a row absent and an empty cell NaN, never 0', () => {
      const record = read('date,rhr,sleep,hrv\n2026-11-02,50,,\n2026-11-05,,7,\n');
      expect(record.mornings).toEqual([morning('2026-11-02', { restingHr: 50 }), morning('2026-11-05', { sleepHours: 7 })]);
      expect(record.notes).toContain('2 days without a row between 2026-11-02 and 2026-11-05: not measured');
    });

    it('should keep the last row of a date written twice, and sort rows in any order by date', () => {
      const record = read('date,rhr\n2026-11-04,51\n2026-11-02,50\n2026-11-04,53\n2026-11-03,49\n');
      expect(record.mornings.map((m) => [m.date, m.restingHr])).toEqual([
        ['2026-11-02', 50],
        ['2026-11-03', 49],
        ['2026-11-04', 53],
      ]);
      expect(record.notes).toContain('1 duplicated day: the last row of each kept');
    });

    it('should read a date-time with an offset as the local date written, and one in UTC in data.timeZone', () => {
      const text = 'date,rhr\n2026-11-02T06:45:00+01:00,50\n2026-11-02T23:30:00Z,51\n';
      expect(read(text, 'Europe/Oslo').mornings.map((m) => [m.date, m.restingHr])).toEqual([
        ['2026-11-02', 50],
        ['2026-11-03', 51],
      ]);
      const inUtc = read(text);
      expect(inUtc.mornings.map((m) => m.date)).toEqual(['2026-11-02']);
      expect(inUtc.notes).toContain("1 time in UTC (…Z) dated in UTC: give data.timeZone for the athlete's local date");
      expect(inUtc.notes).toContain('1 duplicated day: the last row of each kept');
    });

    it('should tell seconds, minutes and hours of sleep by the median (above 1000: seconds; above 24: minutes)', () => {
      expect(read('date,sleep\n2026-11-02,27000\n2026-11-03,25200\n').mornings.map((m) => m.sleepHours)).toEqual([7.5, 7]);
      expect(read('date,sleep\n2026-11-02,450\n2026-11-03,420\n').mornings.map((m) => m.sleepHours)).toEqual([7.5, 7]);
      expect(read('date,sleep\n2026-11-02,7.5\n2026-11-03,7:00\n').mornings.map((m) => m.sleepHours)).toEqual([7.5, 7]);
      expect(read('date,sleep\n2026-11-02,27000\n').notes).toEqual(['sleep in seconds (detected: median 27000)']);
    });

    it('should tell rMSSD from lnRMSSD by the median (below 10: already ln)', () => {
      expect(read('date,hrv\n2026-11-02,4.2\n2026-11-03,3.9\n').mornings.map((m) => m.lnRmssd)).toEqual([4.2, 3.9]);
      expect(read('date,hrv\n2026-11-02,42\n2026-11-03,60\n').mornings.map((m) => m.lnRmssd)).toEqual([Math.log(42), Math.log(60)]);
    });

    it("should read Excel's sep= line and a tab-separated file", () => {
      expect(read('sep=;\ndate;rhr\n2026-11-02;50\n').mornings.map((m) => m.restingHr)).toEqual([50]);
      expect(read('date\trhr\thrv\n2026-11-02\t50\t4,2\n').mornings.map((m) => [m.restingHr, m.lnRmssd])).toEqual([[50, 4.2]]);
    });
  });

  describe('having values no body has, or none at all', () => {
    it('should locate each at its line and column, every one at once', () => {
      const file = written(
        'wellness.csv',
        [
          'date,restingHR,hrv,sleepSecs,sleepScore',
          '2026-11-02,130,55,27000,80',
          '2026-02-30,50,55,27000,80',
          '2026-11-04,fifty,55,27000,80',
          '2026-11-05,50,700,27000,80',
          '2026-11-06,50,55,72000,80',
          '2026-11-07,50,55,27000,120',
          '2026-11-08,24,2,-3600,80',
          ',50,55,27000,80',
          '2026/11/10,50,55,27000,80',
        ].join('\n'),
      );
      expect(problems(file, () => readWellness(file, undefined))).toEqual([
        'FILE:2:2: restingHR: 130 bpm is not a resting heart rate (25–120 bpm)',
        'FILE:3:1: date: "2026-02-30": no such date',
        'FILE:4:2: restingHR: "fifty" is not a number',
        'FILE:5:3: hrv: rMSSD 700 ms is outside what a body shows (3–600 ms)',
        'FILE:6:4: sleepSecs: 72000 s (20 h) of sleep is outside 0–16 h',
        'FILE:7:5: sleepScore: 120 is not a sleep score (0–100)',
        'FILE:8:2: restingHR: 24 bpm is not a resting heart rate (25–120 bpm)',
        'FILE:8:3: hrv: rMSSD 2 ms is outside what a body shows (3–600 ms)',
        'FILE:8:4: sleepSecs: -3600 s (-1 h) of sleep is outside 0–16 h',
        'FILE:9:1: date: empty: every row needs its date',
        'FILE:10:1: date: "2026/11/10" is not a date: expected YYYY-MM-DD, an ISO 8601 date-time or DD.MM.YYYY',
      ]);
    });

    it('should hold lnRMSSD to 1–6.5 and a yes/no column to yes or no', () => {
      const file = written('w.csv', 'Day;ln;Sick\n02.11.2026;7,2;\n03.11.2026;4;maybe\n');
      expect(problems(file, () => readWellness(file, { columns: { date: 'Day', hrv: 'ln', ill: 'Sick' }, hrv: 'lnRmssd' }))).toEqual([
        'FILE:2:2: ln: lnRMSSD 7.2 is outside what a body shows (1–6.5)',
        'FILE:3:3: Sick: "maybe" is not yes or no (yes, no, true, false, 1, 0, x or empty)',
      ]);
    });

    it('should locate a row after a comment over several lines at the line the row starts on', () => {
      const file = written('w.csv', 'date,restingHR,comments\n2026-11-02,50,"tired,\nslept badly"\n2026-11-03,300,\n');
      expect(problems(file, () => readWellness(file, undefined))).toEqual(['FILE:4:2: restingHR: 300 bpm is not a resting heart rate (25–120 bpm)']);
    });

    it('should list the first 20 problems of a file and say how many more there are', () => {
      const rows = Array.from({ length: 25 }, (_, day) => `2026-10-${String(day + 1).padStart(2, '0')},200`);
      const file = written('w.csv', ['date,restingHR', ...rows].join('\n'));
      const listed = problems(file, () => readWellness(file, undefined));
      expect(listed).toHaveLength(21);
      expect(listed[19]).toBe('FILE:21:2: restingHR: 200 bpm is not a resting heart rate (25–120 bpm)');
      expect(listed[20]).toBe('FILE:22:2: (document): and 5 more problems from here on (the first 20 are listed)');
    });

    it('should name the columns found and the formats known when it knows neither the header nor a mapping', () => {
      const file = written('w.csv', 'Day,Pulse,Mood\n2026-11-02,50,good\n');
      expect(problems(file, () => readWellness(file, undefined))).toEqual([
        "FILE:1:1: header: not a wellness export this reads: the header has: Day, Pulse, Mood. Known are intervals.icu's (date or id, restingHR, hrv, sleepSecs, sleepScore) and HRV4Training's (timestamp_measurement or date, HR, rMSSD, sleep_time); for another, map its columns in the athlete file (data.wellness.columns)",
      ]);
      expect(problems(file, () => readWellness(file, { columns: { date: 'Day', restingHr: 'RHR' } }))).toEqual([
        'FILE:1:1: header: no column "RHR" (data.wellness.columns.restingHr names it); the header has: Day, Pulse, Mood',
      ]);
    });

    it('should refuse a file it cannot read, an empty one, and a quote never closed', () => {
      const missing = join(temporaryFolder(), 'none.csv');
      expect(problems(missing, () => readWellness(missing, undefined))).toEqual(['FILE:1:1: (document): no such file']);
      const empty = written('w.csv', '\n\n');
      expect(problems(empty, () => readWellness(empty, undefined))).toEqual(['FILE:1:1: header: the file is empty: no header']);
      const open = written('w.csv', 'date,restingHR\n2026-11-02,"52\n2026-11-03,50\n');
      expect(problems(open, () => readWellness(open, undefined))).toEqual(['FILE:2:1: (document): CSV: the parsing is finished with an opening quote']);
      const shifted = written('w.csv', 'date,restingHR\n2026-11-02,52,4\n');
      expect(problems(shifted, () => readWellness(shifted, undefined))).toEqual(["FILE:2:3: (document): 3 cells where the header has 2: a value with an unquoted ',' in it?"]);
    });
  });
});

/** LT1 148 bpm and 10.3 km/h (5:50/km), LT2 168 bpm and 12.2 km/h (4:55/km). */
const ZONES: ZoneAnchors = { lt1Hr: 148, lt2Hr: 168, lt1Speed: 10.3, lt2Speed: 12.2 };
const BY_PACE: ZoneAnchors = { ...ZONES, lt1Hr: null, lt2Hr: null };

describe(readActivities, () => {
  describe("having intervals.icu's activities export", () => {
    const file = join(FIXTURES, 'intervals-icu-activities.csv');

    it('should put each run wholly in the zone of its average heart rate, with its RPE, and leave out what is not a run', () => {
      const record = readActivities(file, ZONES, undefined);
      expect(record.activities).toEqual([
        { date: '2026-11-02', start: '2026-11-02T07:05', name: 'Easy run', minutes: 45, z1Minutes: 45, z2Minutes: 0, z3Minutes: 0, rpe: 3, zonesBy: 'average heart rate', source: `${file}:2` },
        { date: '2026-11-03', start: '2026-11-03T17:30', name: 'Threshold 3x10', minutes: 60, z1Minutes: 0, z2Minutes: 60, z3Minutes: 0, rpe: 7, zonesBy: 'average heart rate', source: `${file}:3` },
        // No heart rate: by its average pace, 3.33 m/s = 12.0 km/h, between LT1 and LT2.
        { date: '2026-11-05', start: '2026-11-05T06:40', name: 'Treadmill', minutes: 30, z1Minutes: 0, z2Minutes: 30, z3Minutes: 0, rpe: NaN, zonesBy: 'average pace', source: `${file}:5` },
        { date: '2026-11-07', start: '2026-11-07T09:00', name: 'Hills, long', minutes: 90, z1Minutes: 0, z2Minutes: 0, z3Minutes: 90, rpe: 8, zonesBy: 'average heart rate', source: `${file}:7` },
      ]);
      expect(record.notes).toEqual(['2 activities that are not runs left out: 1 Ride, 1 WeightTraining', '4 runs zoned by their average heart rate or pace: all in one zone, so an interval session reads as its average — a FIT file gives the time in each zone']);
    });

    it("should zone by average pace when LT1's and LT2's heart rates are not known", () => {
      const record = readActivities(file, BY_PACE, undefined);
      expect(record.activities.map((run) => [run.name, run.z1Minutes, run.z2Minutes, run.z3Minutes, run.zonesBy])).toEqual([
        ['Easy run', 45, 0, 0, 'average pace'],
        ['Threshold 3x10', 0, 60, 0, 'average pace'],
        ['Treadmill', 0, 30, 0, 'average pace'],
        ['Hills, long', 90, 0, 0, 'average pace'],
      ]);
    });

    it('should leave out a run with neither heart rate nor distance, and read an RPE of 0 as not given', () => {
      const file = written('a.csv', 'start_date_local,type,name,moving_time,distance,average_heartrate,icu_rpe\n2026-11-02T07:00:00,Run,Strides,600,,,\n2026-11-03T07:00:00,Run,Easy,3000,8000,,0\n');
      const record = readActivities(file, ZONES, undefined);
      // 8 km in 50 min: 9.6 km/h, below LT1.
      expect(record.activities.map((run) => [run.name, run.z1Minutes, run.rpe, run.zonesBy])).toEqual([['Easy', 50, NaN, 'average pace']]);
      expect(record.notes).toEqual([`${file}: 1 run with neither heart rate (or no LT heart rates known) nor distance left out: no zone can be told`, '1 RPE of 0 read as not given', '1 run zoned by its average heart rate or pace: all in one zone, so an interval session reads as its average — a FIT file gives the time in each zone']);
    });

    it('should locate what it cannot read, and name the columns of a file it does not know', () => {
      const bad = written(
        'a.csv',
        'start_date_local,type,moving_time,average_heartrate,icu_rpe\n2026-11-02T07:00:00,Run,3600,250,12\n2026-11-03,Run,long,140,\n',
      );
      expect(problems(bad, () => readActivities(bad, ZONES, undefined))).toEqual([
        'FILE:2:4: average_heartrate: 250 is not an average heart rate in bpm (30–230)',
        "FILE:2:5: icu_rpe: 12 is not intervals.icu's RPE (1–10)",
        'FILE:3:1: start_date_local: "2026-11-03" has no time of day: a run\'s start is a date-time',
        'FILE:3:3: moving_time: "long" is not a number',
      ]);
      const unknown = written('b.csv', 'Date,Sport,Duration\n2026-11-02,Run,45\n');
      expect(problems(unknown, () => readActivities(unknown, ZONES, undefined))).toEqual([
        "FILE:1:1: header: not an activities export this reads: the header has: Date, Sport, Duration. Known is intervals.icu's activities CSV (start_date_local, type, moving_time, distance, average_speed, average_heartrate, icu_rpe…)",
      ]);
    });
  });

  describe('having FIT activity files', () => {
    it('should count each record its time to the next in the zone of its heart rate, a pause not at all', () => {
      const record = readActivities(written('run.fit', intervalsFit()), ZONES, undefined);
      expect(record.activities).toHaveLength(1);
      const run = record.activities[0]!;
      // 60 s below LT1, 60 s between, 30 s above; a 60-s pause; 60 s below again.
      expect([run.z1Minutes, run.z2Minutes, run.z3Minutes]).toEqual([2, 1, 0.5]);
      expect(run.minutes).toBe(3.5);
      expect(run.zonesBy).toBe('heart rate');
      expect(run.rpe).toBe(7);
      expect(run.name).toBe('run');
      // Its own local time: 05:45 UTC at +01:00.
      expect([run.date, run.start]).toEqual(['2026-11-02', '2026-11-02T06:45']);
      expect(record.notes).toEqual([]);
    });

    it("should count by the records' speed when the heart rates of LT1 and LT2 are not known", () => {
      const run = readActivities(written('run.fit', intervalsFit()), BY_PACE, undefined).activities[0]!;
      expect([run.z1Minutes, run.z2Minutes, run.z3Minutes]).toEqual([2, 1, 0.5]);
      expect(run.zonesBy).toBe('pace');
    });

    it(`should not count a gap of more than ${MAX_RECORD_GAP_SECONDS} s between records, and count one up to it`, () => {
      const records = [0, 1, 2, 12, 23].map((second) => ({ second, heartRate: 140, speed: 2.5 }));
      const run = readActivities(written('gaps.fit', activityFit({ records })), ZONES, undefined).activities[0]!;
      // 1 + 1 + 10 s counted; the 11-s gap from 12 to 23 is a pause.
      expect(run.z1Minutes * 60).toBeCloseTo(12, 9);
      expect(run.z2Minutes + run.z3Minutes).toBe(0);
    });

    it('should date a file without its own local time in data.timeZone, else in UTC with a note', () => {
      const late = activityFit({ start: '2026-11-01T23:30:00Z', localOffsetHours: null, workoutRpe: null });
      const inOslo = readActivities(written('late.fit', late), ZONES, 'Europe/Oslo');
      expect(inOslo.activities.map((run) => [run.date, run.start, run.rpe])).toEqual([['2026-11-02', '2026-11-02T00:30', NaN]]);
      const file = written('late.fit', late);
      const inUtc = readActivities(file, ZONES, undefined);
      expect(inUtc.activities.map((run) => run.start)).toEqual(['2026-11-01T23:30']);
      expect(inUtc.notes).toEqual([`${file}: no local time in the file and no data.timeZone: its start is in UTC`]);
    });

    it('should leave out of the zones the time of records without heart rate, and say how much', () => {
      const records = [0, 1, 2, 3, 4, 5, 6].map((second) => ({ second, speed: 2.5, ...(second < 3 ? { heartRate: 150 } : {}) }));
      const file = written('strap.fit', activityFit({ records }));
      const record = readActivities(file, ZONES, undefined);
      expect(record.activities.map((run) => [run.z1Minutes, run.z2Minutes * 60, run.z3Minutes])).toEqual([[0, 3, 0]]);
      expect(record.notes).toEqual([`${file}: 0.1 min without heart rate left out of the zones`]);
    });

    it("should put a session without records wholly in the zone of its average, and read a watch's RPE of 0 as not given", () => {
      const file = written('manual.fit', activityFit({ records: [], average: { heartRate: 172, speed: 3.4 }, workoutRpe: 0 }));
      const record = readActivities(file, ZONES, undefined);
      expect(record.activities.map((run) => [run.minutes, run.z3Minutes, run.zonesBy, run.rpe])).toEqual([[40, 40, 'average heart rate', NaN]]);
      expect(readActivities(file, BY_PACE, undefined).activities.map((run) => [run.z3Minutes, run.zonesBy])).toEqual([[40, 'average pace']]);
      expect(record.notes).toEqual(['1 RPE of 0 read as not given', '1 run zoned by its average heart rate or pace: all in one zone, so an interval session reads as its average — a FIT file gives the time in each zone']);
    });

    it("should read a multisport file's run from its own records and leave out its ride", () => {
      const start = new Date('2026-11-02T05:45:00Z');
      const at = (second: number) => new Date(start.getTime() + second * 1000);
      const encoder = new Encoder();
      const fileId: FileIdMesg = { type: 'activity', manufacturer: 'development', product: 0, serialNumber: 1, timeCreated: start };
      encoder.onMesg(Profile.MesgNum.FILE_ID!, fileId);
      for (let second = 0; second <= 100; second++) {
        // The run at 160 bpm (zone 2) to second 40, the ride at 120 bpm from second 60.
        if (second > 40 && second < 60) continue;
        const record: RecordMesg = { timestamp: at(second), heartRate: second <= 40 ? 160 : 120, enhancedSpeed: 3 };
        encoder.onMesg(Profile.MesgNum.RECORD!, record);
      }
      const run: SessionMesg = { messageIndex: 0, timestamp: at(40), startTime: at(0), totalElapsedTime: 40, totalTimerTime: 40, sport: 'running' };
      const ride: SessionMesg = { messageIndex: 1, timestamp: at(100), startTime: at(60), totalElapsedTime: 40, totalTimerTime: 40, sport: 'cycling' };
      encoder.onMesg(Profile.MesgNum.SESSION!, run);
      encoder.onMesg(Profile.MesgNum.SESSION!, ride);
      const record = readActivities(written('brick.fit', encoder.close()), ZONES, 'Europe/Oslo');
      expect(record.activities.map((a) => [a.start, a.z1Minutes, a.z2Minutes * 60, a.z3Minutes])).toEqual([['2026-11-02T06:45', 0, 40, 0]]);
      expect(record.notes).toEqual(['1 activity that is not a run left out: 1 cycling']);
    });

    it('should leave out a ride, counted by its sport', () => {
      const record = readActivities(written('ride.fit', activityFit({ sport: 'cycling' })), ZONES, undefined);
      expect(record.activities).toEqual([]);
      expect(record.notes).toEqual(['1 activity that is not a run left out: 1 cycling']);
    });

    it('should locate a damaged file, one cut off, and one that is no FIT file', () => {
      const bytes = intervalsFit();
      const damaged = Uint8Array.from(bytes);
      damaged[60] = damaged[60]! ^ 0xff;
      const corrupt = written('corrupt.fit', damaged);
      expect(problems(corrupt, () => readActivities(corrupt, ZONES, undefined))).toEqual([
        'FILE:1:1: (document): a damaged FIT file: its size or CRC check fails (cut off or changed in the copy?)',
      ]);
      const cut = written('cut.fit', bytes.subarray(0, bytes.length - 100));
      expect(problems(cut, () => readActivities(cut, ZONES, undefined))).toEqual([
        'FILE:1:1: (document): a damaged FIT file: its size or CRC check fails (cut off or changed in the copy?)',
      ]);
      const text = written('notes.fit', 'ran 10 k this morning');
      expect(problems(text, () => readActivities(text, ZONES, undefined))).toEqual(['FILE:1:1: (document): not a FIT file (no FIT header)']);
    });
  });

  describe('having a folder', () => {
    it('should read its .fit and .csv files in name order, keep a run found in both once (from its records), and say what it left out', () => {
      const folder = temporaryFolder();
      writeFileSync(join(folder, 'b-run.fit'), intervalsFit());
      writeFileSync(join(folder, 'a-icu.csv'), 'start_date_local,type,name,moving_time,average_heartrate\n2026-11-02T06:45:00,Run,Morning run,210,150\n2026-11-04T18:00:00,Run,Evening,1800,140\n');
      writeFileSync(join(folder, 'readme.txt'), 'my runs');
      mkdirSync(join(folder, 'old'));
      const record = readActivities(folder, ZONES, undefined);
      expect(record.activities.map((run) => [run.start, run.zonesBy, run.source])).toEqual([
        ['2026-11-02T06:45', 'heart rate', join(folder, 'b-run.fit')],
        ['2026-11-04T18:00', 'average heart rate', `${join(folder, 'a-icu.csv')}:3`],
      ]);
      expect(record.notes).toEqual([`2 other files in ${folder} left out (only .fit and .csv are read)`, '1 run found twice (the same start): kept once, from its records where a file has them', '1 run zoned by its average heart rate or pace: all in one zone, so an interval session reads as its average — a FIT file gives the time in each zone']);
    });

    it('should report every file’s problems at once, and an empty folder', () => {
      const folder = temporaryFolder();
      writeFileSync(join(folder, 'a.fit'), 'nonsense');
      writeFileSync(join(folder, 'b.csv'), 'start_date_local,type,moving_time\n2026-11-02T06:45:00,Run,-5\n');
      expect(problems(folder, () => readActivities(folder, ZONES, undefined))).toEqual([
        'FILE/a.fit:1:1: (document): not a FIT file (no FIT header)',
        "FILE/b.csv:2:3: moving_time: -5 is not a run's moving time in seconds (1–86400)",
      ]);
      const empty = temporaryFolder();
      expect(problems(empty, () => readActivities(empty, ZONES, undefined))).toEqual(['FILE:1:1: (document): no .fit or .csv file in the folder']);
    });
  });
});

describe('the athlete file’s data', () => {
  const athlete = (data: string) =>
    `name: A\nlevel: recreational\nknows: { lt2: { pace: "4:55" } }\nweeklyHours: 5\ndesign: polarized\ndata:\n${data}`;
  const check = (text: string) => {
    const doc = LocatedDocument.parse(text, 'athlete.yaml');
    const parsed = AthleteFile.safeParse(doc.toJS());
    return parsed.success ? parsed.data : zodProblems(parsed.error.issues, doc).map(formatProblem);
  };

  it('should take a time zone and a generic wellness mapping', () => {
    const read = check(athlete('  timeZone: Europe/Oslo\n  wellness:\n    columns: { date: Day, restingHr: RHR, hrv: rMSSD }\n    sleep: minutes\n'));
    expect(read).toMatchObject({ data: { timeZone: 'Europe/Oslo', wellness: { columns: { date: 'Day', restingHr: 'RHR', hrv: 'rMSSD' }, sleep: 'minutes' } } });
  });

  it('should locate a zone that is not an IANA name, a mapping without a marker, and a misspelt key', () => {
    expect(check(athlete('  timeZone: Europe/Olso\n  wellness:\n    columns: { date: Day }\n    hrv: ms\n'))).toEqual([
      'athlete.yaml:7:13: data.timeZone: an IANA time zone, e.g. Europe/Oslo or America/New_York',
      'athlete.yaml:9:14: data.wellness.columns: name the date and at least one marker: restingHr, hrv, sleep, sleepScore or ill',
      'athlete.yaml:10:10: data.wellness.hrv: unknown hrv "ms" (expected rmssd or lnRmssd)',
    ]);
    expect(check(athlete('  timezone: Europe/Oslo\n'))).toEqual(['athlete.yaml:7:3: data: unknown key "timezone"']);
  });
});

// ————— FIT activity files, built with Garmin's SDK as a watch writes them —————

interface FitRecord {
  second: number;
  heartRate?: number;
  speed?: number;
}

/**
 * A FIT activity file: file_id, the records (each at its second from `start`, with heart rate and
 * speed in m/s), a session of `sport` over them, and the activity message with the local time
 * (`localOffsetHours` ahead of UTC; null: none written).
 */
function activityFit(o: {
  records?: FitRecord[];
  sport?: SessionMesg['sport'];
  start?: string;
  localOffsetHours?: number | null;
  workoutRpe?: number | null;
  /** A session without records: 40 min at this average heart rate and speed (m/s). */
  average?: { heartRate: number; speed: number };
}): Uint8Array {
  const start = new Date(o.start ?? '2026-11-02T05:45:00Z');
  const records = o.records ?? [0, 1, 2, 3].map((second) => ({ second, heartRate: 140, speed: 2.5 }));
  const at = (second: number) => new Date(start.getTime() + second * 1000);
  const last = at(o.average === undefined ? records.at(-1)!.second : 2400);
  const encoder = new Encoder();
  const fileId: FileIdMesg = { type: 'activity', manufacturer: 'development', product: 0, serialNumber: 1, timeCreated: start };
  encoder.onMesg(Profile.MesgNum.FILE_ID!, fileId);
  for (const record of records) {
    const mesg: RecordMesg = { timestamp: at(record.second), ...(record.heartRate === undefined ? {} : { heartRate: record.heartRate }), ...(record.speed === undefined ? {} : { enhancedSpeed: record.speed }) };
    encoder.onMesg(Profile.MesgNum.RECORD!, mesg);
  }
  const timer = records.reduce((sum, record, i) => {
    const gap = i + 1 < records.length ? records[i + 1]!.second - record.second : 0;
    return sum + (gap <= MAX_RECORD_GAP_SECONDS ? gap : 0);
  }, 0);
  const session: SessionMesg = {
    messageIndex: 0,
    timestamp: last,
    startTime: start,
    totalElapsedTime: o.average === undefined ? records.at(-1)!.second : 2400,
    totalTimerTime: o.average === undefined ? timer : 2400,
    ...(o.average === undefined ? {} : { avgHeartRate: o.average.heartRate, enhancedAvgSpeed: o.average.speed }),
    sport: o.sport ?? 'running',
    subSport: 'generic',
    ...(o.workoutRpe === null ? {} : { workoutRpe: o.workoutRpe ?? 70 }),
  };
  encoder.onMesg(Profile.MesgNum.SESSION!, session);
  const offset = o.localOffsetHours === undefined ? 1 : o.localOffsetHours;
  const activity: ActivityMesg = {
    timestamp: last,
    numSessions: 1,
    type: 'manual',
    ...(offset === null ? {} : { localTimestamp: (last.getTime() - 631_065_600_000) / 1000 + offset * 3600 }),
  };
  encoder.onMesg(Profile.MesgNum.ACTIVITY!, activity);
  return encoder.close();
}

/**
 * A run of intervals, every second recorded: 60 s at 140 bpm and 2.5 m/s (9 km/h, zone 1), 60 s at
 * 155 bpm and 3.0 m/s (10.8 km/h, zone 2), 30 s at 170 bpm and 3.5 m/s (12.6 km/h, zone 3), the
 * watch paused for 60 s, then 60 s at 140 bpm and 2.5 m/s.
 */
function intervalsFit(): Uint8Array {
  const records: FitRecord[] = [];
  for (let second = 0; second <= 150; second++) {
    const zone = second < 60 ? 1 : second < 120 ? 2 : 3;
    records.push({ second, heartRate: [140, 155, 170][zone - 1]!, speed: [2.5, 3.0, 3.5][zone - 1]! });
  }
  for (let second = 210; second <= 270; second++) records.push({ second, heartRate: 140, speed: 2.5 });
  return activityFit({ records });
}
