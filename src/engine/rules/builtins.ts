import type { Condition, RuleSet } from '../../models/rules/schema.ts';

/**
 * The built-in rule sets, as data: each is what a coach would write in a rule file, with its source.
 * Thresholds the sources do not give are marked as ours ([M]) in the description.
 */

/** No adaptation: the plan as designed. */
const NONE: RuleSet = {
  name: 'none',
  description: 'No adaptation: every session as planned.',
  hitPolicy: 'first',
  rules: [],
};

/**
 * Kiviniemi AM, Hautala AJ, Kinnunen H, Tulppo MP. Endurance training guided individually by daily
 * heart rate variability measurements. Eur J Appl Physiol 2007;101(6):743–751.
 * doi:10.1007/s00421-007-0552-2. Each morning: HRV below the 10-day mean − 1 SD, or falling two days
 * running → low intensity or rest; otherwise high intensity.
 */
const HRV_KIVINIEMI: RuleSet = {
  name: 'hrv-kiviniemi',
  description:
    'Daily HRV guidance: when this morning\'s lnRMSSD is more than 1 SD below its 10-day mean, or has fallen two days running, ' +
    'today\'s hard session moves to a later day (or becomes easy); otherwise a hard session planned later in the week may come forward to today.',
  source: 'Kiviniemi et al. 2007, Eur J Appl Physiol 101:743–751, doi:10.1007/s00421-007-0552-2',
  hitPolicy: 'first',
  facts: { hrvRollingDays: 10 },
  // No guardrail: the study set none (two falling mornings already send the athlete easy).
  rules: [
    {
      id: 'hrv-low-or-falling',
      description: 'HRV below the 10-day band or falling for two days: easy or rest today',
      priority: 100,
      when: { any: [{ fact: 'hrvTodayVsRollingSd', op: 'below', value: -1 }, { fact: 'hrvFallingDays', op: 'atLeast', value: 2 }] },
      then: { action: 'postponeHardSession' },
    },
    {
      id: 'hrv-normal',
      description: 'HRV inside the 10-day band and not falling: train hard today',
      priority: 50,
      when: { all: [{ fact: 'hrvTodayVsRollingSd', op: 'atLeast', value: -1 }, { fact: 'hrvFallingDays', op: 'below', value: 2 }] },
      then: { action: 'bringForwardHardSession' },
    },
  ],
};

/**
 * Vesterinen V, Nummela A, Heikura I, et al. Individual endurance training prescription with heart
 * rate variability. Med Sci Sports Exerc 2016;48(7):1347–1354. doi:10.1249/MSS.0000000000000910.
 * Javaloyes A, Sarabia JM, Lamberts RP, Moya-Ramon M. Training prescription guided by heart rate
 * variability in cycling. Int J Sports Physiol Perform 2019;14(1):23–32. doi:10.1123/ijspp.2018-0122.
 * Hard sessions only while the 7-day lnRMSSD mean is inside the smallest-worthwhile-change band
 * (baseline mean ± 0.5 SD, baseline 4 weeks); outside it, on either side, low intensity or rest.
 */
const HRV_SWC: RuleSet = {
  name: 'hrv-swc',
  description:
    'Hard sessions only while the 7-day lnRMSSD mean is inside the individual band (4-week baseline mean ± 0.5 SD); ' +
    'outside it, on either side, today\'s hard session moves to a later day or becomes easy.',
  source:
    'Vesterinen et al. 2016, Med Sci Sports Exerc 48:1347–1354, doi:10.1249/MSS.0000000000000910; ' +
    'Javaloyes et al. 2019, Int J Sports Physiol Perform 14:23–32, doi:10.1123/ijspp.2018-0122',
  hitPolicy: 'first',
  facts: { hrvBaselineDays: 28, hrvSwcWidthSd: 0.5 },
  rules: [
    {
      id: 'hrv-outside-band',
      description: '7-day HRV mean outside the individual band: no hard training today',
      priority: 100,
      when: { fact: 'hrvMean7dOutsideBand', op: 'isTrue' },
      then: { action: 'postponeHardSession' },
    },
  ],
};

/**
 * Nuuttila OP, Nummela A, Korhonen E, Häkkinen K, Kyröläinen H. Individualized endurance training
 * based on recovery and training status in recreational runners. Med Sci Sports Exerc
 * 2022;54(10):1690–1701. doi:10.1249/MSS.0000000000002968. Twice a week (Monday and Thursday) the
 * load is decreased, maintained or increased from nocturnal HRV, perceived recovery and the
 * HR–speed index. Here perceived recovery is session-RPE drift and sleep, and resting HR stands in
 * for the HR–speed index; the thresholds (+1 RPE point, +3 bpm, 5 h of sleep debt) are ours [M].
 */
const TWO_MARKERS_OFF: Condition = {
  atLeast: 2,
  of: [
    { fact: 'hrvMean7dBelowBandDays', op: 'atLeast', value: 1 },
    { fact: 'restingHrDelta7d', op: 'atLeast', value: 3 },
    { fact: 'sleepDebt7d', op: 'atLeast', value: 5 },
    { fact: 'rpeDrift7d', op: 'atLeast', value: 1 },
  ],
};

