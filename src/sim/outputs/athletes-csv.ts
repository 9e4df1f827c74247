import type { AthleteTraits } from '../population.ts';
import { ARM, TEST, TEST_COUNT, type AthleteResults } from '../results.ts';
import type { AthleteSink } from '../runner.ts';
import type { RunSpec } from '../scenario/prepare.ts';
import { field, fixed } from './format.ts';
import type { TextSink } from './stage.ts';

const TESTS = [
  ['vo2max', TEST.vo2max, 2],
  ['lt1Speed', TEST.lt1Speed, 3],
  ['lt2Speed', TEST.lt2Speed, 3],
  ['timeTrial', TEST.timeTrialMinutes, 3],
  ['peakSpeed', TEST.peakSpeed, 3],
] as const;
const CHANGES = [
  ['vo2maxPct', TEST.vo2max],
  ['lt2SpeedPct', TEST.lt2Speed],
  ['timeTrialPct', TEST.timeTrialMinutes],
  ['peakSpeedPct', TEST.peakSpeed],
] as const;

/**
 * athletes.csv: one row per athlete × arm. Measured test values before and after (with test error),
 * changes as a trial would report them, the true (noise-free) changes, markers, what was done,
 * and — in the last columns, for researchers — the athlete's hidden responsiveness.
 */
export const ATHLETE_COLUMNS = [
  'athlete', 'id', 'replicate', 'arm', 'level', 'sex', 'age', 'bodyMass', 'habitualHours', 'trainingYears', 'hrMax',
  ...TESTS.flatMap(([name]) => [`${name}Pre`, `${name}Post`]),
  ...CHANGES.map(([name]) => name),
  ...CHANGES.map(([name]) => name.replace(/Pct$/, 'TruePct')),
  'restingHrPre', 'restingHrPost', 'restingHrDelta', 'lnRmssdPre', 'lnRmssdPost', 'lnRmssdDelta',
  'z1Minutes', 'z2Minutes', 'z3Minutes', 'sessions', 'hardSessions', 'missedSessions', 'illnessDays', 'sessionRpeLoad',
  'injuries', 'injuryDaysLost', 'overreached',
  'responsivenessCentral', 'responsivenessPeripheral', 'responsivenessBase',
];

export class AthletesCsv implements AthleteSink {
  constructor(
    private readonly file: TextSink,
    private readonly spec: RunSpec,
  ) {
    file.write(`${ATHLETE_COLUMNS.join(',')}\n`);
  }

  athlete(traits: AthleteTraits, results: AthleteResults): void {
    let rows = '';
    this.spec.arms.forEach((arm, a) => {
      const cells: string[] = [
        String(traits.index), field(traits.id), String(traits.replicate), field(arm.id), traits.level, traits.female ? 'F' : 'M',
        fixed(traits.age, 1), fixed(traits.bodyMass, 1), fixed(traits.weeklyHours, 2), fixed(traits.trainingYears, 1), fixed(traits.hrMax, 0),
      ];
      for (const [, test, decimals] of TESTS) {
        cells.push(fixed(results.baselineMeasured[test]!, decimals), fixed(results.finalMeasured[a * TEST_COUNT + test]!, decimals));
      }
      for (const [, test] of CHANGES) cells.push(fixed(results.changePct(a, test, false), 3));
      for (const [, test] of CHANGES) cells.push(fixed(results.changePct(a, test, true), 3));
      const restingHr = results.get(a, ARM.finalWeekRestingHr);
      const lnRmssd = results.get(a, ARM.finalWeekLnRmssd);
      cells.push(
        fixed(results.baselineRestingHr, 2), fixed(restingHr, 2), fixed(restingHr - results.baselineRestingHr, 2),
        fixed(results.baselineLnRmssd, 3), fixed(lnRmssd, 3), fixed(lnRmssd - results.baselineLnRmssd, 3),
        fixed(results.get(a, ARM.z1Minutes), 1), fixed(results.get(a, ARM.z2Minutes), 1), fixed(results.get(a, ARM.z3Minutes), 1),
        String(results.get(a, ARM.sessions)), String(results.get(a, ARM.hardSessions)), String(results.get(a, ARM.missedSessions)),
        String(results.get(a, ARM.illnessDays)), fixed(results.get(a, ARM.sessionRpeLoad), 0),
        String(results.get(a, ARM.injuries)), String(results.get(a, ARM.injuryDaysLost)), results.get(a, ARM.overreachingEpisodes) > 0 ? '1' : '0',
        fixed(traits.responsivenessCentral, 4), fixed(traits.responsivenessPeripheral, 4), fixed(traits.responsivenessBase, 4),
      );
      rows += `${cells.join(',')}\n`;
    });
    this.file.write(rows);
  }
}
