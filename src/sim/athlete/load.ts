import { InputError, LocatedDocument, zodProblems, type InputProblem, type PathSegment } from '../../models/input/located.ts';
import { AthleteFile, clockMinutes } from '../../models/athlete/schema.ts';
import { raceMinutesAt, RACE_DISTANCES_KM } from '../../models/physiology/race.ts';
import { MAX_WEEKS, NamedAthlete, type DesignRef, type Scenario } from '../../models/scenario/schema.ts';
import { toRaceBlocks } from '../../engine/plan/constants.ts';
import { daysBetween } from '../../models/calendar.ts';
import { TRAIT_LIMITS } from '../../models/trait-limits.ts';
import { pace, raceTime } from '../../models/text/clock.ts';
import type { TestedProfile } from '../../engine/profile.ts';
import { readInputText } from '../input-file.ts';
import type { Parameters } from '../../models/parameters.ts';
import { prepareScenario, type RunSpec } from '../scenario/prepare.ts';
import { loadScenarioRules, type RuleFileAccess, type RuleVocabulary } from '../scenario/rules-load.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';

/** What reading an athlete file needs of a scenario loader (src/sim/scenario/loader.ts, which reads athlete files too). */
export interface AthleteLoaderParts {
  parameters: Parameters;
  catalogue: CompiledCatalogue;
  vocabulary: RuleVocabulary;
}

/** What the coach knows of the athlete's physiology, as the plan's paces need it (all speeds km/h). */
export interface KnownProfile extends TestedProfile {
  /** vVO2max: the race's pace for as long as vVO2max lasts, or LT2 over the level's LT2 fraction without a race. */
  vVO2max: number;
  /** Whether a race is known (else the race paces come from the thresholds). */
  raceKnown: boolean;
  /** Heart rates the coach gave (bpm), null where not known. */
  hr: { lt1: number | null; lt2: number | null; max: number | null; resting: number | null };
}

/** An athlete file, read and checked: the file, its text, what it says, and its plan as a one-arm run. */
export interface LoadedAthlete {
  file: string;
  text: string;
  athlete: AthleteFile;
  known: KnownProfile;
  /** The athlete as the one named athlete of a one-arm scenario of `weeks` weeks: the planner's and the simulator's input. */
  spec: RunSpec;
}

/** A command-line option the athlete file's plan cannot take (whatif --rules): bad input, said of the option. */
export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

/** What the plan covers: its first day (a Monday, YYYY-MM-DD) and its weeks, when the command says; for `whatif`, its options. */
export interface PlanSpan {
  from: string;
  weeks: number | null;
  whatIf?: WhatIfSpan;
}

/**
 * A what-if over the athlete's plan: one arm per option — `plan` (the file's own design) or a
 * built-in design that takes the place of every block but a taper — each with the file's rule set
 * or `rules` (a built-in name, `none`, or a rule file's absolute path), run on `replicates` versions
 * of the athlete; `baseline`: the athlete's usual morning markers, from their own mornings.
 */
export interface WhatIfSpan {
  options: readonly string[];
  /** Simulate to the goal race's day (whatif); without, the plan's weeks as they are (plan --option). */
  raceDay?: boolean;
  rules?: string;
  replicates: number;
  seed: number;
  baseline?: { restingHr?: number; lnRmssd?: number; sleepHours?: number };
}

/**
 * Reads and checks an athlete file — every problem at once, located (`file:line:col: path: what`)
 * — and resolves its design over the plan's weeks (those asked for; else up to the goal race's
 * week; else a macrocycle's own; else 12) with its rule set (a rule file beside it, RuleFileAccess).
 * `spanOf`: the plan's span, or how to find it from the file once it is read.
 */
