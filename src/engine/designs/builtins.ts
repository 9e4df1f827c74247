import type { InlineDesign } from '../../models/scenario/schema.ts';

export interface BuiltinDesign {
  description: string;
  source: string;
  design: InlineDesign;
}

const HIGH_MENU = ['vo2max-intervals', 'pyramid', 'fartlek', 'thirty-thirty'];
const THRESHOLD_MENU = ['tempo-run', 'cruise-intervals', 'sweet-spot-6min', 'alternations'];
const SHARED = {
  basis: 'time',
  weeklyHours: { relative: 1 },
  progression: 0.03,
  loading: { pattern: '3:1', deloadVolume: 0.7 },
  hardDaySpacing: 1,
  rotateEvery: 2,
  longRunShare: 0.25,
  workouts: { high: HIGH_MENU, threshold: THRESHOLD_MENU },
} satisfies InlineDesign;

/**
 * Built-in block designs. Distributions are 3-zone, by time in zone; weekly volume is relative to
 * each athlete's habitual hours, rising 3 % a week in a 3:1 loading pattern unless stated.
 */
export const BUILTIN_DESIGNS: Readonly<Record<string, BuiltinDesign>> = {
  polarized: {
    description: 'Polarized: ≈ 80 % below LT1, little between the thresholds, ≈ 15 % above LT2.',
    source: 'Seiler & Kjerland 2006; Stöggl & Sperlich 2014 (Front Physiol 5:33); Treff et al. 2019',
    design: { ...SHARED, distribution: { z1: 0.8, z2: 0.05, z3: 0.15 } },
  },
  pyramidal: {
    description: 'Pyramidal: most time below LT1, less between the thresholds, least above LT2.',
    source: 'Seiler 2010; Kenneally et al. 2018 (IJSPP 13:1114–1121)',
    design: { ...SHARED, distribution: { z1: 0.75, z2: 0.2, z3: 0.05 } },
  },
  threshold: {
    description: 'Threshold: a large share (> 35 %) between LT1 and LT2, from moderate sessions on most days.',
    source: 'Neal et al. 2013 (57/43/0); Stöggl & Sperlich 2014 (46/35/19)',
    design: {
      ...SHARED,
      hardDaySpacing: 0,
      distribution: { z1: 0.5, z2: 0.4, z3: 0.1 },
      workouts: { high: HIGH_MENU, threshold: ['tempo-run', 'steady-run', 'sweet-spot-10min', 'alternations', 'sweet-spot-6min', 'cruise-intervals'] },
    },
  },
  hiit: {
    description: 'High-intensity interval training: about two-thirds of the usual volume, a quarter of it above LT2.',
    source: 'Stöggl & Sperlich 2014 (HIIT group); Helgerud et al. 2007 (4 × 4 min)',
    design: { ...SHARED, distribution: { z1: 0.7, z2: 0.05, z3: 0.25 }, weeklyHours: { relative: 0.65 }, workouts: { high: ['vo2max-intervals', 'thirty-thirty', 'pyramid', 'fartlek'], threshold: ['tempo-run'] } },
  },
  'high-volume': {
    description: 'High-volume, low-intensity training: more hours, almost all below LT1.',
    source: 'Stöggl & Sperlich 2014 (HVT group, 83/16/1)',
    design: { ...SHARED, distribution: { z1: 0.88, z2: 0.1, z3: 0.02 }, weeklyHours: { relative: 1.3 } },
  },
  taper: {
    description: 'Taper: volume cut by half; hard sessions keep their intensity and 60 % of their minutes.',
    source: 'Mujika & Padilla 2003 (MSSE 35:1182–1187): cut volume 41–60 %, keep intensity and frequency',
    design: { taper: { volume: 0.5, hardMinutes: 0.6 }, hardDaySpacing: 1, workouts: { high: HIGH_MENU, threshold: THRESHOLD_MENU } },
  },
  base: {
    description: 'Base block: volume-led and pyramidal, with strides and short hills for speed.',
    source: 'seed 001 (foundation block); Seiler 2010',
    design: { ...SHARED, distribution: { z1: 0.85, z2: 0.12, z3: 0.03 }, progression: 0.05, workouts: { high: ['hill-sprints', 'fartlek'], threshold: ['tempo-run', 'sweet-spot-10min'] } },
  },
  'vo2max-emphasis': {
    description: 'VO2max emphasis: polarized, with long intervals near vVO2max.',
    source: 'seed 001 (progressive speed-endurance blocks); Helgerud et al. 2007',
    design: { ...SHARED, distribution: { z1: 0.8, z2: 0.05, z3: 0.15 }, workouts: { high: ['vo2max-intervals', 'pyramid'], threshold: ['tempo-run'] }, rotateEvery: 4 },
  },
  'clearance-emphasis': {
    description: 'Lactate-clearance emphasis: alternations, cruise intervals and sweet-spot reps around LT2.',
    source: 'seed 000 (alternations, cruise intervals); seed 002 (sweet spot)',
    design: {
      ...SHARED,
      distribution: { z1: 0.75, z2: 0.17, z3: 0.08 },
      workouts: { high: ['cruise-intervals', 'sweet-spot-1min'], threshold: ['alternations', 'sweet-spot-3min', 'sweet-spot-6min'] },
      rotateEvery: 4,
    },
  },
  'double-threshold': {
    description: 'Norwegian double-threshold: two threshold sessions on the same day, twice a week, the rest easy; double days allowed.',
    source: 'seed 002 (Bakken; Ingebrigtsen)',
    design: { ...SHARED, distribution: { z1: 0.78, z2: 0.14, z3: 0.08 }, doubleDays: true, workouts: { high: ['hill-sprints', 'thirty-thirty'], threshold: ['double-threshold-am'] } },
  },
};
