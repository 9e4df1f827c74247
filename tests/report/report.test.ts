import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, read, smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';
import { ADAPTIVE, chartsOf } from './pages.ts';

describe('periodize report (src/report/)', () => {
  describe('having a run with --report', () => {
    it("should write one page, the libraries and the data inlined, with every researcher's chart the run has data for", async () => {
      const folder = temporaryFolder();
      const out = join(folder, 'out');
      const run = await cli('run', writeScenario(folder, 's.yaml', ADAPTIVE), '--out', out, '--report', '--quiet');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(new RegExp(`report: ${out}/report.html \\(one page of charts: open it in any browser, no network needed\\)\\n$`));
      const html = read(join(out, 'report.html'));
      expect(chartsOf(html).map((c) => c.id)).toEqual(['time-in-zone', 'changes', 'forest', 'responders', 'weekly-markers', 'adjustments']);
      // Nothing fetched: no script, style or image from elsewhere; the three libraries inline.
      const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
      expect(/<(script|link|img|iframe)[^>]+(src|href)=/i.test(markup)).toBe(false);
      expect(html).toMatch(/vegaEmbed/);
      // Under a megabyte, of which the libraries are most.
      expect(html.length).toBeLessThan(1_000_000);
      // The header traces the page to its run: the scenario's hash and every file's.
      const manifest = JSON.parse(read(join(out, 'manifest.json'))) as { scenario: { sha256: string }; files: { sha256: string }[] };
      expect(markup.includes(manifest.scenario.sha256)).toBe(true);
      expect(manifest.files.filter((file) => !markup.includes(file.sha256))).toEqual([]);
      // The event shaded on the weekly markers, for every arm.
      expect(html.includes('sleep restricted to 5.5 h (every arm)')).toBe(true);
    });

    it('should draw the same page again from the folder, byte for byte, and draw a Parquet run as its CSV twin', async () => {
      const folder = temporaryFolder();
      const scenario = writeScenario(folder, 's.yaml', ADAPTIVE);
      const csv = join(folder, 'csv');
      const parquet = join(folder, 'parquet');
      expect((await cli('run', scenario, '--out', csv, '--report', '--quiet')).code).toBe(0);
      expect((await cli('run', scenario, '--out', parquet, '--format', 'parquet', '--quiet')).code).toBe(0);
      expect(existsSync(join(parquet, 'report.html'))).toBe(false);
      const first = read(join(csv, 'report.html'));
      const again = await cli('report', csv);
      expect(again.code).toBe(0);
      expect(read(join(csv, 'report.html'))).toBe(first);
      expect((await cli('report', parquet)).code).toBe(0);
      expect(chartsOf(read(join(parquet, 'report.html')))).toEqual(chartsOf(first));
    });

    it('should draw single athletes only while they are few over all arms, and say so past that', async () => {
      const folder = temporaryFolder();
      const many = join(folder, 'many');
      expect((await cli('run', writeScenario(folder, 'm.yaml', smallScenario({ size: 350, weeks: 2, daily: false })), '--out', many, '--report', '--quiet')).code).toBe(0);
      const html = read(join(many, 'report.html'));
      const changes = chartsOf(html).find((c) => c.id === 'changes')!.spec as { hconcat: { layer: unknown[] }[] };
      // Whisker, box, median, mean: no layer of points for 700 athletes.
      expect(changes.hconcat.map((panel) => panel.layer.length)).toEqual([4, 4, 4]);
      expect(html.includes('Single athletes are not drawn')).toBe(true);
      const few = join(folder, 'few');
      await cli('run', writeScenario(folder, 'f.yaml', smallScenario({ size: 20, weeks: 2, daily: false })), '--out', few, '--report', '--quiet');
      const drawn = chartsOf(read(join(few, 'report.html'))).find((c) => c.id === 'changes')!.spec as { hconcat: { layer: unknown[] }[] };
      expect(drawn.hconcat.map((panel) => panel.layer.length)).toEqual([5, 5, 5]);
    });

    it('should draw merged shards as the run never split', async () => {
      const folder = temporaryFolder();
      const scenario = writeScenario(folder, 's.yaml', ADAPTIVE);
      const whole = join(folder, 'whole');
      expect((await cli('run', scenario, '--out', whole, '--report', '--quiet')).code).toBe(0);
      for (const i of [0, 1]) expect((await cli('run', scenario, '--shard', `${i}/2`, '--out', join(folder, `shard-${i}`), '--quiet')).code).toBe(0);
      const merged = join(folder, 'merged');
      expect((await cli('merge', join(folder, 'shard-0'), join(folder, 'shard-1'), '--out', merged, '--report')).code).toBe(0);
      expect(chartsOf(read(join(merged, 'report.html')))).toEqual(chartsOf(read(join(whole, 'report.html'))));
    });

    it('should be taken away by a later run without --report, which it would no longer show', async () => {
      const folder = temporaryFolder();
      const scenario = writeScenario(folder, 's.yaml', smallScenario({ size: 10, weeks: 2 }));
      const out = join(folder, 'out');
      await cli('run', scenario, '--out', out, '--report', '--quiet');
      expect(existsSync(join(out, 'report.html'))).toBe(true);
      await cli('run', scenario, '--out', out, '--quiet');
      expect(existsSync(join(out, 'report.html'))).toBe(false);
    });
  });

  describe('having a folder with nothing to draw', () => {
    it('should exit 2 with the reason, and write nothing', async () => {
      const folder = temporaryFolder();
      writeFileSync(join(folder, 'notes.txt'), 'mine');
      const empty = await cli('report', folder);
      expect(empty.code).toBe(2);
      expect(empty.err).toMatch(/nothing to draw: no summary\.json/);
      expect(readdirSync(folder)).toEqual(['notes.txt']);
      const missing = await cli('report', join(folder, 'nowhere'));
      expect(missing.code).toBe(2);
      expect(missing.err).toMatch(/no such folder/);
      expect(existsSync(join(folder, 'nowhere'))).toBe(false);
    });

    it('should refuse --report on a shard, which has no summary, before running it', async () => {
      const folder = temporaryFolder();
      const shard = await cli('run', writeScenario(folder, 's.yaml', smallScenario({ size: 10, weeks: 2 })), '--shard', '0/2', '--out', join(folder, 'shard'), '--report');
      expect(shard.code).toBe(2);
      expect(shard.err).toMatch(/--report: a shard has no summary/);
      expect(existsSync(join(folder, 'shard'))).toBe(false);
      // A shard's folder given to report: told to merge first.
      expect((await cli('run', join(folder, 's.yaml'), '--shard', '0/2', '--out', join(folder, 'shard'))).code).toBe(0);
      const drawn = await cli('report', join(folder, 'shard'));
      expect(drawn.code).toBe(2);
      expect(drawn.err).toMatch(/one shard of a run.*merge the shards/);
    });

    it('should exit 2 naming the file when a table lacks a column the page needs', async () => {
      const folder = temporaryFolder();
      const out = join(folder, 'out');
      await cli('run', writeScenario(folder, 's.yaml', smallScenario({ size: 10, weeks: 2 })), '--out', out, '--quiet');
      writeFileSync(join(out, 'athletes.csv'), 'athlete,arm\n0,polarized\n');
      const drawn = await cli('report', out);
      expect(drawn.code).toBe(2);
      expect(drawn.err).toMatch(/athletes\.csv: no column vo2maxPct/);
      expect(drawn.err).not.toMatch(/\n\s+at /);
      writeFileSync(join(out, 'summary.json'), '{"arms": [');
      const cut = await cli('report', out);
      expect(cut.code).toBe(2);
      expect(cut.err).toMatch(/summary\.json: not JSON/);
      // A table cut short, and JSON of another shape: named, exit 2, no stack trace.
      const other = join(folder, 'other');
      await cli('run', join(folder, 's.yaml'), '--out', other, '--quiet');
      writeFileSync(join(other, 'athletes.csv'), `${read(join(other, 'athletes.csv')).split('\n')[0]}\n0,a0,0,polarized\n`);
      const short = await cli('report', other);
      expect([short.code, /athletes\.csv: cannot be read as CSV/.test(short.err), /\n\s+at /.test(short.err)]).toEqual([2, true, false]);
      writeFileSync(join(other, 'summary.json'), '{"arms": [], "weeks": 4}');
      const shape = await cli('report', other);
      expect([shape.code, /summary\.json: not a run's summary/.test(shape.err)]).toEqual([2, true]);
      for (const [name, text] of [['plan.json', '{}'], ['whatif.json', '{"options": []}']] as const) {
        const page = join(folder, name);
        mkdirSync(page);
        writeFileSync(join(page, name), text);
        const drawn = await cli('report', page);
        expect([name, drawn.code, /not a .* as periodize writes it/.test(drawn.err)]).toEqual([name, 2, true]);
      }
      expect(existsSync(join(out, 'report.html'))).toBe(false);
    });
  });

  describe('having a power table (periodize power --report)', () => {
    const study = () =>
      smallScenario({ size: 30, weeks: 2, daily: false })
        .replace('  - { id: threshold, design: threshold }\n', '  - { id: pyramidal, design: pyramidal }\n  - { id: threshold, design: threshold }\n')
        .replace('reference: threshold\n', 'contrasts: pairwise\nsesoi: { timeTrialPct: 1.0 }\n');

    it('should draw power curves (--n) and the n for a target (--target), each point of power.csv, with the provenance', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'study.yaml', study());
      const curves = await cli('power', file, '--n', '10,20,40', '--replicates', '50', '--out', join(folder, 'curves'), '--report');
      expect(curves.code).toBe(0);
      expect(readdirSync(join(folder, 'curves')).sort()).toEqual(['manifest.json', 'power.csv', 'report.html']);
      const page = read(join(folder, 'curves', 'report.html'));
      expect(chartsOf(page).map((c) => c.id)).toEqual(['power-curves']);
      // 3 pairs × 4 metrics × 3 sizes of the difference test, and 3 pairs × 3 sizes of equivalence (the time trial's sesoi).
      expect((chartsOf(page)[0]!.spec as { data: { values: unknown[] } }).data.values).toHaveLength(3 * 4 * 3 + 3 * 3);
      expect(page).toContain('periodize power');
      const sizes = await cli('power', file, '--target', '0.8', '--replicates', '50', '--out', join(folder, 'sizes'), '--report');
      expect(sizes.code).toBe(0);
      expect(chartsOf(read(join(folder, 'sizes', 'report.html'))).map((c) => c.id)).toEqual(['sample-size']);
      // Drawn again from the folder: the same page.
      const again = await cli('report', join(folder, 'sizes'));
      expect(again.code).toBe(0);
    });

    it('should exit 2 naming power.csv when it is not a power table', async () => {
      const folder = temporaryFolder();
      writeFileSync(join(folder, 'power.csv'), 'arm,vs\na,b\n');
      const drawn = await cli('report', folder);
      expect([drawn.code, /power\.csv: not a power table as periodize writes it/.test(drawn.err)]).toEqual([2, true]);
    });
  });

  describe("having a coach's athlete", () => {
    const athlete = 'examples/athlete.yaml';
    it('should draw the plan as a calendar with its fitness and fatigue', async () => {
      const out = join(temporaryFolder(), 'plan');
      expect((await cli('plan', athlete, '--out', out, '--report')).code).toBe(0);
      const charts = chartsOf(read(join(out, 'report.html')));
      expect(charts.map((c) => c.id)).toEqual(['plan-calendar', 'fitness']);
      // One cell per session of plan.json.
      const plan = JSON.parse(read(join(out, 'plan.json'))) as { weeks: { sessions: unknown[] }[] };
      const calendar = charts[0]!.spec as { hconcat: [{ data: { values: unknown[] } }] };
      expect(calendar.hconcat[0].data.values).toHaveLength(plan.weeks.reduce((n, w) => n + w.sessions.length, 0));
    });

    it('should draw the mornings against the band the engine read, and the days it changed something', async () => {
      const out = join(temporaryFolder(), 'coach');
      const coach = await cli('coach', athlete, '--wellness', 'examples/data/wellness-intervals-icu.csv', '--activities', 'examples/data/activities-intervals-icu.csv', '--out', out, '--report');
      expect(coach.code).toBe(0);
      const charts = chartsOf(read(join(out, 'report.html')));
      expect(charts.map((c) => c.id)).toEqual(['mornings', 'fitness', 'plan-calendar']);
      const days = (JSON.parse(read(join(out, 'coach.json'))) as { days: { band: { swcLow: number | null } | null; changes: { outcome: string }[] }[] }).days;
      const changed = days.filter((d) => d.changes.some((c) => c.outcome === 'applied')).length;
      expect(changed).toBeGreaterThan(0);
      const mornings = charts[0]!.spec as { vconcat: [{ layer: [{ data: { values: unknown[] } }] }, { data: { values: { swcLow: number | null }[] } }] };
      expect(mornings.vconcat[0].layer[0].data.values).toHaveLength(changed);
      // The band is the engine's: present once its baselines filled.
      expect(mornings.vconcat[1].data.values.filter((d) => d.swcLow !== null).length).toBe(days.filter((d) => d.band?.swcLow != null).length);
      expect(days.some((d) => d.band?.swcLow != null)).toBe(true);
      // Today's decision, in words, with what the rules read.
      const html = read(join(out, 'report.html'));
      const today = (JSON.parse(read(join(out, 'coach.json'))) as { today: string }).today;
      expect(html.includes(`Today, ${today}: `)).toBe(true);
      expect(html.includes('What the rules read this morning: HRV 7-day mean outside the individual band')).toBe(true);
    });

    it('should draw an option none of whose versions raced as a note, not a failure', async () => {
      const out = join(temporaryFolder(), 'whatif');
      // One version, injured on race day under threshold (seed 21).
      expect((await cli('whatif', athlete, '--options', 'plan,threshold', '--replicates', '1', '--seed', '21', '--out', out, '--report')).code).toBe(0);
      const whatIf = JSON.parse(read(join(out, 'whatif.json'))) as { options: { id: string; median: string | null }[] };
      const none = whatIf.options.filter((o) => o.median === null).map((o) => o.id);
      expect(none.length).toBeGreaterThan(0);
      const html = read(join(out, 'report.html'));
      for (const id of none) expect(html.includes(`${id}: no version raced`)).toBe(true);
    });

    it('should draw a coach page without a rule set: the mornings without a band, and say why', async () => {
      const folder = temporaryFolder();
      const fixed = join(folder, 'fixed.yaml');
      writeFileSync(fixed, read(athlete).replace(/^rules: .*$/m, ''));
      const out = join(folder, 'coach');
      expect((await cli('coach', fixed, '--wellness', 'examples/data/wellness-intervals-icu.csv', '--activities', 'examples/data/activities-intervals-icu.csv', '--out', out, '--report')).code).toBe(0);
      const html = read(join(out, 'report.html'));
      const mornings = chartsOf(html)[0]!;
      expect(mornings.id).toBe('mornings');
      expect(JSON.stringify(mornings.spec).includes('"field":"swcLow"')).toBe(false);
      expect(html.includes('the athlete file names no rule set')).toBe(true);
    });

    it("should draw each what-if option's race times", async () => {
      const out = join(temporaryFolder(), 'whatif');
      expect((await cli('whatif', athlete, '--options', 'plan,threshold', '--replicates', '60', '--out', out, '--report')).code).toBe(0);
      const html = read(join(out, 'report.html'));
      expect(chartsOf(html).map((c) => c.id)).toEqual(['race-times']);
      expect(html.includes('<h1>What if? Anna Berg</h1>')).toBe(true);
    });
  });

  describe('having the trials', () => {
    it('should write trials.json and the page into --out, and refuse --out without --report', async () => {
      const out = join(temporaryFolder(), 'trials');
      const trials = await cli('trials', '--only', 'overreaching', '--size', '500', '--report', '--out', out);
      expect(trials.out).toMatch(/report: .*report\.html/);
      expect(readdirSync(out).sort()).toEqual(['manifest.json', 'report.html', 'trials.json']);
      expect(chartsOf(read(join(out, 'report.html'))).map((c) => c.id)).toEqual(['trials-calibration']);
      const bad = await cli('trials', '--only', 'overreaching', '--out', out);
      expect(bad.code).toBe(2);
      // Never into another command's folder: its manifest would go.
      const run = join(temporaryFolder(), 'run');
      await cli('run', writeScenario(temporaryFolder(), 's.yaml', smallScenario({ size: 10, weeks: 2 })), '--out', run, '--quiet');
      const manifest = read(join(run, 'manifest.json'));
      const into = await cli('trials', '--only', 'overreaching', '--size', '500', '--report', '--out', run);
      expect([into.code, /holds another command's outputs/.test(into.err), read(join(run, 'manifest.json')) === manifest]).toEqual([2, true, true]);
      expect(readFileSync(join(out, 'trials.json'), 'utf8')).toMatch(/"simulated"/);
    });
  });
});
