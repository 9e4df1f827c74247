import { Encoder, Profile, type FileIdMesg, type WorkoutMesg, type WorkoutStepMesg } from '@garmin/fitsdk';
import { stepGroups, type PlannedSession, type PlannedStep } from '../sim/athlete/plan.ts';

/**
 * How far an effort's pace target reaches either side of its pace, s/km: a watch alarms outside it,
 * and a band of ±5 s/km is what coaches write for reps ("3:46–3:56") without alarming on every
 * stride. Easy running (zone 1) gets no pace band — a watch beeping through an hour's easy run is
 * not a coach's intent — but a heart-rate ceiling at LT1's heart rate where the athlete file gives it.
 */
const PACE_BAND_SECONDS = 5;

/** The longest step name a watch shows in full (the FIT profile's string is free; Garmin devices cut at 15). */
const STEP_NAME_LENGTH = 15;

/** A label within STEP_NAME_LENGTH, cut at a word: "4 min at 97 % vVO2max" → "4 min at 97 %". */
function shortName(label: string): string {
  if (label.length <= STEP_NAME_LENGTH) return label;
  const cut = label.lastIndexOf(' ', STEP_NAME_LENGTH);
  return label.slice(0, cut > 0 ? cut : STEP_NAME_LENGTH);
}

/**
 * One session as a FIT workout file, encoded by Garmin's FIT SDK (`@garmin/fitsdk`): a workout of
 * running steps, each of a time or a distance with a speed target — its pace ± 5 s/km — or none
 * for the recoveries between efforts; a repeated set as its steps and a repeat step back to the
 * first. Loaded onto a Garmin watch (or through Garmin Connect, intervals.icu) it runs as written.
 * `created`: the file's time of creation, its own for each session (from the session's date, so the
 * same plan writes the same bytes); `easyHrCeiling`: LT1's heart rate, the ceiling of easy steps, or null.
 */
export function sessionFit(session: PlannedSession, created: Date, easyHrCeiling: number | null): Uint8Array {
  const encoder = new Encoder();
  // A file is known by its serial number and time of creation: each session's is its own.
  const fileId: FileIdMesg = { manufacturer: 'development', product: 0, serialNumber: 1, timeCreated: created, type: 'workout' };
  encoder.onMesg(Profile.MesgNum.FILE_ID!, fileId);
  const steps: WorkoutStepMesg[] = [];
  for (const group of stepGroups(session.steps)) {
    const first = steps.length;
    for (const step of group) steps.push(fitStep(step, easyHrCeiling));
    if (group[0]!.times > 1) steps.push({ durationType: 'repeatUntilStepsCmplt', durationValue: first, targetType: 'open', targetValue: group[0]!.times });
  }
  const workout: WorkoutMesg = { wktName: session.name, sport: 'running', subSport: 'generic', numValidSteps: steps.length };
  encoder.onMesg(Profile.MesgNum.WORKOUT!, workout);
  steps.forEach((step, messageIndex) => encoder.onMesg(Profile.MesgNum.WORKOUT_STEP!, { messageIndex, ...step } satisfies WorkoutStepMesg));
  return encoder.close();
}

/**
 * A step's WORKOUT_STEP fields, in the profile's raw units (the encoder takes main fields only:
 * a time in ms, a distance in cm, a speed in mm/s).
 */
function fitStep(step: PlannedStep, easyHrCeiling: number | null): WorkoutStepMesg {
  const duration: WorkoutStepMesg =
    step.minutes !== null ? { durationType: 'time', durationValue: Math.round(step.minutes * 60_000) } : { durationType: 'distance', durationValue: Math.round(step.km! * 100_000) };
  const intensity = step.label === 'warm-up' ? 'warmup' : step.label === 'cool-down' ? 'cooldown' : step.between ? 'recovery' : 'active';
  const name = shortName(step.label);
  if (step.between) return { wktStepName: name, ...duration, targetType: 'open', intensity };
  // FIT's custom heart-rate targets are bpm + 100 (0–100 are % of HRmax).
  if (step.zone === 1) {
    return easyHrCeiling === null
      ? { wktStepName: name, ...duration, targetType: 'open', intensity }
      : { wktStepName: name, ...duration, targetType: 'heartRate', targetValue: 0, customTargetValueLow: 100 + 60, customTargetValueHigh: 100 + easyHrCeiling, intensity };
  }
  // Speed at a pace `seconds` per km slower (+) or faster (−), m/s × 1000.
  const at = (seconds: number) => Math.round((1000 / (3600 / step.speed + seconds)) * 1000);
  return { wktStepName: name, ...duration, targetType: 'speed', targetValue: 0, customTargetValueLow: at(PACE_BAND_SECONDS), customTargetValueHigh: at(-PACE_BAND_SECONDS), intensity };
}