export function loadAthlete(file: string, loader: AthleteLoaderParts, spanOf: PlanSpan | ((athlete: AthleteFile) => PlanSpan), access: RuleFileAccess = 'inside'): LoadedAthlete {
  const text = readInputText(file);
  const doc = LocatedDocument.parse(text, file);
  const parsed = AthleteFile.safeParse(doc.toJS());
  if (!parsed.success) throw new InputError(zodProblems(parsed.error.issues, doc));
  const athlete = parsed.data;
  // What the plan covers may depend on the file (coach: its data section says how to read the mornings that date the plan).
  const span = typeof spanOf === 'function' ? spanOf(athlete) : spanOf;
  const { parameters, catalogue, vocabulary } = loader;
  const problems: InputProblem[] = [];
  const known = knownProfile(athlete, parameters, doc, problems);
  const design = athlete.design;
  const toGoal = athlete.goal === undefined ? null : Math.floor(daysBetween(span.from, athlete.goal.date) / 7) + 1;
  if (toGoal !== null && span.weeks === null && (toGoal < 1 || toGoal > MAX_PLAN_WEEKS)) {
    const why = toGoal < 1 ? `is before the plan's first day (${span.from})` : `is more than ${MAX_PLAN_WEEKS} weeks after the plan's first day (${span.from})`;
    throw new InputError([...problems, doc.problem(['goal', 'date'], `${athlete.goal!.date} ${why}`)]);
  }
  const macrocycle = typeof design === 'object' && 'blocks' in design ? design.blocks.reduce((sum, block) => sum + block.weeks, 0) : null;
  const toRace = typeof design === 'object' && 'toRace' in design ? design.toRace : null;
  if (toRace !== null && toGoal === null) {
    throw new InputError([...problems, doc.problem(['design', 'toRace'], 'a build to the race needs the race: give goal: { distance, date }')]);
  }
  // A plan with a goal race ends in the race's week: --weeks may not end it before or after.
  if (toGoal !== null && span.weeks !== null && span.weeks !== toGoal) {
    throw new InputError([...problems, doc.problem(['goal', 'date'], `${athlete.goal!.date} is in week ${toGoal} of a plan from ${span.from}: --weeks ${span.weeks} would end the plan ${span.weeks < toGoal ? 'before' : 'after'} it (leave --weeks out)`)]);
  }
  const race = athlete.knows.race;
  if (race?.date !== undefined && race.date > span.from) {
    problems.push(doc.problem(['knows', 'race', 'date'], `${race.date} is after the plan's first day (${span.from}): give a race already run`));
  }
  const planWeeks = span.weeks ?? toGoal ?? macrocycle ?? DEFAULT_PLAN_WEEKS;
  // (Thresholds that do not fit are problems already: not traits to check twice.)
  const named = namedAthleteOf(athlete, known, parameters, problems.length === 0);
  const scenario: Scenario = {
    name: athlete.name,
    seed: 1,
    population: { athletes: [named], replicates: 1 },
    weeks: planWeeks,
    arms: [{ id: 'plan', design: toRace === null ? (design as DesignRef) : raceBuild(planWeeks, toRace), ...(athlete.rules === undefined ? {} : { rules: athlete.rules }) }],
  };
  // The scenario's paths (arms[0].design…) are the file's (design…); a build's blocks are its toRace's.
  const located = (path: PathSegment[]): PathSegment[] => {
    if (path[0] !== 'arms' || path[1] !== 0) return path;
    if (toRace !== null && path[2] === 'design') return ['design', 'toRace', ...(path[3] === 'blocks' && typeof path[4] === 'number' ? [raceBlocks(planWeeks)[path[4]]!] : [])];
    return path.slice(2);
  };
  const rules = loadScenarioRules(scenario, doc, catalogue, vocabulary, located, access);
  problems.push(...rules.problems);
  const prepared = prepareScenario(scenario, catalogue, parameters, rules.rules);
  if (!prepared.ok) {
    for (const issue of prepared.issues) {
      const path = located(issue.path);
      // A macrocycle's weeks against --weeks: said of the plan's length, where the blocks are.
      const why = toGoal !== null && span.weeks === null ? ` (from ${span.from} to the goal race on ${athlete.goal!.date})` : '';
      problems.push(doc.problem(path, issue.message.replace(/but the scenario has (\d+) weeks/, `but the plan has $1 weeks${why}`)));
    }
  }
  if (problems.length > 0 || !prepared.ok) throw new InputError(problems);
  if (span.whatIf === undefined) return { file, text, athlete, known, spec: prepared.spec };
  // The what-if's arms: each option in place of every block but a taper (the blocks as the plan
  // resolved them), the blocks named for it: "base (polarized) → build (polarized) → taper".
  const own = scenario.arms[0]!.design;
  const blocks = prepared.spec.arms[0]!.macroplan.blocks;
  const whatIf = span.whatIf;
  const optionDesign = (option: string): DesignRef => {
    if (option === 'plan') return own;
    if (typeof own !== 'object' || !('blocks' in own)) return option;
    return { blocks: own.blocks.map((block, i) => (blocks[i]!.design.taper !== null ? block : { ...block, design: option, name: `${block.name ?? blocks[i]!.name} (${option})` })) };
  };
  // Raced on the goal's day: the weeks before the race week trained as planned, the race week's days
  // before the race as the simulator's easy pre-test days (before the final tests only: the baseline
  // tests as every scenario's), and the race the final time trial — on the morning of the goal date.
  const raceDay = whatIf.raceDay === true && athlete.goal !== undefined ? daysBetween(span.from, athlete.goal.date) : null;
  const weeks = raceDay === null ? planWeeks : Math.floor(raceDay / 7);
  if (weeks < 1) throw new InputError([doc.problem(['goal', 'date'], `${athlete.goal!.date} is in the plan's first week: a what-if needs a week of training before the race`)]);
  const trimmed = (design: DesignRef): DesignRef => {
    if (raceDay === null || typeof design !== 'object' || !('blocks' in design)) return design;
    const kept = design.blocks.slice();
    const last = kept.at(-1)!;
    if (last.weeks > 1) kept[kept.length - 1] = { ...last, weeks: last.weeks - 1 };
    else kept.pop();
    return { blocks: kept };
  };
  const ruleSet = whatIf.rules ?? athlete.rules;
  const variants: Scenario = {
    ...scenario,
    seed: whatIf.seed,
    weeks,
    ...(raceDay === null ? {} : { tests: { finalPreTestDays: raceDay % 7 } }),
    population: { athletes: [{ ...named, ...whatIf.baseline }], replicates: whatIf.replicates },
    arms: whatIf.options.map((option) => ({ id: option, design: trimmed(optionDesign(option)), ...(ruleSet === undefined ? {} : { rules: ruleSet }) })),
  };
  const variantRules = loadScenarioRules(variants, doc, catalogue, vocabulary, () => ['rules'], whatIf.rules === undefined ? access : 'anywhere');
  // A rule set the command line named is the command line's problem, not the file's.
  if (whatIf.rules !== undefined && variantRules.problems.length > 0) throw new OptionError(`--rules: ${variantRules.problems.map((problem) => problem.file === file ? problem.message : `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`).join('; ')}`);
  const variantSpec = prepareScenario(variants, catalogue, parameters, variantRules.rules);
  if (variantRules.problems.length > 0 || !variantSpec.ok) {
    throw new InputError([...variantRules.problems, ...(variantSpec.ok ? [] : variantSpec.issues.map((issue) => doc.problem(located(issue.path), issue.message)))]);
  }
  return { file, text, athlete, known, spec: variantSpec.spec };
}

