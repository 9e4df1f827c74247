import type { LevelPreset, Parameters, Spread } from '../models/parameters.ts';
import type { Level, NamedAthlete, Population, TraitOverrides } from '../models/scenario/schema.ts';
import { LEVELS } from '../models/scenario/schema.ts';
import type { RandomStream } from './rng.ts';

/**
 * One synthetic athlete: what a coach could measure or ask (observable traits) and what only the
 * simulator knows (trainability, fatigue and sleep constants). The engine is given a profile built
 * from tests, never this object.
 */
export class AthleteTraits {
  index = 0;
  /** The coach's name for a named athlete, else "a<index>". */
  id = '';
  /** Which version of a named athlete (hidden traits differ between replicates). */
  replicate = 0;
  level: Level = 'recreational';
  female = false;
  age = 0;
  bodyMass = 0;
  vo2max = 0;
  lt1Fraction = 0;
  lt2Fraction = 0;
  economy = 0;
  weeklyHours = 0;
  restingHr = 0;
  hrMax = 0;
  lnRmssd = 0;
  sleepHours = 0;
  trainingYears = 0;
  habitualZ1 = 0;
  habitualZ2 = 0;
  habitualZ3 = 0;
  // Hidden.
  sleepNeed = 0;
  responsivenessCentral = 1;
  responsivenessPeripheral = 1;
  responsivenessBase = 1;
  vo2maxCeilingGain = 0;
  economyCeilingGain = 0;
  fatigueTimeConstant = 0;
}

/** How a population is drawn: the level preset of each athlete and any fixed values. */
export interface PopulationPlan {
  size: number;
  describe(index: number): { level: Level; preset: LevelPreset; named: NamedAthlete | null; replicate: number };
}

export function planPopulation(population: Population, parameters: Parameters): PopulationPlan {
  if ('athletes' in population) {
    const replicates = population.replicates ?? 100;
    const athletes = population.athletes;
    return {
      size: athletes.length * replicates,
      describe(index) {
        const named = athletes[index % athletes.length]!;
        return { level: named.level, preset: parameters.levels[named.level], named, replicate: Math.floor(index / athletes.length) };
      },
    };
  }
  const preset = withOverrides(parameters.levels[population.level], population.traits);
  return { size: population.size, describe: () => ({ level: population.level, preset, named: null, replicate: 0 }) };
}

/** A level preset with a scenario's trait overrides applied (an override replaces both sexes' distribution). */
export function withOverrides(preset: LevelPreset, overrides: TraitOverrides | undefined): LevelPreset {
  if (overrides === undefined) return preset;
  const both = (spread: Spread | undefined, current: { male: Spread; female: Spread }) =>
    spread === undefined ? current : { male: spread, female: spread };
  return {
    ...preset,
    femaleShare: overrides.femaleShare ?? preset.femaleShare,
    age: overrides.age ?? preset.age,
    bodyMass: both(overrides.bodyMass, preset.bodyMass),
    vo2max: both(overrides.vo2max, preset.vo2max),
    lt1Fraction: overrides.lt1Fraction ?? preset.lt1Fraction,
    lt2Fraction: overrides.lt2Fraction ?? preset.lt2Fraction,
    economy: overrides.economy ?? preset.economy,
    weeklyHours: overrides.weeklyHours ?? preset.weeklyHours,
    restingHr: overrides.restingHr ?? preset.restingHr,
    lnRmssd: overrides.lnRmssd ?? preset.lnRmssd,
    sleepHours: overrides.sleepHours ?? preset.sleepHours,
  };
}

/** A normal draw clamped to mean ± 3 SD and to physical limits. */
function draw(stream: RandomStream, spread: Spread, low: number, high: number): number {
  const z = Math.max(-3, Math.min(3, stream.normal()));
  return Math.max(low, Math.min(high, spread.mean + spread.sd * z));
}

