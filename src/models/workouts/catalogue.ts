import type { Intensity, Segment, Workout } from './types.ts';

/**
 * The workout catalogue. Every workout the project was asked for — the classic sessions of the
 * polarized, pyramidal and threshold literature and the coaching articles it grew from (cruise
 * intervals, alternations, sweet spot, 30/30s, 4 × 4 min, fartlek, strides…) — is here, as segments whose intensities are relative to the athlete's current
 * anchors. Paces below LT1 are expressed against LT1 speed; "marathon effort" for a fast finish is the
 * middle of zone 2 so that it lands in zone 2 for every runner; race-pace work uses the athlete's own
 * predicted race pace, so its zone depends on the athlete.
 */

const EASY: Intensity = { lt1: 0.88 };
const LONG: Intensity = { lt1: 0.86 };
const RECOVERY: Intensity = { lt1: 0.8 };
const JOG: Intensity = { lt1: 0.75 };
const WALK: Intensity = { lt1: 0.45 };

const easy = (minutes: number, label = 'easy'): Segment => ({ label, intensity: EASY, minutes, recovery: true });
const jog = (minutes: number): Segment => ({ label: 'jog', intensity: JOG, minutes, recovery: true });
const walk = (minutes: number): Segment => ({ label: 'walk', intensity: WALK, minutes, recovery: true });
const WARMUP = [easy(15, 'warm-up')];
const COOLDOWN = [easy(10, 'cool-down')];
const STRIDES = { label: 'strides', rep: [{ label: 'stride', intensity: { vVO2max: 1.1 }, minutes: 20 / 60 }, walk(1)], max: 10 };

const SEED_LACTATE = 'seed 000 (lactate clearance: alternations and cruise intervals)';
const SEED_BLOCKS = 'seed 001 (progressive speed-endurance blocks)';
const SEED_SWEET_SPOT = 'seed 002 (sweet-spot and Norwegian double-threshold training)';
const SEED_SPEED = 'seed 004 (speedwork for runners)';

/*
 * Repetitions: `reps` of an interval workout is what coaches prescribe, not what a zone target
 * could absorb — a week that needs more falls short (the planner's caps: src/engine/plan/constants.ts).
 * Sources, tagged as in the literature notes on per-session norms (Part C.2): [V] read in the
 * source, [V2] in a secondary source quoting it, [M] not read.
 * - The coaching articles the project grew from [V2]: cruise intervals 4–6; sweet spot 10 min × 3–4, 6 min × 5–6,
 *   3 min × 10, 1 min × 25, 25–40 min of work; 30/30s 3–5 reps to start, one more a week.
 * - Helgerud et al. 2007 (MSSE 39:665) 4 × 4 min [V]; Seiler & Hetlelid 2005 (MSSE 37:1601)
 *   6 × 4 min [V]; Seiler & Sjursen 2004 (SJMSS 14:318) 6 × 4 and 4 × 6 min, 24 min of work [V];
 *   Daniels: interval bouts of 3–5 min, at most 8 % of weekly mileage a session [V2].
 * - Billat's 30/30 (Billat et al. 2000, EJAP 81:188): "in practice about 20 intervals" [V2],
 *   15–25 reps [V2], often as 2–3 sets [M].
 * - Haugen et al. 2022 (Sports Med Open 8:46) [V]: fartlek sessions 30–60 min, threshold runs
 *   20–50 min.
 * - Hill sprints: Brad Hudson's short hill sprints, "starting with 2 and adding a couple until you
 *   get to 10" (seegregrun.blogspot.com, 2008) [V2]; "start with 3-4 sprints … gradually increase up
 *   to 10-12" (spindlemagazine.com, 2013) [V2].
 */

