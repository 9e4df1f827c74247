import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdjustmentsCsv } from '../../src/sim/outputs/adjustments-csv.ts';
import { OutputStage } from '../../src/sim/outputs/stage.ts';
import { AthleteTraits } from '../../src/sim/population.ts';
import type { RunSpec } from '../../src/sim/scenario/prepare.ts';
import { adaptiveScenario, cli, temporaryFolder, writeScenario } from '../helpers.ts';

const ADJUSTMENTS = `athlete,id,replicate,arm,day,week,weekday,rule,scope,action,outcome,facts,reason,before,after,note
2,a2,0,polarized-hrv,20,3,Sat,guardrail:acwrCap,week,capWeekLoad,guardrail,acwr=1.62,"load 1.62 × the 4-week mean, above the cap 1.50",Sat: long run 120 min,Sat: long run 95 min,
2,a2,0,polarized-hrv,18,3,Thu,hrv-outside-band,restOfWeek,makeHardSessionsEasy,applied,hrvMean7d=3.42; hrvBandLower=3.51; hrvMean7dBelowBandDays=2,HRV 7-day mean 3.42 below the lower band 3.51 for 2 days,Thu: 5×4 min VO2max intervals (52 min),Thu: easy run 50 min,
2,a2,0,polarized-hrv,18,3,Thu,sleep-debt,today,reduceVolume,overridden,sleep7d=5.4; sleepNeed=missing,"athlete reported ""heavy legs"", 7-day sleep 5.4 h",Thu: 5×4 min VO2max intervals (52 min),Thu: 3×4 min VO2max intervals (40 min),overridden by hrv-outside-band (more conservative)
3,a3,0,polarized-hrv,18,3,Thu,hrv-outside-band,restOfWeek,makeHardSessionsEasy,applied,hrvMean7d=3.1,HRV low,Thu: intervals,Thu: easy run,
2,a2,0,threshold-hrv,18,3,Thu,hrv-outside-band,restOfWeek,makeHardSessionsEasy,applied,hrvMean7d=3.1,HRV low,Thu: intervals,Thu: easy run,
`;

const DAYS = `athlete,id,arm,day,week,z1Minutes,z2Minutes,z3Minutes,sessionRpeLoad,restingHr,lnRmssd,sleepHours,sessionRpe,ill
2,a2,polarized-hrv,17,3,60.0,0.0,0.0,240,52.0,3.500,7.50,4.0,0
2,a2,polarized-hrv,18,3,50.0,0.0,0.0,200,54.2,3.380,5.60,4.0,0
2,a2,polarized-hrv,20,3,95.0,0.0,0.0,380,55.0,3.310,5.40,4.0,1
2,a2,threshold-hrv,18,3,50.0,0.0,0.0,200,60.0,3.000,8.00,4.0,0
3,a3,polarized-hrv,18,3,50.0,0.0,0.0,200,49.0,3.900,8.00,4.0,0
`;

const SAMPLED_SUMMARY = {
  name: 'fixture',
  seed: 1,
  weeks: 4,
  population: { level: 'trained', size: 4 },
  arms: [
    { id: 'polarized', rules: null },
    { id: 'polarized-hrv', rules: 'hrv-swc' },
    { id: 'threshold-hrv', rules: 'hrv-swc' },
  ],
};

/** An output folder written by hand: summary.json, adjustments.csv and (unless told) days.csv. */
function fixture(options: { days?: boolean; summary?: object; adjustments?: string } = {}): string {
  const out = join(temporaryFolder(), 'out');
  mkdirSync(out);
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(options.summary ?? SAMPLED_SUMMARY, null, 2)}\n`);
  writeFileSync(join(out, 'adjustments.csv'), options.adjustments ?? ADJUSTMENTS);
  if (options.days ?? true) writeFileSync(join(out, 'days.csv'), DAYS);
  return out;
}

describe('periodize explain', () => {
  describe('having an athlete with changes and days.csv', () => {
    it('should print the changes day by day with the morning markers, in words, and a count', async () => {
      const out = fixture();
      const { code, out: printed, err } = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', '2');
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(printed).toBe(`polarized-hrv (rules hrv-swc) — athlete 2

week 3 Thu (day 18) — morning: resting HR 54.2 bpm, lnRMSSD 3.380, sleep 5.60 h
  HRV 7-day mean 3.42 below the lower band 3.51 for 2 days → Thu: 5×4 min VO2max intervals (52 min) became Thu: easy run 50 min  [rule hrv-outside-band, restOfWeek]
  (not applied: overridden by hrv-outside-band (more conservative)) athlete reported "heavy legs", 7-day sleep 5.4 h → Thu: 5×4 min VO2max intervals (52 min) would have become Thu: 3×4 min VO2max intervals (40 min)  [rule sleep-debt, today]

