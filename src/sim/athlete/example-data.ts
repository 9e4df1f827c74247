import { Encoder, Profile, type ActivityMesg, type FileIdMesg, type RecordMesg, type SessionMesg } from '@garmin/fitsdk';
import { DateTime } from 'luxon';
import type { ScenarioRunner } from '../runner.ts';
import { FIT_EPOCH_MS } from './activities.ts';
import type { DayRow } from '../simulator.ts';
import type { LoadedAthlete } from './load.ts';
import { addDays } from '../../models/calendar.ts';

/*
 * The example athlete's watch data (examples/data/, `npm run examples`): twelve weeks of a synthetic
 * athlete — the example athlete file simulated through its own plan by the simulator, adaptive rules
 * and all — written as the exports a coach would be sent: intervals.icu's wellness and activities
 * CSVs, HRV4Training's CSV, a generic CSV the athlete file maps, and a FIT activity file per run. So
 * that every command of the README runs offline on data that behaves like a body. Nothing here is a
 * real person's.
 */

/** The example athlete's plan start (examples/athlete.yaml, start) and the time zone her watch lives in (its data.timeZone). */
export const EXAMPLE_FROM = '2026-12-07';
export const EXAMPLE_TIME_ZONE = 'Europe/Oslo';

/** Days of data: eleven weeks and four days — runs to the Wednesday of week 12, mornings to its Thursday (today). */
export const EXAMPLE_DAYS = 82;

/** The FIT records' interval, s: a watch's "smart recording" writes every 1–10 s. */
const RECORD_SECONDS = 10;


/** One simulated day, as the files need it. */
interface Day {
  date: string;
  restingHr: number;
  lnRmssd: number;
  sleepHours: number;
  ill: boolean;
  z1: number;
  z2: number;
  z3: number;
  rpe: number;
}

/**
 * The example files, by path under examples/data/: the athlete simulated from `from` (seed 1, one
 * version) for EXAMPLE_DAYS days. The same athlete file and model write the same bytes.
 */
export function exampleData(loaded: LoadedAthlete, runner: ScenarioRunner, from: string, timeZone: string): Map<string, Uint8Array> {
  const days: Day[] = [];
  runner.run(loaded.spec, {
    days: {
      day(row: Readonly<DayRow>) {
        if (row.day < 1 || row.day > EXAMPLE_DAYS) return;
        const minutes = row.z1Minutes + row.z2Minutes + row.z3Minutes;
        days.push({
          date: addDays(from, row.day - 1),
          restingHr: row.restingHr,
          lnRmssd: row.lnRmssd,
          sleepHours: row.sleepHours,
          ill: row.ill,
          z1: row.z1Minutes,
          z2: row.z2Minutes,
          z3: row.z3Minutes,
          rpe: minutes > 0 ? row.sessionRpeLoad / minutes : Number.NaN,
        });
      },
    },
  });
  const files = new Map<string, Uint8Array>();
  const text = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
  const known = (value: number, digits: number) => (value === value ? value.toFixed(digits) : '');
  // intervals.icu's wellness export: a row a day, empty where nothing was measured.
  files.set(
    'wellness-intervals-icu.csv',
    text([
      'date,ctl,atl,rampRate,weight,restingHR,hrv,hrvSDNN,sleepSecs,sleepScore,sleepQuality,avgSleepingHR,soreness,fatigue,stress,mood,motivation,injury,spO2,readiness,comments',
      ...days.map((d) => `${d.date},,,,,${known(Math.round(d.restingHr), 0)},${known(Math.exp(d.lnRmssd), 1)},,${known(Math.round(d.sleepHours * 3600), 0)},,,,,,,,,,,,`),
    ]),
  );
  // HRV4Training (iPhone): a row per measurement, its local time with the offset.
  files.set(
    'wellness-hrv4training.csv',
    text([
      'timestamp_measurement,HR,AVNN,SDNN,rMSSD,pNN50,LF,HF,HRV4T_Recovery_Points',
      ...days
        .filter((d) => d.lnRmssd === d.lnRmssd)
        .map((d) => `${DateTime.fromISO(`${d.date}T06:45:00`, { zone: timeZone }).toISO({ suppressMilliseconds: true })},${Math.round(d.restingHr)},${(60000 / d.restingHr).toFixed(1)},-,${Math.exp(d.lnRmssd).toFixed(1)},-,-,-,-`),
    ]),
  );
  // A generic export (a spreadsheet the athlete keeps), mapped by the athlete file's data.wellness.
  files.set('wellness-generic.csv', text(['Day,RHR,rMSSD,Sleep,Sick', ...days.map((d) => `${d.date},${known(Math.round(d.restingHr), 0)},${known(Math.exp(d.lnRmssd), 1)},${known(d.sleepHours, 2)},${d.ill ? 'yes' : ''}`)]));

  const runs = days.slice(0, EXAMPLE_DAYS - 1).filter((d) => d.z1 + d.z2 + d.z3 > 0);
  const zones = zonesOf(loaded);
  const rows = ['id,start_date_local,name,type,moving_time,distance,elapsed_time,total_elevation_gain,max_speed,average_speed,has_heartrate,max_heartrate,average_heartrate,calories,icu_training_load,icu_rpe'];
  runs.forEach((d, i) => {
    const weekday = DateTime.fromISO(d.date, { zone: timeZone }).weekday;
    const start = DateTime.fromISO(`${d.date}T${weekday >= 6 ? '09:30' : '07:00'}:00`, { zone: timeZone });
    const segments = segmentsOf(d);
    const seconds = segments.reduce((sum, s) => sum + s.seconds, 0);
    const metres = segments.reduce((sum, s) => sum + (s.seconds * zones.speed[s.zone]!) / 3.6, 0);
    const heartRate = segments.reduce((sum, s) => sum + s.seconds * zones.hr[s.zone]!, 0) / seconds;
    const name = d.z3 > 0 ? 'Intervals' : d.z2 > 0 ? 'Tempo run' : seconds >= 90 * 60 ? 'Long run' : 'Easy run';
    const rpe = Math.min(10, Math.max(1, Math.round(d.rpe)));
    rows.push(
      `i${9000 + i},${start.toFormat("yyyy-MM-dd'T'HH:mm:ss")},${name},Run,${seconds},${Math.round(metres)},${seconds},0,${(Math.max(...segments.map((s) => zones.speed[s.zone]!)) / 3.6).toFixed(2)},${(metres / seconds).toFixed(3)},true,${Math.max(...segments.map((s) => zones.hr[s.zone]!))},${Math.round(heartRate)},,,${rpe}`,
    );
    files.set(`fit/${d.date}-${name.toLowerCase().replace(' ', '-')}.fit`, runFit(start.toUTC().toJSDate(), start.offset, segments, zones, rpe));
  });
  files.set('activities-intervals-icu.csv', text(rows));
  return files;
}

