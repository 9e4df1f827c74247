import { readdirSync, readFileSync } from 'node:fs';
import { Decoder, Stream } from '@garmin/fitsdk';
import ICAL from 'ical.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planStart } from '../../src/cli/main.ts';
import { createContainer } from '../../src/composition-root.ts';
import { InputError } from '../../src/models/input/located.ts';
import { loadAthlete } from '../../src/sim/athlete/load.ts';
import { planAthlete } from '../../src/sim/athlete/plan.ts';
import { toRaceBlocks } from '../../src/engine/plan/constants.ts';
import { ScenarioLoader } from '../../src/sim/scenario/loader.ts';
import { ScenarioRunner } from '../../src/sim/runner.ts';
import { cli, temporaryFolder, writeScenario } from '../helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const EXAMPLE = join(ROOT, 'examples/athlete.yaml');
const loader = createContainer().get(ScenarioLoader);

/** The example athlete with `change` applied to its text, written to a new folder. */
function athleteFile(change: (text: string) => string = (text) => text): string {
  return writeScenario(temporaryFolder(), 'athlete.yaml', change(readFileSync(EXAMPLE, 'utf8')));
}

/** Every problem of an athlete file, as the command prints them. */
function problems(file: string, from = '2026-12-07', weeks: number | null = null): string[] {
  try {
    loadAthlete(file, loader, { from, weeks });
  } catch (error) {
    if (error instanceof InputError) return error.message.split('\n').map((line) => line.replace(file, 'FILE'));
    throw error;
  }
  return [];
}

describe('the athlete file', () => {
  it('should read the example athlete: paces from the race and thresholds, the macrocycle up to the goal race', () => {
    const loaded = loadAthlete(EXAMPLE, loader, { from: '2026-12-07', weeks: null });
    expect(loaded.spec.weeks).toBe(14);
    expect(loaded.spec.arms[0]!.label).toBe('base → build → taper');
    expect(60 / loaded.known.lt2Speed).toBeCloseTo(4 + 55 / 60, 6);
    expect(loaded.known.timeTrialMinutes).toBeCloseTo(47.5, 6);
    // vVO2max is the pace of a race held as long as vVO2max lasts (about 6 min): faster than her 5 km
    // pace, and a VO2max interval at 97 % of it slower than her 1500 m pace (both by Riegel's formula).
    const { vVO2max } = loaded.known;
    const riegel = (km: number) => (km / (47.5 * Math.pow(km / 10, loader.parameters.coaching.riegelExponent))) * 60;
    expect(vVO2max).toBeGreaterThan(riegel(5));
    expect(0.97 * vVO2max).toBeLessThan(riegel(1.5));
  });

  it('should locate every problem at once: what cannot be, what does not fit together, and a design it does not know', () => {
    const file = athleteFile((text) =>
      text
        .replace('lt1: { pace: "5:50", hr: 148 }', 'lt1: { pace: "4:30", hr: 148 }')
        .replace('hrMax: 188', 'hrMax: 160')
        .replace('design: pyramidal, name: base', 'design: pyramidl, name: base'),
    );
    expect(problems(file)).toEqual([
      'FILE:10:16: knows.lt1.pace: LT1 at 4:30/km does not fit the race: it would be 94 % of vVO2max (4:14/km), where people are at 30–90 %',
      'FILE:10:16: knows.lt1.pace: LT1 at 4:30/km must be slower than LT2 (4:55/km)',
      'FILE:12:10: knows.hrMax: 160 bpm must be above knows.lt2.hr (168 bpm)',
      'FILE:18:27: design.blocks[0].design: unknown design "pyramidl" (did you mean "pyramidal"?)',
    ]);
  });

  it('should refuse a file that says too little or the impossible, each at its line', () => {
    expect(problems(athleteFile((text) => text.replace(/  race: .*\n/, '').replace('lt2: { pace: "4:55", hr: 168 }', 'lt2: { hr: 168 }')))).toEqual([
      "FILE:9:3: knows: give a recent race or the LT2 pace: the plan's paces are set from them",
    ]);
    expect(problems(athleteFile((text) => text.replace('time: "47:30"', 'time: "22:00"')))).toEqual([
      'FILE:9:32: knows.race.time: 22:00 for 10k is faster than the world record (about 26:11)',
      'FILE:9:32: knows.race.time: gives a vVO2max of 2:03/km, outside what people run (2:27 to 12:00/km)',
      'FILE:11:16: knows.lt2.pace: LT2 at 4:55/km does not fit the race: it would be 42 % of vVO2max (2:03/km), where people are at 50–93 %',
    ]);
    expect(problems(athleteFile((text) => text.replace('pace: "4:55"', 'pace: "3:40"')))).toEqual([
      'FILE:11:16: knows.lt2.pace: LT2 at 3:40/km does not fit the race: it would be 115 % of vVO2max (4:14/km), where people are at 50–93 %',
    ]);
    expect(problems(athleteFile((text) => text.replace('date: 2027-03-14', 'date: 2027-02-30')))).toEqual(['FILE:15:30: goal.date: no such date']);
    expect(problems(athleteFile((text) => text.replace('pace: "5:50"', 'pace: "0:00"')))).toEqual(['FILE:10:16: knows.lt1.pace: a running pace: between 2:00 and 20:00 per km']);
    expect(problems(athleteFile(), '2027-04-05')).toEqual(["FILE:15:30: goal.date: 2027-03-14 is before the plan's first day (2027-04-05)"]);
    expect(problems(athleteFile(), '2026-12-07', 10)).toEqual(['FILE:15:30: goal.date: 2027-03-14 is in week 14 of a plan from 2026-12-07: --weeks 10 would end the plan before it (leave --weeks out)']);
    expect(problems(athleteFile(), '2026-12-14')).toEqual(['FILE:18:5: design.blocks: block weeks add up to 14, but the plan has 13 weeks (from 2026-12-14 to the goal race on 2027-03-14)']);
    expect(problems(athleteFile(), '2026-11-09')).toEqual([
      "FILE:9:47: knows.race.date: 2026-11-15 is after the plan's first day (2026-11-09): give a race already run",
      'FILE:18:5: design.blocks: block weeks add up to 14, but the plan has 18 weeks (from 2026-11-09 to the goal race on 2027-03-14)',
    ]);
  });
});