week 3 Sat (day 20) — morning: resting HR 55.0 bpm, lnRMSSD 3.310, sleep 5.40 h, ill
  guardrail: load 1.62 × the 4-week mean, above the cap 1.50 → Sat: long run 120 min became Sat: long run 95 min  [guardrail acwrCap, week]

2 changes applied on 2 days (1 by rules, 1 by guardrails); 1 more was overridden
`);
    });

    it('should take the athlete by id (a2) as well as by number', async () => {
      const out = fixture();
      const byNumber = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', '2');
      const byId = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', 'a2');
      expect(byId).toEqual(byNumber);
    });
  });

  describe('having no days.csv (outputs.daily off)', () => {
    it('should say that the markers were not written, and still explain every change', async () => {
      const { code, out } = await cli('explain', '--out', fixture({ days: false }), '--arm', 'polarized-hrv', '--athlete', '2');
      expect(code).toBe(0);
      const lines = out.split('\n');
      expect(lines[1]).toBe('markers not written — set outputs: { daily: true } in the scenario to see them');
      expect(lines).toContain('week 3 Thu (day 18)');
      expect(out).toContain('2 changes applied on 2 days');
    });
  });

  describe('having a morning without readings and a change the engine only recorded', () => {
    it('should say no readings were taken, and that the plan was kept', async () => {
      const adjustments = `athlete,id,replicate,arm,day,week,weekday,rule,scope,action,outcome,facts,reason,before,after,note
2,a2,0,polarized-hrv,18,3,Thu,ill-today,today,recoveryDay,applied,ill=1,ill today,Thu: tempo run 40 min,Thu: rest,
2,a2,0,polarized-hrv,18,3,Thu,back-from-illness,today,makeHardSessionsEasy,overridden,illDaysAgo=0,ill 0 days ago,Thu: rest,not applied,overridden by ill-today (more conservative)
`;
      const days = DAYS.replace('2,a2,polarized-hrv,18,3,50.0,0.0,0.0,200,54.2,3.380,5.60,4.0,0', '2,a2,polarized-hrv,18,3,0.0,0.0,0.0,0,,,,,1');
      const out = fixture({ adjustments });
      writeFileSync(join(out, 'days.csv'), days);
      const { code, out: printed } = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', '2');
      expect(code).toBe(0);
      expect(printed.split('\n').slice(2, 5)).toEqual([
        'week 3 Thu (day 18) — morning: no readings, ill',
        '  ill today → Thu: tempo run 40 min became Thu: rest  [rule ill-today, today]',
        '  (not applied: overridden by ill-today (more conservative)) ill 0 days ago → Thu: rest kept  [rule back-from-illness, today]',
      ]);
    });
  });

  describe('having overridden changes', () => {
    const HEADER = ADJUSTMENTS.split('\n')[0]!;
    const lastLine = async (...rows: string[]): Promise<string> => {
      const { code, out } = await cli('explain', '--out', fixture({ adjustments: `${[HEADER, ...rows].join('\n')}\n`, days: false }), '--arm', 'polarized-hrv', '--athlete', '2');
      expect(code).toBe(0);
      return out.trimEnd().split('\n').at(-1)!;
    };
    const row = (day: number, rule: string, outcome: string) => `2,a2,0,polarized-hrv,${day},3,Thu,${rule},today,rest,${outcome},,reason,Thu: a,Thu: b,`;

    it('should count them apart from the changes, and not count the days they alone fell on', async () => {
      expect(await lastLine(row(18, 'a', 'applied'), row(18, 'b', 'overridden'), row(19, 'b', 'overridden'), row(19, 'c', 'overridden'))).toBe(
        '1 change applied on 1 day (1 by rules, 0 by guardrails); 3 more were overridden',
      );
    });

    it('should say so when every change was overridden', async () => {
      expect(await lastLine(row(18, 'b', 'overridden'))).toBe('no changes applied; 1 was overridden');
    });

    it('should leave the overridden out when there were none', async () => {
      expect(await lastLine(row(18, 'a', 'applied'), row(19, 'guardrail:acwrCap', 'guardrail'), row(19, 'a', 'applied'))).toBe(
        '3 changes applied on 2 days (2 by rules, 1 by guardrails)',
      );
    });
  });

  describe('having an athlete without changes', () => {
    it('should say the plan was kept', async () => {
      const { code, out } = await cli('explain', '--out', fixture(), '--arm', 'polarized-hrv', '--athlete', '0');
      expect(code).toBe(0);
      expect(out).toBe('polarized-hrv (rules hrv-swc) — athlete 0\n\nno changes: the engine kept this plan as written\n');
    });
  });

  describe('having a fixed arm', () => {
    it('should say the engine changes nothing in it', async () => {
      const { code, out } = await cli('explain', '--out', fixture(), '--arm', 'polarized', '--athlete', '2');
      expect(code).toBe(0);
      expect(out).toBe('polarized — athlete 2\npolarized follows a fixed plan (no rules): the engine changes nothing in it.\n');
    });
  });

  describe('having named athletes', () => {
    const summary = { ...SAMPLED_SUMMARY, population: { athletes: ['maria', 'john'], replicates: 3, size: 6 } };
    const adjustments = `athlete,id,replicate,arm,day,week,weekday,rule,scope,action,outcome,facts,reason,before,after,note
