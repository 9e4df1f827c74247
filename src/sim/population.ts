import type { Bounds, BoundedSpread, LevelPreset, Parameters, Spread } from '../models/parameters.ts';
import { DEFAULT_REPLICATES, type Level, type NamedAthlete, type Population, type TraitOverrides } from '../models/scenario/schema.ts';
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
    const replicates = population.replicates ?? DEFAULT_REPLICATES;
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
function withOverrides(preset: LevelPreset, overrides: TraitOverrides | undefined): LevelPreset {
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

/** A normal draw clamped to mean ± 3 SD and to `bounds`. */
function draw(stream: RandomStream, spread: Spread, bounds: Bounds): number {
  const z = Math.max(-3, Math.min(3, stream.normal()));
  return Math.max(bounds.min, Math.min(bounds.max, spread.mean + spread.sd * z));
}

/** A hidden trait: its spread carries its bounds. */
function drawHidden(stream: RandomStream, spread: BoundedSpread): number {
  return draw(stream, spread, spread);
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
  const limits = parameters.traitLimits;
  out.index = index;
  out.replicate = replicate;
  out.id = named === null ? `a${index}` : named.id;
  out.level = level;
  const femaleDraw = stream.uniform() < preset.femaleShare;
  out.female = named?.sex === undefined ? femaleDraw : named.sex === 'female';
  const sex = out.female ? 'female' : 'male';
  out.age = pick(named?.age, draw(stream, preset.age, limits.age));
  out.bodyMass = pick(named?.bodyMass, draw(stream, preset.bodyMass[sex], limits.bodyMass));
  out.vo2max = pick(named?.vo2max, draw(stream, preset.vo2max[sex], limits.vo2max));
  out.lt2Fraction = pick(named?.lt2Fraction, draw(stream, preset.lt2Fraction, limits.lt2Fraction));
  out.lt1Fraction = pick(named?.lt1Fraction, draw(stream, preset.lt1Fraction, limits.lt1Fraction));
  // LT1 stays below LT2: a drawn value gives way to a coach's (a coach's pair that does not is
  // rejected by prepareScenario).
  const gap = trainability.minThresholdGap;
  if (named?.lt1Fraction !== undefined && named.lt2Fraction === undefined) out.lt2Fraction = Math.max(out.lt2Fraction, out.lt1Fraction + gap);
  else out.lt1Fraction = Math.min(out.lt1Fraction, out.lt2Fraction - gap);
  out.economy = pick(named?.economy, draw(stream, preset.economy, limits.economy));
  out.weeklyHours = pick(named?.weeklyHours, draw(stream, preset.weeklyHours, limits.weeklyHours));
  out.restingHr = pick(named?.restingHr, draw(stream, preset.restingHr, limits.restingHr));
  out.lnRmssd = pick(named?.lnRmssd, draw(stream, preset.lnRmssd, limits.lnRmssd));
  out.sleepHours = pick(named?.sleepHours, draw(stream, preset.sleepHours, limits.sleepHours));
  out.trainingYears = draw(stream, preset.trainingYears, limits.trainingYears);
  const hrMax = parameters.hrMax;
  out.hrMax = hrMax.intercept - hrMax.perYear * out.age + hrMax.sd * Math.max(-hrMax.maxZ, Math.min(hrMax.maxZ, stream.normal()));
  out.habitualZ1 = preset.habitualDistribution.z1;
  out.habitualZ2 = preset.habitualDistribution.z2;
  out.habitualZ3 = preset.habitualDistribution.z3;

  out.sleepNeed = drawHidden(stream, parameters.sleep.needHours);
  const shared = stream.normal();
  const rho = trainability.poolResponseCorrelation;
  const own = Math.sqrt(1 - rho);
  const sdLog = trainability.responsivenessSdLog;
  const median = preset.responsivenessMedian;
  out.responsivenessCentral = median * Math.exp(sdLog * (Math.sqrt(rho) * shared + own * stream.normal()));
  out.responsivenessPeripheral = median * Math.exp(sdLog * (Math.sqrt(rho) * shared + own * stream.normal()));
  out.responsivenessBase = median * Math.exp(sdLog * (Math.sqrt(rho) * shared + own * stream.normal()));
  out.vo2maxCeilingGain = drawHidden(stream, trainability.vo2maxCeilingGain);
  out.economyCeilingGain = drawHidden(stream, trainability.economyCeilingGain);
  out.fatigueTimeConstant = drawHidden(stream, parameters.fatigue.timeConstantDays);
  return out;
}

function pick(fixed: number | undefined, drawn: number): number {
  return fixed === undefined ? drawn : fixed;
}

