import { type Chart, clockExpr, SERIES_SCHEME, withBase, ZONE_COLOURS } from '../chart.ts';

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A session of the plan on its day, with the zone it is mostly about. */
export interface CalendarSession {
  week: number;
  /** The week's Monday, YYYY-MM-DD. */
  weekStart: string;
  /** Monday 0. */
  weekday: number;
  date: string;
  name: string;
  minutes: number;
  /** The hardest zone the session spends real time in: what a coach colours it by. */
  zone: 'Z1' | 'Z2' | 'Z3';
  /** The session's steps in words, for the hover. */
  structure: string;
}

/** A week of the plan: its block, and the planned minutes in each zone. */
export interface CalendarWeek {
  week: number;
  weekStart: string;
  block: string;
  z1Minutes: number;
  z2Minutes: number;
  z3Minutes: number;
}

/** The row label of a week: "W3 · 21 Dec · build". */
function weekLabel(week: number, weekStart: string, block: string): string {
  const [, m, d] = weekStart.split('-').map(Number);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m! - 1];
  return `W${week} · ${d} ${month} · ${block}`;
}

/**
 * The plan as a wall calendar: a row per week, a cell per day with the session's name and minutes,
 * coloured by its zone; beside it, each week's hours split by zone.
 */
export function planCalendarChart(sessions: readonly CalendarSession[], weeks: readonly CalendarWeek[]): Chart {
  const blockOf = new Map(weeks.map((w) => [w.week, w.block]));
  const rows = sessions.map((s) => ({
    ...s,
    row: weekLabel(s.week, s.weekStart, blockOf.get(s.week) ?? ''),
    day: WEEKDAY_NAMES[s.weekday],
    line1: s.name.length > 17 ? `${s.name.slice(0, 16)}…` : s.name,
    line2: `${Math.round(s.minutes)} min`,
  }));
  const order = weeks.map((w) => weekLabel(w.week, w.weekStart, w.block));
  const hours = weeks.flatMap((w) =>
    (['Z1', 'Z2', 'Z3'] as const).map((zone, i) => ({ row: order[weeks.indexOf(w)], zone, hours: [w.z1Minutes, w.z2Minutes, w.z3Minutes][i]! / 60 })),
  );
  const totals = weeks.map((w, i) => ({ row: order[i], total: (w.z1Minutes + w.z2Minutes + w.z3Minutes) / 60 }));
  const y = { field: 'row', type: 'ordinal', sort: order, title: null, axis: { labelFontSize: 11, ticks: false, domain: false } };
  return {
    id: 'plan-calendar',
    title: 'The plan, week by week',
    caption: 'Each cell is a day\'s session, coloured by the hardest zone it spends real time in: green easy, amber between the thresholds, red hard; hover for its steps, paces and heart rates. On the right, each week\'s planned hours by zone.',
    spec: withBase({
      hconcat: [
        {
          data: { values: rows },
          width: { step: 104 },
          height: { step: 40 },
          encoding: { x: { field: 'day', type: 'ordinal', sort: WEEKDAY_NAMES, scale: { domain: WEEKDAY_NAMES }, title: null, axis: { orient: 'top', labelAngle: 0, ticks: false, domain: false } }, y },
          layer: [
            {
              mark: { type: 'rect', cornerRadius: 3, opacity: 0.85, stroke: 'white', strokeWidth: 2, tooltip: true },
              encoding: {
                color: { field: 'zone', type: 'nominal', scale: ZONE_COLOURS, title: 'zone' },
                tooltip: [
                  { field: 'date', type: 'nominal' },
                  { field: 'name', type: 'nominal', title: 'session' },
                  { field: 'minutes', type: 'quantitative', format: '.0f' },
                  { field: 'structure', type: 'nominal', title: 'steps' },
                ],
              },
            },
            { mark: { type: 'text', dy: -7, fontSize: 10, color: 'white', fontWeight: 'bold' }, encoding: { text: { field: 'line1' } } },
            { mark: { type: 'text', dy: 7, fontSize: 10, color: 'white' }, encoding: { text: { field: 'line2' } } },
          ],
        },
        {
          width: 170,
          height: { step: 40 },
          layer: [
            {
              data: { values: hours },
              mark: { type: 'bar', tooltip: true },
              encoding: {
                y: { ...y, axis: null },
                x: { field: 'hours', type: 'quantitative', stack: 'zero', title: 'hours a week', axis: { orient: 'top' } },
                color: { field: 'zone', type: 'nominal', scale: ZONE_COLOURS, title: 'zone' },
                order: { field: 'zone', type: 'ordinal' },
                tooltip: [
                  { field: 'zone', type: 'nominal' },
                  { field: 'hours', type: 'quantitative', format: '.1f' },
                ],
              },
            },
            {
              data: { values: totals },
              mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 },
              encoding: { y: { ...y, axis: null }, x: { field: 'total', type: 'quantitative' }, text: { field: 'total', type: 'quantitative', format: '.1f' } },
            },
          ],
        },
      ],
      resolve: { scale: { y: 'shared', color: 'shared' } },
    }),
  };
}