/** A stretch of a run in one zone (0, 1, 2), whole seconds. */
interface Segment {
  zone: number;
  seconds: number;
}

/**
 * A day's minutes per zone as a run is run: half its zone-1 time as a warm-up, the zone-2 time in
 * one piece, the zone-3 time in 4-min efforts with 2-min jogs from the zone-1 time between them, the
 * rest of zone 1 as the cool-down — each stretch rounded to the records' interval.
 */
function segmentsOf(d: Day): Segment[] {
  const round = (minutes: number) => Math.round((minutes * 60) / RECORD_SECONDS) * RECORD_SECONDS;
  const out: Segment[] = [];
  let z1 = round(d.z1);
  const push = (zone: number, seconds: number) => {
    if (seconds > 0) out.push({ zone, seconds });
  };
  const warmUp = d.z2 + d.z3 > 0 ? Math.min(z1, 15 * 60) : Math.round(z1 / 2 / RECORD_SECONDS) * RECORD_SECONDS;
  push(0, warmUp);
  z1 -= warmUp;
  push(1, round(d.z2));
  let z3 = round(d.z3);
  while (z3 > 0) {
    const effort = Math.min(z3, 240);
    push(2, effort);
    z3 -= effort;
    if (z3 > 0) {
      const jog = Math.min(z1, 120);
      push(0, jog);
      z1 -= jog;
    }
  }
  push(0, z1);
  return out;
}

/** Heart rate (bpm) and speed (km/h) of running in each zone, from the athlete file's anchors: well inside each zone. */
function zonesOf(loaded: LoadedAthlete): { hr: number[]; speed: number[] } {
  const { known } = loaded;
  const lt1 = known.hr.lt1!;
  const lt2 = known.hr.lt2!;
  return {
    hr: [lt1 - 12, Math.round((lt1 + lt2) / 2), lt2 + 6],
    speed: [0.9 * known.lt1Speed, (known.lt1Speed + known.lt2Speed) / 2, (known.lt2Speed + known.vVO2max) / 2],
  };
}

/** A run as a watch writes it (Garmin's FIT SDK): a record every RECORD_SECONDS with heart rate, speed and distance; the session with its RPE; the activity with its local time. */
function runFit(start: Date, offsetMinutes: number, segments: readonly Segment[], zones: { hr: number[]; speed: number[] }, rpe: number): Uint8Array {
  const encoder = new Encoder();
  const fileId: FileIdMesg = { type: 'activity', manufacturer: 'development', product: 0, serialNumber: 1, timeCreated: start };
  encoder.onMesg(Profile.MesgNum.FILE_ID!, fileId);
  let second = 0;
  let distance = 0;
  const at = (s: number) => new Date(start.getTime() + s * 1000);
  for (const segment of segments) {
    const speed = zones.speed[segment.zone]! / 3.6;
    for (let t = 0; t < segment.seconds; t += RECORD_SECONDS) {
      const record: RecordMesg = { timestamp: at(second), heartRate: zones.hr[segment.zone]!, enhancedSpeed: speed, distance };
      encoder.onMesg(Profile.MesgNum.RECORD!, record);
      second += RECORD_SECONDS;
      distance += speed * RECORD_SECONDS;
    }
  }
  const end = at(second);
  const record: RecordMesg = { timestamp: end, heartRate: zones.hr[segments.at(-1)!.zone]!, enhancedSpeed: 0, distance };
  encoder.onMesg(Profile.MesgNum.RECORD!, record);
  const session: SessionMesg = { messageIndex: 0, timestamp: end, startTime: start, totalElapsedTime: second, totalTimerTime: second, totalDistance: distance, sport: 'running', subSport: 'generic', workoutRpe: rpe * 10 };
  encoder.onMesg(Profile.MesgNum.SESSION!, session);
  const activity: ActivityMesg = { timestamp: end, numSessions: 1, type: 'manual', localTimestamp: (end.getTime() - FIT_EPOCH_MS) / 1000 + offsetMinutes * 60 };
  encoder.onMesg(Profile.MesgNum.ACTIVITY!, activity);
  return encoder.close();
}
