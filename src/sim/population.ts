import type { Bounds, BoundedSpread, LevelPreset, LogSpread, Parameters, Spread } from '../models/parameters.ts';
import { fastestTopSpeed, RACE_DISTANCES_KM } from '../models/physiology/race.ts';
import { availableDayMask, DEFAULT_REPLICATES, type Level, type NamedAthlete, type Population, type TraitOverrides } from '../models/scenario/schema.ts';
import { ConditionalNormal } from './conditional-normal.ts';
import type { RandomStream } from './rng.ts';

/**
 * One synthetic athlete: what a coach could measure or ask (observable traits) and what only the
 * simulator knows (trainability, fatigue and sleep constants). The engine is given a profile built
 * from tests, never this object. The level is kept as a label for the outputs: nothing downstream
 * reads it (a test checks that two athletes alike in everything but the level are simulated alike).
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
  /** The weekdays the athlete can train (a bit mask, Monday bit 0) and the most minutes a week (Infinity: no cap). */
  availableDays = 0x7f;
  weeklyMinutesCap = Number.POSITIVE_INFINITY;
  // Hidden.
  sleepNeed = 0;
  responsivenessCentral = 1;
  responsivenessPeripheral = 1;
  responsivenessBase = 1;
  vo2maxCeilingGain = 0;
  economyCeilingGain = 0;
  fatigueTimeConstant = 0;
  /** Accumulated excess strain (strain-days) the athlete tolerates before overreaching non-functionally, and how long an episode lasts. */
  overreachingTolerance = 0;
  overreachingDays = 0;
}

/**
 * The correlated observable traits, in this order: VO2max, weekly hours, training years, LT2 fraction,
 * economy (PARAMETERS.traitCorrelations). Drawn together as a Gaussian copula, so that a coach's
 * given VO2max shifts what is drawn for hours and years the way real populations do.
 */
const CORRELATED = ['vo2max', 'weeklyHours', 'trainingYears', 'lt2Fraction', 'economy'] as const;

function correlationMatrix(parameters: Parameters): Float64Array {
  const r = parameters.traitCorrelations;
  const n = CORRELATED.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  const set = (a: number, b: number, value: number) => {
    m[a * n + b] = value;
    m[b * n + a] = value;
  };
  set(0, 1, r.vo2maxWeeklyHours);
  set(0, 2, r.vo2maxTrainingYears);
  set(1, 2, r.weeklyHoursTrainingYears);
  set(3, 1, r.lt2FractionWeeklyHours);
  set(0, 4, r.vo2maxEconomy);
  return m;
}

/** How a population is drawn: the level preset of each athlete and any fixed values. */
export interface PopulationPlan {
  size: number;
  describe(index: number): { level: Level; preset: LevelPreset; named: NamedAthlete | null; replicate: number };
  /** The joint distribution of the correlated traits (its conditionals are cached by which traits are given). */
  correlated: ConditionalNormal;
}

export function planPopulation(population: Population, parameters: Parameters): PopulationPlan {
  const correlated = new ConditionalNormal(correlationMatrix(parameters), CORRELATED.length);
  if ('athletes' in population) {
    const replicates = population.replicates ?? DEFAULT_REPLICATES;
    const athletes = population.athletes;
    return {
      size: athletes.length * replicates,
      describe(index) {
        const named = athletes[index % athletes.length]!;
        return { level: named.level, preset: parameters.levels[named.level], named, replicate: Math.floor(index / athletes.length) };
      },
      correlated,
    };
  }
  const preset = withOverrides(parameters.levels[population.level], population.traits);
  return { size: population.size, describe: () => ({ level: population.level, preset, named: null, replicate: 0 }), correlated };
}

/** A level preset with a scenario's trait overrides applied (an override replaces both sexes' distribution). */
function withOverrides(preset: LevelPreset, overrides: TraitOverrides | undefined): LevelPreset {
  if (overrides === undefined) return preset;
  const both = (spread: Spread | undefined, current: { male: Spread; female: Spread }) =>
    spread === undefined ? current : { male: spread, female: spread };
  const habitual = overrides.habitualDistribution;
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
    trainingYears: overrides.trainingYears ?? preset.trainingYears,
    habitualDistribution: habitual === undefined ? preset.habitualDistribution : { z1: habitual.z1, z2: habitual.z2, z3: habitual.z3 },
  };
}

/** A value from a standard normal score, clamped to ± 3 SD and to `bounds`. */
function fromScore(z: number, spread: Spread, bounds: Bounds): number {
  const clamped = z < -3 ? -3 : z > 3 ? 3 : z;
  return Math.max(bounds.min, Math.min(bounds.max, spread.mean + spread.sd * clamped));
}

/** A normal draw clamped to mean ± 3 SD and to `bounds`. */
function draw(stream: RandomStream, spread: Spread, bounds: Bounds): number {
  return fromScore(stream.normal(), spread, bounds);
}

/** A hidden trait: its spread carries its bounds. */
function drawHidden(stream: RandomStream, spread: BoundedSpread): number {
  return draw(stream, spread, spread);
}

/** A log-normal hidden trait, clamped to its bounds. */
export function drawLogNormal(stream: RandomStream, spread: LogSpread): number {
  return Math.max(spread.min, Math.min(spread.max, spread.median * Math.exp(spread.sdLog * stream.normal())));
}

/** Scratch of the correlated draw: given scores (NaN when drawn), scores, innovations. */
const given = new Float64Array(CORRELATED.length);
const scores = new Float64Array(CORRELATED.length);
const innovations = new Float64Array(CORRELATED.length);