/**
 * The athlete of an athlete file as a scenario's named athlete: who they are, the hours they train
 * and have, how they train, and — when `withKnown` — what the coach knows as traits (knownTraits).
 */
function namedAthleteOf(athlete: AthleteFile, known: KnownProfile, parameters: Parameters, withKnown: boolean): NamedAthlete {
  return {
    id: athlete.name,
    level: athlete.level,
    ...(athlete.sex === undefined ? {} : { sex: athlete.sex }),
    ...(athlete.age === undefined ? {} : { age: athlete.age }),
    ...(athlete.bodyMass === undefined ? {} : { bodyMass: athlete.bodyMass }),
    ...(athlete.knows.restingHr === undefined ? {} : { restingHr: athlete.knows.restingHr }),
    ...(withKnown ? knownTraits(athlete, known, parameters) : {}),
    weeklyHours: athlete.weeklyHours,
    ...(athlete.habitualDistribution === undefined ? {} : { habitualDistribution: athlete.habitualDistribution }),
    ...(athlete.available === undefined ? {} : { available: athlete.available }),
  };
}

/**
 * A scenario's athlete written as an athlete file (`population.athletes: [{ file: anna.yaml }]`):
 * the file read and checked as `plan` reads it — its problems located in it — and the athlete in it
 * as a named athlete (namedAthleteOf), its id the file's name unless `id` says. Its plan (design,
 * goal, rules) is the scenario's arms', not the file's.
 */
