import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { clockExpr } from '../../src/report/chart.ts';
import { fitnessChart, fitnessFatigue, morningsChart, planCalendarChart, raceTimesChart } from '../../src/report/charts/coach.ts';
import { adjustmentsChart, changeBoxesChart, forestChart, respondersChart, sweepChart, weeklyMarkersChart, zoneBarsChart } from '../../src/report/charts/research.ts';
import { trialsChart } from '../../src/report/charts/trials.ts';
import { boxStats } from '../../src/report/run-report.ts';
import { calendar, type PlanJson } from '../../src/report/athlete-report.ts';
import { compile } from 'vega-lite';
import { clockMinutes } from '../../src/models/athlete/schema.ts';
import { drawHeadless } from './render.ts';

/** Evaluates a Vega expression of `datum.value` for each value, in vega itself. */
async function evaluate(expression: string, values: number[]): Promise<unknown[]> {
  const view = new vega.View(vega.parse({ data: [{ name: 'd', values: values.map((value) => ({ value })), transform: [{ type: 'formula', expr: expression, as: 'out' }] }] }), { renderer: 'none' });
  await view.runAsync();
  return view.data('d').map((row: { out: unknown }) => row.out);
}

describe('the report charts (src/report/charts/), drawn headless by vega', () => {
  describe('having minutes to write as a race clock', () => {
    it('should write 47.5 as 47:30, 3:15:15 past an hour, and round 59.999 up to 60:00 without a "60" of seconds', async () => {
      expect(await evaluate(clockExpr('datum.value'), [47.5, 195.25, 59.9999, 9.05, 0])).toEqual(['47:30', '3:15:15', '1:00:00', '9:03', '0:00']);
      // And back: the page reads whatif.json's clock times.
      expect(clockMinutes('47:30')).toBe(47.5);
    });
  });

  describe('having the arms of a comparison', () => {
    const arms = ['polarized', 'pyramidal', 'threshold'];
    it('should draw two stacked bars of three zones per arm (target and achieved), and a polarization index each', async () => {
      const zones = arms.map((arm, i) => ({ arm, design: arm, target: { z1: 0.8, z2: 0.05 + 0.1 * i, z3: 0.15 - 0.05 * i }, achieved: { z1: 0.78, z2: 0.07 + 0.1 * i, z3: 0.15 - 0.05 * i }, polarizationIndex: i === 2 ? null : 2.1 - i }));
      const drawn = await drawHeadless(zoneBarsChart(zones).spec);
      expect(drawn.warnings).toEqual([]);
      expect(drawn.byType).toEqual({ rect: arms.length * 2 * 3, text: arms.length });
      // An arm without a target has its achieved bar alone.
      const noTarget = await drawHeadless(zoneBarsChart([{ ...zones[0]!, target: null }]).spec);
      expect(noTarget.byType.rect).toBe(3);
    });

    it('should draw a box per arm and metric, and the athletes only when there are few', async () => {
      const values = Array.from({ length: 40 }, (_, i) => i - 10);
      const boxes = arms.map((arm) => boxStats(arm, 'timeTrialPct', values)!);
      const points = arms.flatMap((arm) => values.map((value, i) => ({ arm, value, jitter: (i % 7) / 3.5 - 1 })));
      const withPoints = await drawHeadless(changeBoxesChart([{ metric: 'timeTrialPct', title: '10-km time trial', boxes, points }], arms).spec);
      expect(withPoints.warnings).toEqual([]);
      // Per arm: a whisker rule, a box, a median tick (rect), a mean diamond; and each athlete a circle.
      expect(withPoints.byType).toEqual({ rule: 3, rect: 6, symbol: 3 + 3 * 40 });
      const without = await drawHeadless(changeBoxesChart([{ metric: 'timeTrialPct', title: '10-km time trial', boxes, points: null }], arms).spec);
      expect(without.byType.symbol).toBe(3);
    });

    it("should draw each contrast's mean and CI, and the model's interval only when the run has one", async () => {
      const rows = ['polarized', 'pyramidal'].flatMap((arm) =>
        ['10-km (pp)', 'VO2max (pp)'].map((label) => ({ arm, vs: 'threshold', metric: label, label, diff: 1, low: 0.5, high: 1.5, hedgesG: 0.2, pAdjusted: null, verdict: null, sesoi: null, model: null })),
      );
      const plain = await drawHeadless(forestChart(rows, ['polarized', 'pyramidal']).spec);
      expect(plain.warnings).toEqual([]);
      // Per contrast: its CI rule, its square and its g; per panel, one zero line.
      expect(plain.byType).toEqual({ rule: 4 + 2, symbol: 4, text: 4 });
      // No sesoi: no equivalence band.
      const model = await drawHeadless(forestChart(rows.map((r) => ({ ...r, model: { low: -0.5, high: 2.5, sameSign: 0.8 } })), ['polarized', 'pyramidal']).spec);
      expect(model.byType.rule).toBe(4 + 4 + 2);
      // Each contrast says how many plausible models agree in its sign.
      const labels = (forestChart(rows.map((r) => ({ ...r, model: { low: -0.5, high: 2.5, sameSign: 0.8 } })), ['polarized', 'pyramidal']).spec as { data: { values: { gText: string }[] } }).data.values.map((v) => v.gText);
      expect(labels).toEqual(Array(4).fill('g = +0.20 · 80 % of models agree'));
    });

    it('should draw pairwise contrasts as "arm − vs" rows, each with its verdict and adjusted p', async () => {
      const pairs: [string, string][] = [['polarized', 'pyramidal'], ['polarized', 'threshold'], ['pyramidal', 'threshold']];
      const rows = pairs.map(([arm, vs], i) => ({ arm, vs, metric: 'tt', label: '10-km (pp)', diff: 1, low: 0.5, high: 1.5, hedgesG: 0.2, pAdjusted: [0.0004, 0.03, 0.4][i]!, verdict: ['different', 'different', 'inconclusive'][i]!, sesoi: 1, model: null }));
      const chart = forestChart(rows, ['polarized', 'pyramidal'], arms);
      const drawn = await drawHeadless(chart.spec);
      expect(drawn.warnings).toEqual([]);
      // Per contrast its CI, square and label; the panel's zero line and its band ±sesoi.
      expect(drawn.byType).toEqual({ rule: 3 + 1, symbol: 3, text: 3, rect: 1 });
      const values = (chart.spec as { data: { values: { contrast: string; gText: string }[] } }).data.values;
      expect(values.map((v) => v.contrast)).toEqual(['polarized − pyramidal', 'polarized − threshold', 'pyramidal − threshold']);
      expect(values.map((v) => v.gText)).toEqual(['g = +0.20 · different (p adj. < 0.001)', 'g = +0.20 · different (p adj. 0.030)', 'g = +0.20 · inconclusive (p adj. 0.400)']);
      expect(chart.title).toBe('Paired differences of every contrast, athlete by athlete');
    });

    it('should split each arm into low responders, the rest and high responders, adding up to the whole', async () => {
      const rows = arms.map((arm) => ({ arm, label: '10-km time trial', high: 0.7, low: 0.1 }));
      const drawn = await drawHeadless(respondersChart(rows, arms).spec);
      expect(drawn.warnings).toEqual([]);
      expect(drawn.byType).toEqual({ rect: 9 });
    });

    it("should draw each marker's weekly line and band per arm, and shade an event's weeks", async () => {
      const markers = [{ marker: 'restingHr', title: 'resting HR' }, { marker: 'sleepHours', title: 'sleep' }];
      const rows = arms.flatMap((arm) => markers.flatMap(({ marker }) => [1, 2, 3, 4].map((week) => ({ arm, week, marker, mean: 50 + week, low: 48 + week, high: 52 + week }))));
      const drawn = await drawHeadless(weeklyMarkersChart(rows, markers, [{ label: 'sleep restricted to 5.5 h', fromWeek: 2, toWeek: 3 }], arms).spec);
      expect(drawn.warnings).toEqual([]);
      // Per panel: one shaded event; per arm a band and a line through each week (vega counts a line's and an area's points), and a point per week.
      expect(drawn.byType.rect).toBe(2);
      expect(drawn.byType.area).toBe(2 * 3 * 4);
      expect(drawn.byType.line).toBe(2 * 3 * 4);
      expect(drawn.byType.symbol).toBe(2 * 3 * 4);
    });

    it('should draw what the engine changed as a bar per rule and week', async () => {
      const rows = [1, 2, 3].flatMap((week) => ['hrv-outside-band', 'acwr-cap'].map((rule) => ({ arm: 'swc', week, rule, perAthlete: week / 10 })));
      const drawn = await drawHeadless(adjustmentsChart(rows, ['swc']).spec);
      expect(drawn.warnings).toEqual([]);
      expect(drawn.byType).toEqual({ rect: 6 });
    });

    it('should draw a sweep over two settings as a cell per setting, over one as a line with its CIs', async () => {
      const cells = [0, 0.1, 0.2].flatMap((z2) => [4, 6].map((hours) => ({ arm: `z2_${z2}_h${hours}`, values: { z2, weeklyHours: hours }, value: z2 - 0.1, low: z2 - 0.5, high: z2 + 0.3 })));
      const heat = await drawHeadless(sweepChart(cells, ['z2', 'weeklyHours'], '10-km vs polarized (pp)').spec);
      expect(heat.warnings).toEqual([]);
      expect(heat.byType).toEqual({ rect: 6, text: 6 });
      const line = await drawHeadless(sweepChart(cells.filter((c) => c.values.weeklyHours === 4), ['z2'], '10-km (pp)').spec);
      // A CI rule and a point per value, and the line through them (its 3 points).
      expect(line.byType).toEqual({ rule: 3, line: 3, symbol: 3 });
      // Without a reference the sweep has means and no CIs: no rule, and no warning of an empty one.
      const means = await drawHeadless(sweepChart(cells.filter((c) => c.values.weeklyHours === 4).map((c) => ({ ...c, low: null, high: null })), ['z2'], '10-km, mean % change').spec);
      expect(means.warnings).toEqual([]);
      expect(means.byType).toEqual({ line: 3, symbol: 3 });
    });
  });

  describe("having a coach's athlete", () => {
    it('should draw the plan as a cell per session, named, and the hours of each week by zone', async () => {
      const sessions = [0, 2, 5].map((weekday) => ({ week: 1, weekStart: '2027-01-04', weekday, date: `2027-01-0${4 + weekday}`, name: weekday === 2 ? 'VO2max intervals' : 'Easy run', minutes: 50, zone: (weekday === 2 ? 'Z3' : 'Z1') as 'Z1' | 'Z3', structure: '…' }));
      const drawn = await drawHeadless(planCalendarChart(sessions, [{ week: 1, weekStart: '2027-01-04', block: 'base', z1Minutes: 130, z2Minutes: 0, z3Minutes: 20 }]).spec);
      expect(drawn.warnings).toEqual([]);
      // 3 day cells and 3 hour bars (one per zone of the week); two text lines per session and one total.
      expect(drawn.byType).toEqual({ rect: 3 + 3, text: 2 * 3 + 1 });
    });

    it("should put a double day's sessions in one cell, named together, coloured by the harder, its minutes added", () => {
      const session = (date: string, weekday: string, name: string, minutes: number, z3: number) => ({ date, weekday, name, structure: name, minutes, z1Minutes: minutes - z3, z2Minutes: 0, z3Minutes: z3 });
      const plan: PlanJson = {
        athlete: 'A',
        design: 'polarized',
        anchors: {},
        weeks: [{ week: 1, start: '2027-01-04', block: 'base', design: 'polarized', planned: { minutes: 150, z1Minutes: 134, z2Minutes: 0, z3Minutes: 16 }, sessions: [session('2027-01-05', 'Tue', 'Easy run', 40, 0), session('2027-01-05', 'Tue', 'VO2max intervals', 50, 16), session('2027-01-07', 'Thu', 'Easy run', 60, 2)] }],
      };
      const { sessions } = calendar(plan);
      expect(sessions.map((s) => [s.weekday, s.name, s.minutes, s.zone])).toEqual([
        [1, 'Easy run + VO2max intervals', 90, 'Z3'],
        // Strides (2 minutes in zone 3) leave an easy run easy.
        [3, 'Easy run', 60, 'Z1'],
      ]);
    });

    it('should place every date on its own calendar day whatever the time zone (UTC time units, never local)', () => {
      const rows = [{ date: '2027-01-04', lnRmssd: 4, restingHr: 50, sleepHours: 7, hrvMean7d: 4, swcLow: 3.9, swcHigh: 4.1, changes: 'x' }];
      for (const chart of [morningsChart(rows, '2027-01-04'), fitnessChart(fitnessFatigue([{ date: '2027-01-04', load: 100, source: 'done' }], 42, 7, { fitness: 100, fatigue: 100 }), 42, 7)]) {
        const scales = (compile(chart.spec).spec as { scales?: { type?: string }[] }).scales ?? [];
        expect(scales.filter((scale) => scale.type === 'utc').length).toBeGreaterThan(0);
        expect(scales.filter((scale) => scale.type === 'time')).toEqual([]);
      }
    });

    it("should mark the mornings the engine changed something, and draw the band where the engine had one", async () => {
      const rows = Array.from({ length: 10 }, (_, d) => ({ date: `2027-01-${String(d + 1).padStart(2, '0')}`, lnRmssd: 4 + d / 100, restingHr: 50, sleepHours: d === 3 ? null : 7.5, hrvMean7d: d < 7 ? null : 4.05, swcLow: d < 7 ? null : 3.9, swcHigh: d < 7 ? null : 4.2, changes: d === 8 ? 'HRV below the band: intervals → easy run' : '' }));
      const drawn = await drawHeadless(morningsChart(rows, '2027-01-10').spec);
      expect(drawn.warnings).toEqual([]);
      expect(drawn.byType.symbol).toBe(1 + 10 + 10 + 9);
      // No band anywhere (no rule set): no band or mean drawn, and nothing for vega to warn about.
      const none = await drawHeadless(morningsChart(rows.map((r) => ({ ...r, hrvMean7d: null, swcLow: null, swcHigh: null, changes: '' })), '2027-01-10').spec);
      expect(none.warnings).toEqual([]);
      expect(none.byType.area).toBeUndefined();
    });

    it('should hold fitness and fatigue at a steady load, and rise towards a new load at their own time constants', () => {
      const steady = fitnessFatigue(Array.from({ length: 50 }, (_, d) => ({ date: String(d), load: 100, source: 'planned' as const })), 42, 7, { fitness: 100, fatigue: 100 });
      expect(steady.every((d) => Math.abs(d.fitness - 100) < 1e-9 && Math.abs(d.form) < 1e-9)).toBe(true);
      const step = fitnessFatigue(Array.from({ length: 14 }, (_, d) => ({ date: String(d), load: 200, source: 'planned' as const })), 42, 7, { fitness: 100, fatigue: 100 });
      expect(step.at(-1)!.fitness).toBeCloseTo(200 - 100 * (1 - 1 / 42) ** 14, 9);
      expect(step.at(-1)!.fatigue).toBeCloseTo(200 - 100 * (1 - 1 / 7) ** 14, 9);
      // A harder fortnight leaves fatigue above fitness: form negative.
      expect(step.at(-1)!.form).toBeLessThan(0);
    });

    it("should draw each option's race times as a curve, with its median and percentiles, in mm:ss", async () => {
      const versions = ['plan', 'polarized'].flatMap((option, k) => Array.from({ length: 100 }, (_, i) => ({ option, minutes: 45 + k * 0.3 + (i - 50) / 25 })));
      const options = ['plan', 'polarized'].map((option) => ({ option, label: option, medianMinutes: 45, lowMinutes: 43, highMinutes: 47 }));
      const drawn = await drawHeadless(raceTimesChart(versions, options, { minutes: 47.5, label: '47:30' }, '10k').spec);
      expect(drawn.warnings).toEqual([]);
      expect(drawn.byType.symbol).toBe(2);
      expect(drawn.byType.text).toBe(2);
      expect(drawn.byType.rule).toBe(2 + 2);
    });
  });

  describe('having the trials', () => {
    it('should draw each outcome with its band, its published value and the simulated one', async () => {
      const rows = [1, 2, 3].map((i) => ({ study: `Study ${i}`, outcome: 'VO2max', unit: '%', role: 'validation' as const, published: i, bandLow: i - 1, bandHigh: i + 1, simulated: i + 0.5, ciLow: i, ciHigh: i + 1, within: i !== 3, studyLow: null, studyHigh: null }));
      const drawn = await drawHeadless(trialsChart(rows).spec);
      expect(drawn.warnings).toEqual([]);
      // Per outcome: the band and the CI (rules), the simulated dot and the published diamond.
      expect(drawn.byType).toEqual({ rule: 6, symbol: 6 });
    });
  });
});

describe('boxStats', () => {
  it("should give R's type-7 quartiles and Tukey's whiskers, leaving out what was not measured", () => {
    const box = boxStats('a', 'm', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, Number.NaN])!;
    // quantile(c(1:10, 100), c(.25, .5, .75)) in R: 3.5, 6, 8.5; 100 is past 8.5 + 1.5 × 5.
    expect([box.q1, box.median, box.q3]).toEqual([3.5, 6, 8.5]);
    expect([box.low, box.high]).toEqual([1, 10]);
    expect(box.n).toBe(11);
    expect(box.mean).toBeCloseTo(155 / 11, 12);
    expect(boxStats('a', 'm', [Number.NaN])).toBeNull();
  });
});