describe('a build to the race', () => {
  it('should lay base, build and taper backwards from the race: two weeks of taper (one in a short plan), eight of build, the base the rest', () => {
    expect([1, 2, 5, 6, 10, 14, 30].map(toRaceBlocks)).toEqual([
      { base: 0, build: 0, taper: 1 },
      { base: 0, build: 1, taper: 1 },
      { base: 0, build: 4, taper: 1 },
      { base: 0, build: 4, taper: 2 },
      { base: 0, build: 8, taper: 2 },
      { base: 4, build: 8, taper: 2 },
      { base: 20, build: 8, taper: 2 },
    ]);
  });

  it("should plan the athlete's weeks to the goal race as those blocks, each block's design at its line when unknown", () => {
    const toRace = (designs: string) => athleteFile((text) => text.replace(/design:[^]*?(?=rules:)/, `design: { toRace: ${designs} }\n`));
    const loaded = loadAthlete(toRace('{ build: vo2max-emphasis }'), loader, { from: '2026-12-07', weeks: null });
    expect(loaded.spec.arms[0]!.macroplan.blocks.map((block) => [block.name, block.weeks, block.design.label])).toEqual([
      ['base', 4, 'base'],
      ['build', 8, 'vo2max-emphasis'],
      ['taper', 2, 'taper'],
    ]);
    expect(problems(toRace('{ build: polarised }'))).toEqual(['FILE:16:28: design.toRace.build: unknown design "polarised" (did you mean "polarized"?)']);
    expect(problems(athleteFile((text) => text.replace(/design:[^]*?(?=rules:)/, 'design: { toRace: {} }\n').replace(/goal: .*\n/, '')))).toEqual([
      'FILE:15:19: design.toRace: a build to the race needs the race: give goal: { distance, date }',
    ]);
  });
});