export function athleteOfFile(file: string, parameters: Parameters, id: string | undefined): NamedAthlete {
  const text = readInputText(file);
  const doc = LocatedDocument.parse(text, file);
  const parsed = AthleteFile.safeParse(doc.toJS());
  if (!parsed.success) throw new InputError(zodProblems(parsed.error.issues, doc));
  const problems: InputProblem[] = [];
  const known = knownProfile(parsed.data, parameters, doc, problems);
  if (problems.length > 0) throw new InputError(problems);
  const named = { ...namedAthleteOf(parsed.data, known, parameters, true), ...(id === undefined ? {} : { id }) };
  // What the file's numbers make of the athlete (VO2max from the race…) must be a human's too: said of what the coach knows.
  const checked = NamedAthlete.safeParse(named);
  if (!checked.success) {
    throw new InputError(checked.error.issues.map((issue) => doc.problem(['knows'], `makes ${issue.path.join('.')} ${issue.message.replace(/^Too (big|small): expected number to be /, 'not ')}`)));
  }
  return named;
}

/**
 * What the coach knows, as the simulated athlete's traits (a what-if's replicates share them; what
 * nobody measured is drawn): vVO2max from the race (or LT2), as VO2max at the level's mean economy
 * (only their ratio is known: PARAMETERS.levels[level].economy) with that economy; each threshold
 * whose pace was given as its share of vVO2max. Where the coach's anchors are fixed, the hidden
 * athlete's are too — so that a replicate's baseline 10 km is the athlete's, not the level's.
 */
function knownTraits(athlete: AthleteFile, known: KnownProfile, parameters: Parameters): { vo2max: number; economy: number; lt1Fraction?: number; lt2Fraction?: number } {
  const economy = parameters.levels[athlete.level].economy.mean;
  return {
    vo2max: (known.vVO2max * economy) / 60,
    economy,
    ...(athlete.knows.lt1?.pace === undefined ? {} : { lt1Fraction: known.lt1Speed / known.vVO2max }),
    ...(athlete.knows.lt2?.pace === undefined ? {} : { lt2Fraction: known.lt2Speed / known.vVO2max }),
  };
}

/** The macrocycle of a build to the race over `weeks` weeks: its blocks that have weeks, each a built-in design (defaults: base, polarized, taper). */
function raceBuild(weeks: number, designs: { base?: string | undefined; build?: string | undefined; taper?: string | undefined }): DesignRef {
  const lengths = toRaceBlocks(weeks);
  const named = { base: designs.base ?? 'base', build: designs.build ?? 'polarized', taper: designs.taper ?? 'taper' };
  return { blocks: raceBlocks(weeks).map((block) => ({ weeks: lengths[block], design: named[block], name: block })) };
}

/** The blocks a build to the race over `weeks` weeks has, in order (those with weeks). */
function raceBlocks(weeks: number): ('base' | 'build' | 'taper')[] {
  const lengths = toRaceBlocks(weeks);
  return (['base', 'build', 'taper'] as const).filter((block) => lengths[block] > 0);
}

/** A plan's weeks when neither the command, a goal race nor a macrocycle says: a training block of the seeds' length. */
const DEFAULT_PLAN_WEEKS = 12;

/** The longest plan: the longest scenario's (three years). */
export const MAX_PLAN_WEEKS = MAX_WEEKS;

/**
 * The athlete's anchors as a coach sets them from what is known (PARAMETERS.race, .coaching, .tests).
 * A race gives the race paces at other distances by Riegel's formula, as the simulator's coach sets
 * them, and vVO2max as the pace of the race one could hold for as long as vVO2max lasts
 * (race.minutesAtVVO2max, Billat: about 6 min) — a rule of thumb that stays near the race whatever
 * the thresholds say, where solving the race model for it multiplies any error in LT2's pace about
 * tenfold. The thresholds are their paces where known, else the level's typical fractions of
 * vVO2max; without a race, vVO2max is LT2 over the level's LT2 fraction and the 10-km time the race
 * model's. What does not fit a human — thresholds outside their share of vVO2max (LT1 30–90 %, LT2
 * 50–93 %), LT1 not slower than LT2, a vVO2max past the limit, a race faster than the world record
 * — is a located problem.
 */