3,john,1,polarized-hrv,9,2,Tue,rhr-high,today,recoveryDay,applied,restingHrDelta=6.2,resting HR 6.2 bpm above baseline,Tue: threshold 3×10 min (60 min),Tue: rest,
`;

    it('should find an athlete by id and replicate, and by number', async () => {
      const out = fixture({ summary, adjustments, days: false });
      const byId = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', 'john', '--replicate', '1');
      expect(byId.code).toBe(0);
      expect(byId.out.split('\n')[0]).toBe('polarized-hrv (rules hrv-swc) — john (athlete 3, replicate 1)');
      expect(byId.out).toContain('resting HR 6.2 bpm above baseline → Tue: threshold 3×10 min (60 min) became Tue: rest  [rule rhr-high, today]');
      expect((await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', '3')).out).toBe(byId.out);
      expect((await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', 'john')).out).toContain('no changes');
    });

    it('should suggest the closest id for a misspelt one, and refuse a replicate out of range', async () => {
      const out = fixture({ summary, adjustments, days: false });
      const misspelt = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', 'jon');
      expect(misspelt.code).toBe(2);
      expect(misspelt.err).toBe(`--athlete jon: no such athlete in ${out} (did you mean "john"?); athletes: maria, john\n`);
      const replicate = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', 'john', '--replicate', '3');
      expect(replicate.code).toBe(2);
      expect(replicate.err).toBe('--replicate 3: john has replicates 0–2\n');
    });
  });

  describe('having commas, quotes and line breaks written by AdjustmentsCsv', () => {
    it('should read every field back as written', async () => {
      const out = fixture({ days: false });
      const stage = new OutputStage(join(temporaryFolder(), 'staged'));
      const file = stage.open('adjustments.csv');
      const traits = new AthleteTraits();
      traits.index = 1;
      traits.id = 'a1';
      new AdjustmentsCsv(file, { arms: [{ id: 'polarized' }, { id: 'polarized-hrv' }] } as unknown as RunSpec).adjustment(traits, 1, {
        day: 5, week: 1, weekday: 4, ruleId: 'rhr-high', scope: 'nextSession', action: 'recoveryDay', outcome: 'applied',
        facts: [{ fact: 'restingHrDelta', value: null }],
        reason: 'resting HR "high", 3 days running',
        before: 'Fri: intervals, 4×8 min\nSat: long run',
        after: 'Fri: rest',
        note: '',
        trace: {
          rule: 'rhr-high', priority: 0, held: 'true',
          when: { fact: 'restingHrDelta7d', op: 'atLeast', value: 5, actual: 6.5, result: 'true', missing: false },
          facts: { restingHrDelta7d: 6.5, restingHrMean7d: 58.5, restingHrBaseline: 52 }, action: { action: 'rest', scope: 'nextSession' }, outcome: 'applied', overriddenBy: null,
        },
      });
      file.close();
      rmSync(join(out, 'adjustments.csv'));
      writeFileSync(join(out, 'adjustments.csv'), (await import('node:fs')).readFileSync(file.path));
      stage.abort();
      const { code, out: printed } = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', '1');
      expect(code).toBe(0);
      // The reason is written from the trace (its JSON quoted in the cell), not read from the words.
      expect(printed).toContain(
        'week 1 Fri (day 5)\n  resting HR 7-day mean 58.5 bpm against its baseline 52.0 (6.5 bpm) (≥ 5) → Fri: intervals, 4×8 min\nSat: long run became Fri: rest  [rule rhr-high, nextSession]',
      );
      expect(printed).toContain('1 change applied on 1 day (1 by rules, 0 by guardrails)\n');
    });
  });

  describe('having bad input', () => {
    it('should say when the folder does not exist, exit 2 and show no stack trace', async () => {
      const missing = join(temporaryFolder(), 'nowhere');
      const { code, out, err } = await cli('explain', '--out', missing, '--arm', 'polarized-hrv', '--athlete', '2');
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(`${missing}: no such folder (the --out folder of a periodize run)\n`);
    });

    it('should say which file is missing', async () => {
      const out = fixture();
      rmSync(join(out, 'adjustments.csv'));
      const noAdjustments = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', '2');
      expect(noAdjustments.code).toBe(2);
      expect(noAdjustments.err).toBe(`${join(out, 'adjustments.csv')}:1:1: (document): no such file (run the scenario again: older runs did not write it)\n`);
      rmSync(join(out, 'summary.json'));
      const noSummary = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', '2');
      expect(noSummary.code).toBe(2);
      expect(noSummary.err).toBe(`${join(out, 'summary.json')}:1:1: (document): no such file\n`);
    });

    it('should suggest the closest arm for an unknown one and list the arms', async () => {
      const out = fixture();
      const { code, err } = await cli('explain', '--out', out, '--arm', 'polarised-hrv', '--athlete', '2');
      expect(code).toBe(2);
      expect(err).toBe(`--arm polarised-hrv: no such arm in ${out} (did you mean "polarized-hrv"?); arms: polarized, polarized-hrv, threshold-hrv\n`);
    });

    it('should refuse an athlete the run did not have', async () => {
      const out = fixture();
      const number = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', '4');
      expect(number.code).toBe(2);
      expect(number.err).toBe(`--athlete 4: no such athlete in ${out} (athletes 0–3)\n`);
      const name = await cli('explain', '--out', out, '--arm', 'polarized-hrv', '--athlete', 'maria');
      expect(name.code).toBe(2);
      expect(name.err).toBe(`--athlete maria: no such athlete in ${out} (athletes 0–3, by number or as a<number>)\n`);
    });

    it('should point at the line and column of a broken row or a missing column', async () => {
      const badDay = fixture({ adjustments: ADJUSTMENTS.replace('2,a2,0,polarized-hrv,18,', '2,a2,0,polarized-hrv,eighteen,') });
      const day = await cli('explain', '--out', badDay, '--arm', 'polarized-hrv', '--athlete', '2');
      expect(day.code).toBe(2);
      expect(day.err).toBe(`${join(badDay, 'adjustments.csv')}:3:22: day: not a whole number: "eighteen"\n`);
      const noRule = fixture({ adjustments: ADJUSTMENTS.replace(',rule,', ',rules,') });
      const header = await cli('explain', '--out', noRule, '--arm', 'polarized-hrv', '--athlete', '2');
      expect(header.code).toBe(2);
      expect(header.err).toBe(`${join(noRule, 'adjustments.csv')}:1:1: header: missing column "rule"\n`);
      const unclosed = fixture({ adjustments: `${ADJUSTMENTS}2,a2,0,polarized-hrv,21,3,Sun,x,today,a,applied,,"never closed\n` });
      const quote = await cli('explain', '--out', unclosed, '--arm', 'polarized-hrv', '--athlete', '2');
      expect(quote.code).toBe(2);
      expect(quote.err).toBe(`${join(unclosed, 'adjustments.csv')}:7:50: (document): a quoted field is never closed\n`);
    });

    it('should point into summary.json when it is not a run summary', async () => {
      const out = fixture({ summary: { arms: [{ id: 'polarized' }] } });
      const { code, err } = await cli('explain', '--out', out, '--arm', 'polarized', '--athlete', '0');
      expect(code).toBe(2);
      expect(err).toMatch(new RegExp(`^${join(out, 'summary.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: population: `));
    });

    it('should require --out, --arm and --athlete', async () => {
      expect((await cli('explain', '--arm', 'polarized')).code).toBe(2);
    });
  });

  describe('having a Parquet run (--format parquet)', () => {
    it('should read adjustments.parquet and days.parquet and print what it prints of the same run in CSV', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'adaptive.yaml', adaptiveScenario({ name: 'parquet', seed: 3, size: 6, weeks: 4, restriction: true }));
      for (const format of ['csv', 'parquet']) expect((await cli('run', file, '--out', join(folder, format), '--format', format, '-q')).code).toBe(0);
      let explained = 0;
      for (let athlete = 0; athlete < 6; athlete++) {
        const [csv, parquet] = await Promise.all(['csv', 'parquet'].map((format) => cli('explain', '--out', join(folder, format), '--arm', 'swc', '--athlete', String(athlete))));
        expect(parquet).toEqual(csv);
        if (/morning: resting HR/.test(csv!.out)) explained++;
      }
      // Some athlete had changes, with the morning markers beside them.
      expect(explained).toBeGreaterThan(0);
    });
  });
});