const MULTI_MARKER: RuleSet = {
  name: 'multi-marker',
  description:
    'Monday and Thursday reviews: decrease load (hard sessions easy, volume −20 %) for the rest of the week when two markers ' +
    'are off — 7-day HRV mean below its band, resting HR up 3 bpm or more, sleep debt of 5 h or more in a week, sessions ' +
    'feeling 1 RPE point harder than usual; increase volume 5 % when all are green; otherwise keep the plan.',
  source: 'Nuuttila et al. 2022, Med Sci Sports Exerc 54:1690–1701, doi:10.1249/MSS.0000000000002968 (thresholds [M])',
  hitPolicy: 'collect',
  guardrails: { acwrCap: 1.5 },
  rules: [
    {
      id: 'decrease-load',
      description: 'Two or more markers off: easy sessions for the rest of the week',
      priority: 100,
      when: {
        all: [
          { fact: 'weekday', op: 'in', value: [1, 4] },
          TWO_MARKERS_OFF,
        ],
      },
      then: { action: 'makeHardSessionsEasy', scope: 'restOfWeek' },
    },
    {
      id: 'decrease-volume',
      description: 'Two or more markers off: volume −20 % for the rest of the week',
      priority: 90,
      when: {
        all: [
          { fact: 'weekday', op: 'in', value: [1, 4] },
          TWO_MARKERS_OFF,
        ],
      },
      then: { action: 'scaleVolume', scope: 'restOfWeek', factor: 0.8 },
    },
    {
      id: 'increase-load',
      description: 'All markers green: volume +5 % next week',
      priority: 10,
      when: {
        all: [
          { fact: 'weekday', op: 'equals', value: 4 },
          { fact: 'hrvMean7dOutsideBand', op: 'isFalse' },
          { fact: 'restingHrDelta7d', op: 'below', value: 1.5 },
          { fact: 'sleepDebt7d', op: 'below', value: 2 },
          { fact: 'rpeDrift7d', op: 'below', value: 0.5 },
        ],
      },
      then: { action: 'progress', scope: 'nextMicrocycle', factor: 1.05 },
    },
  ],
};

/**
 * For athletes without HRV: resting HR, sleep and session RPE alone. Meeusen R, Duclos M, Foster C,
 * et al. Prevention, diagnosis, and treatment of the overtraining syndrome: joint consensus statement
 * of the ECSS and the ACSM. Med Sci Sports Exerc 2013;45(1):186–205. doi:10.1249/MSS.0b013e318279a10a
 * (no marker is one-way or sufficient alone, so two must agree); Craven J, et al. Sports Med
 * 2022;52:2669–2690 (≤ 6 h of sleep costs next-day endurance performance). The thresholds are ours [M].
 */
const CONSERVATIVE_COACH: RuleSet = {
  name: 'conservative-coach',
  description:
    'No HRV: after a night under 6 h, or with resting HR up 4 bpm and sessions feeling 1 RPE point harder, today\'s hard ' +
    'session becomes easy; during the two days after an illness, easy only; a week with 7 h of sleep debt gets a deload week next.',
  source:
    'Meeusen et al. 2013, Med Sci Sports Exerc 45:186–205, doi:10.1249/MSS.0b013e318279a10a; ' +
    'Craven et al. 2022, Sports Med 52:2669–2690, doi:10.1007/s40279-022-01706-y (thresholds [M])',
  hitPolicy: 'collect',
  guardrails: { maxWeeklyIncrease: 0.1, maxHardDaysInRow: 1, acwrCap: 1.5 },
  rules: [
    {
      id: 'back-from-illness',
      description: 'Ill in the last two days: easy only',
      priority: 100,
      when: { fact: 'daysSinceIllness', op: 'atMost', value: 2 },
      then: { action: 'makeHardSessionsEasy', scope: 'today' },
    },
    {
      id: 'short-night',
      description: 'Under 6 h of sleep last night: no hard session today',
      priority: 90,
      when: { fact: 'sleepLastNight', op: 'below', value: 6 },
      then: { action: 'makeHardSessionsEasy', scope: 'today' },
    },
    {
      id: 'heart-rate-and-effort-up',
      description: 'Resting HR up 4 bpm and sessions feeling harder than usual: no hard session today',
      priority: 80,
      when: { all: [{ fact: 'restingHrDelta7d', op: 'atLeast', value: 4 }, { fact: 'rpeDrift7d', op: 'atLeast', value: 1 }] },
      then: { action: 'makeHardSessionsEasy', scope: 'today' },
    },
    {
      id: 'sleep-debt-deload',
      description: 'Seven hours of sleep debt over the last week: next week is a deload week',
      priority: 70,
      when: { all: [{ fact: 'weekday', op: 'equals', value: 7 }, { fact: 'sleepDebt7d', op: 'atLeast', value: 7 }] },
      then: { action: 'insertDeloadWeek' },
    },
  ],
};

export const BUILTIN_RULE_SETS: ReadonlyMap<string, RuleSet> = new Map(
  [NONE, HRV_KIVINIEMI, HRV_SWC, MULTI_MARKER, CONSERVATIVE_COACH].map((set) => [set.name, set] as const),
);