function knownProfile(athlete: AthleteFile, parameters: Parameters, doc: LocatedDocument, problems: InputProblem[]): KnownProfile {
  const level = parameters.levels[athlete.level];
  const { race, lt1, lt2 } = athlete.knows;
  const lt1Speed = lt1?.pace === undefined ? null : 60 / clockMinutes(lt1.pace);
  const lt2Speed = lt2?.pace === undefined ? null : 60 / clockMinutes(lt2.pace);
  const riegel = parameters.coaching.riegelExponent;
  let top: number;
  let tenKm: number;
  if (race !== undefined) {
    const km = RACE_DISTANCES_KM[race.distance];
    const minutes = clockMinutes(race.time);
    const record = parameters.tenKmRecordMinutes * Math.pow(km / 10, riegel);
    if (minutes < record) problems.push(doc.problem(['knows', 'race', 'time'], `${race.time} for ${race.distance} is faster than the world record (about ${raceTime(record)})`));
    // The distance run in minutesAtVVO2max by Riegel: T = T1 (D / D1)^k.
    const held = parameters.race.minutesAtVVO2max;
    top = ((km * Math.pow(held / minutes, 1 / riegel)) / held) * 60;
    tenKm = minutes * Math.pow(10 / km, riegel);
  } else {
    top = lt2Speed! / level.lt2Fraction.mean;
    tenKm = raceMinutesAt(10, top, (lt1Speed ?? level.lt1Fraction.mean * top) / top, level.lt2Fraction.mean, parameters.race, 0);
  }
  if (!(top <= parameters.vVO2maxLimit.max && top >= parameters.vVO2maxLimit.min)) {
    const at = race !== undefined ? ['knows', 'race', 'time'] : ['knows', 'lt2', 'pace'];
    problems.push(doc.problem(at, `gives a vVO2max of ${pace(top)}/km, outside what people run (${pace(parameters.vVO2maxLimit.max)} to ${pace(parameters.vVO2maxLimit.min)}/km)`));
  }
  const fraction = (speed: number | null, name: 'lt1' | 'lt2', bounds: { min: number; max: number }, paceText: string | undefined) => {
    if (speed === null) return;
    const share = speed / top;
    if (share < bounds.min || share > bounds.max) {
      problems.push(doc.problem(['knows', name, 'pace'], `${name.toUpperCase()} at ${paceText}/km does not fit the race: it would be ${(100 * share).toFixed(0)} % of vVO2max (${pace(top)}/km), where people are at ${100 * bounds.min}–${100 * bounds.max} %`));
    }
  };
  if (race !== undefined) fraction(lt2Speed, 'lt2', TRAIT_LIMITS.lt2Fraction, lt2?.pace);
  fraction(lt1Speed, 'lt1', TRAIT_LIMITS.lt1Fraction, lt1?.pace);
  if (lt1Speed !== null && lt2Speed !== null && lt1Speed >= lt2Speed) {
    problems.push(doc.problem(['knows', 'lt1', 'pace'], `LT1 at ${lt1!.pace}/km must be slower than LT2 (${lt2!.pace}/km)`));
  }
  const hr = { lt1: lt1?.hr ?? null, lt2: lt2?.hr ?? null, max: athlete.knows.hrMax ?? null, resting: athlete.knows.restingHr ?? null };
  const ordered = [hr.resting, hr.lt1, hr.lt2, hr.max];
  const names = ['knows.restingHr', 'knows.lt1.hr', 'knows.lt2.hr', 'knows.hrMax'];
  for (let i = 1; i < ordered.length; i++) {
    const before = ordered.slice(0, i).findLastIndex((value) => value !== null);
    if (ordered[i] !== null && before >= 0 && ordered[i]! <= ordered[before]!) {
      problems.push(doc.problem(names[i]!.split('.'), `${ordered[i]} bpm must be above ${names[before]} (${ordered[before]} bpm)`));
    }
  }
  return {
    lt1Speed: lt1Speed ?? level.lt1Fraction.mean * top,
    lt2Speed: lt2Speed ?? level.lt2Fraction.mean * top,
    peakSpeed: top * parameters.tests.peakSpeedOverVVO2max,
    timeTrialMinutes: tenKm,
    vVO2max: top,
    raceKnown: race !== undefined,
    hr,
  };
}
