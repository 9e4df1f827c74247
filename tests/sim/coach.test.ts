import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import type { Activity } from '../../src/sim/athlete/activities.ts';
import { BASELINE_DAYS, coachAthlete, type CoachInput } from '../../src/sim/athlete/coach.ts';
import { EXAMPLE_DAYS, EXAMPLE_FROM, EXAMPLE_TIME_ZONE, exampleData } from '../../src/sim/athlete/example-data.ts';
import { readActivities } from '../../src/sim/athlete/activities.ts';
import { readWellness } from '../../src/sim/athlete/wellness.ts';
import { loadAthlete } from '../../src/sim/athlete/load.ts';
import { addDays } from '../../src/models/calendar.ts';
import { planAthlete } from '../../src/sim/athlete/plan.ts';
import type { Morning } from '../../src/sim/athlete/wellness.ts';
import { ScenarioLoader } from '../../src/sim/scenario/loader.ts';
import { ScenarioRunner } from '../../src/sim/runner.ts';
import { cli, temporaryFolder } from '../helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const EXAMPLE = join(ROOT, 'examples/athlete.yaml');
const container = createContainer();
const loader = container.get(ScenarioLoader);
const parts = container.get(ScenarioRunner).engineParts;
const FROM = '2026-12-07';
const loaded = loadAthlete(EXAMPLE, loader, { from: FROM, weeks: null });
const plan = planAthlete(loaded, FROM, loader.parameters, loader.catalogue);

/** Mornings from `first` to `last`, lnRMSSD from `hrv(date, i)` (steady otherwise). */
function mornings(first: string, last: string, hrv: (date: string, i: number) => number = (_date, i) => 4.2 + (i % 2 === 0 ? 0.08 : -0.08)): Morning[] {
  const out: Morning[] = [];
  for (let i = 0, date = first; date <= last; i++, date = addDays(date, 1)) {
    out.push({ date, restingHr: 50 + (i % 3), lnRmssd: hrv(date, i), sleepHours: 7.5, sleepScore: Number.NaN, ill: false });
  }
  return out;
}

/** The plan's sessions run as written, up to the day before `today`. */
function runsAsPlanned(today: string): Activity[] {
  return plan
    .flatMap((week) => week.sessions)
    .filter((session) => session.date < today)
    .map((session) => ({
      date: session.date,
      start: `${session.date}T07:00`,
      name: session.name,
      minutes: session.minutes,
      z1Minutes: session.z1Minutes,
      z2Minutes: session.z2Minutes,
      z3Minutes: session.z3Minutes,
      rpe: session.z3Minutes + session.z2Minutes > 10 ? 7 : 3,
      zonesBy: 'heart rate' as const,
      source: 'test',
    }));
}

const replay = (input: Partial<CoachInput> & { today: string }) => coachAthlete({ loaded, from: FROM, mornings: [], activities: [], ...input }, loader.parameters, loader.catalogue, parts);

/** The first day of week `week` with a hard session planned (time above LT1 in its main set). */
function hardDayOf(week: number): string {
  return plan[week - 1]!.sessions.find((session) => session.z2Minutes + session.z3Minutes > 10)!.date;
}