/**
 * Draws athlete `index` from its own 'traits' stream. Every draw happens whether or not a named
 * athlete fixes the value, so fixing a trait changes no other trait — except those correlated with
 * it (VO2max, weekly hours, training years, LT2 fraction, economy), which are drawn given the coach's values.
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

  // VO2max, weekly hours, training years and LT2 fraction together (one innovation each, always).
  const spreads = [preset.vo2max[sex], preset.weeklyHours, preset.trainingYears, preset.lt2Fraction, preset.economy];
  const fixed = [named?.vo2max, named?.weeklyHours, named?.trainingYears, named?.lt2Fraction, named?.economy];
  for (let i = 0; i < CORRELATED.length; i++) {
    const value = fixed[i];
    const spread = spreads[i]!;
    given[i] = value === undefined ? Number.NaN : spread.sd > 0 ? (value - spread.mean) / spread.sd : 0;
    innovations[i] = stream.normal();
  }
  plan.correlated.sample(given, innovations, scores);
  out.vo2max = pick(named?.vo2max, fromScore(scores[0]!, spreads[0]!, limits.vo2max));
  out.weeklyHours = pick(named?.weeklyHours, fromScore(scores[1]!, spreads[1]!, limits.weeklyHours));
  out.trainingYears = pick(named?.trainingYears, fromScore(scores[2]!, spreads[2]!, limits.trainingYears));
  out.lt2Fraction = pick(named?.lt2Fraction, fromScore(scores[3]!, spreads[3]!, limits.lt2Fraction));
  out.lt1Fraction = pick(named?.lt1Fraction, draw(stream, preset.lt1Fraction, limits.lt1Fraction));
  // LT1 stays below LT2: a drawn value gives way to a coach's (a coach's pair that does not is
  // rejected by prepareScenario).
  const gap = trainability.minThresholdGap;
  if (named?.lt1Fraction !== undefined && named.lt2Fraction === undefined) out.lt2Fraction = Math.max(out.lt2Fraction, out.lt1Fraction + gap);
  else out.lt1Fraction = Math.min(out.lt1Fraction, out.lt2Fraction - gap);
  out.economy = pick(named?.economy, fromScore(scores[4]!, spreads[4]!, limits.economy));
  // No faster than the fastest runners — at VO2max, nor over 10 km given their LT2 fraction: a drawn
  // pairing of high VO2max and fine economy gives way (economy, the less certain of the two, is made
  // to fit). A coach's pair is taken as given.
  // (At the LT fractions of their ceiling: with the thresholds trained up, still no faster.)
  const record = fastestTopSpeed(
    RACE_DISTANCES_KM['10k'],
    parameters.tenKmRecordMinutes,
    fractionCeiling(trainability.lt1FractionCeiling, out.lt1Fraction),
    fractionCeiling(trainability.lt2FractionCeiling, out.lt2Fraction),
    parameters.race,
  );
  const fastest = Math.min(parameters.vVO2maxLimit.max, record);
  if (named?.economy === undefined && (out.vo2max / out.economy) * 60 > fastest) out.economy = Math.min(limits.economy.max, (out.vo2max * 60) / fastest);
  out.restingHr = pick(named?.restingHr, draw(stream, preset.restingHr, limits.restingHr));
  out.lnRmssd = pick(named?.lnRmssd, draw(stream, preset.lnRmssd, limits.lnRmssd));
  out.sleepHours = pick(named?.sleepHours, draw(stream, preset.sleepHours, limits.sleepHours));
  const hrMax = parameters.hrMax;
  out.hrMax = hrMax.intercept - hrMax.perYear * out.age + hrMax.sd * Math.max(-hrMax.maxZ, Math.min(hrMax.maxZ, stream.normal()));
  const habitual = named?.habitualDistribution ?? preset.habitualDistribution;
  out.habitualZ1 = habitual.z1;
  out.habitualZ2 = habitual.z2;
  out.habitualZ3 = habitual.z3;
  out.availableDays = availableDayMask(named?.available);
  out.weeklyMinutesCap = named?.available?.hours === undefined ? Number.POSITIVE_INFINITY : named.available.hours * 60;

  out.sleepNeed = drawHidden(stream, parameters.sleep.needHours);
  // Trainability: one log-normal distribution (median 1) for everyone, whatever their level.
  const shared = stream.normal();
  const rho = trainability.poolResponseCorrelation;
  const own = Math.sqrt(1 - rho);
  const sdLog = trainability.responsivenessSdLog;
  out.responsivenessCentral = Math.exp(sdLog * (Math.sqrt(rho) * shared + own * stream.normal()));
  out.responsivenessPeripheral = Math.exp(sdLog * (Math.sqrt(rho) * shared + own * stream.normal()));
  out.responsivenessBase = Math.exp(sdLog * (Math.sqrt(rho) * shared + own * stream.normal()));
  out.vo2maxCeilingGain = drawHidden(stream, trainability.vo2maxCeilingGain);
  out.economyCeilingGain = drawHidden(stream, trainability.economyCeilingGain);
  out.fatigueTimeConstant = drawHidden(stream, parameters.fatigue.timeConstantDays);
  out.overreachingTolerance = drawLogNormal(stream, parameters.overreaching.tolerance);
  out.overreachingDays = drawLogNormal(stream, parameters.overreaching.durationDays);
  return out;
}

function pick(fixed: number | undefined, drawn: number): number {
  return fixed === undefined ? drawn : fixed;
}

/**
 * An athlete's ceiling of an LT fraction: the population's (trainability), or a little above their
 * own for one already past it (PARAMETERS.trainability.lt2FractionCeiling).
 */
export function fractionCeiling(ceiling: number, observed: number): number {
  return observed + 0.005 > ceiling ? observed + 0.005 : ceiling;
}