export const WORKOUTS: readonly Workout[] = [
  {
    id: 'easy-run', name: 'Easy run', goal: 'low', source: SEED_BLOCKS,
    description: 'Conversational running below LT1, optionally finished with strides.',
    warmup: [], main: { rep: [easy(1)], reps: { min: 15, max: 150, typical: 45 } }, addOn: STRIDES, cooldown: [],
  },
  {
    id: 'recovery-run', name: 'Recovery run', goal: 'low', source: SEED_BLOCKS,
    description: 'Very easy running the day after a hard session.',
    warmup: [], main: { rep: [{ label: 'recovery', intensity: RECOVERY, minutes: 1, recovery: true }], reps: { min: 15, max: 60, typical: 30 } }, cooldown: [],
  },
  {
    id: 'long-run', name: 'Long run', goal: 'low', source: SEED_BLOCKS,
    description: 'The week\'s longest run, easy, optionally with a fast finish at marathon effort.',
    warmup: [], main: { rep: [{ label: 'long', intensity: LONG, minutes: 1 }], reps: { min: 40, max: 210, typical: 90 } },
    addOn: { label: 'fast finish', rep: [{ label: 'marathon effort', intensity: { lt1: 0.5, lt2: 0.5 }, minutes: 1 }], max: 40 },
    cooldown: [],
  },
  {
    id: 'tempo-run', name: 'Tempo run', goal: 'threshold', source: SEED_SPEED,
    description: '20–40 min continuous at RPE 7, a pace you could hold for about an hour at most.',
    warmup: WARMUP, main: { rep: [{ label: 'tempo', intensity: { lt2: 0.96 }, minutes: 1 }], reps: { min: 15, max: 50, typical: 25 } }, cooldown: COOLDOWN, // Haugen 2022: tempo runs 20–50 min
  },
  {
    id: 'cruise-intervals', name: 'Cruise intervals', goal: 'threshold', source: SEED_LACTATE,
    description: '1 mile at 10-km pace, 3 min jog, 4–6 times: spike lactate, then clear it.',
    warmup: WARMUP, main: { rep: [{ label: '1 mile at 10K pace', intensity: { '10k': 1 }, km: 1.609 }, jog(3)], reps: { min: 3, max: 6, typical: 5 } }, cooldown: COOLDOWN, // seed 000: 4–6 times
  },
  {
    id: 'alternations', name: 'Alternations', goal: 'threshold', source: SEED_LACTATE,
    description: '1 km at half-marathon race pace alternating with 1 km slower than tempo, without a break (Canova).',
    warmup: WARMUP,
    main: { rep: [{ label: '1 km at race pace', intensity: { half: 1 }, km: 1 }, { label: '1 km steady', intensity: { lt1: 0.5, lt2: 0.5 }, km: 1 }], reps: { min: 3, max: 8, typical: 4 } }, // Canova: up to 16 km continuous [M]
    cooldown: COOLDOWN,
  },
  {
    id: 'sweet-spot-10min', name: 'Sweet spot 10 min × 3–4', goal: 'threshold', source: SEED_SWEET_SPOT,
    description: '10 min at marathon pace or a little faster, 60 s rest: moderate-low sweet spot.',
    warmup: WARMUP, main: { rep: [{ label: '10 min sweet spot', intensity: { lt2: 0.92 }, minutes: 10 }, walk(1)], reps: { min: 2, max: 4, typical: 3 } }, cooldown: COOLDOWN, // seed 002: × 3–4
  },
  {
    id: 'sweet-spot-6min', name: 'Sweet spot 6 min × 5–6', goal: 'threshold', source: SEED_SWEET_SPOT,
    description: '6 min between half- and full-marathon pace, 60 s rest.',
    warmup: WARMUP, main: { rep: [{ label: '6 min sweet spot', intensity: { lt2: 0.94 }, minutes: 6 }, walk(1)], reps: { min: 3, max: 6, typical: 5 } }, cooldown: COOLDOWN, // seed 002: × 5–6
  },
  {
    id: 'sweet-spot-3min', name: 'Sweet spot 3 min × 10', goal: 'threshold', source: SEED_SWEET_SPOT,
    description: '3 min between 10-km and half-marathon pace, 60 s rest: moderate-high sweet spot.',
    warmup: WARMUP, main: { rep: [{ label: '3 min at 10K–HM pace', intensity: { '10k': 0.5, half: 0.5 }, minutes: 3 }, walk(1)], reps: { min: 5, max: 12, typical: 10 } }, cooldown: COOLDOWN, // seed 002: × 10, 25–40 min of work
  },
  {
    id: 'sweet-spot-1min', name: 'Sweet spot 1 min × 25', goal: 'threshold', source: SEED_SWEET_SPOT,
    description: '1 min at 5–10-km pace, 30 s rest; lactate stays moderate, but by speed the reps are above LT2.',
    warmup: WARMUP, main: { rep: [{ label: '1 min at 5–10K pace', intensity: { '5k': 0.5, '10k': 0.5 }, minutes: 1 }, walk(0.5)], reps: { min: 10, max: 30, typical: 25 } }, cooldown: COOLDOWN, // seed 002: × 25, 25–40 min of work
  },
  {
    id: 'double-threshold-am', name: 'Double threshold (morning)', goal: 'threshold', source: SEED_SWEET_SPOT,
    description: 'Norwegian model, morning: 6-min reps near marathon pace, 1 min rest; afternoon session follows.',
    warmup: WARMUP, main: { rep: [{ label: '6 min at marathon pace', intensity: { marathon: 1 }, minutes: 6 }, walk(1)], reps: { min: 3, max: 6, typical: 5 } }, cooldown: COOLDOWN, // seed 002: 5 × 6 min is the Bakken morning
    pairedWith: 'double-threshold-pm',
  },
  {
    id: 'double-threshold-pm', name: 'Double threshold (afternoon)', goal: 'threshold', source: SEED_SWEET_SPOT,
    description: 'Norwegian model, afternoon: ~1-min reps at 5–10-km pace with at most 30 s rest.',
    warmup: WARMUP, main: { rep: [{ label: '1 min at 5–10K pace', intensity: { '5k': 0.5, '10k': 0.5 }, minutes: 1 }, walk(0.5)], reps: { min: 8, max: 25, typical: 15 } }, cooldown: COOLDOWN, // seed 002: 25 × 400 m at most
  },
  {
    id: 'thirty-thirty', name: '30/30 intervals', goal: 'high', source: SEED_SPEED,
    description: '30 s at RPE 8–9, 30 s jog; 3–5 reps to start, one more each week.',
    warmup: WARMUP, main: { rep: [{ label: '30 s hard', intensity: { vVO2max: 1 }, minutes: 0.5 }, jog(0.5)], reps: { min: 3, max: 24, typical: 12 } }, cooldown: COOLDOWN, // Billat: about 20, 15–25 reps
  },
  {
    id: 'fartlek', name: 'Fartlek', goal: 'high', source: SEED_SPEED,
    description: 'Speed play: surges to about 5-km effort with easy running between, by feel.',
    warmup: WARMUP, main: { rep: [{ label: 'surge', intensity: { '5k': 1 }, minutes: 1.5 }, easy(1.5)], reps: { min: 4, max: 12, typical: 8 } }, cooldown: COOLDOWN, // Haugen 2022: fartlek 30–60 min
  },
  {
    id: 'hill-sprints', name: 'Hill sprints', goal: 'high', source: SEED_SPEED,
    description: 'Uphill at RPE 8–9 for about 20 s, jog back down; add reps each week.',
    warmup: WARMUP, main: { rep: [{ label: 'hill sprint', intensity: { vVO2max: 1.15 }, minutes: 20 / 60 }, jog(1.5)], reps: { min: 4, max: 12, typical: 8 } }, cooldown: COOLDOWN, // Hudson: build from 2 to 10 [V2]; 10–12 at most [V2]
  },
  {
    id: 'pyramid', name: 'Pyramid 1-2-3-4-5-4-3-2-1', goal: 'high', source: SEED_SPEED,
    description: 'Work up to a 5-min rep and back down at about 5-km pace, equal jog recoveries.',
    warmup: WARMUP,
    main: {
      rep: [1, 2, 3, 4, 5, 4, 3, 2, 1].flatMap((minutes) => [{ label: `${minutes} min at 5K pace`, intensity: { '5k': 1 }, minutes }, jog(minutes)]),
      // One pyramid is 25 min of work at 5-km pace, the most a session holds (Seiler & Sjursen 2004: 24 min).
      reps: { min: 1, max: 1, typical: 1 },
    },
    cooldown: COOLDOWN,
  },
  {
    id: 'vo2max-intervals', name: 'VO2max intervals', goal: 'high', source: SEED_BLOCKS,
    description: '4 min at about 97 % of vVO2max (3–5-km pace), 3 min jog.',
    warmup: WARMUP, main: { rep: [{ label: '4 min at 97 % vVO2max', intensity: { vVO2max: 0.97 }, minutes: 4 }, jog(3)], reps: { min: 3, max: 6, typical: 5 } }, cooldown: COOLDOWN, // Helgerud 4 × 4 to Seiler 6 × 4
  },
  {
    id: 'steady-run', name: 'Steady run', goal: 'threshold', source: SEED_SWEET_SPOT,
    description: 'Continuous running at marathon effort, between the thresholds: the "brisk jog" that lands in the sweet spot.',
    warmup: [easy(10, 'warm-up')], main: { rep: [{ label: 'steady', intensity: { lt1: 0.55, lt2: 0.45 }, minutes: 1 }], reps: { min: 20, max: 90, typical: 40 } }, cooldown: [easy(5, 'cool-down')],
  },
];