describe('periodize coach: the athlete\'s own data through the adaptive engine', () => {
  it('should keep the plan when the mornings sit inside their band, and change today\'s hard session when the 7-day HRV falls out of it', () => {
    const today = hardDayOf(4);
    const baselineStart = addDays(FROM, -28);
    const steady = replay({ today, mornings: mornings(baselineStart, today), activities: runsAsPlanned(today) });
    expect(steady.adaptive).toBe(true);
    expect(steady.today.changes).toEqual([]);
    expect(steady.today.planned.some((name) => !/^Easy|^Long|^Recovery/.test(name))).toBe(true);
    // The last 7 mornings well below the 4-week baseline (4.2 ± 0.08): the 7-day mean leaves the band.
    const low = mornings(baselineStart, today, (date, i) => (date > addDays(today, -7) ? 3.7 : 4.2 + (i % 2 === 0 ? 0.08 : -0.08)));
    const tired = replay({ today, mornings: low, activities: runsAsPlanned(today) });
    const applied = tired.today.changes.filter((change) => change.outcome === 'applied');
    expect(applied.map((change) => change.ruleId)).toEqual(['hrv-outside-band']);
    expect(applied[0]!.reason).toMatch(/HRV/);
    expect(tired.facts.find((fact) => fact.name === 'hrvMean7dOutsideBand')?.value).toBe('yes');
    // The coming week as the engine left it: today holds no hard session any more.
    const todays = tired.thisWeek.sessions.filter((session) => session.date === today);
    expect(todays.every((session) => session.z2Minutes + session.z3Minutes <= 10)).toBe(true);
    expect(steady.thisWeek.sessions.filter((session) => session.date === today).some((session) => session.z2Minutes + session.z3Minutes > 10)).toBe(true);
  });

  it('should read a morning without readings as missing, never as zero: no rule holds on facts it does not have', () => {
    const today = hardDayOf(3);
    const report = replay({ today, activities: runsAsPlanned(today) });
    expect(report.today.morning).toBeNull();
    expect(report.today.changes).toEqual([]);
    expect(report.facts.find((fact) => fact.name === 'hrvMean7dOutsideBand')?.value).toBe('missing');
    expect(report.notes.some((note) => note.includes('without a morning reading'))).toBe(true);
  });

  it('should count planned sessions not run as missed, runs without RPE by their zones, and classify a run the plan did not have', () => {
    const today = addDays(FROM, 14);
    const runs = runsAsPlanned(today);
    const dropped = runs.filter((_run, i) => i % 4 !== 0).map((run) => ({ ...run, rpe: Number.NaN }));
    const extra: Activity = { ...runs[0]!, date: addDays(FROM, 13), start: `${addDays(FROM, 13)}T18:00`, name: 'Track session', minutes: 50, z1Minutes: 30, z2Minutes: 5, z3Minutes: 15, rpe: 8 };
    const report = replay({ today, mornings: mornings(FROM, today), activities: [...dropped, extra] });
    const planDays = report.days.filter((day) => day.week > 0 && day.date < today);
    const plannedCount = planDays.reduce((sum, day) => sum + day.planned.length, 0);
    const doneCount = planDays.reduce((sum, day) => sum + day.done.length, 0);
    expect(doneCount).toBe(dropped.length + 1);
    // The replay planned what the plan holds (no rule changed these two weeks): every session not run is one missed.
    expect(plannedCount).toBe(runs.length);
    expect(report.notes.some((note) => note.startsWith(`${dropped.length} runs without a session RPE`))).toBe(true);
  });

  it('should start the record at most BASELINE_DAYS before the plan, and refuse a today outside the plan', () => {
    const today = addDays(FROM, 3);
    const report = replay({ today, mornings: mornings(addDays(FROM, -100), today) });
    expect(report.days[0]!.date).toBe(addDays(FROM, -BASELINE_DAYS));
    expect(report.days.at(-1)!.date).toBe(today);
    expect(report.notes.some((note) => note.includes('not read: the engine\'s baseline'))).toBe(true);
    expect(() => replay({ today: addDays(FROM, -1) })).toThrow(/is before the plan's first day/);
    expect(() => replay({ today: addDays(FROM, 14 * 7) })).toThrow(/is after the plan's last day/);
  });
});

describe('periodize coach on the command line, with the example data', () => {
  const DATA = join(ROOT, 'examples/data');

  it('should read each wellness export and either kind of activities, say today\'s decision, and write the coming sessions', async () => {
    const outputs = new Map<string, string>();
    for (const [wellness, activities] of [
      ['wellness-intervals-icu.csv', 'fit'],
      ['wellness-hrv4training.csv', 'activities-intervals-icu.csv'],
      ['wellness-generic.csv', 'activities-intervals-icu.csv'],
    ] as const) {
      const out = join(temporaryFolder(), 'coach');
      const result = await cli('coach', EXAMPLE, '--wellness', join(DATA, wellness), '--activities', join(DATA, activities), '--out', out, '--ics');
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^Anna Berg — Fri 2027-02-26: week 12 of 14 \(build, polarized\), rules hrv-swc$/m);
      expect(result.out).toContain('\nToday, Fri 2027-02-26 — morning: resting HR ');
      expect(result.out).toMatch(/\n {2}decision: /);
      expect(result.out).toContain('\nNext week (week 13, Mon 2027-03-01, taper)');
      expect(readdirSync(out).sort()).toEqual(['coach.json', 'manifest.json', 'plan.csv', 'plan.ics', 'plan.json']);
      const coach = JSON.parse(readFileSync(join(out, 'coach.json'), 'utf8')) as { today: string; days: { date: string; done: unknown[] }[] };
      expect(coach.today).toBe('2027-02-26');
      // From the plan's first day (the data begin there: no baseline before it) to today.
      expect(coach.days[0]!.date).toBe(FROM);
      expect(coach.days.at(-1)!.date).toBe('2027-02-26');
      outputs.set(wellness, readFileSync(join(out, 'plan.csv'), 'utf8'));
    }
    // The same mornings in three formats: the same decisions, the same coming sessions.
    expect(new Set(outputs.values()).size).toBe(1);
  });

  it('should stop at --date, and refuse a date outside the plan or a file it cannot read, writing nothing', async () => {
    const wellness = join(DATA, 'wellness-intervals-icu.csv');
    const activities = join(DATA, 'activities-intervals-icu.csv');
    const out = join(temporaryFolder(), 'coach');
    const earlier = await cli('coach', EXAMPLE, '--wellness', wellness, '--activities', activities, '--date', '2027-01-13', '--out', out);
    expect(earlier.code).toBe(0);
    expect(earlier.out).toContain('Today, Wed 2027-01-13');
    expect(earlier.out).toMatch(/note: \d+ mornings or runs after 2027-01-13 not read/);
    expect(await cli('coach', EXAMPLE, '--wellness', wellness, '--activities', activities, '--date', '2026-12-01', '--out', join(out, 'x'))).toEqual({
      code: 2,
      out: '',
      err: `periodize coach: --date: 2026-12-01 is before the plan's first day (2026-12-07), the plan starting as start: in ${EXAMPLE} says: give --from\n`,
    });
    const folder = temporaryFolder();
    const bad = join(folder, 'wellness.csv');
    writeFileSync(bad, 'date,restingHR,hrv,sleepSecs\n2027-01-04,52,45,27000\n2027-01-05,12,45,27000\n2027-01-06,50,abc,27000\n');
    const refused = await cli('coach', EXAMPLE, '--wellness', bad, '--activities', activities, '--out', join(folder, 'out'));
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toContain(`${bad}:3:2: restingHR: `);
    expect(refused.err).toContain(`${bad}:4:3: hrv: `);
    expect(readdirSync(folder)).toEqual(['wellness.csv']);
  });

  it('should hold the example data the simulator writes now (npm run examples after changing the model)', () => {
    const loaded14 = loadAthlete(EXAMPLE, loader, { from: EXAMPLE_FROM, weeks: null });
    const files = exampleData(loaded14, container.get(ScenarioRunner), EXAMPLE_FROM, EXAMPLE_TIME_ZONE);
    const committed = readdirSync(DATA, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(DATA, join(entry.parentPath, entry.name)))
      .sort();
    expect(committed).toEqual([...files.keys()].sort());
    for (const [name, bytes] of files) expect(Buffer.compare(readFileSync(join(DATA, name)), Buffer.from(bytes)), name).toBe(0);
  });
});

describe('periodize coach against the simulator: the same engine on the same mornings', () => {
  // The simulator's engine also has the baseline week before day 1 (days −6 … 0), which a coach's
  // data starting on the plan's first day do not: its windows (the 4-week baselines, the sleep
  // baseline a week before them) reach into it until day 36. From then on, the same decisions.
  const FIRST_COMPARABLE_DAY = 36;

  // (conservative-coach changes nothing in this athlete's twelve weeks: it would compare nothing.)
  it.each(['hrv-swc', 'multi-marker', 'hrv-kiviniemi'])(
    'should make the changes the simulator made, day by day, replaying its athlete\'s files with rules %s',
    (rules) => {
      const folder = temporaryFolder();
      const file = join(folder, 'athlete.yaml');
      writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace(/^rules: .*$/m, `rules: ${rules}`));
      const athlete = loadAthlete(file, loader, { from: FROM, weeks: null });
      const runner = container.get(ScenarioRunner);
      const simulated: string[] = [];
      runner.run(athlete.spec, {
        adjustments: { adjustment: (_traits, _arm, change) => void (change.day >= FIRST_COMPARABLE_DAY && change.day <= EXAMPLE_DAYS && simulated.push(`${change.day} ${change.ruleId} ${change.outcome}`)) },
      });
      for (const [name, bytes] of exampleData(athlete, runner, FROM, EXAMPLE_TIME_ZONE)) {
        mkdirSync(dirname(join(folder, name)), { recursive: true });
        writeFileSync(join(folder, name), bytes);
      }
      const known = athlete.known;
      const report = replay({
        loaded: athlete,
        today: addDays(FROM, EXAMPLE_DAYS - 1),
        mornings: readWellness(join(folder, 'wellness-generic.csv'), athlete.athlete.data!.wellness).mornings,
        activities: readActivities(join(folder, 'fit'), { lt1Hr: known.hr.lt1, lt2Hr: known.hr.lt2, lt1Speed: known.lt1Speed, lt2Speed: known.lt2Speed }, EXAMPLE_TIME_ZONE).activities,
      });
      const replayed = report.days.flatMap((day) => day.changes.filter((change) => change.day >= FIRST_COMPARABLE_DAY).map((change) => `${change.day} ${change.ruleId} ${change.outcome}`));
      expect(simulated.length).toBeGreaterThan(0);
      expect(replayed).toEqual(simulated);
    },
  );

  it('should not read a record of a few days as a recent illness (never ill is infinitely long ago)', () => {
    const folder = temporaryFolder();
    const file = join(folder, 'athlete.yaml');
    writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace(/^rules: .*$/m, 'rules: conservative-coach'));
    const athlete = loadAthlete(file, loader, { from: FROM, weeks: null });
    const today = hardDayOf(1);
    const report = replay({ loaded: athlete, today, mornings: mornings(FROM, today), activities: runsAsPlanned(today) });
    expect(report.days.flatMap((day) => day.changes).filter((change) => /ill/.test(change.reason))).toEqual([]);
    expect(report.facts.find((fact) => fact.name === 'daysSinceIllness')?.value).toBe('none on record');
  });
});