describe(planAthlete, () => {
  const loaded = loadAthlete(EXAMPLE, loader, { from: '2026-12-07', weeks: null });
  const weeks = planAthlete(loaded, '2026-12-07', loader.parameters, loader.catalogue);

  it('should lay the weeks on the calendar, Monday to Sunday, with the goal race on its day in place of its sessions', () => {
    expect(weeks.map((week) => week.start)).toEqual(Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2026, 11, 7 + 7 * i)).toISOString().slice(0, 10)));
    for (const week of weeks) {
      for (const session of week.sessions) {
        expect(session.date >= week.start && session.date <= new Date(Date.parse(week.start) + 6 * 86_400_000).toISOString().slice(0, 10)).toBe(true);
        expect(session.weekday).toBe(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${session.date}T00:00:00Z`).getUTCDay()]);
      }
    }
    const raceDay = weeks.at(-1)!.sessions.filter((session) => session.date === '2027-03-14');
    expect(raceDay.map((session) => session.workout)).toEqual(['race']);
    expect(raceDay[0]!.minutes).toBeCloseTo(47.5, 6);
  });

  it('should keep the two days before a midweek race easy and short, and nothing after it in its week', () => {
    const file = athleteFile((text) => text.replace('date: 2027-03-14 }', 'date: 2027-03-10 }'));
    const raceWeek = planAthlete(loadAthlete(file, loader, { from: '2026-12-07', weeks: null }), '2026-12-07', loader.parameters, loader.catalogue).at(-1)!;
    for (const session of raceWeek.sessions) {
      if (session.date > '2027-03-10') expect.unreachable(`${session.date}: a session after the race`);
      if (session.date >= '2027-03-08' && session.date < '2027-03-10') expect([session.workout, Math.round(session.minutes), session.z3Minutes]).toEqual(['easy-run', 25, 0]);
    }
    expect(raceWeek.sessions.at(-1)!.workout).toBe('race');
  });

  it('should train only on the days the athlete has, and no more hours than the athlete has', () => {
    const file = athleteFile((text) => text.replace(/^weeklyHours: .*$/m, 'weeklyHours: 5\navailable: { days: [tue, thu, sat, sun], hours: 4.5 }'));
    const planned = planAthlete(loadAthlete(file, loader, { from: '2026-12-07', weeks: null }), '2026-12-07', loader.parameters, loader.catalogue);
    for (const week of planned) {
      expect(week.planned.minutes).toBeLessThanOrEqual(4.5 * 60 + 1e-9);
      for (const session of week.sessions) expect(['Tue', 'Thu', 'Sat', 'Sun']).toContain(session.weekday);
    }
    expect(problems(athleteFile((text) => text.replace(/^weeklyHours: .*$/m, 'weeklyHours: 5\navailable: { days: [tue, tue] }')))).toEqual(['FILE:15:20: available.days: each day once']);
  });

  it('should have the simulator train the athlete on the same days and hours as the plan (a what-if runs what plan prints)', () => {
    const file = athleteFile((text) => text.replace(/^weeklyHours: .*$/m, 'weeklyHours: 5\navailable: { days: [tue, thu, sat, sun], hours: 4.5 }'));
    // multi-marker raises the load on good mornings: the engine's volume changes are held to the hours too.
    const loaded = loadAthlete(file, loader, { from: '2026-12-07', weeks: null, whatIf: { options: ['plan'], rules: 'multi-marker', replicates: 20, seed: 1 } });
    const weekMinutes = new Map<string, number>();
    let offDays = 0;
    let raised = 0;
    createContainer()
      .get(ScenarioRunner)
      .run(loaded.spec, {
        adjustments: { adjustment: (_traits, _arm, change) => void (change.ruleId === 'increase-load' && change.outcome === 'applied' && raised++) },
        days: {
          day(row) {
            if (row.day < 1 || row.day > loaded.spec.weeks * 7) return;
            const minutes = row.z1Minutes + row.z2Minutes + row.z3Minutes;
            // Monday, Wednesday and Friday (days 1, 3, 5 of each week) are not hers.
            if ([1, 3, 5].includes((row.day - 1) % 7 + 1) && minutes > 0) offDays++;
            const key = `${row.traits.index}:${Math.ceil(row.day / 7)}`;
            weekMinutes.set(key, (weekMinutes.get(key) ?? 0) + minutes);
          },
        },
      });
    expect(offDays).toBe(0);
    expect(raised).toBeGreaterThan(0);
    expect(weekMinutes.size).toBe(20 * loaded.spec.weeks);
    // The planner holds the cap at the coach's anchors (the test above); a step of a distance takes
    // as long as the athlete's own pace makes it, a little more or less: within 1 % of the cap.
    for (const minutes of weekMinutes.values()) expect(minutes).toBeLessThanOrEqual(4.5 * 60 * 1.01);
    // Without the limits, the same versions train on other days too.
    const free = loadAthlete(EXAMPLE, loader, { from: '2026-12-07', weeks: null, whatIf: { options: ['plan'], rules: 'none', replicates: 3, seed: 1 } });
    let freeOffDays = 0;
    createContainer()
      .get(ScenarioRunner)
      .run(free.spec, { days: { day: (row) => void (row.day >= 1 && [1, 3, 5].includes((row.day - 1) % 7 + 1) && row.z1Minutes + row.z2Minutes + row.z3Minutes > 0 && freeOffDays++) } });
    expect(freeOffDays).toBeGreaterThan(0);
  });

  it("should plan each training week to its design's targets, the sessions adding up to the week", () => {
    for (const week of weeks.slice(0, -1)) {
      const total = week.sessions.reduce((sum, session) => sum + session.minutes, 0);
      expect(week.planned.minutes).toBeCloseTo(total, 9);
      expect(Math.abs(week.planned.minutes - week.target.minutes)).toBeLessThan(0.05 * week.target.minutes);
      expect(Math.abs(week.planned.z3Minutes / week.planned.minutes - week.target.z3Minutes / week.target.minutes)).toBeLessThan(0.03);
    }
  });

  it("should give every step a pace in its zone from the athlete's anchors, and the zone's heart rates", () => {
    const steps = weeks.flatMap((week) => week.sessions.flatMap((session) => session.steps));
    const seconds = (text: string) => Number(text.split(':')[0]) * 60 + Number(text.split(':')[1]);
    for (const step of steps) {
      if (step.zone === 1) expect(seconds(step.pace)).toBeGreaterThanOrEqual(350);
      if (step.zone === 3) expect(seconds(step.pace)).toBeLessThanOrEqual(295);
      expect(step.hr).toBe({ 1: '≤ 148 bpm', 2: '148–168 bpm', 3: '168–188 bpm' }[step.zone]);
    }
    expect(new Set(steps.map((step) => step.zone))).toEqual(new Set([1, 2, 3]));
  });
});

describe('periodize plan', () => {
  it('should print the plan and write plan.csv and plan.json, a row a session', async () => {
    const out = join(temporaryFolder(), 'plan');
    const { code, out: printed } = await cli('plan', EXAMPLE, '--from', '2026-12-02', '--out', out);
    expect(code).toBe(0);
    expect(printed).toMatch(/^note: the plan starts on Monday 2026-12-07, the first Monday from 2026-12-02\nAnna Berg — base → build → taper, 14 weeks from Mon 2026-12-07 to Sun 2027-03-14, to the 10k on 2027-03-14\n/);
    expect(printed).toContain('\nWeek 1 · Mon 2026-12-07 · base · ');
    expect(printed).toContain('  Sun 03-14  Race: 10k');
    const json = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { weeks: { sessions: unknown[] }[] };
    const rows = readFileSync(join(out, 'plan.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('date,weekday,week,block,workout,name,minutes,z1Minutes,z2Minutes,z3Minutes,structure');
    expect(rows.length - 1).toBe(json.weeks.reduce((sum, week) => sum + week.sessions.length, 0));
  });

  it('should write the sessions as calendar events that a calendar reads back: one all-day event per session, the structure in it, the same bytes each time', async () => {
    const folder = temporaryFolder();
    const run = async (out: string) => (await cli('plan', EXAMPLE, '--from', '2026-12-07', '--out', join(folder, out), '--ics')).code;
    expect(await run('a')).toBe(0);
    expect(await run('b')).toBe(0);
    const text = readFileSync(join(folder, 'a', 'plan.ics'), 'utf8');
    expect(readFileSync(join(folder, 'b', 'plan.ics'), 'utf8')).toBe(text);
    const plan = JSON.parse(readFileSync(join(folder, 'a', 'plan.json'), 'utf8')) as { weeks: { sessions: { date: string; name: string; minutes: number; structure: string }[] }[] };
    const sessions = plan.weeks.flatMap((week) => week.sessions);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events).toHaveLength(sessions.length);
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
    events.forEach((event, i) => {
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(sessions[i]!.date);
      // The title's whole minutes, from the session's (plan.json keeps a tenth).
      const [, name, minutes] = /^(.*) \((\d+) min\)$/.exec(event.summary)!;
      expect(name).toBe(sessions[i]!.name);
      expect(Math.abs(Number(minutes) - sessions[i]!.minutes)).toBeLessThanOrEqual(0.55);
      expect(event.description.startsWith(sessions[i]!.structure)).toBe(true);
    });
  });

  it("should write each session in intervals.icu's workout text: steps that add up to the session, repeats as Nx blocks", async () => {
    const out = join(temporaryFolder(), 'plan');
    expect((await cli('plan', EXAMPLE, '--from', '2026-12-07', '--out', out, '--icu')).code).toBe(0);
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { weeks: { sessions: { date: string; minutes: number; workout: string }[] }[] };
    const sessions = plan.weeks.flatMap((week) => week.sessions).filter((session) => session.workout !== 'race');
    const blocks = readFileSync(join(out, 'plan.icu.txt'), 'utf8').trim().split(/\n\n(?=\d{4}-\d{2}-\d{2} )/);
    // Every session but the race, which is no workout to load.
    expect(blocks).toHaveLength(sessions.length);
    // A recovery between efforts has no pace: run by feel.
    const step = /^- (?:[a-z][a-z -]* )?(?:(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?|(\d+(?:\.\d+)?)km)(?: (\d{1,2}):(\d\d)\/km Pace)?$/;
    sessions.forEach((session, i) => {
      const [head, ...lines] = blocks[i]!.split('\n');
      expect(head!.startsWith(`${session.date} `)).toBe(true);
      let minutes = 0;
      let times = 1;
      for (const line of lines) {
        if (line === '') times = 1;
        else if (/^\d+x$/.test(line)) times = Number(line.slice(0, -1));
        else {
          const [, h, m, sec, km, paceMinutes, paceSeconds] = step.exec(line) ?? expect.unreachable(line);
          if (paceMinutes === undefined) expect(line).toMatch(/^- (jog|walk|easy) /);
          const pace = Number(paceMinutes) + Number(paceSeconds) / 60;
          minutes += times * (km !== undefined ? Number(km) * pace : Number(h ?? 0) * 60 + Number(m ?? 0) + Number(sec ?? 0) / 60);
        }
      }
      expect(Math.abs(minutes - session.minutes)).toBeLessThan(0.5);
    });
  });

  it("should write a FIT workout per session that Garmin's SDK reads back: its steps, repeats and pace targets add up to the session", async () => {
    const out = join(temporaryFolder(), 'plan');
    expect((await cli('plan', EXAMPLE, '--from', '2026-12-07', '--out', out, '--fit')).code).toBe(0);
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as {
      weeks: { sessions: { date: string; name: string; workout: string; minutes: number; steps: { speed: number; minutes: number | null; km: number | null; times: number; between: boolean }[] }[] }[];
    };
    const sessions = plan.weeks.flatMap((week) => week.sessions).filter((session) => session.workout !== 'race');
    const files = readdirSync(out).filter((name) => name.endsWith('.fit')).sort();
    expect(files).toHaveLength(sessions.length);
    // Each file its own identity (serial number and time of creation).
    const created = files.map((file) => new Decoder(Stream.fromByteArray(Array.from(readFileSync(join(out, file))))).read().messages.fileIdMesgs![0]!.timeCreated!.valueOf());
    expect(new Set(created).size).toBe(files.length);
    for (const session of sessions) {
      const name = files.find((file) => file.startsWith(`${session.date}-1-${session.workout}`))!;
      const decoder = new Decoder(Stream.fromByteArray(Array.from(readFileSync(join(out, name)))));
      expect(decoder.checkIntegrity()).toBe(true);
      const { messages, errors } = decoder.read();
      expect(errors).toEqual([]);
      expect(messages.fileIdMesgs![0]!.type).toBe('workout');
      expect(messages.workoutMesgs![0]).toMatchObject({ wktName: session.name, sport: 'running', numValidSteps: messages.workoutStepMesgs!.length });
      // The steps' time, a repeat step counting the steps since the one it names again.
      const steps = messages.workoutStepMesgs!;
      const seconds = (index: number): number => {
        const step = steps[index]!;
        if (step.durationType === 'time') return Number(step.durationTime);
        // A distance at the target band's slower edge (m over m/s): a little over the planned time.
        if (step.durationType === 'distance') return Number(step.durationDistance) / Number(step.customTargetSpeedLow);
        return 0;
      };
      let total = 0;
      steps.forEach((step, index) => {
        if (step.durationType === 'repeatUntilStepsCmplt') {
          for (let back = Number(step.durationStep); back < index; back++) total += (Number(step.repeatSteps) - 1) * seconds(back);
        } else total += seconds(index);
        // A speed target brackets its step's pace; easy running has a heart-rate ceiling at LT1's (148 bpm).
        if (step.targetType === 'speed') expect(Number(step.customTargetSpeedLow)).toBeLessThan(Number(step.customTargetSpeedHigh));
        if (step.targetType === 'heartRate') expect(step.customTargetHeartRateHigh).toBe(148 + 100);
      });
      const distances = steps.some((step) => step.durationType === 'distance');
      expect(Math.abs(total / 60 - session.minutes)).toBeLessThan(distances ? 1 : 0.05);
    }
  });

  it("should refuse to write into a run's folder rather than take its outputs away", async () => {
    const folder = temporaryFolder();
    const run = join(folder, 'run');
    expect((await cli('run', writeScenario(folder, 'tiny.yaml', 'name: tiny\nseed: 1\npopulation: { size: 4, level: recreational }\nweeks: 1\narms:\n  - { id: a, design: polarized }\n'), '--out', run, '-q')).code).toBe(0);
    const before = readdirSync(run).sort();
    expect(await cli('plan', EXAMPLE, '--from', '2026-12-07', '--out', run)).toEqual({
      code: 2,
      out: '',
      err: `${run}: not a plan: holds a manifest.json that is not an earlier plan's (a run's outputs?): choose another folder\n`,
    });
    expect(readdirSync(run).sort()).toEqual(before);
  });

  it('should refuse a date that is none, before reading anything', async () => {
    expect(await cli('plan', EXAMPLE, '--from', '2026-13-01')).toEqual({ code: 2, out: '', err: 'periodize plan: --from: a date as YYYY-MM-DD, e.g. 2027-01-04 (got 2026-13-01)\n' });
  });
});

describe(planStart, () => {
  it('should start on the Monday on or after the date given, or today', () => {
    expect(planStart('2026-12-07', new Date())).toBe('2026-12-07');
    expect(planStart('2026-12-08', new Date())).toBe('2026-12-14');
    expect(planStart(undefined, new Date('2026-12-13T12:00:00Z'))).toBe('2026-12-14');
  });
});

describe('a scenario naming an athlete file', () => {
  it('should simulate the athlete the file describes, and locate what is wrong with the entry or the file', async () => {
    const folder = temporaryFolder();
    writeScenario(folder, 'anna.yaml', readFileSync(EXAMPLE, 'utf8'));
    const scenario = (athletes: string) =>
      writeScenario(folder, 'study.yaml', `name: study\nseed: 1\npopulation:\n  athletes:\n${athletes}  replicates: 3\nweeks: 2\narms:\n  - { id: a, design: polarized }\n`);
    const file = scenario('    - { file: anna.yaml, id: anna }\n    - { id: maria, level: recreational }\n');
    const { spec } = loader.load(file, readFileSync(file, 'utf8'), 'inside');
    const anna = spec.population.describe(0).named!;
    const loaded = loadAthlete(EXAMPLE, loader, { from: '2026-12-07', weeks: null });
    expect(anna).toMatchObject({ id: 'anna', level: 'recreational', sex: 'female', age: 34, bodyMass: 58, weeklyHours: 5, restingHr: 52 });
    expect((anna.vo2max! / anna.economy!) * 60).toBeCloseTo(loaded.known.vVO2max, 9);
    expect(spec.population.describe(1).named!.id).toBe('maria');
    const run = await cli('run', file, '--out', join(folder, 'out'), '-q');
    expect(run.code).toBe(0);
    expect(readFileSync(join(folder, 'out', 'athletes.csv'), 'utf8')).toContain(',anna,');
    const problemsOf = (athletes: string) => {
      try {
        const written = scenario(athletes);
        loader.load(written, readFileSync(written, 'utf8'), 'inside');
      } catch (error) {
        if (error instanceof InputError) return error.message.replaceAll(folder, 'DIR');
        throw error;
      }
      return '';
    };
    expect(problemsOf('    - { file: anna.yaml, level: trained }\n')).toBe('DIR/study.yaml:5:26: population.athletes[0]: unknown key "level"');
    expect(problemsOf('    - { file: ana.yaml }\n')).toBe('DIR/study.yaml:5:15: population.athletes[0].file: no athlete file "ana.yaml" beside the scenario (DIR/ana.yaml)');
    expect(problemsOf('    - { file: ../anna.yaml }\n')).toMatch(/^DIR\/study.yaml:5:15: population.athletes\[0\].file: athlete file "..\/anna.yaml" is outside the scenario's folder/);
    writeScenario(folder, 'bad.yaml', readFileSync(EXAMPLE, 'utf8').replace('hrMax: 188', 'hrMax: 160'));
    expect(problemsOf('    - { file: bad.yaml }\n')).toBe('DIR/bad.yaml:12:10: knows.hrMax: 160 bpm must be above knows.lt2.hr (168 bpm)');
  });
});

describe('shards of a scenario naming an athlete file', () => {
  it('should refuse to merge shards that ran different athletes, or an athlete file changed since they ran', async () => {
    const folder = temporaryFolder();
    const anna = readFileSync(EXAMPLE, 'utf8');
    writeScenario(folder, 'anna.yaml', anna);
    const file = writeScenario(folder, 'study.yaml', 'name: study\nseed: 1\npopulation:\n  athletes:\n    - { file: anna.yaml }\n  replicates: 4\nweeks: 2\narms:\n  - { id: a, design: polarized }\n');
    const shard = async (index: number) => expect(await cli('run', file, '--shard', `${index}/2`, '--out', join(folder, `s${index}`), '-q')).toMatchObject({ code: 0, err: '' });
    await shard(0);
    await shard(1);
    expect((await cli('merge', join(folder, 's0'), join(folder, 's1'), '--out', join(folder, 'merged'))).code).toBe(0);
    // Her race edited after the shards ran: the scenario's text is the same, the athlete is not.
    writeScenario(folder, 'anna.yaml', anna.replace('time: "47:30"', 'time: "45:30"'));
    const changed = await cli('merge', join(folder, 's0'), join(folder, 's1'), '--out', join(folder, 'merged2'));
    expect(changed).toEqual({ code: 2, out: '', err: `${file}:1:1: (document): an athlete file or rule file the scenario names has changed since the shards ran\n` });
    // … and between the shards: one ran her at 47:30, the other at 45:30.
    await shard(1);
    const mixed = await cli('merge', join(folder, 's0'), join(folder, 's1'), '--out', join(folder, 'merged3'));
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain(`not a shard of the same run as ${join(folder, 's0')}`);
  });
});