/** One morning of the athlete's, with the engine's reading of it. */
export interface MorningRow {
  date: string;
  lnRmssd: number | null;
  restingHr: number | null;
  sleepHours: number | null;
  /** The engine's HRV 7-day mean and the smallest-worthwhile-change band around the baseline (null until the baselines fill, or without a rule set). */
  hrvMean7d: number | null;
  swcLow: number | null;
  swcHigh: number | null;
  /** What the engine changed that morning, in words (empty: nothing). */
  changes: string;
}

/**
 * The athlete's mornings against their individual band: lnRMSSD (each morning and the 7-day mean,
 * with the smallest-worthwhile-change band), resting HR and sleep; the days the engine changed
 * something marked, with its reasons on hover.
 */
export function morningsChart(rows: readonly MorningRow[], today: string): Chart {
  const changed = rows.filter((r) => r.changes !== '').map((r) => ({ date: r.date, changes: r.changes }));
  const x = { field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', title: null, axis: { format: '%d %b', labelAngle: 0 } };
  const todayRule = { data: { values: [{ date: today }] }, mark: { type: 'rule', color: '#333', strokeDash: [2, 2] }, encoding: { x: { field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate' } } };
  const marks = {
    data: { values: changed },
    mark: { type: 'point', shape: 'triangle-down', filled: true, color: '#c8423b', size: 70, tooltip: true },
    encoding: { x, y: { datum: 1, type: 'quantitative', scale: { domain: [0, 1] }, axis: null }, tooltip: [{ field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', format: '%a %d %b' }, { field: 'changes', type: 'nominal', title: 'the engine changed' }] },
  };
  // The engine's band and 7-day mean only where it had them (no rule set: none at all).
  const banded = rows.some((r) => r.swcLow !== null && r.swcHigh !== null && r.hrvMean7d !== null);
  const hrv = {
    width: 640,
    height: 170,
    data: { values: rows },
    layer: [
      ...(banded ? [{ mark: { type: 'area', color: '#9ecae1', opacity: 0.45 }, encoding: { x, y: { field: 'swcLow', type: 'quantitative' }, y2: { field: 'swcHigh' } } }] : []),
      {
        mark: { type: 'circle', color: '#6b6b6b', size: 16, opacity: 0.6, tooltip: true },
        encoding: { x, y: { field: 'lnRmssd', type: 'quantitative', title: 'lnRMSSD (ln ms)', scale: { zero: false } }, tooltip: [{ field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', format: '%a %d %b' }, { field: 'lnRmssd', type: 'quantitative', format: '.2f', title: 'this morning' }] },
      },
      ...(!banded
        ? []
        : [
            {
        mark: { type: 'line', color: '#08519c', strokeWidth: 2, tooltip: true },
        encoding: {
          x,
          y: { field: 'hrvMean7d', type: 'quantitative' },
          tooltip: [
            { field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', format: '%a %d %b' },
            { field: 'lnRmssd', type: 'quantitative', format: '.2f', title: 'this morning' },
            { field: 'hrvMean7d', type: 'quantitative', format: '.2f', title: '7-day mean' },
            { field: 'swcLow', type: 'quantitative', format: '.2f', title: 'band, low' },
            { field: 'swcHigh', type: 'quantitative', format: '.2f', title: 'band, high' },
          ],
        },
      },
          ]),
      todayRule,
    ],
  };
  const line = (field: string, title: string, colour: string) => ({
    width: 640,
    height: 100,
    data: { values: rows },
    layer: [
      { mark: { type: 'line', color: colour, point: { size: 10, color: colour }, tooltip: true }, encoding: { x, y: { field, type: 'quantitative', title, scale: { zero: false } }, tooltip: [{ field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', format: '%a %d %b' }, { field, type: 'quantitative', title, format: '.1f' }] } },
      todayRule,
    ],
  });
  return {
    id: 'mornings',
    title: "The athlete's mornings against their own band",
    caption:
      banded
        ? `Grey dots are each morning's HRV, the blue line its 7-day mean, the blue band the smallest worthwhile change around the athlete's baseline that the rules read; ${changed.length === 0 ? 'the engine changed nothing on these mornings' : 'a red triangle marks a day the engine changed the plan (hover for why)'}. The dashed line is today.`
        : "Grey dots are each morning's HRV, with resting HR and sleep below; no band is drawn — the athlete file names no rule set (or the engine's baselines had not filled), so no rule read one. The dashed line is today.",
    // A panel only for what the export holds (HRV4Training's has no sleep, some no resting HR), the strip only when something changed.
    spec: withBase({
      vconcat: [
        ...(changed.length === 0 ? [] : [{ width: 640, height: 18, layer: [marks] }]),
        hrv,
        ...(rows.some((r) => r.restingHr !== null) ? [line('restingHr', 'resting HR (bpm)', '#c8423b')] : []),
        ...(rows.some((r) => r.sleepHours !== null) ? [line('sleepHours', 'sleep (h)', '#54278f')] : []),
      ],
      spacing: 6,
      resolve: { scale: { x: 'shared' } },
    }),
  };
}

/** One day's training load, and the fitness, fatigue and form it adds up to. */
export interface LoadDay {
  date: string;
  load: number;
  fitness: number;
  fatigue: number;
  form: number;
  /** Whether the day's load is what was done (the athlete's records) or what is planned. */
  source: 'done' | 'planned';
}

/**
 * Fitness, fatigue and form over the plan (a performance-management chart): the daily session-RPE
 * load as bars, fitness and fatigue as lines, form below.
 */
export function fitnessChart(days: readonly LoadDay[], fitnessDays: number, fatigueDays: number): Chart {
  const x = { field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', title: null, axis: { format: '%d %b', labelAngle: 0 } };
  const lines = days.flatMap((d) => [
    { date: d.date, series: `fitness (${fitnessDays}-day)`, value: d.fitness, source: d.source },
    { date: d.date, series: `fatigue (${fatigueDays}-day)`, value: d.fatigue, source: d.source },
  ]);
  const hasDone = days.some((d) => d.source === 'done') && days.some((d) => d.source === 'planned');
  return {
    id: 'fitness',
    title: 'Fitness, fatigue and form over the plan',
    caption: `Bars are each day's load (session RPE × minutes, Foster 2001); fitness and fatigue are its ${fitnessDays}- and ${fatigueDays}-day exponentially weighted averages, and form is fitness minus fatigue (the performance-management chart of training software). Form rising into the goal is the taper working.${hasDone ? ' Days up to today are what was done, later days what is planned (lighter).' : ''}`,
    spec: withBase({
      vconcat: [
        {
          width: 640,
          height: 200,
          layer: [
            {
              data: { values: days },
              mark: { type: 'bar', color: '#bdbdbd', tooltip: true },
              encoding: {
                x,
                y: { field: 'load', type: 'quantitative', title: 'load (AU)' },
                opacity: { field: 'source', type: 'ordinal', sort: ['done', 'planned'], scale: { domain: ['done', 'planned'], range: [0.9, 0.45] }, legend: null },
                tooltip: [
                  { field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', format: '%a %d %b' },
                  { field: 'load', type: 'quantitative', format: '.0f' },
                  { field: 'source', type: 'nominal' },
                ],
              },
            },
            {
              data: { values: lines },
              mark: { type: 'line', strokeWidth: 2 },
              encoding: { x, y: { field: 'value', type: 'quantitative' }, color: { field: 'series', type: 'nominal', scale: { domain: [`fitness (${fitnessDays}-day)`, `fatigue (${fatigueDays}-day)`], range: ['#2171b5', '#cb181d'] }, title: null } },
            },
          ],
        },
        {
          width: 640,
          height: 90,
          data: { values: days },
          layer: [
            { mark: { type: 'area', color: '#41ab5d', opacity: 0.5, tooltip: true }, encoding: { x, y: { field: 'form', type: 'quantitative', title: 'form' }, tooltip: [{ field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', format: '%a %d %b' }, { field: 'form', type: 'quantitative', format: '+.0f' }] } },
            { data: { values: [{ form: 0 }] }, mark: { type: 'rule', color: '#777' }, encoding: { y: { field: 'form', type: 'quantitative' } } },
          ],
        },
      ],
      spacing: 8,
      resolve: { scale: { x: 'shared' } },
    }),
  };
}

/** The exponentially weighted averages of a daily load (Banister's impulse–response form as training software draws it). */
export function fitnessFatigue(loads: readonly { date: string; load: number; source: LoadDay['source'] }[], fitnessDays: number, fatigueDays: number, start: { fitness: number; fatigue: number }): LoadDay[] {
  let fitness = start.fitness;
  let fatigue = start.fatigue;
  return loads.map((d) => {
    // Form is the morning's: yesterday's fitness minus yesterday's fatigue, before today's load.
    const form = fitness - fatigue;
    fitness += (d.load - fitness) / fitnessDays;
    fatigue += (d.load - fatigue) / fatigueDays;
    return { date: d.date, load: d.load, fitness, fatigue, form, source: d.source };
  });
}

/** One what-if option: each version's race time, and the summary the terminal prints. */
export interface RaceOption {
  option: string;
  /** The option's heading over its panel: its name, design and what it predicts in words. */
  label: string;
  medianMinutes: number;
  lowMinutes: number;
  highMinutes: number;
}

/**
 * The predicted race time per what-if option as a distribution over the athlete's possible
 * versions, in mm:ss, with the median and the 10th–90th percentiles and the athlete's time now: a
 * panel per option, all on one time axis.
 */
export function raceTimesChart(versions: readonly { option: string; minutes: number }[], options: readonly RaceOption[], best: { minutes: number; label: string }, distance: string): Chart {
  const lo = Math.min(...versions.map((v) => v.minutes), best.minutes) - 0.5;
  const hi = Math.max(...versions.map((v) => v.minutes), best.minutes) + 0.5;
  const x = { type: 'quantitative', title: null, axis: { labelExpr: clockExpr('datum.value') }, scale: { domain: [Math.floor(lo), Math.ceil(hi)], nice: false } };
  const panels = options.map((o, i) => {
    // Minutes to the millisecond: the curve needs no more, and the page stays small.
    const times = versions.filter((v) => v.option === o.option).map((v) => ({ minutes: Math.round(v.minutes * 1000) / 1000 }));
    const summary = [{ option: o.option, median: o.medianMinutes, low: o.lowMinutes, high: o.highMinutes }];
    const clock = [
      { calculate: clockExpr('datum.median'), as: 'medianClock' },
      { calculate: clockExpr('datum.low'), as: 'lowClock' },
      { calculate: clockExpr('datum.high'), as: 'highClock' },
    ];
    return {
      title: { text: o.label, anchor: 'start', fontSize: 12, fontWeight: 'bold', offset: 4 },
      width: 600,
      height: 70,
      layer: [
        {
          data: { values: times },
          transform: [{ density: 'minutes', bandwidth: 0.35, extent: [lo, hi] }],
          mark: { type: 'area', opacity: 0.5 },
          encoding: {
            x: { field: 'value', ...x, title: i === options.length - 1 ? `${distance} race time (mm:ss; left is faster)` : null },
            y: { field: 'density', type: 'quantitative', axis: null },
            // One colour scale over the panels: each option its own colour of the series scheme.
            color: { datum: o.option, type: 'nominal', scale: { scheme: SERIES_SCHEME, domain: options.map((each) => each.option) }, legend: null },
          },
        },
        { data: { values: summary }, mark: { type: 'rule', strokeWidth: 3, color: '#222' }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, y: { datum: 0, type: 'quantitative' } } },
        {
          data: { values: summary },
          transform: clock,
          mark: { type: 'point', filled: true, size: 60, color: '#222', tooltip: true },
          encoding: {
            x: { field: 'median', type: 'quantitative' },
            y: { datum: 0, type: 'quantitative' },
            tooltip: [
              { field: 'option', type: 'nominal' },
              { field: 'medianClock', type: 'nominal', title: 'median' },
              { field: 'lowClock', type: 'nominal', title: '10th percentile' },
              { field: 'highClock', type: 'nominal', title: '90th percentile' },
            ],
          },
        },
        { data: { values: summary }, transform: clock, mark: { type: 'text', dy: -10, fontSize: 11, fontWeight: 'bold' }, encoding: { x: { field: 'median', type: 'quantitative' }, y: { datum: 0, type: 'quantitative' }, text: { field: 'medianClock' } } },
        { data: { values: [{ best: best.minutes }] }, mark: { type: 'rule', color: '#333', strokeDash: [4, 3] }, encoding: { x: { field: 'best', type: 'quantitative' } } },
      ],
    };
  });
  return {
    id: 'race-times',
    title: `The ${distance} on race day, option by option`,
    caption: `Each panel is an option, its heading the median and its difference from the first option (± its Monte Carlo error). Each curve is the spread of race times over the possible versions of the athlete (what a coach cannot know: how strongly they respond, how fast they recover); the black bar marks the 10th–90th percentile and the dot the median. The dashed line is the time now (${best.label}).`,
    spec: withBase({ vconcat: panels, spacing: 14, resolve: { scale: { x: 'shared', color: 'shared' } } }),
  };
}