/**
 * Draws athlete `index` from its own 'traits' stream. Every draw happens whether or not a named
 * athlete fixes the value, so fixing one trait does not change the others.
 */
export function sampleAthlete(
  plan: PopulationPlan,
  index: number,
  stream: RandomStream,
  parameters: Parameters,
  out: AthleteTraits,
): AthleteTraits {
  const { level, preset, named, replicate } = plan.describe(index);
  const trainability = parameters.trainability;
  out.index = index;
  out.replicate = replicate;
  out.id = named === null ? `a${index}` : named.id;
  out.level = level;
  const femaleDraw = stream.uniform() < preset.femaleShare;
  out.female = named?.sex === undefined ? femaleDraw : named.sex === 'female';
  const sex = out.female ? 'female' : 'male';
  out.age = pick(named?.age, draw(stream, preset.age, 16, 80));
  out.bodyMass = pick(named?.bodyMass, draw(stream, preset.bodyMass[sex], 40, 140));
  out.vo2max = pick(named?.vo2max, draw(stream, preset.vo2max[sex], 18, 92));
  out.lt2Fraction = pick(named?.lt2Fraction, draw(stream, preset.lt2Fraction, 0.55, 0.93));
  out.lt1Fraction = pick(named?.lt1Fraction, draw(stream, preset.lt1Fraction, 0.4, 0.86));
  if (out.lt1Fraction > out.lt2Fraction - 0.06) out.lt1Fraction = out.lt2Fraction - 0.06;
  out.economy = pick(named?.economy, draw(stream, preset.economy, 160, 270));
  out.weeklyHours = pick(named?.weeklyHours, draw(stream, preset.weeklyHours, 0.25, 30));
  out.restingHr = pick(named?.restingHr, draw(stream, preset.restingHr, 32, 95));
  out.lnRmssd = pick(named?.lnRmssd, draw(stream, preset.lnRmssd, 1.5, 6));
  out.sleepHours = pick(named?.sleepHours, draw(stream, preset.sleepHours, 4.5, 10));
  out.trainingYears = draw(stream, preset.trainingYears, 0, 40);
  // Tanaka, Monahan & Seals 2001 (J Am Coll Cardiol 37:153–156): HRmax = 208 − 0.7 × age, SD ≈ 7 bpm.
  out.hrMax = 208 - 0.7 * out.age + 7 * Math.max(-2.5, Math.min(2.5, stream.normal()));
  out.habitualZ1 = preset.habitualDistribution.z1;
  out.habitualZ2 = preset.habitualDistribution.z2;
  out.habitualZ3 = preset.habitualDistribution.z3;

  out.sleepNeed = draw(stream, parameters.sleep.needHours, 6, 9.5);
  const shared = stream.normal();
  const rho = trainability.poolResponseCorrelation;
  const own = Math.sqrt(1 - rho);
  const sdLog = trainability.responsivenessSdLog;
  const median = preset.responsivenessMedian;
  out.responsivenessCentral = median * Math.exp(sdLog * (Math.sqrt(rho) * shared + own * stream.normal()));
  out.responsivenessPeripheral = median * Math.exp(sdLog * (Math.sqrt(rho) * shared + own * stream.normal()));
  out.responsivenessBase = median * Math.exp(sdLog * (Math.sqrt(rho) * shared + own * stream.normal()));
  out.vo2maxCeilingGain = draw(stream, trainability.vo2maxCeilingGain, 0.15, 0.9);
  out.economyCeilingGain = draw(stream, trainability.economyCeilingGain, 0.01, 0.15);
  out.fatigueTimeConstant = draw(stream, parameters.fatigue.timeConstantDays, parameters.fatigue.minTimeConstantDays, parameters.fatigue.maxTimeConstantDays);
  return out;
}

function pick(fixed: number | undefined, drawn: number): number {
  return fixed === undefined ? drawn : fixed;
}

export const LEVEL_NAMES = LEVELS;
